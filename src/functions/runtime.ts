/** Turns the function table into the callables Sheets invokes: argument checks, defaults and error messages. */

import { isOmitted, type OutGrid, StructuralError } from '../core/cells';
import type { FunctionSpec } from './spec';
import { FUNCTION_TABLE } from './table';

export type CustomFunction = (...args: unknown[]) => OutGrid;

function signature(spec: FunctionSpec): string {
  return `${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** A custom function never returns NaN or Infinity: a non-finite number is a bug, reported as one. */
function assertFinite(out: OutGrid): void {
  // Indexed loops and `x - x` (NaN exactly for NaN and ±Infinity): this runs over every output cell of every call.
  for (let r = 0; r < out.length; r++) {
    const row = out[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number' && cell - cell !== 0) throw new Error(`internal error: computed ${cell}`);
    }
  }
}

export function wrap(spec: FunctionSpec): CustomFunction {
  const required = spec.params.filter((p) => !p.optional).length;
  return (...args: unknown[]): OutGrid => {
    try {
      if (args.length > spec.params.length) {
        throw new StructuralError(
          `takes at most ${spec.params.length} arguments, ${signature(spec)}; got ${args.length}`,
        );
      }
      for (let i = 0; i < required; i++) {
        if (args[i] === undefined)
          throw new StructuralError(`${spec.params[i].name} is missing; use ${signature(spec)}`);
      }
      const normalised = spec.params.map((p, i) => (p.optional && isOmitted(args[i]) ? undefined : args[i]));
      const out = spec.run(...normalised);
      assertFinite(out);
      return out;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${spec.name}: ${message}`);
    }
  };
}

/** The callable of every custom function, by name; `dist/Code.js` declares one top-level stub per entry. */
export const customFunctions: Readonly<Record<string, CustomFunction>> = Object.fromEntries(
  FUNCTION_TABLE.map((spec) => [spec.name, wrap(spec)]),
);
