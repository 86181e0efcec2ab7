/** Rewrites the references in formula text: filled down or across, rows/columns inserted or deleted, sheets renamed. */

import { columnLetters, columnNumber, quoteSheetName } from './a1-notation';
import { type LineShift, shiftSpan } from './line-shift';

interface Coordinate {
  value?: number;
  absolute: boolean;
}

interface Reference {
  sheetName?: string;
  startColumn: Coordinate;
  startRow: Coordinate;
  endColumn?: Coordinate;
  endRow?: Coordinate;
  isRange: boolean;
}

const SHEET = "(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!";
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const SPAN = String.raw`${CELL}(?::\$?[A-Za-z]{1,3}(?:\$?\d+)?)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+`;
// Not inside a longer name, and not a function name such as LOG10(.
const REFERENCE = new RegExp(`(?<![A-Za-z0-9_.$'!])(${SHEET})?(${SPAN})(?![A-Za-z0-9_(!])`, 'g');
const PART = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

function parsePart(text: string): { column: Coordinate; row: Coordinate } {
  const [, columnDollar, letters, rowDollar, digits] = PART.exec(text) ?? ['', '', '', '', ''];
  return {
    column: { value: letters ? columnNumber(letters) : undefined, absolute: columnDollar === '$' },
    row: { value: digits ? Number(digits) : undefined, absolute: rowDollar === '$' },
  };
}

function parseReference(prefix: string | undefined, span: string): Reference {
  const sheetName =
    prefix === undefined
      ? undefined
      : prefix
          .slice(0, -1)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
  const [left, right] = span.split(':');
  const start = parsePart(left);
  const end = right === undefined ? undefined : parsePart(right);
  return {
    sheetName,
    startColumn: start.column,
    startRow: start.row,
    endColumn: end?.column,
    endRow: end?.row,
    isRange: end !== undefined,
  };
}

function partText(column: Coordinate, row: Coordinate): string {
  const columnText = column.value === undefined ? '' : `${column.absolute ? '$' : ''}${columnLetters(column.value)}`;
  const rowText = row.value === undefined ? '' : `${row.absolute ? '$' : ''}${row.value}`;
  return columnText + rowText;
}

function referenceText(ref: Reference): string {
  const prefix = ref.sheetName === undefined ? '' : `${quoteSheetName(ref.sheetName)}!`;
  const start = partText(ref.startColumn, ref.startRow);
  if (!ref.isRange || !ref.endColumn || !ref.endRow) return prefix + start;
  return `${prefix}${start}:${partText(ref.endColumn, ref.endRow)}`;
}

/** Calls `edit` on every reference outside string literals; it returns the new reference, or null for #REF!. */
function mapReferences(formula: string, edit: (ref: Reference) => Reference | null): string {
  // Even-indexed pieces are outside "string literals".
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(REFERENCE, (_match, prefix: string | undefined, span: string) => {
            const edited = edit(parseReference(prefix, span));
            return edited === null ? '#REF!' : referenceText(edited);
          }),
    )
    .join('');
}

/** The formula as Sheets writes it into a cell `rows` below and `columns` right of the original: relative references move. */
export function offsetFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const move = (coordinate: Coordinate | undefined, delta: number): Coordinate | undefined =>
    coordinate === undefined || coordinate.value === undefined || coordinate.absolute
      ? coordinate
      : { ...coordinate, value: coordinate.value + delta };
  return mapReferences(formula, (ref) => {
    const moved: Reference = {
      ...ref,
      startColumn: move(ref.startColumn, columns) as Coordinate,
      startRow: move(ref.startRow, rows) as Coordinate,
      endColumn: move(ref.endColumn, columns),
      endRow: move(ref.endRow, rows),
    };
    const coordinates = [moved.startColumn, moved.startRow, moved.endColumn, moved.endRow];
    return coordinates.some((c) => c?.value !== undefined && c.value < 1) ? null : moved;
  });
}

/**
 * The formula of a cell on `formulaSheet` after rows or columns of `changedSheet` were inserted or deleted:
 * references into the changed lines move with them, references to deleted cells become #REF!.
 */
export function shiftFormula(formula: string, formulaSheet: string, changedSheet: string, shift: LineShift): string {
  return mapReferences(formula, (ref) => {
    if ((ref.sheetName ?? formulaSheet) !== changedSheet) return ref;
    const rows = shift.dimension === 'rows';
    const start = rows ? ref.startRow : ref.startColumn;
    const end = (rows ? ref.endRow : ref.endColumn) ?? start;
    if (start.value === undefined) return ref;
    // An open end (`A2:Q`) runs to the sheet's edge wherever the start goes.
    const span = shiftSpan(start.value, end.value ?? Number.MAX_SAFE_INTEGER, shift);
    if (span === null) return null;
    const newStart = { ...start, value: span[0] };
    const newEnd = end.value === undefined ? end : { ...end, value: span[1] };
    return rows
      ? { ...ref, startRow: newStart, endRow: ref.isRange ? newEnd : undefined }
      : { ...ref, startColumn: newStart, endColumn: ref.isRange ? newEnd : undefined };
  });
}

/** References naming `from` name `to` instead (a sheet was renamed). */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return mapReferences(formula, (ref) => (ref.sheetName === from ? { ...ref, sheetName: to } : ref));
}

/** References naming a deleted sheet become #REF!. */
export function dropSheetFromFormula(formula: string, deleted: string): string {
  return mapReferences(formula, (ref) => (ref.sheetName === deleted ? null : ref));
}
