/**
 * Edits that cost what they change: after an edit the engine writes back only the cells whose value changed, formulas
 * reading an array whose values all stayed the same are not computed again, and the typed ranges custom functions are
 * given are converted once and patched cell by cell, giving what a fresh conversion gives.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();

let engines: FormulaEngine[] = [];
afterEach(() => {
  for (const engine of engines) engine.detach();
  engines = [];
});

const RATINGS = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
  [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
];

/** Ratings in A2:J5, scores spilled from K2, statuses in L, SCOREBANDS over the scores in N1; every call counted. */
function scored(): {
  workbook: Workbook;
  engine: FormulaEngine;
  calls: Map<string, unknown[][]>;
  written: [number, number][];
} {
  const calls = new Map<string, unknown[][]>();
  const host = {
    table: context.LeanSales.functionTable,
    call: (name: string, args: unknown[]) => {
      calls.set(name, [...(calls.get(name) ?? []), args]);
      return callTopLevel(context, name, ...args);
    },
  };
  const workbook = createWorkbook();
  workbook.write('Sheet1', 2, 1, RATINGS);
  workbook.write('Sheet1', 2, 12, [['Won'], ['Lost'], ['Lost'], ['Won']]);
  workbook.write('Sheet1', 2, 11, [['=LEADSCORE(A2:J5)']]);
  workbook.write('Sheet1', 1, 14, [['=SCOREBANDS(K2:K5, L2:L5)']]);
  const engine = FormulaEngine.attach(workbook, { host });
  engines.push(engine);
  const written: [number, number][] = [];
  const setComputedValues = workbook.setComputedValues.bind(workbook);
  workbook.setComputedValues = (sheet, row, column, grid, spilled) => {
    grid.forEach((line, r) => {
      line.forEach((_, c) => {
        written.push([row + r, column + c]);
      });
    });
    setComputedValues(sheet, row, column, grid, spilled);
  };
  calls.clear();
  return { workbook, engine, calls, written };
}

const score = (workbook: Workbook, row: number) => workbook.sheet('Sheet1').values.get(row - 1, 10);

describe('an edit writes back what it changed', () => {
  it('writes the one score that changed, not the whole spill', () => {
    const { workbook, written } = scored();
    workbook.write('Sheet1', 3, 1, [[5]]);
    expect(score(workbook, 3)).toBe(60);
    expect(written.filter(([, column]) => column === 11)).toEqual([[3, 11]]);
    expect([score(workbook, 2), score(workbook, 4), score(workbook, 5)]).toEqual([100, 0, 50]);
  });

  it('does not compute again a formula reading an array whose values stayed the same', () => {
    const { workbook, calls, written } = scored();
    // Two ratings swapped in one write: LEADSCORE runs again and gives the same scores.
    workbook.write('Sheet1', 3, 1, [[3, 2]]);
    expect(calls.get('LEADSCORE')).toHaveLength(1);
    expect(calls.get('SCOREBANDS')).toBeUndefined();
    expect(written).toEqual([]);
    // A real change still reaches it.
    workbook.write('Sheet1', 3, 1, [[5]]);
    expect(calls.get('SCOREBANDS')).toHaveLength(1);
  });

  it('writes nothing back when a rating is typed again with the value it had', () => {
    const { workbook, written } = scored();
    workbook.write('Sheet1', 4, 5, [[5]]);
    expect(written).toEqual([]);
  });
});

