/** One sheet of the model: a grid of cells in layers, and what hangs off it (rules, protections, charts, sizes). */

import { gasError, MESSAGES } from './apps-script-errors';
import type { CellValue } from './cell-values';
import { type LineShift, shiftSpan } from './line-shift';
import { Grid } from './sparse-grid';

/** A rectangle on a sheet, 1-based. It moves when rows or columns are inserted or deleted before it. */
export class Area {
  constructor(
    public sheet: SheetModel,
    public row: number,
    public column: number,
    public numRows: number,
    public numColumns: number,
  ) {}

  clone(): Area {
    return new Area(this.sheet, this.row, this.column, this.numRows, this.numColumns);
  }

  /** Applies a structural change of its sheet; false when every cell of the area was deleted. */
  shift(shift: LineShift): boolean {
    const rows = shift.dimension === 'rows';
    const start = rows ? this.row : this.column;
    const span = shiftSpan(start, start + (rows ? this.numRows : this.numColumns) - 1, shift);
    if (span === null) return false;
    if (rows) [this.row, this.numRows] = [span[0], span[1] - span[0] + 1];
    else [this.column, this.numColumns] = [span[0], span[1] - span[0] + 1];
    return true;
  }
}

/** A built data validation rule. `args` are what getCriteriaValues returns, with ranges held as Areas. */
export interface ValidationRule {
  readonly criteria: string;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface BooleanConditionModel {
  readonly criteria: string;
  readonly args: readonly unknown[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
  readonly italic: boolean | null;
  readonly strikethrough: boolean | null;
  readonly underline: boolean | null;
}

export interface ConditionalRuleModel {
  ranges: Area[];
  readonly condition: BooleanConditionModel;
}

export class ProtectionModel {
  description = '';
  warningOnly = false;
  domainEdit = true;
  unprotected: Area[] = [];
  editors: string[];

  constructor(
    readonly type: 'RANGE' | 'SHEET',
    public area: Area,
    owner: string,
  ) {
    this.editors = [owner];
  }
}

export interface ChartModel {
  readonly id: number;
  type: string;
  ranges: Area[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
}

/** Cell formats the emulator keeps, as strings, with what Sheets reports for a cell never formatted. */
export const FORMAT_DEFAULTS = {
  numberFormat: '0.###############',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontColor: '#000000',
  background: '#ffffff',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  fontSize: '10',
  wrap: 'false',
} as const;

export type FormatName = keyof typeof FORMAT_DEFAULTS;

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export class SheetModel {
  readonly values = new Grid<CellValue>('');
  readonly formulas = new Grid<string>('');
  readonly notes = new Grid<string>('');
  readonly validations = new Grid<ValidationRule | null>(null);
  /**
   * Cells an array formula's result covers, other than the formula's own cell (a formula engine sets them). Such a
   * cell is content even when the array put '' there: Sheets' getLastRow and getDataRange count it.
   */
  readonly spills = new Grid<boolean>(false);
  /** '' means the default in FORMAT_DEFAULTS. */
  readonly formats: Record<FormatName, Grid<string>> = {
    numberFormat: new Grid(''),
    fontWeight: new Grid(''),
    fontStyle: new Grid(''),
    fontColor: new Grid(''),
    background: new Grid(''),
    horizontalAlignment: new Grid(''),
    verticalAlignment: new Grid(''),
    fontSize: new Grid(''),
    wrap: new Grid(''),
  };
  conditionalFormatRules: ConditionalRuleModel[] = [];
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  /** Sizes set explicitly, by row or column number; they move with inserted and deleted lines. */
  rowHeights = new Map<number, number>();
  tabColor: string | null = null;
  hidden = false;

  constructor(
    readonly id: number,
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  /** Every layer with one cell per grid position, for structural changes. */
  layers(): Grid<unknown>[] {
    return [this.values, this.formulas, this.notes, this.validations, this.spills, ...Object.values(this.formats)];
  }

  /** The layers whose cells are content, not formatting: inserted rows and columns never copy them from a neighbour. */
  contentLayers(): Grid<unknown>[] {
    return [this.values, this.formulas, this.notes, this.spills];
  }

  /** Last row holding a value that is not '' or a formula (formats and validation do not count), 0 when empty. */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }

  lastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn());
  }

  /**
   * Last row with content as Sheets' getLastRow and getDataRange count it: a value, a formula, or a cell an array
   * formula's result covers even where it put '' (so an ARRAYFORMULA over `A2:A` makes it the sheet's last row).
   */
  lastContentRow(): number {
    return Math.max(this.lastRow(), this.spills.lastRow());
  }

  lastContentColumn(): number {
    return Math.max(this.lastColumn(), this.spills.lastColumn());
  }

  /** Every Area this sheet's rules, protections and charts hold (including ones on other sheets). */
  areas(): Area[] {
    const areas: Area[] = [];
    for (const rule of this.conditionalFormatRules) areas.push(...rule.ranges);
    for (const protection of this.protections) areas.push(protection.area, ...protection.unprotected);
    for (const chart of this.charts) areas.push(...chart.ranges);
    for (const rule of this.validations.distinct())
      if (rule) for (const arg of rule.args) if (arg instanceof Area) areas.push(arg);
    return areas;
  }
}

/** Throws Apps Script's error for a rectangle that does not fit the sheet, checking in Apps Script's order. */
export function assertCoordinates(
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (!(row >= 1)) throw gasError(MESSAGES.startRowTooSmall);
  if (!(column >= 1)) throw gasError(MESSAGES.startColumnTooSmall);
  if (!(numRows >= 1)) throw gasError(MESSAGES.rowsAtLeastOne);
  if (!(numColumns >= 1)) throw gasError(MESSAGES.columnsAtLeastOne);
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw gasError(MESSAGES.outsideSheet);
  }
}
