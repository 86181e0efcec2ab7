/** Base of every emulated Apps Script object: it knows its execution, and `self` is what a chained method returns. */

import type { Runtime } from './execution-runtime';

export abstract class ServiceObject<G = unknown> {
  constructor(protected readonly rt: Runtime) {}

  /** Typed as the Apps Script interface; the counting proxy hands the script itself in place of this object. */
  protected get self(): G {
    return this as unknown as G;
  }
}
