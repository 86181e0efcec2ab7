import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('Spreadsheet sheets', () => {
  it('a new workbook has one sheet, Sheet1', () => {
    const { spreadsheet, workbook } = session();
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('insertSheet adds a sheet at the end, or at a 0-based index, and makes it active', () => {
    const { spreadsheet } = session();
    spreadsheet.insertSheet('Leads');
    spreadsheet.insertSheet('Factors', 0);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Factors', 'Sheet1', 'Leads']);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Factors');
    expect(spreadsheet.getSheetByName('Leads')?.getIndex()).toBe(3);
  });

  it('insertSheet without a name picks the next free SheetN', () => {
    const { spreadsheet } = session();
    expect(spreadsheet.insertSheet().getName()).toBe('Sheet2');
  });

  it('insertSheet with a taken name fails with Google text, whatever the case', () => {
    const { spreadsheet } = session();
    spreadsheet.insertSheet('Leads');
    expect(() => spreadsheet.insertSheet('Leads')).toThrow(
      'A sheet with the name "Leads" already exists. Please enter another name.',
    );
    expect(() => spreadsheet.insertSheet('leads')).toThrow(
      'A sheet with the name "leads" already exists. Please enter another name.',
    );
    expect(spreadsheet.getNumSheets()).toBe(2);
  });

  it('getSheetByName returns null for a missing sheet', () => {
    const { spreadsheet } = session();
    expect(spreadsheet.getSheetByName('Missing')).toBeNull();
  });

  it('deleteSheet removes a sheet; the last one cannot be removed', () => {
    const { spreadsheet } = session();
    const leads = spreadsheet.insertSheet('Leads');
    spreadsheet.deleteSheet(leads);
    expect(spreadsheet.getSheetByName('Leads')).toBeNull();
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheets()[0])).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('setName renames; a taken name fails', () => {
    const { spreadsheet, sheet } = session();
    spreadsheet.insertSheet('Leads');
    sheet.setName('Team');
    expect(spreadsheet.getSheetByName('Team')?.getSheetId()).toBe(sheet.getSheetId());
    expect(() => sheet.setName('Leads')).toThrow(
      'A sheet with the name "Leads" already exists. Please enter another name.',
    );
  });

  it('sheet objects keep working after a rename', () => {
    const { sheet, spreadsheet } = session();
    const range = sheet.getRange('A1');
    sheet.setName('Renamed');
    range.setValue('still here');
    expect(spreadsheet.getSheetByName('Renamed')?.getRange('A1').getValue()).toBe('still here');
  });
});

describe('active sheet and selection', () => {
  it('setActiveSheet, activate and setActiveSelection move the active sheet and range', () => {
    const { spreadsheet, app } = session();
    const leads = spreadsheet.insertSheet('Leads');
    spreadsheet.setActiveSheet(spreadsheet.getSheets()[0]);
    expect(app.getActiveSheet().getName()).toBe('Sheet1');
    leads.activate();
    expect(spreadsheet.getActiveSheet().getName()).toBe('Leads');
    spreadsheet.setActiveSelection('Sheet1!B2:C3');
    expect(spreadsheet.getActiveSheet().getName()).toBe('Sheet1');
    expect(spreadsheet.getActiveRange()?.getA1Notation()).toBe('B2:C3');
    leads.getRange('D4').activate();
    expect(app.getActiveRange().getA1Notation()).toBe('D4');
    expect(app.getActiveSheet().getName()).toBe('Leads');
  });

  it('sheet.setActiveSelection selects on that sheet and makes it active', () => {
    const { spreadsheet, sheet } = session();
    spreadsheet.insertSheet('Leads');
    expect(sheet.setActiveSelection('C2:C4').getA1Notation()).toBe('C2:C4');
    expect(spreadsheet.getActiveSheet().getName()).toBe('Sheet1');
    expect(spreadsheet.getActiveRange()?.getA1Notation()).toBe('C2:C4');
  });

  it('the active range is A1 of the active sheet until something is selected', () => {
    const { spreadsheet } = session();
    expect(spreadsheet.getActiveRange()?.getA1Notation()).toBe('A1');
  });
});

describe('document', () => {
  it('has an id, a name, a URL, a time zone and a locale', () => {
    const { spreadsheet } = session({ timeZone: 'Europe/Berlin' });
    expect(spreadsheet.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${spreadsheet.getId()}/edit`);
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(spreadsheet.getSpreadsheetLocale()).toBe('en_US');
    spreadsheet.rename('Pipeline');
    expect(spreadsheet.getName()).toBe('Pipeline');
  });

  it('toast records message, title and timeout (default 5 seconds)', () => {
    const { spreadsheet, execution } = session();
    spreadsheet.toast('Created Leads');
    spreadsheet.toast('Done', 'Setup', 10);
    expect(execution.ui.toasts).toEqual([
      { message: 'Created Leads', title: '', timeoutSeconds: 5 },
      { message: 'Done', title: 'Setup', timeoutSeconds: 10 },
    ]);
  });

  it('flush is accepted (writes are applied at once)', () => {
    const { app, sheet } = session();
    sheet.getRange('A1').setValue(1);
    app.flush();
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  it('the add-on may not open other spreadsheets: its scope is the current one', () => {
    const { app } = session();
    expect(() => app.openById('abc')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });
});
