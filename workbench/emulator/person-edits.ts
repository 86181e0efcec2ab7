/**
 * What a person does to a sheet while a script runs: types a row, inserts or deletes one, sorts the data rows.
 * People hold no lock, so tests place these at any service call of an execution (ServicesOptions.onServiceCall).
 */

import { moveRows, sortedOrder } from './range-sort';
import type { SheetModel } from './sheet-model';
import type { Workbook } from './workbook';

/** The last row (1-based) with anything typed in it, arrays' spilled blanks not counted; 1 for a bare header. */
export function lastTypedRow(sheet: SheetModel): number {
  let last = sheet.lastRow();
  const width = sheet.lastColumn();
  const typed = (r: number) => {
    for (let c = 0; c < width; c++) {
      const value = sheet.values.get(r - 1, c);
      if ((value !== '' && !sheet.spills.get(r - 1, c)) || sheet.formulas.get(r - 1, c)) return true;
    }
    return false;
  };
  while (last > 1 && !typed(last)) last--;
  return Math.max(1, last);
}

export interface PersonEdits {
  /** Types `values` from column A into the first row below the last typed one; returns that row. */
  typeNextRow(values: readonly unknown[]): number;
  /** Types `values` from column A into `row`, over whatever is there. */
  typeRow(row: number, values: readonly unknown[]): void;
  /** Inserts a blank row before `row`, moving the rows below down. */
  insertRow(row: number): void;
  /** Deletes `row`, moving the rows below up. */
  deleteRow(row: number): void;
  /** Data > Sort range over rows 2 to the last typed row, by a 1-based column. */
  sortBy(column: number, ascending: boolean): void;
}

/** The edits a person makes to one tab of `workbook`, applied to the model at once, as Sheets applies a person's edit. */
export function personEdits(workbook: Workbook, tab: string): PersonEdits {
  const sheet = () => workbook.sheet(tab);
  const typeRow = (row: number, values: readonly unknown[]) => {
    const model = sheet();
    if (row > model.maxRows) workbook.insertRows(model, model.maxRows + 1, row - model.maxRows);
    workbook.write(tab, row, 1, [values]);
  };
  return {
    typeNextRow(values) {
      const row = lastTypedRow(sheet()) + 1;
      typeRow(row, values);
      return row;
    },
    typeRow,
    insertRow(row) {
      workbook.insertRows(sheet(), row, 1);
    },
    deleteRow(row) {
      workbook.deleteRows(sheet(), row, 1);
    },
    sortBy(column, ascending) {
      const model = sheet();
      const last = lastTypedRow(model);
      if (last < 3) return;
      const box = { row: 2, column: 1, numRows: last - 1, numColumns: model.lastColumn() };
      moveRows(workbook, model, box, sortedOrder(model, box, [{ column, ascending }]));
    },
  };
}
