/**
 * The shapes of one custom function's two parts, both written in its `*-spec.ts` file: the runtime part
 * (`FunctionSpec`, in the bundle: name, parameters, run, output shape) and the doc part (`FunctionDoc`, read only by
 * the tools that write Sheets' formula help and the README's reference, so the bundle leaves its words out).
 */

import { matchChoice, type OutGrid } from '../core/cells';

/** What the runtime knows of a parameter: the wrappers check, default and choose with it. */
export interface ParamSpec {
  readonly name: string;
  readonly optional?: boolean;
  /** The words a text option accepts, in any case. */
  readonly choices?: readonly string[];
  /** What an omitted argument stands for: the wrappers pass it in the argument's place. */
  readonly default?: string | number;
}

/** What the workbench's formula engine knows of an argument before the call: its size, and its value when a single cell. */
export interface ArgShape {
  readonly rows: number;
  readonly cols: number;
  readonly value?: unknown;
}

/** A custom function's runtime part: its entry in `FUNCTION_TABLE`, exported by the bundle as `functionTable`. */
export interface FunctionSpec {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  readonly run: (...args: unknown[]) => OutGrid;
  /** Output size from the arguments' sizes, so a spreadsheet engine can reserve the spill area. */
  readonly outputShape: (args: readonly (ArgShape | undefined)[]) => { rows: number; cols: number };
}

/** How a parameter is described; `name` is its runtime `ParamSpec`'s, in the same position. */
export interface ParamDoc {
  readonly name: string;
  /** JSDoc type shown by Sheets' formula help, e.g. `number[][]`. */
  readonly type: string;
  /** What to pass, in a sentence or two; the choices and the default are added where the help is shown. */
  readonly help: string;
}

/**
 * A custom function's doc part: its entry in `FUNCTION_DOCS` (function-docs.ts). Each `*-spec.ts` file writes it in
 * a function, which the bundle never calls and so leaves out (an object whose text is built from imported constants
 * would be kept).
 */
export interface FunctionDoc {
  readonly name: string;
  /** One line, shown in Sheets' autocomplete. */
  readonly summary: string;
  /** One per runtime parameter, in the same order. */
  readonly params: readonly ParamDoc[];
  /** The output's shape and what each cell holds. */
  readonly returns: string;
  /** A worked example: the formula as typed, and the arguments Sheets would pass for it. */
  readonly example: { readonly formula: string; readonly args: readonly unknown[] };
}

/** `PROFILEGAP(profiles, campaigns, [weights], [mode])`. */
export function signature(spec: FunctionSpec): string {
  return `${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** The choice a text option's argument names, its default when it names none (an omitted or wrong argument). */
export function chosenOption(param: ParamSpec, arg: ArgShape | undefined): unknown {
  return matchChoice(arg?.value, param.choices ?? []) ?? param.default;
}
