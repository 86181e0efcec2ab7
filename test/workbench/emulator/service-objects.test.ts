import { describe, expect, it } from 'vitest';
import { loadScript, session } from './helpers';

describe('service objects as the script sees them', () => {
  it('expose only Apps Script methods: an unsupported one is not a function, internals are hidden', () => {
    const { sheet } = session();
    const range = sheet.getRange('A1') as unknown as Record<string, unknown>;
    expect(typeof range.getValues).toBe('function');
    expect(range.getRichTextValue).toBeUndefined();
    expect(range.sheet).toBeUndefined();
    expect(range.box).toBeUndefined();
    expect(range.rt).toBeUndefined();
    expect('getValues' in range).toBe(true);
  });

  it('print as their class name, as Apps Script objects do', () => {
    const { sheet } = session();
    expect(String(sheet)).toBe('Sheet');
    expect(String(sheet.getRange('A1'))).toBe('Range');
  });

  it('chained setters return the object the script holds', () => {
    const { sheet } = session();
    const range = sheet.getRange('A1');
    expect(range.setValue(1)).toBe(range);
  });

  it('enums are the value names', () => {
    const { app } = session();
    expect(app.DataValidationCriteria.VALUE_IN_LIST as unknown).toBe('VALUE_IN_LIST');
    expect(String(app.getUi().Button.OK)).toBe('OK');
    expect(app.ProtectionType.RANGE as unknown).toBe('RANGE');
  });

  it('work from code running in the bundle context, Dates of that context included', () => {
    const { execution, workbook } = session();
    const context = loadScript(
      execution,
      `function save() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
        sheet.getRange(1, 1, 1, 2).setValues([['x', new Date(Date.UTC(2024, 0, 1))]]);
        var back = sheet.getRange('A1:B1').getValues()[0];
        return [Array.isArray(back), Object.prototype.toString.call(back[1]), back[1].getTime()];
      }`,
    );
    expect(context.save()).toEqual([true, '[object Date]', Date.UTC(2024, 0, 1)]);
    expect(workbook.values('Sheet1')[0][1]).toEqual(new Date(Date.UTC(2024, 0, 1)));
  });

  it('errors reach the script with Apps Script wording', () => {
    const { execution } = session();
    const context = loadScript(
      execution,
      `function tryIt() {
        try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return e.name + ': ' + e.message; }
      }`,
    );
    expect(context.tryIt()).toBe('Exception: The starting row of the range is too small.');
  });
});
