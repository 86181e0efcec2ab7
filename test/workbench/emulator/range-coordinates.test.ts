import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('Sheet.getRange: coordinates', () => {
  it('is 1-based: (1, 1) is A1, and the optional sizes default to 1', () => {
    const { sheet } = session();
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    const range = sheet.getRange(2, 8, 3, 10);
    expect(range.getA1Notation()).toBe('H2:Q4');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 8, 3, 10]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([4, 17]);
  });

  it('fails with Google texts for a start below 1 and a size below 1, checked in that order', () => {
    const { sheet } = session();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(0, 0, 0, 0)).toThrow('The starting row of the range is too small.');
  });

  it('fails for a range past the last row or column of the sheet (1000 x 26 when new)', () => {
    const { sheet } = session();
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('throws Exceptions, as Apps Script V8 does', () => {
    const { sheet } = session();
    try {
      sheet.getRange(0, 1);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toBe('Exception: The starting row of the range is too small.');
    }
  });

  it('fails on arguments that fit no overload with the signature message', () => {
    const { sheet } = session();
    const getRange = sheet.getRange as unknown as (...args: unknown[]) => unknown;
    expect(() => getRange(1)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => getRange('1', 2)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => getRange(1, null)).toThrow(
      "The parameters (number,null) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('getRange: A1 notation', () => {
  it('takes a cell and a box', () => {
    const { sheet } = session();
    expect(sheet.getRange('C7').getRow()).toBe(7);
    const box = sheet.getRange('B2:D5');
    expect([box.getRow(), box.getColumn(), box.getNumRows(), box.getNumColumns()]).toEqual([2, 2, 4, 3]);
  });

  it('takes whole columns (A:A), whole rows (2:2) and open-ended boxes (A2:Q) up to the sheet edge', () => {
    const { sheet } = session();
    const column = sheet.getRange('A:A');
    expect([column.getRow(), column.getNumRows(), column.getNumColumns()]).toEqual([1, 1000, 1]);
    expect(column.getA1Notation()).toBe('A:A');
    const row = sheet.getRange('2:2');
    expect([row.getRow(), row.getNumRows(), row.getColumn(), row.getNumColumns()]).toEqual([2, 1, 1, 26]);
    const open = sheet.getRange('A2:Q');
    expect([open.getRow(), open.getNumRows(), open.getNumColumns()]).toEqual([2, 999, 17]);
    expect(open.getA1Notation()).toBe('A2:Q');
    expect(open.isEndRowBounded()).toBe(false);
  });

  it('takes a sheet name, quoted when it has a space', () => {
    const { spreadsheet } = session();
    spreadsheet.insertSheet('KPI log');
    spreadsheet.insertSheet('Leads');
    const range = spreadsheet.getRange("'KPI log'!A1:D");
    expect(range.getSheet().getName()).toBe('KPI log');
    expect(range.getNumColumns()).toBe(4);
    expect(spreadsheet.getRange('Leads!B2').getSheet().getName()).toBe('Leads');
  });

  it('fails with "Range not found" for text that is no range or names no sheet', () => {
    const { sheet, spreadsheet } = session();
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
    expect(() => spreadsheet.getRange('Missing!A1')).toThrow('Range not found');
  });

  it('fails for an A1 range outside the sheet as for coordinates', () => {
    const { sheet } = session();
    expect(() => sheet.getRange('A1001')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('Spreadsheet.getRange without a sheet name uses the active sheet', () => {
    const { spreadsheet } = session();
    spreadsheet.insertSheet('Other');
    expect(spreadsheet.getRange('A1').getSheet().getName()).toBe('Other');
  });
});

describe('Range navigation', () => {
  it('getCell is 1-based inside the range and fails outside it', () => {
    const { sheet } = session();
    const range = sheet.getRange('B2:D4');
    expect(range.getCell(1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(3, 3).getA1Notation()).toBe('D4');
    expect(() => range.getCell(4, 1)).toThrow('Cell reference out of range');
  });

  it('offset moves and resizes within the sheet', () => {
    const { sheet } = session();
    expect(sheet.getRange('B2').offset(1, 2).getA1Notation()).toBe('D3');
    expect(sheet.getRange('B2').offset(0, 0, 2, 3).getA1Notation()).toBe('B2:D3');
    expect(() => sheet.getRange('B2').offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });
});
