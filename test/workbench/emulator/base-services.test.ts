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
