// Range.sort as Sheets sorts: by sheet column numbers, one key or several, numbers < text < booleans, blanks last.
import { describe, expect, it } from 'vitest';
import { compareCells } from '../../../workbench/emulator/range-sort';
import { session } from './helpers';

function sheetWith(rows: unknown[][]) {
  const s = session();
  s.sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return s;
}

const column = (sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string) =>
  sheet
    .getRange(a1)
    .getValues()
    .map((r) => r[0]);

describe('Range.sort', () => {
  it('sorts the rows of the range by a column number of the sheet, ascending; rows outside stay', () => {
    const { sheet } = sheetWith([
      ['Name', 'Score'],
      ['b', 30],
      ['a', 10],
      ['c', 20],
    ]);
    sheet.getRange('A2:B4').sort(2);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['Name', 'Score'],
      ['a', 10],
      ['c', 20],
      ['b', 30],
    ]);
  });

  it('takes {column, ascending: false}, and arrays of keys, the first deciding', () => {
    const { sheet } = sheetWith([
      ['x', 2],
      ['y', 1],
      ['x', 1],
      ['y', 2],
    ]);
    const range = sheet.getRange('A1:B4');
    range.sort({ column: 2, ascending: false });
    expect(column(sheet, 'B1:B4')).toEqual([2, 2, 1, 1]);
    expect(column(sheet, 'A1:A4')).toEqual(['x', 'y', 'y', 'x']);
    range.sort([{ column: 1, ascending: false }, 2]);
    expect(range.getValues()).toEqual([
      ['y', 1],
      ['y', 2],
      ['x', 1],
      ['x', 2],
    ]);
    range.sort([2, 1]);
    expect(range.getValues()).toEqual([
      ['x', 1],
      ['y', 1],
      ['x', 2],
      ['y', 2],
    ]);
  });

  it('puts numbers and dates before text before booleans, text in any case, and blanks last either way', () => {
    const date = new Date(Date.UTC(2024, 0, 1));
    const { sheet } = sheetWith([['banana'], [true], [''], [5], ['Apple'], [false], [date], [-1], ['cherry'], ['']]);
    sheet.getRange('A1:A10').sort(1);
    const ascending = column(sheet, 'A1:A10');
    expect(ascending.slice(0, 3)).toEqual([-1, 5, date]);
    expect(ascending.slice(3)).toEqual(['Apple', 'banana', 'cherry', false, true, '', '']);
    sheet.getRange('A1:A10').sort({ column: 1, ascending: false });
    expect(column(sheet, 'A1:A10')).toEqual([true, false, 'cherry', 'banana', 'Apple', date, 5, -1, '', '']);
  });

  it('keeps rows that tie in the order they had', () => {
    const { sheet } = sheetWith([
      [1, 'first'],
      [0, 'zero'],
      [1, 'second'],
      [1, 'third'],
    ]);
    sheet.getRange('A1:B4').sort(1);
    expect(column(sheet, 'B1:B4')).toEqual(['zero', 'first', 'second', 'third']);
    expect(compareCells('a', 'A', true)).toBe(0);
  });

  it('moves a formula with its row, its relative references moving as the row does', () => {
    const { sheet } = sheetWith([
      [3, '=A1*2', '=$A$1'],
      [1, '=A2*2', '=$A$1'],
      [2, '=A3*2', '=$A$1'],
    ]);
    sheet.getRange('A1:C3').sort(1);
    expect(sheet.getRange('A1:C3').getFormulas()).toEqual([
      ['', '=A1*2', '=$A$1'],
      ['', '=A2*2', '=$A$1'],
      ['', '=A3*2', '=$A$1'],
    ]);
    expect(column(sheet, 'A1:A3')).toEqual([1, 2, 3]);
  });

  it('moves formats, notes and data validation with the rows', () => {
    const { app, sheet } = sheetWith([['b'], ['a']]);
    sheet.getRange('A1').setBackground('#ff0000').setNote('was first');
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['b']).build());
    sheet.getRange('A1:A2').sort(1);
    expect(sheet.getRange('A2').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('A2').getNote()).toBe('was first');
    expect(sheet.getRange('A2').getDataValidation()?.getCriteriaValues()[0]).toEqual(['b']);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });

  it('refuses a sort column outside the range, and an argument that is no sort spec', () => {
    const { sheet } = sheetWith([[1, 2]]);
    expect(() => sheet.getRange('A1:B1').sort(3)).toThrow('Sort column 3 is outside the range A1:B1.');
    expect(() => sheet.getRange('A1:B1').sort('B')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.sort.",
    );
  });

  it('is one service call that writes', () => {
    const { sheet, execution } = sheetWith([[2], [1]]);
    execution.calls.reset();
    sheet.getRange('A1:A2').sort(1);
    expect(execution.calls.byMethod()).toEqual({ 'Sheet.getRange': 1, 'Range.sort': 1 });
  });
});
