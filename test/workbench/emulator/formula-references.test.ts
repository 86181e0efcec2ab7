import { describe, expect, it } from 'vitest';
import { offsetFormula, shiftFormula } from '../../../workbench/emulator/formula-references';
import { session } from './helpers';

describe('formula references follow structural changes, as in Sheets', () => {
  it('inserted rows above a reference move it down; a range they fall inside grows', () => {
    const { sheet } = session();
    sheet.getRange('Z1:Z2').setFormulas([['=SUM(A5:A10)'], ['=A3+$B$7']]);
    sheet.insertRowsBefore(6, 2);
    expect(sheet.getRange('Z1:Z2').getFormulas()).toEqual([['=SUM(A5:A12)'], ['=A3+$B$9']]);
  });

  it('rows inserted right below a range do not grow it', () => {
    const { sheet } = session();
    sheet.getRange('Z1').setFormula('=SUM(A2:A5)');
    sheet.insertRowsAfter(5, 3);
    expect(sheet.getRange('Z1').getFormula()).toBe('=SUM(A2:A5)');
  });

  it('deleted rows shrink ranges; a reference to a deleted cell becomes #REF!', () => {
    const { sheet } = session();
    sheet.getRange('Z1:Z2').setFormulas([['=SUM(A2:A10)'], ['=A4*2']]);
    sheet.deleteRows(3, 2);
    expect(sheet.getRange('Z1:Z2').getFormulas()).toEqual([['=SUM(A2:A8)'], ['=#REF!*2']]);
  });

  it('open-ended and whole-column references keep their open end', () => {
    const { sheet } = session();
    sheet.getRange('Z1:Z2').setFormulas([['=LEADSCORE(H2:Q)'], ['=COUNTA(A:A)']]);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('Z2:Z3').getFormulas()).toEqual([['=LEADSCORE(H3:Q)'], ['=COUNTA(A:A)']]);
  });

  it('inserted and deleted columns move column references', () => {
    const { sheet } = session();
    sheet.getRange('Z1').setFormula('=LEADSCORE(H2:Q, Factors!B2:B11)');
    sheet.insertColumnsBefore(3, 1);
    expect(sheet.getRange('AA1').getFormula()).toBe('=LEADSCORE(I2:R, Factors!B2:B11)');
  });

  it('references into another sheet move when that sheet changes', () => {
    const { spreadsheet } = session();
    const leads = spreadsheet.insertSheet('Leads');
    const team = spreadsheet.insertSheet('Team');
    team.getRange('B2').setFormula('=COUNTIFS(Leads!D2:D,A2,Leads!T2:T,"Won")');
    leads.insertColumnsBefore(1, 1);
    expect(team.getRange('B2').getFormula()).toBe('=COUNTIFS(Leads!E2:E,A2,Leads!U2:U,"Won")');
  });

  it('renaming a sheet rewrites references to it; deleting it leaves #REF!', () => {
    const { spreadsheet } = session();
    const log = spreadsheet.insertSheet('Log');
    const kpis = spreadsheet.insertSheet('KPIs');
    kpis.getRange('A1').setFormula('=COUNTA(Log!A:A)');
    log.setName('KPI log');
    expect(kpis.getRange('A1').getFormula()).toBe("=COUNTA('KPI log'!A:A)");
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('KPI log') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(kpis.getRange('A1').getFormula()).toBe('=COUNTA(#REF!)');
  });

  it('text in string literals and function names are not references', () => {
    expect(shiftFormula('=IF(A5="A5",LOG10(A5),"")', 'S', 'S', { dimension: 'rows', at: 1, count: 1 })).toBe(
      '=IF(A6="A5",LOG10(A6),"")',
    );
  });

  it('filling a formula moves relative references and keeps absolute ones', () => {
    expect(offsetFormula('=A1+$A1+A$1+$A$1', 2, 1)).toBe('=B3+$A3+B$1+$A$1');
    expect(offsetFormula('=A1', -1, 0)).toBe('=#REF!');
  });
});
