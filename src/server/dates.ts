/** Calendar days as the spreadsheet sees them: ISO `YYYY-MM-DD` text, never a Date across google.script.run. */

/** Today's date in `timeZone` (the spreadsheet's, never the server's), as YYYY-MM-DD. */
export function isoToday(timeZone: string, now: Date = new Date()): string {
  return Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');
}

/** A cell's value as plain JSON: a Date becomes its YYYY-MM-DD in `timeZone`, a number stays, the rest is text. */
export function wireValue(value: unknown, timeZone: string): number | string {
  if (typeof value === 'number') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return isoToday(timeZone, value as Date);
  return value === null || value === undefined ? '' : String(value);
}
