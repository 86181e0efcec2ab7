/** The shape of one entry in the custom-function table. */

import type { OutGrid } from '../core/cells';

export interface ParamSpec {
  readonly name: string;
  /** JSDoc type shown by Sheets' formula help, e.g. `number[][]`. */
  readonly type: string;
  readonly optional?: boolean;
  /** One sentence: what to pass and, for optional ones, the default. */
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
