/** The workbook as the store: a table is read with one call and found by header text; rows are written in runs. */

import { isBlank, isDate } from '../core/cells';
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

const SET_UP = 'Extensions > Lean Sales > Set up workbook';
export const SETUP_HINT = `Run ${SET_UP}.`;

/** The active spreadsheet's time zone, in which `today` is counted. */
export const timeZone = () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();

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

/**
 * Reads the tab's whole table with one getValues. Throws, naming the tab and the columns, when the tab or a
 * `required` column is missing.
 */
export function readTable(tab: TabSpec, required: readonly string[] = inputHeaders(tab)): Table {
  return tableOf(tab, sheetOf(tab), required);
}

function sheetOf(tab: TabSpec): Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab.name);
  if (!sheet) throw new Error(`The ${tab.name} tab is missing. ${SETUP_HINT}`);
  return sheet;
}

/** The table as the sheet holds it now, read with one getValues; rows are cut after the last one with data. */
function tableOf(
  tab: TabSpec,
  sheet: Sheet,
  required: readonly string[],
): Table & { readonly height: number; readonly skip: ReadonlySet<number> } {
  const values = readAgain(sheet);
  const [header, ...body] = values;
  const columns = headerColumns(header);
  const missing = required.filter((h) => !columns.has(headerKey(h)));
  if (missing.length > 0) {
    const names = missing.join(', ');
    throw new Error(
      `The ${tab.name} tab has no ${names} column in its header row. If you renamed it, give it back the header ` +
        `${names}; if it is gone, run ${SET_UP} to add it.`,
    );
  }
  // The computed columns' 0-based indexes (they may spill values into rows nobody filled); -1 for one it lacks.
  const skip = new Set(tab.computed.map((h) => columns.get(headerKey(h)) ?? -1));
  let end = body.length;
  while (end > 0 && isEmptyRow(body[end - 1], skip)) end--;
  return { tab, sheet, header, columns, rows: body.slice(0, end), height: values.length, skip };
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
 * Returns the ranges written, left to right.
 */
export function writeColumns(
  sheet: Sheet,
  row: number,
  columns: readonly number[],
  rows: readonly (readonly unknown[])[],
): GoogleAppsScript.Spreadsheet.Range[] {
  const order = columns.map((_, i) => i).sort((a, b) => columns[a] - columns[b]);
  const written: GoogleAppsScript.Spreadsheet.Range[] = [];
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && columns[order[k]] === columns[order[k - 1]] + 1) continue;
    const part = order.slice(start, k);
    written.push(
      sheet.getRange(row, columns[part[0]], rows.length, part.length).setValues(rows.map((r) => part.map((i) => r[i]))),
    );
    start = k;
  }
  return written;
}

/** How a tab numbers its rows: `L-0042` in Leads, `I-007` in Improvements. */
export interface IdScheme {
  readonly header: string;
  /** Letters and a hyphen, read as a pattern as it is. */
  readonly prefix: string;
  readonly digits: number;
}

/** The id after the highest `<prefix><number>` among `ids`: `L-0001` for the first lead. */
export function nextId(ids: readonly unknown[], scheme: IdScheme): string {
  const pattern = new RegExp(`^${scheme.prefix}(\\d+)$`, 'i');
  let max = 0;
  for (const id of ids) {
    const match = pattern.exec(String(id).trim());
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `${scheme.prefix}${String(max + 1).padStart(scheme.digits, '0')}`;
}

/** Does the cell read back hold what was written? Text written with a leading apostrophe reads back without it. */
function holds(read: unknown, written: unknown): boolean {
  if (typeof written === 'number') return read === written;
  const text = String(written ?? '');
  if (text === '') return isBlank(read);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && isDate(read)) return true;
  return String(read) === (text.startsWith("'") ? text.slice(1) : text);
}

/**
 * The sheet's data as it is now. People hold no lock: Sheets fails a read whose range a person's insert or deletion
 * changed between taking the range and reading it, so that read is made once more.
 */
function readAgain(sheet: Sheet): unknown[][] {
  const read = () => sheet.getDataRange().getValues();
  try {
    return read();
  } catch {
    return read();
  }
}

const KEPT_CHANGING = (tab: string) =>
  `The ${tab} tab kept changing while saving (someone is typing in its last rows); nothing was saved. Try again.`;

