// Every custom function's outputShape against what the function returns, for its golden example and for fuzzed
// argument sizes, layouts, blank rows and modes: the engine reserves exactly the predicted area and shows #ERROR! on
// a mismatch instead of padding or cutting, so a wrong prediction must be caught here first.
import { describe, expect, it } from 'vitest';
import { FUNCTION_DOCS } from '../../../src/functions/function-docs';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

interface Spec {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly choices?: readonly string[] }[];
  readonly outputShape: (args: readonly ({ rows: number; cols: number; value?: unknown } | undefined)[]) => {
    rows: number;
    cols: number;
  };
}

const context = loadBundle();
const table = context.LeanSales.functionTable as readonly Spec[];

const isGrid = (arg: unknown): arg is unknown[][] => Array.isArray(arg) && arg.every(Array.isArray);

/** `grid` with `rows` rows, taking the example's rows in turn (so the values stay the kind the function expects). */
const resized = (grid: unknown[][], rows: number) => Array.from({ length: rows }, (_, r) => grid[r % grid.length]);
const transposed = (grid: unknown[][]) => grid[0].map((_, c) => grid.map((line) => line[c]));
const blankEverySecondRow = (grid: unknown[][]) => grid.map((line, r) => (r % 2 ? line.map(() => '') : line));
/** Ten-column vectors with a name column first, as PROFILEGAP takes labelled profiles and campaigns. */
const named = (arg: unknown) =>
  isGrid(arg) && arg[0]?.length === 10 ? arg.map((line, r) => [`Name ${r + 1}`, ...line]) : arg;

/** An argument as Sheets hands it over (a one-cell range as its value) and its shape as the engine sees it. */
function handed(
  arg: unknown,
  literal: boolean,
): { value: unknown; shape: { rows: number; cols: number; value?: unknown } | undefined } {
  if (arg === undefined) return { value: undefined, shape: undefined };
  if (!isGrid(arg)) return { value: arg, shape: literal ? { rows: 1, cols: 1, value: arg } : { rows: 1, cols: 1 } };
  const shape = { rows: arg.length, cols: arg[0]?.length ?? 0 };
  return { value: shape.rows === 1 && shape.cols === 1 ? arg[0][0] : arg, shape };
}

/** The argument lists to try for one function: its example, then sizes, layouts, blank rows and every mode. */
function cases(spec: Spec): { label: string; args: unknown[] }[] {
  // The bundle's table has no docs: the worked example comes from src/functions' doc table.
  const example = FUNCTION_DOCS.find((d) => d.name === spec.name)?.example;
  if (!example) throw new Error(`${spec.name} has no worked example in FUNCTION_DOCS`);
  const base = [...example.args];
  const grids = base.map((arg, i) => (isGrid(arg) ? i : -1)).filter((i) => i >= 0);
  const out: { label: string; args: unknown[] }[] = [{ label: 'the example', args: base }];
  const firstRows = isGrid(base[grids[0]]) ? (base[grids[0]] as unknown[][]).length : 0;
  for (const n of [1, 2, 3, 7, 16]) {
    out.push({
      label: `grids of the example's height at ${n} rows`,
      args: base.map((arg) => (isGrid(arg) && arg.length === firstRows ? resized(arg, n) : arg)),
    });
    for (const i of grids) {
      out.push({
        label: `argument ${i + 1} alone at ${n} rows`,
        args: base.map((arg, j) => (j === i ? resized(arg as unknown[][], n) : arg)),
      });
    }
  }
  out.push({
    label: 'single columns as rows',
    args: base.map((arg) => (isGrid(arg) && arg[0]?.length === 1 ? transposed(arg) : arg)),
  });
  out.push({
    label: 'every second row blank',
    args: base.map((arg) => (isGrid(arg) ? blankEverySecondRow(arg) : arg)),
  });
  spec.params.forEach((param, i) => {
    for (const choice of param.choices ?? []) {
      const args = [...base];
      while (args.length < i) args.push(undefined);
      args[i] = choice;
      out.push({ label: `${param.name} "${choice}"`, args });
      out.push({
        label: `${param.name} "${choice}", named vectors`,
        args: args.map((arg, j) => (j === i ? arg : named(arg))),
      });
      for (const n of [1, 4]) {
        out.push({
          label: `${param.name} "${choice}", grids at ${n} rows`,
          args: args.map((arg, j) => (j !== i && isGrid(arg) ? resized(arg, n) : arg)),
        });
      }
    }
  });
  return out;
}

function sizeOf(result: unknown): { rows: number; cols: number } {
  if (!Array.isArray(result)) return { rows: 1, cols: 1 };
  const grid = Array.isArray(result[0]) ? (result as unknown[][]) : [result];
  return { rows: Math.max(1, grid.length), cols: Math.max(1, grid[0]?.length ?? 0) };
}

/** Every case where the function returned (a thrown structural error needs no size) and its size was not predicted. */
function mismatchesOf(spec: Spec, call: (args: unknown[]) => unknown): { compared: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let compared = 0;
  for (const { label, args } of cases(spec)) {
    const given = args.map((arg) => handed(arg, !isGrid(arg)));
    const values = given.map((g) => g.value);
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    let result: unknown;
    try {
      result = call(values);
    } catch {
      continue;
    }
    let predicted: { rows: number; cols: number };
    try {
      const shape = spec.outputShape(given.map((g) => g.shape));
      predicted = { rows: Math.max(1, shape.rows), cols: Math.max(1, shape.cols) };
    } catch {
      predicted = { rows: 1, cols: 1 };
    }
    const actual = sizeOf(result);
    compared++;
    if (actual.rows !== predicted.rows || actual.cols !== predicted.cols) {
      mismatches.push(
        `${label}: returned ${actual.rows} x ${actual.cols}, outputShape predicted ${predicted.rows} x ${predicted.cols}`,
      );
    }
  }
  return { compared, mismatches };
}

describe('outputShape predicts every custom function result', () => {
  it('covers every function of the table', () => {
    expect(table.map((spec) => spec.name)).toEqual(expect.arrayContaining(['LEADSCORE', 'PROFILEGAP', 'SWEETSPOT']));
  });

  for (const spec of table) {
    it(`${spec.name}: its example and fuzzed arguments come back the size outputShape predicted`, () => {
      const { compared, mismatches } = mismatchesOf(spec, (args) => callTopLevel(context, spec.name, ...args));
      expect(compared).toBeGreaterThan(5);
      expect(mismatches).toEqual([]);
    });
  }

  it('finds a mismatch when there is one (the sweep itself works)', () => {
    const leadscore = table.find((spec) => spec.name === 'LEADSCORE') as Spec;
    const offByOne: Spec = {
      ...leadscore,
      outputShape: (args) => {
        const shape = leadscore.outputShape(args);
        return { rows: shape.rows + 1, cols: shape.cols };
      },
    };
    const { mismatches } = mismatchesOf(offByOne, (args) => callTopLevel(context, 'LEADSCORE', ...args));
    expect(mismatches[0]).toBe('the example: returned 3 x 1, outputShape predicted 4 x 1');
  });
});
