/**
 * COUNTIFS, SUMIFS, COUNTIF and AVERAGEIFS scanned with loops (`criterion-scans.ts`) give what HyperFormula's own
 * code gives and what a fresh engine computes, after edits of the counted range, of condition ranges, of a spilled
 * condition column and of the sheet's rows.
 */

import { HyperFormula } from 'hyperformula';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (n: string, a: unknown[]) => callTopLevel(context, n, ...a),
};

// HyperFormula's own method, taken before any engine of this file installs the loops.
type Aggregation = (...args: unknown[]) => unknown;
const plugin = (HyperFormula.getFunctionPlugin('COUNTIFS') as unknown as { prototype: Record<string, Aggregation> })
  .prototype;
const hyperFormulasOwn = plugin.computeConditionalAggregationFunction;

/** Recomputes the workbook with HyperFormula's own conditional aggregation, then puts the loops back. */
function recalculateWithHyperFormulasOwn(engine: FormulaEngine): void {
  const loops = plugin.computeConditionalAggregationFunction;
  plugin.computeConditionalAggregationFunction = hyperFormulasOwn;
  try {
    engine.recalculate();
  } finally {
    plugin.computeConditionalAggregationFunction = loops;
  }
}

let engines: FormulaEngine[] = [];
afterEach(() => {
  for (const engine of engines) engine.detach();
  engines = [];
});

const DAY = 24 * 60 * 60 * 1000;
/** Status (A), closed date (B), amount (C), profile (D), rating (E); row 1 holds headers. */
function leads(): unknown[][] {
  const statuses = ['Won', 'Lost', '', 'won', 'Wonder', 'Lost', 'Won', 'x', 'Won', ''];
  const profiles = ['Ready buyer', 'Project lead', 'Growing firm', 'Ready buyer', '', 'Tender buyer'];
  const rows: unknown[][] = [['Status', 'Closed', 'Amount', 'Profile', 'Rating']];
  for (let i = 0; i < 40; i++) {
    rows.push([
      statuses[i % statuses.length],
      i % 7 === 3 ? '' : new Date(Date.UTC(2025, 0, 1) + i * 5 * DAY),
      i % 9 === 4 ? 'n/a' : i % 11 === 5 ? '' : (i * 37) % 101,
      profiles[i % profiles.length],
      (i % 5) + 1,
    ]);
  }
  return rows;
}

const FORMULAS = [
  '=COUNTIFS(A2:A41, "Won")',
  '=COUNTIFS(A2:A41, "<>x")',
  '=COUNTIFS(A2:A41, "W*")',
  '=COUNTIFS(A2:A41, "")',
  '=COUNTIFS(A2:A41, "Won", B2:B41, ">="&DATE(2025, 3, 1))',
  '=COUNTIFS(A2:A41, "Lost", B2:B41, "<"&(DATE(2025, 4, 1)+0*TODAY()))',
  '=COUNTIF(E2:E41, 3)',
  '=COUNTIF(E2:E41, ">=4")',
  '=COUNTIF(C2:C41, "<>")',
  '=SUMIFS(C2:C41, A2:A41, "Won")',
  '=SUMIFS(C2:C41, A2:A41, "Lost", E2:E41, ">2")',
  '=SUMIF(A2:A41, "Won", C2:C41)',
  '=AVERAGEIFS(C2:C41, A2:A41, "Won")',
  '=AVERAGEIFS(C2:C41, D2:D41, "Nobody")',
  '=COUNTIFS(A2:A41, "Won", B2:B40, ">0")',
  '=SUMIFS(C2:C41, A2:A30, "Won")',
  '=COUNTIFS(A2:A41, "Won", F2:F41, "<>1")',
  '=COUNTIFS(D2:D41, "Ready buyer", A2:A41, "Lost")',
];

/** The leads, the formulas above in H1:H18, errors in F (every fourth row), per-profile counts in J2:L. */
function workbookWithCounts(): Workbook {
  const workbook = createWorkbook();
  workbook.write('Sheet1', 1, 1, leads());
  for (let row = 2; row <= 41; row += 4) workbook.write('Sheet1', row, 6, [['=1/0']]);
  workbook.write(
    'Sheet1',
    1,
    8,
    FORMULAS.map((formula) => [formula]),
  );
  workbook.write('Sheet1', 2, 10, [['Ready buyer'], ['Project lead'], ['Growing firm'], ['Tender buyer']]);
  workbook.write('Sheet1', 1, 11, [
    [
      '={"Won"; ARRAYFORMULA(IF(J2:J20="", "", COUNTIFS(D2:D41, J2:J20, A2:A41, "Won")))}',
      '={"Sum"; ARRAYFORMULA(IF(J2:J20="", "", SUMIFS(C2:C41, D2:D41, J2:J20, A2:A41, "<>Lost")))}',
    ],
  ]);
  return workbook;
}

