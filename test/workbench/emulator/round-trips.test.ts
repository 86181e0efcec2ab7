// Round trips: Sheets batches a script's writes and must apply them before any read, so a read after writes waits.
import { describe, expect, it } from 'vitest';
import { accessOf } from '../../../workbench/emulator/call-counter';
import { session } from './helpers';

describe('round trips', () => {
  it('counts a read that follows writes, once per batch of writes', () => {
    const { sheet, execution } = session();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A2').setValue(2);
    sheet.getRange('B1').setFormula('=A1*2');
    expect(execution.calls.roundTrips()).toBe(0);
    sheet.getRange('A1:B2').getValues();
    expect(execution.calls.roundTrips()).toBe(1);
    sheet.getRange('A1:B2').getFormulas();
    expect(execution.calls.roundTrips()).toBe(1);
  });

  it('counts nothing for reading everything first and writing everything after', () => {
    const { sheet, spreadsheet, execution } = session();
    spreadsheet.getSheetByName('Sheet1')?.getDataRange().getValues();
    sheet.getLastRow();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1:B1').setFontWeight('bold');
    sheet.setFrozenRows(1);
    expect(execution.calls.roundTrips()).toBe(0);
  });

  it('counts each read between writes: write, read, write, read is two', () => {
    const { sheet, execution } = session();
    sheet.getRange('A1').setValue(1);
    sheet.getLastRow();
    sheet.insertRowsAfter(1, 2);
    sheet.getMaxRows();
    expect(execution.calls.roundTrips()).toBe(2);
  });

  it('counts SpreadsheetApp.flush() after writes as one, and a read right after it as none', () => {
    const { app, sheet, execution } = session();
    app.flush();
    expect(execution.calls.roundTrips()).toBe(0);
    sheet.getRange('A1').setValue(1);
    app.flush();
    sheet.getRange('A1').getValue();
    expect(execution.calls.roundTrips()).toBe(1);
  });

  it("does not count what only describes a range the script holds, or Sheets' builders", () => {
    const { app, sheet, execution } = session();
    const range = sheet.getRange('B2:C5');
    range.setValue('x');
    range.getA1Notation();
    range.getNumRows();
    range.getLastRow();
    sheet.getRange(1, 1, 2, 2);
    app.newDataValidation().requireNumberBetween(1, 5).build();
    expect(execution.calls.roundTrips()).toBe(0);
    range.getValues();
    expect(execution.calls.roundTrips()).toBe(1);
  });

  it('sorts calls into writes, reads and neither', () => {
    expect(accessOf('Range.setValues')).toBe('write');
    expect(accessOf('RangeList.setNumberFormat')).toBe('write');
    expect(accessOf('Sheet.insertRowsAfter')).toBe('write');
    expect(accessOf('Range.protect')).toBe('write');
    expect(accessOf('Range.getValues')).toBe('read');
    expect(accessOf('Sheet.getLastRow')).toBe('read');
    expect(accessOf('Spreadsheet.getSheetByName')).toBe('read');
    expect(accessOf('Sheet.getProtections')).toBe('read');
    expect(accessOf('Range.getA1Notation')).toBe('none');
    expect(accessOf('Sheet.getRange')).toBe('none');
    expect(accessOf('DataValidationBuilder.setAllowInvalid')).toBe('none');
    expect(accessOf('PropertiesService.getDocumentProperties')).toBe('none');
    expect(accessOf('SpreadsheetApp.flush')).toBe('flush');
  });

  it('starts again at reset', () => {
    const { sheet, execution } = session();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A1').getValue();
    execution.calls.reset();
    expect(execution.calls.roundTrips()).toBe(0);
    sheet.getRange('A1').getValue();
    expect(execution.calls.roundTrips()).toBe(0);
  });
});
