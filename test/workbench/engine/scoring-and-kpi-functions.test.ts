// SCOREAUC, SCOREBANDS, FACTORWEIGHTS, QUALIFY and KPISIGNAL computed by the workbench's formula engine from formulas
// in a sheet, over open-ended ranges (`Leads!R2:R`), with the bundle's functions registered from its table: each spills
// exactly the size its outputShape reserved (a wrong prediction would be #ERROR! in the cell) and agrees with its core.

import { afterEach, describe, expect, it } from 'vitest';
import { factorWeights } from '../../../src/core/factor-weights';
import { kpiSignal } from '../../../src/core/kpi-signal';
import { leadScore } from '../../../src/core/lead-score';
import { qualify } from '../../../src/core/qualify';
import { scoreAuc } from '../../../src/core/score-auc';
import { scoreBands } from '../../../src/core/score-bands';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
};

let engines: FormulaEngine[] = [];
afterEach(() => {
  for (const engine of engines) engine.detach();
  engines = [];
});

const RATINGS = [
  [1, 2, 1, 2, 2, 1, 2, 3, 2, 2],
  [2, 2, 2, 3, 2, 1, 3, 2, 2, 1],
  [4, 3, 2, 3, 3, 4, 3, 3, 2, 3],
  [1, 1, 2, 2, 1, 2, 2, 2, 3, 2],
  [5, 4, 3, 3, 4, 4, 3, 4, 3, 4],
  [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  [4, 4, 2, 3, 3, 5, 3, 3, 2, 3],
  [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, ''],
];
const STATUSES = ['Won', 'Won', 'Lost', 'Won', 'Lost', 'New', 'Lost', 'Qualified', 'Won'];
const GATES = [2, '', 2, '', '', 3, '', '', '', ''];
const KPI_NAMES = ['Calls', '', 'Win rate'];
const LOG = [
  [3, 'Calls', 42],
  [1, 'Calls', 38],
  [2, 'Win rate', 0.3],
  [4, 'calls ', 45],
  [5, 'Calls', 40],
  [6, 'Calls', 44],
  [8, 'Calls', 75],
  [7, 'Calls', 41],
];

const column = (values: readonly unknown[]) => values.map((v) => [v]);

/** A workbook laid out as the add-on's: Leads (ten factors in H:Q, Score in R, Status in T), Factors, KPIs, KPI log. */
function workbook(): Workbook {
  const book = createWorkbook();
  engines.push(FormulaEngine.attach(book, { host, onFailure: (m) => expect.fail(m) }));
  book.insertSheet('Leads');
  book.write('Leads', 2, 8, RATINGS);
  book.write('Leads', 1, 18, [['={"Score"; LEADSCORE(H2:Q)}']]);
  book.write('Leads', 2, 20, column(STATUSES));
  book.insertSheet('Factors');
  book.write('Factors', 2, 5, column(GATES));
  book.insertSheet('KPIs');
  book.write('KPIs', 2, 1, column(KPI_NAMES));
  book.insertSheet('KPI log');
  book.write(
    'KPI log',
    2,
    1,
    LOG.map(([day, kpi, value]) => [new Date(2024, 0, day as number), kpi, value]),
  );
  return book;
}

/** The block a formula spilled from (row, column), `rows` x `cols` of Sheet1's computed values. */
function block(book: Workbook, row: number, col: number, rows: number, cols: number): unknown[][] {
  const values = book.sheet('Sheet1').values;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => values.get(row - 1 + r, col - 1 + c)),
  );
}

/** What the engine's grid shows for a core's result: numbers as they are, blanks as ''. */
function shown(grid: unknown[][]): unknown[][] {
  return grid.map((line) => line.map((cell) => cell ?? ''));
}

/** The closed leads' scores and statuses as the open-ended columns pass them: 999 rows, blank below the leads. */
function openEnded(values: readonly unknown[]): unknown[][] {
  return column([...values, ...Array.from({ length: 999 - values.length }, () => '')]);
}

const scores = () => leadScore(RATINGS).map(([score]) => score);

