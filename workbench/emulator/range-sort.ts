/**
 * Sorting a range's rows as Sheets does (Range.sort, Data > Sort range): by one or more columns, numbers before
 * text before booleans, blanks last either way; every cell moves with its row (values, formulas, notes, formats,
 * validation), a formula's relative references moving with it; cells an array formula covers are not content and
 * move as blanks, so the array spills again from wherever its formula cell lands.
 */

import { type Box, toA1 } from './a1-notation';
import { gasError, signatureError } from './apps-script-errors';
import { type CellValue, isDate } from './cell-values';
import { offsetFormula } from './formula-references';
import type { SheetModel } from './sheet-model';
import type { Workbook } from './workbook';

/** One column to sort by: its number in the sheet (not in the range), and the direction. */
export interface SortKey {
  readonly column: number;
  readonly ascending: boolean;
}

/**
 * Range.sort's argument as Apps Script takes it: a column number, `{column, ascending}` (ascending by default), or an
 * array of either; columns are the sheet's, and each must lie within the range.
 */
export function sortKeysOf(spec: unknown, box: Box): SortKey[] {
  const one = (item: unknown): SortKey => {
    if (typeof item === 'number') return { column: Math.trunc(item), ascending: true };
    if (typeof item === 'object' && item !== null && typeof (item as { column?: unknown }).column === 'number') {
      const { column, ascending } = item as { column: number; ascending?: unknown };
      return { column: Math.trunc(column), ascending: ascending === undefined ? true : Boolean(ascending) };
    }
    throw signatureError('SpreadsheetApp.Range.sort', [spec]);
  };
  const keys = Array.isArray(spec) ? spec.map(one) : [one(spec)];
  if (keys.length === 0) throw signatureError('SpreadsheetApp.Range.sort', [spec]);
  for (const key of keys) {
    if (key.column < box.column || key.column >= box.column + box.numColumns) {
      throw gasError(`Sort column ${key.column} is outside the range ${toA1(box)}.`);
    }
  }
  return keys;
}

/** Where a value falls in an ascending sort: numbers and dates, then text, then TRUE/FALSE. Blanks are apart. */
function rank(value: CellValue): number {
  if (typeof value === 'number' || isDate(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

const numberOf = (value: CellValue) => (isDate(value) ? value.getTime() : Number(value));

/** Compares two cells for one key; blanks go last whatever the direction. */
export function compareCells(a: CellValue, b: CellValue, ascending: boolean): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const byType = rank(a) - rank(b);
  let order: number;
  if (byType !== 0) order = byType;
  else if (typeof a === 'string') order = a.localeCompare(String(b), 'en', { sensitivity: 'base' });
  else if (typeof a === 'boolean') order = Number(a) - Number(b);
  else order = Math.sign(numberOf(a) - numberOf(b));
  return ascending ? order : -order;
}

/** The rows of `box` in their new order (0-based offsets into the box), stable for ties. */
export function sortedOrder(sheet: SheetModel, box: Box, keys: readonly SortKey[]): number[] {
  const rows = Array.from({ length: box.numRows }, (_, i) => i);
  const valueAt = (i: number, column: number) => sheet.values.get(box.row - 1 + i, column - 1);
  return rows.sort((i, j) => {
    for (const key of keys) {
      const order = compareCells(valueAt(i, key.column), valueAt(j, key.column), key.ascending);
      if (order !== 0) return order;
    }
    return i - j;
  });
}

/** Moves the rows of `box` into `order` (new row i takes old row order[i]), every layer of every cell with them. */
export function moveRows(workbook: Workbook, sheet: SheetModel, box: Box, order: readonly number[]): void {
  const top = box.row - 1;
  const left = box.column - 1;
  const width = box.numColumns;
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  for (let i = 0; i < order.length; i++) {
    const from = top + order[i];
    const shift = i - order[i];
    values.push(
      Array.from({ length: width }, (_, c) => {
        const formula = sheet.formulas.get(from, left + c);
        const covered = !formula && sheet.spills.get(from, left + c);
        return covered ? '' : sheet.values.get(from, left + c);
      }),
    );
    formulas.push(
      Array.from({ length: width }, (_, c) => {
        const formula = sheet.formulas.get(from, left + c);
        return formula ? offsetFormula(formula, shift, 0) : '';
      }),
    );
  }
  const others = [sheet.notes, sheet.validations, ...Object.values(sheet.formats)] as SheetModel['notes'][];
  for (const layer of others) {
    const moved = order.map((from) => Array.from({ length: width }, (_, c) => layer.get(top + from, left + c)));
    moved.forEach((line, i) => {
      line.forEach((value, c) => {
        layer.set(top + i, left + c, value);
      });
    });
  }
  workbook.writeCells(sheet, box.row, box.column, values, formulas);
}
