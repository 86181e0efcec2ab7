/** Turns the function table into the callables Sheets invokes: argument checks, defaults and error messages. */

import { isOmitted, type OutGrid, StructuralError } from '../core/cells';
import { type FunctionSpec, signature } from './function-spec';
import { FUNCTION_TABLE } from './function-table';

export type CustomFunction = (...args: unknown[]) => OutGrid;

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
      // An omitted or empty optional argument becomes its default (undefined when it has none), in this one place.
      const normalised = spec.params.map((p, i) => (p.optional && isOmitted(args[i]) ? p.default : args[i]));
      // No NaN or Infinity can come out: the cores compute only from validated values with positive divisors
      // (their property tests hold them to it), so no second pass over every output cell is spent checking.
      return spec.run(...normalised);
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
