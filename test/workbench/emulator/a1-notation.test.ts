import { describe, expect, it } from 'vitest';
import {
  boxOf,
  columnLetters,
  columnNumber,
  parseA1,
  quoteSheetName,
  toA1,
} from '../../../workbench/emulator/a1-notation';

describe('A1 notation', () => {
  it('converts column numbers and letters both ways', () => {
    expect([1, 26, 27, 52, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    expect(['A', 'z', 'AA', 'AZ', 'ZZ', 'AAA'].map(columnNumber)).toEqual([1, 26, 27, 52, 702, 703]);
  });

  it('reads cells, boxes, $ marks and sheet prefixes', () => {
    expect(parseA1('B3')).toEqual({ sheetName: undefined, startRow: 3, startColumn: 2, endRow: 3, endColumn: 2 });
    expect(parseA1('$A$1:C$4')).toMatchObject({ startRow: 1, startColumn: 1, endRow: 4, endColumn: 3 });
    expect(parseA1('Leads!H2:Q9')).toMatchObject({ sheetName: 'Leads', startRow: 2, endRow: 9 });
    const open = parseA1("'KPI log'!A1:D");
    expect(open).toMatchObject({ sheetName: 'KPI log', startRow: 1, endColumn: 4 });
    expect(open?.endRow).toBeUndefined();
    expect(parseA1("'Rep''s view'!A1")).toMatchObject({ sheetName: "Rep's view" });
  });

  it('reads open forms against the sheet size: A:A, A2:Q and 2:2', () => {
    expect(boxOf(parseA1('A:A') ?? {}, 1000, 26)).toMatchObject({ row: 1, column: 1, numRows: 1000, numColumns: 1 });
    expect(boxOf(parseA1('A2:Q') ?? {}, 1000, 26)).toMatchObject({ row: 2, column: 1, numRows: 999, numColumns: 17 });
    expect(boxOf(parseA1('2:2') ?? {}, 1000, 26)).toMatchObject({ row: 2, column: 1, numRows: 1, numColumns: 26 });
  });

  it('rejects what is not A1 notation', () => {
    for (const text of ['', 'A', '1', 'A0', 'A1:B2:C3', 'ABCD1', 'A1:2', '!A1', 'Leads'])
      expect(parseA1(text)).toBeNull();
  });

  it('writes boxes back, keeping the open forms', () => {
    expect(toA1({ row: 1, column: 1, numRows: 1, numColumns: 1 })).toBe('A1');
    expect(toA1({ row: 2, column: 8, numRows: 5, numColumns: 10 })).toBe('H2:Q6');
    expect(toA1(boxOf(parseA1('A2:Q') ?? {}, 1000, 26))).toBe('A2:Q');
    expect(toA1(boxOf(parseA1('B:C') ?? {}, 1000, 26))).toBe('B:C');
    expect(toA1(boxOf(parseA1('3:4') ?? {}, 1000, 26))).toBe('3:4');
  });

  it('quotes sheet names only when they need it', () => {
    expect(quoteSheetName('Leads')).toBe('Leads');
    expect(quoteSheetName('KPI log')).toBe("'KPI log'");
    expect(quoteSheetName('A1')).toBe("'A1'");
  });
});
