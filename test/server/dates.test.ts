import { beforeAll, describe, expect, it } from 'vitest';
import { isoDay, isoToday, wireValue } from '../../src/server/dates';
import { createServices, createWorkbook } from '../../workbench/emulator/apps-script-emulator';

// As in Apps Script, the dates come from Utilities.formatDate (here the emulator's).
beforeAll(() => {
  Object.assign(globalThis, { Utilities: createServices(createWorkbook()).services.Utilities });
});

describe('calendar days', () => {
  const instant = new Date('2025-03-31T23:30:00Z');

  it("gives today's date in the spreadsheet's time zone", () => {
    expect(isoToday('Etc/UTC', instant)).toBe('2025-03-31');
    expect(isoToday('Europe/Stockholm', instant)).toBe('2025-04-01');
    expect(isoToday('America/New_York', instant)).toBe('2025-03-31');
  });

  it('sends cells as JSON: dates as YYYY-MM-DD, numbers as numbers, the rest as text', () => {
    expect(wireValue(instant, 'Europe/Stockholm')).toBe('2025-04-01');
    expect(wireValue(12.5, 'Etc/UTC')).toBe(12.5);
    expect(wireValue(true, 'Etc/UTC')).toBe('true');
    expect(wireValue('', 'Etc/UTC')).toBe('');
  });

  it("reads a date cell's day in the spreadsheet's time zone as Utilities.formatDate does, without calling it", () => {
    for (const zone of ['Etc/UTC', 'Europe/Stockholm', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      for (const at of ['2025-03-31T23:30:00Z', '2025-10-26T00:59:00Z', '2024-02-29T12:00:00Z']) {
        const date = new Date(at);
        expect(isoDay(date, zone), `${zone} ${at}`).toBe(isoToday(zone, date));
      }
    }
  });
});
