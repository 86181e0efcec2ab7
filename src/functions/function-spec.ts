/** The shape of one entry in the custom-function table, and the words its parameters are described in. */

import { matchChoice, type OutGrid } from '../core/cells';

export interface ParamSpec {
  readonly name: string;
  /** JSDoc type shown by Sheets' formula help, e.g. `number[][]`. */
  readonly type: string;
  readonly optional?: boolean;
  /** The words a text option accepts, in any case. */
  readonly choices?: readonly string[];
  /** What an omitted argument stands for: the wrappers pass it in the argument's place. */
  readonly default?: string | number;
  /** What to pass, in a sentence or two; the choices and the default are added where the help is shown. */
  readonly help: string;
}

/** What the workbench's formula engine knows of an argument before the call: its size, and its value when a single cell. */
export interface ArgShape {
  readonly rows: number;
  readonly cols: number;
  readonly value?: unknown;
}

export interface FunctionSpec {
  readonly name: string;
  /** One line, shown in Sheets' autocomplete. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /** The output's shape and what each cell holds. */
  readonly returns: string;
  /** A worked example: the formula as typed, and the arguments Sheets would pass for it. */
  readonly example: { readonly formula: string; readonly args: readonly unknown[] };
  readonly run: (...args: unknown[]) => OutGrid;
  /** Output size from the arguments' sizes, so a spreadsheet engine can reserve the spill area. */
  readonly outputShape: (args: readonly (ArgShape | undefined)[]) => { rows: number; cols: number };
}

/** `PROFILEGAP(profiles, campaigns, [weights], [mode])`. */
export function signature(spec: FunctionSpec): string {
  return `${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** The choice a text option's argument names, its default when it names none (an omitted or wrong argument). */
export function chosenOption(param: ParamSpec, arg: ArgShape | undefined): unknown {
  return matchChoice(arg?.value, param.choices ?? []) ?? param.default;
}

const shown = (value: string | number) => (typeof value === 'string' ? `"${value}"` : String(value));

/** `"a", "b" or "c"`. */
function alternatives(choices: readonly string[]): string {
  const quoted = choices.map(shown);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The parameter's help with its choices and default, as the README's reference and Sheets' formula help show it. */
export function paramDescription(param: ParamSpec): string {
  const fallback = param.default === undefined ? '' : shown(param.default);
  if (param.choices) {
    const omitted = fallback ? `; omitted, ${fallback}` : '';
    return `One of ${alternatives(param.choices)}, in any case${omitted}. ${param.help}`;
  }
  return fallback ? `${param.help} Omitted, ${fallback}.` : param.help;
}
