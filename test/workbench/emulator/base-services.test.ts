import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { loadScript, services } from './helpers';

describe('Session, Logger, Utilities, console', () => {
  it('Session gives the user and the script time zone', () => {
    const execution = createServices(createWorkbook({ timeZone: 'Europe/Berlin' }), { user: 'ann@example.com' });
    const session = services<GoogleAppsScript.Base.Session>(execution, 'Session');
    expect(session.getActiveUser().getEmail()).toBe('ann@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('ann@example.com');
    expect(session.getScriptTimeZone()).toBe('Europe/Berlin');
  });

  it('Logger.log and console.log are recorded in the execution logs', () => {
    const execution = createServices(createWorkbook());
    loadScript(execution, `Logger.log('saved %s rows', 3); console.log('done', 1);`);
    expect(execution.logs).toEqual(['saved 3 rows', 'done 1']);
  });

  it('Utilities.formatDate formats in a time zone with Java patterns', () => {
    const utilities = services<GoogleAppsScript.Utilities.Utilities>(createServices(createWorkbook()), 'Utilities');
    const date = new Date(Date.UTC(2024, 4, 1, 22, 5, 9));
    expect(utilities.formatDate(date, 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-05-02T00:05:09');
    expect(utilities.formatDate(date, 'Etc/UTC', 'EEE, d MMM yyyy h:mm a')).toBe('Wed, 1 May 2024 10:05 PM');
  });

  it('Utilities.getUuid gives a new UUID each time', () => {
    const utilities = services<GoogleAppsScript.Utilities.Utilities>(createServices(createWorkbook()), 'Utilities');
    const [a, b] = [utilities.getUuid(), utilities.getUuid()];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('ScriptApp.AuthMode names the modes a trigger event reports', () => {
    const execution = createServices(createWorkbook());
    expect(loadScript(execution, `var none = ScriptApp.AuthMode.NONE;`).none).toBe('NONE');
  });
});

describe("dates in the spreadsheet's time zone", () => {
  type Utilities = GoogleAppsScript.Utilities.Utilities;
  // 23:30 UTC on 31 December 2025: already 2026 in Berlin, still 2025 in New York and London.
  const instant = new Date(Date.UTC(2025, 11, 31, 23, 30, 0));

  it('each emulated workbook has its own time zone, which the script reads and may change', () => {
    const berlin = createServices(createWorkbook({ timeZone: 'Europe/Berlin' }));
    const app = services<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(berlin, 'SpreadsheetApp');
    expect(app.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(
      services<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(createServices(createWorkbook()), 'SpreadsheetApp')
        .getActiveSpreadsheet()
        .getSpreadsheetTimeZone(),
    ).toBe('Etc/UTC');
    app.getActiveSpreadsheet().setSpreadsheetTimeZone('America/New_York');
    expect(berlin.workbook.timeZone).toBe('America/New_York');
  });

  it("Utilities.formatDate(date, the spreadsheet's zone, 'yyyy-MM-dd') gives that zone's calendar day", () => {
    for (const [zone, day] of [
      ['Europe/Berlin', '2026-01-01'],
      ['America/New_York', '2025-12-31'],
      ['Europe/London', '2025-12-31'],
    ] as const) {
      const execution = createServices(createWorkbook({ timeZone: zone }));
      const timeZone = services<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(execution, 'SpreadsheetApp')
        .getActiveSpreadsheet()
        .getSpreadsheetTimeZone();
      expect(services<Utilities>(execution, 'Utilities').formatDate(instant, timeZone, 'yyyy-MM-dd')).toBe(day);
    }
  });

  it('formats offsets (Z, XXX), follows daylight saving, and reads an unknown zone as GMT, as Java does', () => {
    const utilities = services<Utilities>(createServices(createWorkbook()), 'Utilities');
    const summer = new Date(Date.UTC(2026, 6, 1, 12, 0, 0));
    expect(utilities.formatDate(instant, 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ssZ")).toBe('2026-01-01T00:30:00+0100');
    expect(utilities.formatDate(summer, 'Europe/Berlin', 'HH:mm XXX')).toBe('14:00 +02:00');
    expect(utilities.formatDate(summer, 'America/New_York', 'HH:mm Z')).toBe('08:00 -0400');
    expect(utilities.formatDate(summer, 'Etc/UTC', 'HH:mm XXX')).toBe('12:00 Z');
    expect(utilities.formatDate(summer, 'Not/AZone', 'yyyy-MM-dd HH:mm Z')).toBe('2026-07-01 12:00 +0000');
  });
});
