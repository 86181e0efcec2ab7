/** A1 notation: `A1`, `A1:B2`, `A:C`, `2:5`, open-ended `A2:Q`, `$A$1`, with an optional `Sheet!` or `'KPI log'!` prefix. */

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

/** The parts an A1 reference names; an absent bound is open (a whole column, a whole row, or to the sheet's end). */
export interface A1Reference {
  readonly sheetName?: string;
  readonly startRow?: number;
  readonly startColumn?: number;
  readonly endRow?: number;
  readonly endColumn?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?([1-9]\d*)?$/;

interface Part {
  readonly column?: number;
  readonly row?: number;
}

function parsePart(text: string): Part | null {
  const match = PART.exec(text.trim());
  if (!match || (!match[1] && !match[2])) return null;
  return {
    column: match[1] ? columnNumber(match[1]) : undefined,
    row: match[2] ? Number(match[2]) : undefined,
  };
}

/** Splits `'KPI log'!A1:D` into the sheet name (quotes undone) and the rest. */
function splitSheetName(text: string): { sheetName?: string; rest: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { rest: text };
  const prefix = text.slice(0, bang).trim();
  const quoted = /^'((?:[^']|'')*)'$/.exec(prefix);
  return { sheetName: quoted ? quoted[1].replace(/''/g, "'") : prefix, rest: text.slice(bang + 1) };
}

/** Parses an A1 reference, or returns null when it is not one. */
export function parseA1(text: string): A1Reference | null {
  const { sheetName, rest } = splitSheetName(text);
  if (sheetName === '') return null;
  const [left, right, extra] = rest.split(':');
  if (extra !== undefined) return null;
  const start = parsePart(left);
  if (!start) return null;
  if (right === undefined) {
    if (start.row === undefined || start.column === undefined) return null;
    return { sheetName, startRow: start.row, startColumn: start.column, endRow: start.row, endColumn: start.column };
  }
  const end = parsePart(right);
  if (!end) return null;
  const hasColumns = start.column !== undefined && end.column !== undefined;
  const hasRows = start.row !== undefined && end.row !== undefined;
  if (hasColumns && hasRows) {
    return { sheetName, startRow: start.row, startColumn: start.column, endRow: end.row, endColumn: end.column };
  }
  // `A2:Q`: from row 2 to the sheet's last row.
  if (hasColumns && start.row !== undefined && end.row === undefined) {
    return { sheetName, startRow: start.row, startColumn: start.column, endColumn: end.column };
  }
  if (hasColumns && start.row === undefined && end.row === undefined) {
    return { sheetName, startColumn: start.column, endColumn: end.column };
  }
  if (hasRows && start.column === undefined && end.column === undefined) {
    return { sheetName, startRow: start.row, endRow: end.row };
  }
  return null;
}

/** A rectangle in 1-based coordinates, with which of its ends A1 notation left open. */
export interface Box {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  readonly openRows?: boolean;
  readonly openColumns?: boolean;
  readonly openEndRow?: boolean;
}

/** The rectangle an A1 reference covers on a sheet of the given size (open bounds run to the sheet's edge). */
export function boxOf(ref: A1Reference, maxRows: number, maxColumns: number): Box {
  const openRows = ref.startRow === undefined;
  const openColumns = ref.startColumn === undefined;
  const openEndRow = !openRows && ref.endRow === undefined;
  const r1 = ref.startRow ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c1 = ref.startColumn ?? 1;
  const c2 = ref.endColumn ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    row,
    column,
    numRows: Math.max(r1, r2) - row + 1,
    numColumns: Math.max(c1, c2) - column + 1,
    openRows,
    openColumns,
    openEndRow,
  };
}

/** `A1`, `A1:B2`, or the open forms `A:C`, `2:5`, `A2:Q` when the box came from one. */
export function toA1(box: Box): string {
  const lastRow = box.row + box.numRows - 1;
  const lastColumn = box.column + box.numColumns - 1;
  const first = columnLetters(box.column);
  const last = columnLetters(lastColumn);
  if (box.openRows) return `${first}:${last}`;
  if (box.openColumns) return `${box.row}:${lastRow}`;
  if (box.openEndRow) return `${first}${box.row}:${last}`;
  if (box.numRows === 1 && box.numColumns === 1) return `${first}${box.row}`;
  return `${first}${box.row}:${last}${lastRow}`;
}

/** A sheet name as formulas and A1 notation write it: bare when it can be, else quoted. */
export function quoteSheetName(name: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}
