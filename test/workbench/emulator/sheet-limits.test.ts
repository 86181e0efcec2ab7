// Sheets' size limits: 10 million cells per spreadsheet, 18,278 columns per sheet; a change past either is refused
// with Sheets' error before anything changes.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../workbench/emulator/apps-script-errors';
import { session } from './helpers';

/** The sheet's size and every change the workbook reported, to prove a refused call changed nothing. */
function watch(s: ReturnType<typeof session>) {
  const changes: string[] = [];
  s.workbook.subscribe((change) => changes.push(change.type));
  return { changes, size: () => [s.sheet.getMaxRows(), s.sheet.getMaxColumns(), s.workbook.cellCount()] };
}

describe("Sheets' size limits", () => {
  it('refuses rows that would take the spreadsheet past 10 million cells, and changes nothing', () => {
    const s = session();
    const { changes, size } = watch(s);
    const before = size();
    expect(before).toEqual([1000, 26, 26_000]);
    expect(() => s.sheet.insertRowsBefore(1, 1_000_000)).toThrow(MESSAGES.cellLimit);
    expect(() => s.sheet.insertRowsAfter(1000, 384_616)).toThrow(MESSAGES.cellLimit);
    expect(() => s.sheet.insertRows(1, 10_000_000)).toThrow(MESSAGES.cellLimit);
    expect(size()).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('lets a spreadsheet reach exactly 10 million cells and no further, appendRow included', () => {
    const s = session();
    s.sheet.deleteColumns(11, 16);
    s.sheet.insertRowsAfter(1000, 999_000);
    expect(s.workbook.cellCount()).toBe(10_000_000);
    expect(() => s.sheet.insertRowAfter(1)).toThrow(MESSAGES.cellLimit);
    expect(() => s.spreadsheet.insertSheet('More')).toThrow(MESSAGES.cellLimit);
    s.sheet.getRange(1_000_000, 1).setValue('last row');
    expect(() => s.sheet.appendRow(['one more'])).toThrow(MESSAGES.cellLimit);
    expect(s.sheet.getMaxRows()).toBe(1_000_000);
    expect(s.workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('refuses columns past 18,278 (ZZZ) even where the cells would fit', () => {
    const s = session();
    s.sheet.deleteRows(2, 999);
    s.sheet.insertColumnsAfter(26, 18_278 - 26);
    expect(s.sheet.getMaxColumns()).toBe(18_278);
    expect(s.sheet.getRange('ZZZ1').getColumn()).toBe(18_278);
    const { changes, size } = watch(s);
    const before = size();
    expect(() => s.sheet.insertColumnAfter(1)).toThrow(MESSAGES.columnLimit);
    expect(() => s.sheet.insertColumns(1, 1_000_000)).toThrow(MESSAGES.columnLimit);
    expect(size()).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('says so in Apps Script’s form: an Exception', () => {
    const s = session();
    try {
      s.sheet.insertRowsBefore(1, 1_000_000);
    } catch (error) {
      expect(String(error)).toBe(`Exception: ${MESSAGES.cellLimit}`);
    }
    expect.assertions(1);
  });
});
