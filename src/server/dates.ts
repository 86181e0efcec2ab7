/** Calendar days as the spreadsheet sees them: ISO `YYYY-MM-DD` text, never a Date across google.script.run. */

/** Today's date in `timeZone` (the spreadsheet's), as YYYY-MM-DD. */
export function isoToday(timeZone: string, now: Date = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A cell's value as plain JSON: a Date becomes its YYYY-MM-DD in `timeZone`, a number stays, the rest is text. */
export function wireValue(value: unknown, timeZone: string): number | string {
  if (typeof value === 'number') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return isoToday(timeZone, value as Date);
  return value === null || value === undefined ? '' : String(value);
}