/**
 * Appends one record (header to value) below the last row that holds data and returns its sheet row and id. The
 * lock keeps other scripts out, not people, so nothing here writes over a row: Sheet.appendRow adds the record
 * below everything on the sheet in one step, and Sheet.moveRows moves that row up under the last one with data,
 * pushing down whatever a person may have typed there meanwhile. The id is numbered from the ids on the sheet just
 * before the append; afterwards the row is read back, and if someone changed it or typed the same id, the record is
 * appended again (the person's cells are kept) or its id renumbered. Computed columns are left blank. `check` sees
 * the table just read, before anything is written, and may throw to refuse the record.
 */
export function appendNumbered(
  tab: TabSpec,
  record: Readonly<Record<string, unknown>>,
  scheme: IdScheme,
  required: readonly string[] = inputHeaders(tab),
  check?: (table: Pick<Table, 'columns' | 'rows'>) => void,
): { row: number; id: string } {
  const sheet = sheetOf(tab);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { columns, rows, height, skip } = tableOf(tab, sheet, required);
    // The caller's last look at the table, read once for both: what `check` throws stops the append, nothing written.
    check?.({ columns, rows });
    const end = rows.length;
    const idColumn = columns.get(headerKey(scheme.header)) ?? -1;
    const ids = (lines: readonly (readonly unknown[])[]) => lines.map((line) => line[idColumn]);
    const id = nextId(ids(rows), scheme);
    const line: unknown[] = [];
    const written: [number, unknown][] = [];
    for (const [h, value] of Object.entries({ ...record, [scheme.header]: id })) {
      const i = columns.get(headerKey(h));
      if (i === undefined || skip.has(i)) continue;
      written.push([i, value]);
      while (line.length <= i) line.push('');
      line[i] = value;
    }
    sheet.appendRow(line);
    // getDataRange's height is getLastRow, below which appendRow writes.
    if (height !== end + 1) {
      try {
        sheet.moveRows(sheet.getRange(height + 1, 1), end + 2);
      } catch {
        // Someone deleted rows in between, so the appended row is not where it was: it stays at the bottom, found below.
      }
    }
    // Read back where the record is now: a person may have sorted or inserted rows meanwhile (and, between taking
    // the range and reading it, pushed the record just below it: so once more before appending it again).
    const isOurs = (line: readonly unknown[]) => written.every(([i, value]) => holds(line[i], value));
    let now: unknown[][] = [];
    let at = 0;
    for (let look = 0; look < 2 && at === 0; look++) {
      now = readAgain(sheet);
      at = now.findIndex((line, r) => r > 0 && isOurs(line)) + 1;
    }
    if (at === 0) continue;
    if (now.filter((line) => String(line[idColumn]).trim() === id).length > 1) {
      // A person typed the same id by hand meanwhile: theirs stays, ours takes the next free one.
      const renumbered = nextId(ids(now), scheme);
      sheet.getRange(at, idColumn + 1).setValue(renumbered);
      return { row: at, id: renumbered };
    }
    return { row: at, id };
  }
  throw new Error(KEPT_CHANGING(tab.name));
}

/**
 * Writes `values` (header to value) into the record with `id` under `idHeader`, which `table` (read under the lock
 * just before) has at row index `index`, and returns the sheet row written. People hold no lock: a sort, an insert
 * or a deletion between the read and the write moves another record into that row. So the row is read back; if it
 * holds another record, that record's cells are put back as `table` read them and the write is made again where
 * the record is now.
 */
export function updateRecord(
  table: Table,
  index: number,
  idHeader: string,
  id: string,
  values: Readonly<Record<string, unknown>>,
): number {
  const { sheet, columns } = table;
  const idColumn = columns.get(headerKey(idHeader)) as number;
  const headers = Object.keys(values).filter((h) => columns.has(headerKey(h)));
  const written = headers.map((h) => (columns.get(headerKey(h)) as number) + 1);
  const idOf = (line: readonly unknown[] | undefined) => String(line?.[idColumn] ?? '').trim();
  let row = index + 2;
  for (let attempt = 0; attempt < 3; attempt++) {
    writeColumns(sheet, row, written, [headers.map((h) => values[h])]);
    const now = readAgain(sheet);
    const there = idOf(now[row - 1]);
    if (there === id) return row;
    const before = table.rows.find((line) => idOf(line) === there);
    if (before) writeColumns(sheet, row, written, [written.map((c) => before[c - 1])]);
    row = now.findIndex((line, r) => r > 0 && idOf(line) === id) + 1;
    if (row === 0) throw new Error(`${id} is no longer in the ${table.tab.name} tab; nothing was saved.`);
  }
  throw new Error(KEPT_CHANGING(table.tab.name));
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
