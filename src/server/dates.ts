/** Calendar days as the spreadsheet sees them: ISO `YYYY-MM-DD` text, never a Date across google.script.run. */

/** Today's date in `timeZone` (the spreadsheet's, never the server's), as YYYY-MM-DD: the date the add-on writes. */
export function isoToday(timeZone: string, now: Date = new Date()): string {
  return Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date cell's day in `timeZone`, as YYYY-MM-DD. Read for every date of a table, so with one formatter per zone
 * in the script, not a Utilities call per cell (each a service call); the same calendar as Utilities.formatDate.
 */
export function isoDay(date: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      // A zone Intl does not know: Utilities reads it (as Apps Script does, GMT for a name it does not know).
      return isoToday(timeZone, date);
    }
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A cell's value as plain JSON: a Date becomes its YYYY-MM-DD in `timeZone`, a number stays, the rest is text. */
export function wireValue(value: unknown, timeZone: string): number | string {
  if (typeof value === 'number') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return isoDay(value as Date, timeZone);
  return value === null || value === undefined ? '' : String(value);
}
