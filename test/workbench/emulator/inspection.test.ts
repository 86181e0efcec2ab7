import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { session } from './helpers';

describe('workbook inspection', () => {
  it('sheetNames in tab order', () => {
    const { spreadsheet, workbook } = session();
    spreadsheet.insertSheet('Leads', 0);
    expect(workbook.sheetNames()).toEqual(['Leads', 'Sheet1']);
  });

  it('values and formulas are trimmed to the data extent', () => {
    const { sheet, workbook } = session();
    sheet.getRange('A1:B1').setValues([['Lead', '=1+1']]);
    sheet.getRange('C3').setValue(5);
    expect(workbook.values('Sheet1')).toEqual([
      ['Lead', '', ''],
      ['', '', ''],
      ['', '', 5],
    ]);
    expect(workbook.formulas('Sheet1')).toEqual([
      ['', '=1+1', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(createWorkbook().values('Sheet1')).toEqual([]);
  });

  it('snapshot captures every value and formula of every sheet, so a test can prove no user cell changed', () => {
    const { sheet, spreadsheet, workbook } = session();
    sheet.getRange('A1').setValue('user data');
    const before = workbook.snapshot();
    spreadsheet.insertSheet('New tab');
    sheet.getRange('A1').getValues();
    const userSheets = () => workbook.snapshot().filter((s) => s.name !== 'New tab');
    expect(userSheets()).toEqual(before);
    sheet.getRange('A1').setValue('changed');
    expect(userSheets()).not.toEqual(before);
  });

  it('write() enters cells as a user typing them, and reports the change', () => {
    const workbook = createWorkbook({ timeZone: 'Etc/UTC' });
    workbook.insertSheet('Leads');
    let reported = 0;
    workbook.subscribe(() => reported++);
    workbook.write('Leads', 1, 1, [['Lead', '3', '=A1', '2024-05-01']]);
    expect(workbook.values('Leads')).toEqual([['Lead', 3, '', new Date('2024-05-01T00:00:00Z')]]);
    expect(workbook.formulas('Leads')[0][2]).toBe('=A1');
    expect(reported).toBe(1);
  });

  it('sheet(name) exposes the model: frozen rows, rules, protections, charts', () => {
    const { sheet, workbook } = session();
    sheet.setFrozenRows(1);
    sheet.getRange('A1:C1').protect().setWarningOnly(true);
    const model = workbook.sheet('Sheet1');
    expect(model.frozenRows).toBe(1);
    expect(model.protections[0]).toMatchObject({ type: 'RANGE', warningOnly: true });
    expect(() => workbook.sheet('Missing')).toThrow('the workbook has no sheet named Missing');
  });

  it('createWorkbook takes a name and a time zone', () => {
    const workbook = createWorkbook({ name: 'Pipeline', timeZone: 'America/New_York' });
    expect([workbook.name, workbook.timeZone]).toEqual(['Pipeline', 'America/New_York']);
  });
});
