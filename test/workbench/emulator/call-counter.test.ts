import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook } from '../../../workbench/emulator/apps-script-emulator';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** A batched read of a table, the way the store reads one. */
function readTable(app: App): unknown[][] {
  return app.getActiveSpreadsheet().getSheetByName('Leads')?.getDataRange().getValues() ?? [];
}

function workbookWithRows(rows: number) {
  const workbook = createWorkbook();
  const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: 25 }, (_, c) => r * 25 + c));
  const setup = createServices(workbook).globals.SpreadsheetApp as App;
  const sheet = setup.getActiveSpreadsheet().insertSheet('Leads');
  if (rows > 1000) sheet.insertRowsAfter(1000, rows - 1000);
  sheet.getRange(1, 1, rows, 25).setValues(grid);
  return { workbook, grid };
}

describe('call counting', () => {
  it('counts every call on every service object as Class.method', () => {
    const execution = createServices(createWorkbook());
    const app = execution.globals.SpreadsheetApp as App;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    sheet?.getRange('A1:B2').getValues();
    sheet?.getRange('A1').setValue(1);
    expect(execution.calls.byMethod()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.setValue': 1,
    });
    expect(execution.calls.total()).toBe(6);
    expect(execution.calls.count('Sheet.getRange')).toBe(2);
    expect(execution.calls.count('Range.clear')).toBe(0);
  });

  it('reset starts the count again', () => {
    const execution = createServices(createWorkbook());
    (execution.globals.SpreadsheetApp as App).getActive();
    execution.calls.reset();
    expect(execution.calls.total()).toBe(0);
    expect(execution.calls.byMethod()).toEqual({});
  });

  it('counts calls, not cells: reading 10 or 10,000 rows costs the same calls', () => {
    const counts = [10, 10_000].map((rows) => {
      const { workbook, grid } = workbookWithRows(rows);
      const execution = createServices(workbook);
      const values = readTable(execution.globals.SpreadsheetApp as App);
      expect(values).toEqual(grid);
      return execution.calls.byMethod();
    });
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
  });

  it('holds 10,000 x 25 cells and writes and reads them back whole', () => {
    const { workbook, grid } = workbookWithRows(10_000);
    expect(workbook.values('Leads')).toEqual(grid);
  });

  it('work done for the script inside one call is not counted again', () => {
    const execution = createServices(createWorkbook());
    const app = execution.globals.SpreadsheetApp as App;
    app.getActiveSheet();
    expect(execution.calls.byMethod()).toEqual({ 'SpreadsheetApp.getActiveSheet': 1 });
  });

  it('each execution counts its own calls', () => {
    const workbook = createWorkbook();
    const first = createServices(workbook);
    const second = createServices(workbook);
    (first.globals.SpreadsheetApp as App).getActive();
    expect([first.calls.total(), second.calls.total()]).toEqual([1, 0]);
  });
});
