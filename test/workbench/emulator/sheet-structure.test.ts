import { describe, expect, it } from 'vitest';
import { session } from './helpers';

const column = (values: unknown[][]) => values.map((line) => line[0]);

describe('the grid is fixed until rows or columns are inserted or deleted', () => {
  it('a new sheet has 1000 rows and 26 columns', () => {
    const { sheet } = session();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  it('writing past the last row grows nothing: it fails', () => {
    const { sheet } = session();
    expect(() => sheet.getRange(1001, 1).setValue('x')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('insertRowsAfter adds rows below a row, moving the cells under it down', () => {
    const { sheet } = session();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(column(sheet.getRange('A1:A5').getValues())).toEqual(['a', '', '', 'b', 'c']);
  });

  it('insertRowsBefore, insertRows, insertRowBefore and insertRowAfter insert where they say', () => {
    const { sheet } = session();
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    sheet.insertRowsBefore(1, 1);
    sheet.insertRows(3);
    sheet.insertRowAfter(4);
    sheet.insertRowBefore(1);
    expect(column(sheet.getRange('A1:A6').getValues())).toEqual(['', '', 'a', '', 'b', '']);
    expect(sheet.getMaxRows()).toBe(1004);
  });

  it('inserted rows take the format of the row they were inserted next to', () => {
    const { sheet } = session();
    sheet.getRange('A1:B1').setFontWeight('bold');
    sheet.insertRowsAfter(1, 1);
    expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
  });

  it('deleteRow and deleteRows remove rows and move the cells below up', () => {
    const { sheet } = session();
    sheet.getRange('A1:A5').setValues([['a'], ['b'], ['c'], ['d'], ['e']]);
    sheet.deleteRows(2, 2);
    sheet.deleteRow(1);
    expect(column(sheet.getRange('A1:A3').getValues())).toEqual(['d', 'e', '']);
    expect(sheet.getMaxRows()).toBe(997);
  });

  it('deleting rows that do not exist, or every row, fails with Google texts', () => {
    const { sheet } = session();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('insertColumnsAfter and deleteColumns move cells sideways', () => {
    const { sheet } = session();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.deleteColumns(2, 2);
    sheet.insertColumnBefore(1);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
    expect(() => sheet.deleteColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });
});

describe('appendRow', () => {
  it('writes after the last row with content, reading its strings as setValue does', () => {
    const { sheet } = session();
    sheet.getRange('A1:B2').setValues([
      ['h1', 'h2'],
      ['x', 'y'],
    ]);
    sheet.appendRow(['Acme', '3', '=A1']);
    expect(sheet.getRange('A3:C3').getValues()).toEqual([['Acme', 3, '']]);
    expect(sheet.getRange('C3').getFormula()).toBe('=A1');
  });

  it('adds a row (and columns) when the sheet is full', () => {
    const { sheet } = session();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(new Array(30).fill('v'));
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange(1001, 30).getValue()).toBe('v');
  });
});

describe('extent', () => {
  it('getLastRow and getLastColumn are 0 on an empty sheet', () => {
    const { sheet } = session();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
  });

  it('they find the last row and column with content, formulas included, formats not', () => {
    const { sheet } = session();
    sheet.getRange('B3').setValue('x');
    sheet.getRange('D2').setFormula('=B3');
    sheet.getRange('Z900').setBackground('#ff0000');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
  });

  it('clearing the last row moves getLastRow back', () => {
    const { sheet } = session();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A3').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  it('getDataRange runs from A1 to the last row and column; A1 on an empty sheet', () => {
    const { sheet } = session();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValue(1);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });
});

describe('sheet settings', () => {
  it('frozen rows and columns', () => {
    const { sheet } = session();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
  });

  it('column widths default to 100 pixels and follow inserted columns', () => {
    const { sheet } = session();
    expect(sheet.getColumnWidth(3)).toBe(100);
    sheet.setColumnWidth(3, 240);
    sheet.setColumnWidths(5, 2, 50);
    sheet.insertColumnBefore(1);
    expect([sheet.getColumnWidth(4), sheet.getColumnWidth(6), sheet.getColumnWidth(7)]).toEqual([240, 50, 50]);
  });

  it('clear() empties contents and formats of the whole sheet', () => {
    const { sheet } = session();
    sheet.getRange('A1').setValue('x').setFontWeight('bold');
    sheet.clear();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
  });

  it('row heights default to 21 pixels and move with inserted rows', () => {
    const { sheet } = session();
    sheet.setRowHeight(2, 40);
    sheet.insertRowBefore(1);
    expect([sheet.getRowHeight(2), sheet.getRowHeight(3)]).toEqual([21, 40]);
  });

  it('sheets can be hidden and shown again', () => {
    const { sheet } = session();
    expect(sheet.hideSheet().isSheetHidden()).toBe(true);
    expect(sheet.showSheet().isSheetHidden()).toBe(false);
  });
});