describe('typed ranges given to custom functions', () => {
  it('give after an edit exactly what a fresh conversion gives: numbers, text, blanks and dates', () => {
    const { workbook, engine, calls } = scored();
    workbook.write('Sheet1', 3, 2, [['x']]);
    workbook.write('Sheet1', 4, 3, [['']]);
    workbook.write('Sheet1', 5, 4, [['2026-03-01']]);
    const patched = calls.get('LEADSCORE')?.at(-1)?.[0];
    calls.clear();
    engine.recalculate();
    const fresh = calls.get('LEADSCORE')?.at(-1)?.[0];
    expect(patched).toEqual(fresh);
    expect((fresh as unknown[][])[1][1]).toBe('x');
    expect((fresh as unknown[][])[2][2]).toBe('');
    expect((fresh as unknown[][])[3][3]).toBeInstanceOf(Date);
    expect(score(workbook, 3)).toMatch(/invalid Knowledge/);
  });

  it('see a formula typed into the range, and its later changes', () => {
    const { workbook } = scored();
    workbook.write('Sheet1', 3, 1, [['=6-A2']]);
    expect(score(workbook, 3)).toBe(60);
    workbook.write('Sheet1', 2, 1, [[2]]);
    expect(score(workbook, 3)).toBeCloseTo(62.5, 10);
    expect(score(workbook, 2)).toBeCloseTo(97.5, 10);
  });

  it('are given to the script as rows it cannot change', () => {
    const { workbook, calls } = scored();
    workbook.write('Sheet1', 3, 1, [[4]]);
    const ratings = calls.get('LEADSCORE')?.at(-1)?.[0] as unknown[][];
    expect(Object.isFrozen(ratings) && ratings.every((row) => Object.isFrozen(row))).toBe(true);
  });

  it('follow rows inserted above them', () => {
    const { workbook } = scored();
    workbook.insertRows(workbook.sheet('Sheet1'), 2, 1);
    workbook.write('Sheet1', 4, 1, [[5]]);
    expect(score(workbook, 4)).toBe(60);
    expect(score(workbook, 3)).toBe(100);
  });
});

describe('conditional counts over the same ranges with several criteria', () => {
  it('stay exact through edits of the counted column and of a condition column', () => {
    const workbook = createWorkbook();
    const engine = FormulaEngine.attach(workbook, {
      host: { table: context.LeanSales.functionTable, call: (n, a) => callTopLevel(context, n, ...a) },
    });
    engines.push(engine);
    workbook.write('Sheet1', 1, 1, [
      ['Won', 1],
      ['Lost', 1],
      ['Won', 2],
      ['Lost', 2],
      ['Won', 2],
    ]);
    const formula = '=COUNTIFS(A1:A5, "Won", B1:B5, ">="&(1+0*TODAY()))&"/"&COUNTIFS(A1:A5, "Lost", B1:B5, ">=1")';
    workbook.write('Sheet1', 1, 4, [[formula], ['=COUNTIFS(A1:A5, "Won", B1:B5, 2)']]);
    const shown = () => [workbook.sheet('Sheet1').values.get(0, 3), workbook.sheet('Sheet1').values.get(1, 3)];
    expect(shown()).toEqual(['3/2', 2]);
    workbook.write('Sheet1', 10, 10, [['anything']]);
    expect(shown()).toEqual(['3/2', 2]);
    workbook.write('Sheet1', 2, 1, [['Won']]);
    expect(shown()).toEqual(['4/1', 2]);
    workbook.write('Sheet1', 3, 2, [[0]]);
    expect(shown()).toEqual(['3/1', 1]);
    workbook.write('Sheet1', 10, 10, [['again']]);
    expect(shown()).toEqual(['3/1', 1]);
  });
});

describe("an array's cells given to a custom function", () => {
  it('give after each change what a fresh conversion gives: changed scores, a removed array, an array again', () => {
    const { workbook, engine, calls } = scored();
    const lastBands = () => calls.get('SCOREBANDS')?.at(-1)?.[0];
    const fresh = () => {
      calls.clear();
      engine.recalculate();
      return lastBands();
    };
    workbook.write('Sheet1', 3, 1, [[5]]);
    const patched = lastBands();
    expect(patched).toEqual([[100], [60], [0], [50]]);
    expect(patched).toEqual(fresh());
    // A typed value over the array's formula removes the array: the scores below it are blank.
    workbook.write('Sheet1', 2, 11, [[7]]);
    expect(lastBands()).toEqual([[7], [''], [''], ['']]);
    expect(lastBands()).toEqual(fresh());
    workbook.write('Sheet1', 2, 11, [['=LEADSCORE(A2:J5)']]);
    workbook.write('Sheet1', 5, 1, [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    expect(lastBands()).toEqual([[100], [60], [0], [100]]);
    // Typed data in the array's way: the array is an error, and its cells are blank.
    workbook.write('Sheet1', 4, 11, [['x']]);
    const blocked = lastBands();
    expect(blocked).toEqual(fresh());
    workbook.write('Sheet1', 4, 11, [['']]);
    expect(lastBands()).toEqual([[100], [60], [0], [100]]);
  });
});
