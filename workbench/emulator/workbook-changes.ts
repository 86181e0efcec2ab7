/** The changes a Workbook reports to its subscribers (a spreadsheet engine mirrors the workbook from them). */

import type { CellValue } from './cell-values';

/**
 * One change, in 1-based coordinates. Structural changes (rows, columns, sheets) also imply the reference rewrites
 * Sheets makes in formulas (moved references, #REF! for deleted cells and sheets); the workbook has applied them to its
 * own formula text already and sends no `cells` change for them, as an engine makes the same rewrites itself.
 */
export type WorkbookChange =
  | {
      /** Cells written: their content after the write. A cell holds a formula when its `formulas` entry is not ''. */
      readonly type: 'cells';
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly values: readonly (readonly CellValue[])[];
      readonly formulas: readonly (readonly string[])[];
    }
  | {
      readonly type: 'sheetInserted';
      readonly sheet: string;
      /** 0-based position among the sheets. */
      readonly index: number;
      readonly rows: number;
      readonly columns: number;
    }
  | { readonly type: 'sheetDeleted'; readonly sheet: string }
  | { readonly type: 'sheetRenamed'; readonly sheet: string; readonly from: string }
  /** `row` is the first new row (rows at and below it moved down by `count`). */
  | { readonly type: 'rowsInserted'; readonly sheet: string; readonly row: number; readonly count: number }
  | { readonly type: 'rowsDeleted'; readonly sheet: string; readonly row: number; readonly count: number }
  | { readonly type: 'columnsInserted'; readonly sheet: string; readonly column: number; readonly count: number }
  | { readonly type: 'columnsDeleted'; readonly sheet: string; readonly column: number; readonly count: number };

export type ChangeListener = (change: WorkbookChange) => void;