describe('the new custom functions in the workbench formula engine', () => {
  it('SCOREAUC: one row of five from the Score and Status columns', () => {
    const book = workbook();
    book.write('Sheet1', 1, 1, [['=SCOREAUC(Leads!R2:R, Leads!T2:T)']]);
    expect(block(book, 1, 1, 1, 6)).toEqual([[...scoreAuc(openEnded(scores()), openEnded(STATUSES))[0], '']]);
    // The last won lead is incompletely rated, so its Score is a text and it is skipped: 3 won, 3 lost.
    expect(block(book, 1, 1, 1, 5)[0].slice(3)).toEqual([3, 3]);
  });

  it('SCOREBANDS: one row per band, for the default edges, one typed edge and a range of edges', () => {
    const book = workbook();
    book.write('Factors', 2, 8, column([30, 70]));
    book.write('Sheet1', 1, 1, [['=SCOREBANDS(Leads!R2:R, Leads!T2:T)']]);
    book.write('Sheet1', 7, 1, [['=SCOREBANDS(Leads!R2:R, Leads!T2:T, 50, 0.9)']]);
    book.write('Sheet1', 11, 1, [['=SCOREBANDS(Leads!R2:R, Leads!T2:T, Factors!H2:H3)']]);
    const [s, o] = [openEnded(scores()), openEnded(STATUSES)];
    expect(block(book, 1, 1, 5, 6)).toEqual([...shown(scoreBands(s, o)), ['', '', '', '', '', '']]);
    expect(block(book, 7, 1, 2, 6)).toEqual(shown(scoreBands(s, o, 50, 0.9)));
    expect(block(book, 11, 1, 3, 6)).toEqual(shown(scoreBands(s, o, column([30, 70]))));
    expect(block(book, 11, 1, 3, 1)).toEqual([['70-100'], ['30-70'], ['0-30']]);
  });

  it('FACTORWEIGHTS: ten weights from the ratings and statuses, and the message while leads are too few', () => {
    const book = workbook();
    book.write('Sheet1', 1, 1, [['=FACTORWEIGHTS(Leads!H2:Q, Leads!T2:T, 3)']]);
    book.write('Sheet1', 1, 2, [['=FACTORWEIGHTS(Leads!H2:Q, Leads!T2:T)']]);
    const ratings = [...RATINGS, ...Array.from({ length: 999 - RATINGS.length }, () => Array(10).fill(''))];
    expect(block(book, 1, 1, 11, 1)).toEqual([...shown(factorWeights(ratings, openEnded(STATUSES), 3)), ['']]);
    const weights = block(book, 1, 1, 10, 1).map(([w]) => w as number);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 12);
    expect(block(book, 1, 2, 2, 1)).toEqual([['needs 10 won and 10 lost leads (has 3 won, 3 lost)'], ['']]);
  });

  it('QUALIFY: one verdict per row of the open-ended ratings range, blank rows blank, and it follows an edit', () => {
    const book = workbook();
    book.write('Sheet1', 1, 1, [['=QUALIFY(Leads!H2:Q, 60, Factors!E2:E11)']]);
    const ratings = [...RATINGS, ...Array.from({ length: 999 - RATINGS.length }, () => Array(10).fill(''))];
    const verdicts = qualify(ratings, 60, column(GATES));
    expect(block(book, 1, 1, 12, 1)).toEqual(verdicts.slice(0, 12));
    expect(block(book, 1, 1, 1, 1)).toEqual([['qualified']]);
    book.write('Leads', 2, 10, [[4]]);
    expect(block(book, 1, 1, 1, 1)).toEqual([['not qualified: Authority 4 (at most 2)']]);
  });

  it('KPISIGNAL: four cells per KPI row, the log read in date order', () => {
    const book = workbook();
    book.write('Sheet1', 1, 1, [["=KPISIGNAL(KPIs!A2:A4, 'KPI log'!B2:B, 'KPI log'!C2:C, 'KPI log'!A2:A)"]]);
    book.write('Sheet1', 6, 1, [["=KPISIGNAL(KPIs!A2:A4, 'KPI log'!B2:B, 'KPI log'!C2:C)"]]);
    const logKpis = openEnded(LOG.map(([, kpi]) => kpi));
    const logValues = openEnded(LOG.map(([, , value]) => value));
    const logDates = openEnded(LOG.map(([day]) => new Date(2024, 0, day as number)));
    const byDate = shown(kpiSignal(column(KPI_NAMES), logKpis, logValues, logDates));
    const byRow = shown(kpiSignal(column(KPI_NAMES), logKpis, logValues));
    expect(block(book, 1, 1, 3, 4)).toEqual(byDate);
    expect(block(book, 6, 1, 3, 4)).toEqual(byRow);
    // In date order the 75 is the last value, above the limits; in row order the 41 is, routine.
    expect(byDate[0][3]).toBe('signal: above the limits');
    expect(byRow[0][3]).toBe('routine variation');
    expect(byDate[1]).toEqual(['', '', '', '']);
    expect(byDate[2][3]).toBe('needs 5 values (has 1)');
  });

  it('shows a structural error as #ERROR! with the function name and its message', () => {
    const book = workbook();
    book.write('Sheet1', 1, 1, [['=SCOREBANDS(Leads!R2:R, Leads!T2:T, 100)']]);
    expect(book.sheet('Sheet1').values.get(0, 0)).toBe('#ERROR!');
    expect(engines[0].errorAt('Sheet1', 1, 1)?.message).toMatch(/^SCOREBANDS: edges must be numbers between 0 and 100/);
  });
});
