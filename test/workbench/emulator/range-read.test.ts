import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('Range reads', () => {
  it("getValues gives '' for every empty cell, in a grid of the range's shape", () => {
    const { sheet } = session();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getRange('B5').getValue()).toBe('');
  });

  it('gives numbers as numbers, booleans as booleans, text as text and dates as Dates', () => {
    const { sheet } = session();
    const when = new Date(Date.UTC(2024, 4, 1, 9, 30));
    sheet.getRange('A1:D1').setValues([[42, true, 'text', when]]);
    const [[number, flag, text, date]] = sheet.getRange('A1:D1').getValues();
    expect(number).toBe(42);
    expect(flag).toBe(true);
    expect(text).toBe('text');
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect((date as Date).getTime()).toBe(when.getTime());
  });

  it('returns copies: changing a returned grid or Date changes no cell', () => {
    const { sheet } = session();
    sheet.getRange('A1:B1').setValues([[1, new Date(0)]]);
    const values = sheet.getRange('A1:B1').getValues();
    values[0][0] = 99;
    (values[0][1] as Date).setTime(123456);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, new Date(0)]]);
  });

  it('getValue and getFormula on a multi-cell range read its top-left cell', () => {
    const { sheet } = session();
    sheet.getRange('B2:C3').setValues([
      ['top-left', 2],
      [3, 4],
    ]);
    sheet.getRange('B4').setFormula('=SUM(B2:C3)');
    expect(sheet.getRange('B2:C3').getValue()).toBe('top-left');
    expect(sheet.getRange('B4:C5').getFormula()).toBe('=SUM(B2:C3)');
  });

  it("getFormulas gives '' for cells without a formula", () => {
    const { sheet } = session();
    sheet.getRange('A1:B1').setValues([['=1+1', 5]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '']]);
  });

  it("a formula cell's value is '' until a formula engine computes it (the emulator computes nothing)", () => {
    const { sheet } = session();
    sheet.getRange('A1').setFormula('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('isBlank is true only when no cell holds a value or a formula', () => {
    const { sheet } = session();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setFormula('=A1');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });
});
