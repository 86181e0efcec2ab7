/**
 * Array arguments as Sheets evaluates them: the forms a user copies from Google's help pages, typed into the workbench.
 * Without array arithmetic HyperFormula read `5-TRANSPOSE(H2:Q2)` inside SUMPRODUCT as #VALUE! ("Ranges need to be of
 * equal length"); Sheets computes the score.
 */

import { afterEach, describe, expect, it } from 'vitest';
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

const WEIGHTS = [3, 1, 2, 1, 1, 2, 1, 1, 2, 1];
const RATINGS = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
  [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
];

/** A Factors tab with weights in B2:B11, and Leads with ratings in H2:Q (as the add-on lays them out). */
function workbook(): { workbook: Workbook; engine: FormulaEngine; value: (sheet: string, a1: string) => unknown } {
  const wb = createWorkbook();
  wb.insertSheet('Factors', 0);
  wb.insertSheet('Leads', 0);
  wb.write(
    'Factors',
    2,
    2,
    WEIGHTS.map((w) => [w]),
  );
  wb.write('Leads', 2, 8, RATINGS);
  wb.write('Leads', 2, 1, [['A'], ['B'], ['C']]);
  const engine = FormulaEngine.attach(wb, { host });
  engines.push(engine);
  const value = (sheet: string, a1: string) => {
    const col = a1.charCodeAt(0) - 64;
    const row = Number(a1.slice(1));
    return wb.sheet(sheet).values.get(row - 1, col - 1);
  };
  return { workbook: wb, engine, value };
}

/** LEADSCORE's score of a row of ratings with WEIGHTS. */
const score = (ratings: number[]) =>
  (100 * ratings.reduce((sum, r, i) => sum + WEIGHTS[i] * (5 - r), 0)) / (4 * WEIGHTS.reduce((a, b) => a + b, 0));

describe('array arguments as in Sheets', () => {
  it('SUMPRODUCT of the weights and 5-TRANSPOSE(ratings): the per-row score, as LEADSCORE computes it', () => {
    const { workbook: wb, value } = workbook();
    const perRow = (row: number) =>
      `=100*SUMPRODUCT(Factors!$B$2:$B$11, 5-TRANSPOSE(H${row}:Q${row}))/(4*SUM(Factors!$B$2:$B$11))`;
    wb.write('Leads', 2, 18, [[perRow(2)], [perRow(3)], [perRow(4)]]);
    wb.write('Leads', 2, 19, [['=LEADSCORE(H2:Q4, Factors!B2:B11)']]);
    for (const [i, ratings] of RATINGS.entries()) {
      expect(value('Leads', `R${i + 2}`)).toBeCloseTo(score(ratings), 10);
      expect(value('Leads', `R${i + 2}`)).toBeCloseTo(value('Leads', `S${i + 2}`) as number, 10);
    }
  });

  it('SUMPRODUCT of a comparison: counts and sums with conditions, as Sheets help writes them', () => {
    const { workbook: wb, value } = workbook();
    wb.write('Leads', 10, 1, [
      ['=SUMPRODUCT((H2:H4=1)*1)'],
      ['=SUMPRODUCT((H2:H4>1)*(I2:I4>2))'],
      ['=SUMPRODUCT(--(A2:A4<>"B"), H2:H4)'],
      ['=SUMPRODUCT(H2:H4*I2:I4)'],
    ]);
    expect([value('Leads', 'A10'), value('Leads', 'A11'), value('Leads', 'A12'), value('Leads', 'A13')]).toEqual([
      1,
      2,
      6,
      1 + 6 + 25,
    ]);
  });

  it('MMULT of a row of ratings and the weight column, with array arithmetic inside', () => {
    const { workbook: wb, value } = workbook();
    wb.write('Leads', 10, 1, [['=MMULT(5-H3:Q3, Factors!B2:B11)']]);
    wb.write('Leads', 11, 1, [['=INDEX(MMULT(5-H2:Q4, Factors!B2:B11), 3, 1)']]);
    const weighted = WEIGHTS.reduce((sum, w, i) => sum + w * (5 - RATINGS[1][i]), 0);
    expect(value('Leads', 'A10')).toBe(weighted);
    expect(value('Leads', 'A11')).toBe(0);
  });

  it('ARRAYFORMULA over a column spills one value per row', () => {
    const { workbook: wb, value } = workbook();
    wb.write('Leads', 2, 20, [['=ARRAYFORMULA(IF(A2:A4="", "", H2:H4*10))']]);
    expect([value('Leads', 'T2'), value('Leads', 'T3'), value('Leads', 'T4')]).toEqual([10, 20, 50]);
  });

  it('FILTER with a product of conditions, and with a computed column', () => {
    const { workbook: wb, value } = workbook();
    wb.write('Leads', 10, 1, [['=FILTER(A2:A4, (H2:H4>1)*(I2:I4>3))']]);
    wb.write('Leads', 10, 2, [['=SUM(FILTER(H2:H4*2, A2:A4<>"A"))']]);
    expect(value('Leads', 'A10')).toBe('C');
    expect(value('Leads', 'B10')).toBe(14);
  });

  it('SUMIFS and COUNTIFS with criteria built from cells, and a range of criteria in ARRAYFORMULA', () => {
    const { workbook: wb, value } = workbook();
    wb.write('Leads', 10, 1, [
      ['=SUMIFS(H2:H4, I2:I4, ">"&H3)'],
      ['=COUNTIFS(A2:A4, "<>B", H2:H4, "<5")'],
      ['=SUM(ARRAYFORMULA(COUNTIF(H2:H4, {1,2,5})))'],
    ]);
    expect([value('Leads', 'A10'), value('Leads', 'A11'), value('Leads', 'A12')]).toEqual([7, 1, 3]);
  });

  it('a range in a scalar formula still gives its value per row where Sheets does, in ARRAYFORMULA', () => {
    const { workbook: wb, value } = workbook();
    wb.write('Leads', 2, 20, [['=ARRAYFORMULA(H2:H4+I2:I4)']]);
    expect([value('Leads', 'T2'), value('Leads', 'T3'), value('Leads', 'T4')]).toEqual([2, 5, 10]);
  });
});
