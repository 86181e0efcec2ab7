/**
 * What one request may ask of the workbench. Sheets' own limits (10 million cells, 18,278 columns, 50,000 characters
 * a cell) are the emulator's; these bound what the HTTP API reads and starts before the emulator or the formula engine
 * sees it, so no single request can stall the server or exhaust its memory: one `insertRowsBefore` with a count of a
 * million once took 67 s and 4.3 GB, and left the formula engine broken.
 */

import { MAX_CELLS, MAX_COLUMNS } from '../emulator/workbook';

export const LIMITS = {
  /** Bytes of a request body: a lead save is a few kilobytes. */
  bodyBytes: 1024 * 1024,
  /** Arrays and objects nested in a body. */
  nesting: 64,
  /** A row number: a spreadsheet of one column could reach it (Sheets counts cells, not rows). */
  row: MAX_CELLS,
  /** A column number: ZZZ. */
  column: MAX_COLUMNS,
  /** Rows of one window of a sheet the page reads. */
  windowRows: 500,
  /** Cells one insert of rows or columns from the page adds (the rows times the sheet's columns, or the reverse). */
  insertedCells: 100_000,
  /** Rows a sheet may reach through the page's inserts; the formula engine holds at most 2,000,000 rows a sheet. */
  sheetRows: 1_000_000,
} as const;

/** How deep arrays and objects nest in a parsed JSON value (0 for a primitive); stops counting past `limit`. */
export function nestingOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Why an insert of `count` rows or columns into a sheet of `rows` x `columns` is too big for one request, if it is. */
export function insertRefusal(
  kind: 'rows' | 'columns',
  count: number,
  rows: number,
  columns: number,
): string | undefined {
  const cells = kind === 'rows' ? count * columns : count * rows;
  if (cells > LIMITS.insertedCells) {
    const across =
      kind === 'rows' ? `${columns.toLocaleString('en-US')} columns` : `${rows.toLocaleString('en-US')} rows`;
    return (
      `The workbench inserts at most ${LIMITS.insertedCells.toLocaleString('en-US')} cells at a time; ` +
      `${count.toLocaleString('en-US')} ${kind} across ${across} are ${cells.toLocaleString('en-US')}. Insert fewer ${kind}.`
    );
  }
  if (kind === 'rows' && rows + count > LIMITS.sheetRows) {
    return `The workbench keeps a sheet to ${LIMITS.sheetRows.toLocaleString('en-US')} rows; this sheet has ${rows.toLocaleString('en-US')}.`;
  }
  return undefined;
}
