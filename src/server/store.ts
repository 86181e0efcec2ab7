/** The workbook as the store: a table is read with one call and found by header text; rows are written in runs. */

import { isBlank } from '../core/cells';
import { headerKey, inputHeaders, type TabSpec } from '../shared/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Table {
  readonly tab: TabSpec;
  readonly sheet: Sheet;
  /** The header row's values as the sheet shows them. */
  readonly header: readonly unknown[];
  /** Header key to 0-based column index; the first of two equal headers wins. */
  readonly columns: ReadonlyMap<string, number>;
  /** Data rows from sheet row 2, cut after the last row with data outside the computed columns. */
  readonly rows: readonly (readonly unknown[])[];
}

export const SETUP_HINT = 'Run Extensions > Lean Sales > Set up workbook.';

export function headerColumns(header: readonly unknown[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((text, i) => {
    const key = headerKey(text);
    if (key && !columns.has(key)) columns.set(key, i);
  });
  return columns;
}

/** True when every cell of the row outside `skip` (the computed columns) is blank. */
export function isEmptyRow(row: readonly unknown[], skip: ReadonlySet<number>): boolean {
  return row.every((cell, i) => skip.has(i) || isBlank(cell));
}

/** The 0-based indexes of a tab's computed columns (they may spill values into rows nobody filled). */
function computedIndexes(tab: TabSpec, columns: ReadonlyMap<string, number>): Set<number> {
  const found = (tab.computed ?? []).map((h) => columns.get(headerKey(h)));
  return new Set(found.filter((i): i is number => i !== undefined));
}

/**
 * Reads the tab's whole table with one getValues. Throws, naming the tab and the columns, when the tab or a
 * `required` column is missing.
 */
export function readTable(tab: TabSpec, required: readonly string[] = inputHeaders(tab)): Table {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab.name);
  if (!sheet) throw new Error(`The ${tab.name} tab is missing. ${SETUP_HINT}`);
  const [header, ...body] = sheet.getDataRange().getValues();
  const columns = headerColumns(header);
  const missing = required.filter((h) => !columns.has(headerKey(h)));
  if (missing.length > 0) {
    throw new Error(`The ${tab.name} tab has no ${missing.join(', ')} column in its header row. ${SETUP_HINT}`);
  }
  const skip = computedIndexes(tab, columns);
  let end = body.length;
  while (end > 0 && isEmptyRow(body[end - 1], skip)) end--;
  return { tab, sheet, header, columns, rows: body.slice(0, end) };
}

/** The row's cell under `header`, or '' when the table has no such column. */
export function cell(table: Pick<Table, 'columns'>, row: readonly unknown[], header: string): unknown {
  const i = table.columns.get(headerKey(header));
  return i === undefined ? '' : row[i];
}

export function text(value: unknown): string {
  return isBlank(value) ? '' : String(value).trim();
}

/** One column's non-blank values as text. */
export function columnTexts(table: Pick<Table, 'columns' | 'rows'>, header: string): string[] {
  return table.rows.map((row) => text(cell(table, row, header))).filter((v) => v !== '');
}

/**
 * Writes `rows` (values in the order of `columns`, 1-based sheet columns) from sheet row `row` down, with one
 * setValues per run of adjacent columns, so cells between runs (computed or someone else's) are never touched.
 */
export function writeColumns(
  sheet: Sheet,
  row: number,
  columns: readonly number[],
  rows: readonly (readonly unknown[])[],
) {
  const order = columns.map((_, i) => i).sort((a, b) => columns[a] - columns[b]);
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && columns[order[k]] === columns[order[k - 1]] + 1) continue;
    const part = order.slice(start, k);
    sheet.getRange(row, columns[part[0]], rows.length, part.length).setValues(rows.map((r) => part.map((i) => r[i])));
    start = k;
  }
}

/** Grows the sheet, when needed, so that row `last` exists: ranges past the last row are errors. */
function ensureRows(sheet: Sheet, last: number): void {
  const max = sheet.getMaxRows();
  if (last > max) sheet.insertRowsAfter(max, last - max);
}

/**
 * Appends one record (header to value) after the table's last row of data and returns its sheet row.
 * Computed columns are never written: even '' in a spill range breaks the formula above it.
 */
export function appendRecord(table: Table, record: Readonly<Record<string, unknown>>): number {
  const skip = computedIndexes(table.tab, table.columns);
  const headers = Object.keys(record).filter((h) => {
    const i = table.columns.get(headerKey(h));
    return i !== undefined && !skip.has(i);
  });
  const row = table.rows.length + 2;
  ensureRows(table.sheet, row);
  const columns = headers.map((h) => (table.columns.get(headerKey(h)) as number) + 1);
  writeColumns(table.sheet, row, columns, [headers.map((h) => record[h])]);
  return row;
}

const BUSY = 'Someone else is saving to this workbook right now; nothing was written. Try again in a moment.';

const NO_DOCUMENT_LOCK =
  'Lean Sales must run inside the spreadsheet it works on (Extensions > Lean Sales), where it can lock the document; nothing was written.';

/**
 * Runs `work` holding the document lock, so read-then-write sequences of two users never interleave.
 * When the lock cannot be had, throws BUSY before anything is written.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  // Null outside a document, e.g. in a standalone script or a web app: nothing here may write without the lock.
  if (!lock) throw new Error(NO_DOCUMENT_LOCK);
  try {
    lock.waitLock(10000);
  } catch {
    throw new Error(BUSY);
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