const computed = (workbook: Workbook) => workbook.values('Sheet1').map((row) => row.slice(7, 12));

/** The computed columns as the engine shows them, as a fresh engine computes them, and as HyperFormula's code does. */
function threeWays(workbook: Workbook, engine: FormulaEngine) {
  const shown = computed(workbook);
  engine.recalculate();
  const fresh = computed(workbook);
  recalculateWithHyperFormulasOwn(engine);
  const own = computed(workbook);
  engine.recalculate();
  return { shown, fresh, own };
}

function attached(workbook: Workbook): FormulaEngine {
  const engine = FormulaEngine.attach(workbook, { host });
  engines.push(engine);
  return engine;
}

describe('conditional aggregates scanned with loops', () => {
  it('are installed in place of HyperFormula’s scans', () => {
    attached(createWorkbook());
    expect(plugin.computeConditionalAggregationFunction).not.toBe(hyperFormulasOwn);
  });

  it('give what HyperFormula gives: text, wildcard, date and number criteria, blanks, errors, unequal ranges', () => {
    const workbook = workbookWithCounts();
    const engine = attached(workbook);
    const { shown, fresh, own } = threeWays(workbook, engine);
    expect(shown).toEqual(own);
    expect(fresh).toEqual(own);
    const column = shown.map((row) => row[0]);
    // Text criteria ignore case ("won" counts as "Won"); "W*" also takes "Wonder".
    expect(column.slice(0, 4)).toEqual([16, 36, 20, 8]);
    expect(column[14]).toBe('#VALUE!');
    expect(column[15]).toBe('#VALUE!');
    // Errors (#DIV/0! in F) and blanks pass "<>1".
    expect(column[16]).toBe(16);
    expect(shown.slice(0, 6).map((row) => row[3])).toEqual(['Won', 7, 1, 4, 1, '']);
  });

  it('stay exact through edits of the counted range, of condition ranges, and of rows', () => {
    const workbook = workbookWithCounts();
    const engine = attached(workbook);
    const sheet = workbook.sheet('Sheet1');
    const edits: (() => void)[] = [
      () => workbook.write('Sheet1', 3, 1, [['Won']]),
      () => workbook.write('Sheet1', 10, 3, [[1000]]),
      () => workbook.write('Sheet1', 11, 3, [['=1/0']]),
      () => workbook.write('Sheet1', 12, 2, [[new Date(Date.UTC(2025, 5, 1))]]),
      () => workbook.write('Sheet1', 2, 4, [['Tender buyer']]),
      () => workbook.write('Sheet1', 5, 1, [['']]),
      () => workbook.write('Sheet1', 6, 5, [[3]]),
      () => workbook.write('Sheet1', 2, 10, [['Project lead']]),
      () => workbook.write('Sheet1', 6, 10, [['Ready buyer']]),
      () => workbook.insertRows(sheet, 8, 2),
      () => workbook.write('Sheet1', 8, 1, [['Won', '', 7, 'Ready buyer', 4]]),
      () => workbook.deleteRows(sheet, 20, 3),
      () => workbook.write('Sheet1', 25, 1, [['Lost']]),
    ];
    for (const edit of edits) {
      edit();
      const { shown, fresh, own } = threeWays(workbook, engine);
      expect(shown).toEqual(own);
      expect(fresh).toEqual(own);
    }
  });

  it('follow a spilled condition column as its values change', () => {
    const workbook = createWorkbook();
    const engine = attached(workbook);
    const ratings = Array.from({ length: 30 }, (_, i) => [Array.from({ length: 10 }, (_, j) => ((i + j) % 5) + 1)]);
    workbook.write(
      'Sheet1',
      2,
      1,
      ratings.map(([row]) => row),
    );
    workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J31)}']]);
    workbook.write('Sheet1', 1, 12, [['Status'], ...Array.from({ length: 30 }, (_, i) => [i % 3 ? 'Won' : 'Lost'])]);
    workbook.write('Sheet1', 1, 14, [
      ['=COUNTIFS(K2:K31, ">=50", L2:L31, "Won")', '=SUMIFS(K2:K31, L2:L31, "Lost")', '=COUNTIF(K2:K31, 0)'],
    ]);
    const counts = () => workbook.values('Sheet1')[0].slice(13, 16);
    for (const [row, value] of [
      [2, 5],
      [3, 1],
      [2, 1],
      [9, 5],
    ]) {
      workbook.write('Sheet1', row, 1, [Array.from({ length: 10 }, () => value)]);
      const shown = counts();
      engine.recalculate();
      expect(shown).toEqual(counts());
      recalculateWithHyperFormulasOwn(engine);
      expect(shown).toEqual(counts());
    }
  });
});
