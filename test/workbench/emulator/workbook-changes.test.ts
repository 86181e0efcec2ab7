import { describe, expect, it } from 'vitest';
import type { WorkbookChange } from '../../../workbench/emulator/apps-script-emulator';
import { session } from './helpers';

function listen() {
  const s = session();
  const changes: WorkbookChange[] = [];
  s.workbook.subscribe((change) => changes.push(change));
  return { ...s, changes };
}

describe('workbook.subscribe: every change a service makes', () => {
  it('cells written, with their values and formulas after the write', () => {
    const { sheet, changes } = listen();
    sheet.getRange('B2:C2').setValues([['3', '=B2*2']]);
    expect(changes).toEqual([
      { type: 'cells', sheet: 'Sheet1', row: 2, column: 2, values: [[3, '']], formulas: [['', '=B2*2']] },
    ]);
  });

  it('clearContent and appendRow report cells too', () => {
    const { sheet, changes } = listen();
    sheet.appendRow(['a', 'b']);
    sheet.getRange('A1').clearContent();
    expect(changes.map((c) => c.type)).toEqual(['cells', 'cells']);
    expect(changes[1]).toMatchObject({ row: 1, column: 1, values: [['']], formulas: [['']] });
  });

  it('sheets inserted, renamed and deleted', () => {
    const { spreadsheet, changes } = listen();
    const leads = spreadsheet.insertSheet('Leads', 0);
    leads.setName('Pipeline');
    spreadsheet.deleteSheet(leads);
    expect(changes).toEqual([
      { type: 'sheetInserted', sheet: 'Leads', index: 0, rows: 1000, columns: 26 },
      { type: 'sheetRenamed', sheet: 'Pipeline', from: 'Leads' },
      { type: 'sheetDeleted', sheet: 'Pipeline' },
    ]);
  });

  it('rows and columns inserted and deleted, 1-based at the first line affected', () => {
    const { sheet, changes } = listen();
    sheet.insertRowsAfter(1, 2);
    sheet.deleteRows(5, 3);
    sheet.insertColumnsBefore(2, 1);
    sheet.deleteColumn(4);
    expect(changes).toEqual([
      { type: 'rowsInserted', sheet: 'Sheet1', row: 2, count: 2 },
      { type: 'rowsDeleted', sheet: 'Sheet1', row: 5, count: 3 },
      { type: 'columnsInserted', sheet: 'Sheet1', column: 2, count: 1 },
      { type: 'columnsDeleted', sheet: 'Sheet1', column: 4, count: 1 },
    ]);
  });

  it('an appendRow on a full sheet reports the added row, then the cells', () => {
    const { sheet, changes } = listen();
    sheet.getRange(1000, 1).setValue('last');
    changes.length = 0;
    sheet.appendRow(['x']);
    expect(changes.map((c) => c.type)).toEqual(['rowsInserted', 'cells']);
  });

  it('reads and format changes report nothing; unsubscribe stops the reports', () => {
    const { sheet, workbook } = session();
    const changes: WorkbookChange[] = [];
    const unsubscribe = workbook.subscribe((change) => changes.push(change));
    sheet.getRange('A1:B2').getValues();
    sheet.getRange('A1').setBackground('#ff0000');
    unsubscribe();
    sheet.getRange('A1').setValue(1);
    expect(changes).toEqual([]);
  });
});

describe('workbook.setComputedValues: a formula engine writes what formulas compute', () => {
  it('sets the values of formula cells (and cells a result spills into), keeps formulas, reports nothing', () => {
    const { sheet, workbook, changes } = listen();
    sheet.getRange('R2').setFormula('=LEADSCORE(H2:Q)');
    changes.length = 0;
    workbook.setComputedValues('Sheet1', 2, 18, [[100], [67.5], ['invalid Interest: 7 (whole number 1-5)']]);
    expect(sheet.getRange('R2:R4').getValues()).toEqual([[100], [67.5], ['invalid Interest: 7 (whole number 1-5)']]);
    expect(sheet.getRange('R2:R4').getFormulas()).toEqual([['=LEADSCORE(H2:Q)'], [''], ['']]);
    expect(changes).toEqual([]);
  });

  it('ignores cells outside the sheet: a spill never grows the grid', () => {
    const { workbook, sheet } = listen();
    workbook.setComputedValues('Sheet1', 999, 1, [[1], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange('A999:A1000').getValues()).toEqual([[1], [2]]);
  });
});
