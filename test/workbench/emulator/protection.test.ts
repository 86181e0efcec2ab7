import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('protection', () => {
  it('range.protect() protects that range; description and warning-only are kept', () => {
    const { sheet, app } = session();
    const protection = sheet.getRange('A1:V1').protect().setDescription('Header row').setWarningOnly(true);
    expect(protection.getRange().getA1Notation()).toBe('A1:V1');
    expect(protection.getDescription()).toBe('Header row');
    expect(protection.isWarningOnly()).toBe(true);
    expect(protection.getProtectionType()).toBe(app.ProtectionType.RANGE);
  });

  it('a new protection is not warning-only and has an empty description', () => {
    const { sheet } = session();
    const protection = sheet.getRange('A1').protect();
    expect([protection.isWarningOnly(), protection.getDescription()]).toEqual([false, '']);
  });

  it('sheet.getProtections(type) lists range or sheet protections', () => {
    const { sheet, app } = session();
    sheet.getRange('A1:B1').protect().setDescription('one');
    sheet.getRange('A2:B2').protect().setDescription('two');
    sheet.protect().setDescription('whole sheet');
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual(['one', 'two']);
    expect(sheet.getProtections(app.ProtectionType.SHEET).map((p) => p.getDescription())).toEqual(['whole sheet']);
  });

  it('sheet.protect() on a protected sheet returns the existing protection', () => {
    const { sheet, app } = session();
    sheet.protect().setDescription('first');
    expect(sheet.protect().getDescription()).toBe('first');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
  });

  it('remove() removes the protection', () => {
    const { sheet, app } = session();
    sheet.getRange('A1').protect().remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('the spreadsheet lists the protections of every sheet', () => {
    const { sheet, spreadsheet, app } = session();
    sheet.getRange('A1').protect();
    spreadsheet.insertSheet('Leads').getRange('A1:B1').protect();
    expect(spreadsheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
  });

  it('the owner running the script can edit, and writes are not blocked', () => {
    const { sheet } = session();
    const protection = sheet.getRange('A1').protect();
    expect(protection.canEdit()).toBe(true);
    sheet.getRange('A1').setValue('still writable');
    expect(sheet.getRange('A1').getValue()).toBe('still writable');
  });

  it('protected ranges move with inserted rows and go with deleted ones', () => {
    const { sheet, app } = session();
    sheet.getRange('A2:C2').protect();
    sheet.insertRowBefore(1);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A3:C3');
    sheet.deleteRow(3);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});
