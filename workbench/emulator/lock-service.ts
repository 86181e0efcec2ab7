/**
 * LockService. The document lock is one per workbook, shared by every Execution on it. Executions run on one
 * thread, so a lock held by another execution can never be released while this one waits: waiting is virtual and
 * fails at once, with Apps Script's timeout message.
 */

import { gasError, MESSAGES, signatureError } from './apps-script-errors';
import { type Runtime, ServiceObject } from './execution-runtime';

type GasLock = GoogleAppsScript.Lock.Lock;
type GasLockService = GoogleAppsScript.Lock.LockService;

class EmulatedLock extends ServiceObject<GasLock> implements GasLock {
  #acquired = false;

  constructor(
    rt: Runtime,
    readonly key: string,
  ) {
    super(rt);
  }

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw signatureError('Lock.tryLock', [timeoutInMillis]);
    this.#acquired = this.rt.workbook.locks.acquire(this.key, this.rt.id);
    return this.#acquired;
  }

  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') throw signatureError('Lock.waitLock', [timeoutInMillis]);
    if (!this.tryLock(timeoutInMillis)) throw gasError(MESSAGES.lockTimeout);
  }

  releaseLock(): void {
    this.rt.workbook.locks.release(this.key, this.rt.id);
    this.#acquired = false;
  }

  /** True after this Lock object acquired the lock, until it is released (by any Lock of this execution). */
  hasLock(): boolean {
    return this.#acquired && this.rt.workbook.locks.holder(this.key) === this.rt.id;
  }
}

export class EmulatedLockService
  extends ServiceObject<GasLockService>
  implements Pick<GasLockService, 'getScriptLock' | 'getUserLock'>
{
  /**
   * The document's lock; null for a script not bound to a document (a standalone script or web app), as Apps Script
   * documents it. The emulator's `boundToDocument: false` option models that script.
   */
  getDocumentLock(): GasLock | null {
    if (!this.rt.options.boundToDocument) return null;
    return this.rt.wrap(new EmulatedLock(this.rt, 'document'), 'Lock');
  }

  /** One script per workbook here (the add-on bound to it), so the script lock is the workbook's too. */
  getScriptLock(): GasLock {
    return this.rt.wrap(new EmulatedLock(this.rt, 'script'), 'Lock');
  }

  getUserLock(): GasLock {
    return this.rt.wrap(new EmulatedLock(this.rt, `user:${this.rt.options.user}`), 'Lock');
  }
}
