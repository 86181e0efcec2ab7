// Arrays under Sheets' own operations, through the emulator's services with the engine attached: sorting rows,
// a value typed in a spill, getLastRow over spilled blanks.
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
};

let engine: FormulaEngine | undefined;
afterEach(() => {
  engine?.detach();
  engine = undefined;
});

function computed(workbook: Workbook) {
  engine = FormulaEngine.attach(workbook, { host });
  const app = createServices(workbook).globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return { engine, sheet: app.getActiveSpreadsheet().getActiveSheet() };
}

/** LEADSCORE of one row of ratings, unweighted: 100 * sum(5 - r) / 40. */
const scoreOf = (ratings: readonly number[]) => (100 * ratings.reduce((sum, r) => sum + 5 - r, 0)) / 40;

describe('sorting rows under array formulas', () => {
  it("keeps a header-cell formula where it is: after a sort by Score, each lead's score still matches its ratings", () => {
    const workbook = createWorkbook();
    const { sheet } = computed(workbook);
    const leads = [
      ['L1', 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      ['L2', 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      ['L3', 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
      ['L4', 2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
    ];
    sheet.getRange(2, 1, leads.length, 11).setValues(leads);
    sheet.getRange('L1').setFormula('={"Score"; LEADSCORE(B2:K)}');
    sheet.getRange(2, 1, leads.length, 12).sort({ column: 12, ascending: false });
    const rows = sheet.getRange(1, 1, leads.length + 1, 12).getValues();
    expect(rows[0][11]).toBe('Score');
    expect(rows.slice(1).map((row) => row[0])).toEqual(['L2', 'L4', 'L1', 'L3']);
    for (const row of rows.slice(1)) expect(row[11]).toBe(scoreOf(row.slice(1, 11) as number[]));
    expect(sheet.getRange('L1').getFormula()).toBe('={"Score"; LEADSCORE(B2:K)}');
  });

  it('moves a row-2 array formula with its row; where data now blocks its spill it shows #REF! naming the cell', () => {
    const workbook = createWorkbook();
    const { engine, sheet } = computed(workbook);
    sheet.getRange('A2:A4').setValues([[2], [1], [3]]);
    sheet.getRange('B2').setFormula('=ARRAYFORMULA(A2:A3*10)');
    sheet.getRange('B4').setValue('typed');
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[20], [10]]);
    sheet.getRange('A2:B4').sort(1);
    expect(sheet.getRange('B2:B4').getFormulas()).toEqual([[''], ['=ARRAYFORMULA(A3:A4*10)'], ['']]);
    expect(sheet.getRange('B2:B4').getValues()).toEqual([[''], ['#REF!'], ['typed']]);
    expect(engine.errorAt('Sheet1', 3, 2)?.message).toBe(
      'Array result was not expanded because it would overwrite data in B4.',
    );
  });

  it('a value typed into a spilled column blocks the array the same way, until it is cleared', () => {
    const workbook = createWorkbook();
    const { engine, sheet } = computed(workbook);
    sheet.getRange('A2:A4').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('={"Double"; ARRAYFORMULA(IF(A2:A="", "", A2:A*2))}');
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['Double'], [2], [4], [6]]);
    workbook.write('Sheet1', 3, 2, [[99]]);
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    expect(engine.errorAt('Sheet1', 1, 2)?.message).toBe(
      'Array result was not expanded because it would overwrite data in B3.',
    );
    workbook.write('Sheet1', 3, 2, [['']]);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['Double'], [2], [4], [6]]);
  });
});

describe('getLastRow and getDataRange over an array of blanks', () => {
  it("count the cells an ARRAYFORMULA filled with '', as Sheets does: the sheet's last row", () => {
    const workbook = createWorkbook();
    const { sheet } = computed(workbook);
    sheet.getRange('A2:A4').setValues([[1], [2], [3]]);
    expect(sheet.getLastRow()).toBe(4);
    sheet.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="", "", A2:A*2))');
    expect(sheet.getRange('B5').getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(1000);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B1000');
    sheet.getRange('B2').clearContent();
    expect(sheet.getLastRow()).toBe(4);
  });
});
