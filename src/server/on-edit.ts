/**
 * The onEdit simple trigger: when a person changes a rating cell of Leads (one cell, or a pasted block of rows), it
 * dates those rows' Rated as today in the spreadsheet's time zone, and does nothing else.
 *
 * Apps Script runs onEdit only for a person's edits, never for a script's writes (the sidebar dates its own saves),
 * as a simple trigger: AuthMode.LIMITED where the add-on is enabled in the document (it may read and write this
 * spreadsheet, take its lock, show no dialog), or AuthMode.NONE where it is not, which allows no document access at
 * all: then it returns at once.
 */

import { isBlank } from '../core/cells';
import { FACTOR_NAMES } from '../core/factors';
import { headerKey, LEADS_TAB } from '../shared/schema';
import { columnRuns } from './a1';
import { isoToday } from './dates';
import { headerColumns, timeZone, withDocumentLock } from './store';

type EditEvent = Pick<GoogleAppsScript.Events.SheetsOnEdit, 'range'> & { authMode?: unknown };

export function onEdit(e?: EditEvent): void {
  if (!e?.range) return;
  if (String(e.authMode) === String(ScriptApp.AuthMode.NONE)) return;
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== LEADS_TAB.name) return;
  const first = Math.max(2, range.getRow());
  const last = Math.min(range.getLastRow(), sheet.getLastRow());
  if (last < first) return;
  const [from, to] = [range.getColumn(), range.getLastColumn()];
  const columns = headerColumns(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]);
  const rated = columns.get(headerKey('Rated'));
  const ratings = FACTOR_NAMES.map((f) => columns.get(headerKey(f))).filter((c): c is number => c !== undefined);
  // Only the rating columns the edit touched count; an edit elsewhere changes nothing.
  const edited = ratings.some((c) => c + 1 >= from && c + 1 <= to);
  if (rated === undefined || !edited) return;
  const zone = timeZone();
  withDocumentLock(() => {
    const left = Math.min(...ratings);
    const width = Math.max(...ratings) - left + 1;
    const values = sheet.getRange(first, left + 1, last - first + 1, width).getValues();
    // The rows to date: those with any rating after the edit.
    const rows = values.flatMap((row, r) => (ratings.some((c) => !isBlank(row[c - left])) ? [first + r] : []));
    const today = isoToday(zone);
    // One write per run of adjacent rows: the Rated of rows left out (all ratings cleared) stays as it was.
    for (const [a, b] of columnRuns(rows)) {
      sheet.getRange(a, rated + 1, b - a + 1, 1).setValues(Array.from({ length: b - a + 1 }, () => [today]));
    }
  });
}
