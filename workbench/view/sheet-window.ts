/** A window of a sheet's rows as the page draws them: displayed values, formulas, errors, formats and validation. */

import type { CellValue, SheetModel, ValidationRule, Workbook } from '../emulator/apps-script-emulator';
import { isDate } from '../emulator/cell-values';
import { offsetFormula } from '../emulator/formula-references';
import { Area, type BooleanConditionModel, DEFAULT_COLUMN_WIDTH } from '../emulator/sheet-model';
import { wallClock } from '../emulator/zoned-dates';
import { looksLikeError } from '../engine/cell-conversion';
import type { FormulaEngine } from '../engine/formula-engine';
import { AUTOMATIC, displayValue } from './cell-display';
import { type ChartView, chartViews } from './chart-view';

export type { ChartView };

export interface CellView {
  /** The text shown in the cell. */
  t: string;
  /** The formula, when the cell holds one. */
  f?: string;
  /** What to put in the formula bar for a value cell, when it differs from `t` (a number shown rounded, a date). */
  r?: string;
  /** The error message shown on hover, for a formula error. */
  e?: string;
  /** Alignment: l, c or r. */
  a?: string;
  b?: 1;
  i?: 1;
  bg?: string;
  c?: string;
  /** Index into the window's `validations`. */
  v?: number;
  /** The cell's note (Range.setNote), shown on hover with a corner mark as in Sheets. */
  n?: string;
}

export type ValidationView =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly strict: boolean; readonly help: string }
  | { readonly kind: 'checkbox' }
  | { readonly kind: 'rule'; readonly strict: boolean; readonly help: string };

export interface SheetWindow {
  readonly sheet: string;
  readonly version: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly lastRow: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Pixel width of each column, 1-based column n at index n - 1. */
  readonly columnWidths: number[];
  readonly firstRow: number;
  /** One entry per row of the window; null for a row with nothing to draw. */
  readonly rows: ((CellView | null)[] | null)[];
  readonly validations: ValidationView[];
  /** The filter on the sheet's data rows, if any: the rows it hides, of the whole sheet, ascending. */
  readonly filter?: RowFilter & { readonly hiddenRows: readonly number[] };
  /** The sheet's embedded charts with their data, for the page to draw where they are anchored. */
  readonly charts: readonly ChartView[];
}

/** A filter of a sheet's data rows (those below its frozen rows): only rows whose `column` shows `value` stay in view. */
export interface RowFilter {
  readonly column: number;
  readonly value: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A value as the formula bar shows it for editing: dates as ISO text, numbers in full. */
function editText(value: CellValue, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const c = wallClock(value, timeZone);
    const day = `${c.year}-${pad(c.month)}-${pad(c.day)}`;
    return c.hour || c.minute || c.second ? `${day} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}` : day;
  }
  return String(value);
}

type Format = Pick<BooleanConditionModel, 'background' | 'fontColor' | 'bold' | 'italic'>;

/** Builds windows of one workbook, with the engine for formula errors and conditional formats. */
export class SheetViews {
  constructor(
    private readonly workbook: Workbook,
    private readonly engine: FormulaEngine,
  ) {}

  window(sheetName: string, firstRow: number, count: number, version: number, filter?: RowFilter): SheetWindow {
    const sheet = this.workbook.sheet(sheetName);
    const first = Math.max(1, Math.min(firstRow, sheet.maxRows));
    const last = Math.min(sheet.maxRows, first + Math.max(0, count) - 1);
    const validations: ValidationView[] = [];
    const ruleIndex = new Map<ValidationRule, number>();
    const conditional = this.conditionalFormats(sheet, first, last);
    const rows: ((CellView | null)[] | null)[] = [];
    for (let row = first; row <= last; row++) {
      const line: (CellView | null)[] = [];
      let any = false;
      for (let column = 1; column <= sheet.maxColumns; column++) {
        const cell = this.cell(sheet, row, column, conditional.get(`${row}:${column}`));
        const rule = sheet.validations.get(row - 1, column - 1);
        if (rule) {
          let index = ruleIndex.get(rule);
          if (index === undefined) {
            index = validations.push(this.validationView(rule)) - 1;
            ruleIndex.set(rule, index);
          }
          if (cell) cell.v = index;
          else {
            line[column - 1] = { t: '', v: index };
            any = true;
            continue;
          }
        }
        line[column - 1] = cell;
        any ||= cell !== null;
      }
      rows.push(any ? line : null);
    }
    return {
      sheet: sheet.name,
      version,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      lastRow: sheet.lastRow(),
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      columnWidths: Array.from(
        { length: sheet.maxColumns },
        (_, i) => sheet.columnWidths.get(i + 1) ?? DEFAULT_COLUMN_WIDTH,
      ),
      firstRow: first,
      rows,
      validations,
      charts: chartViews(sheet),
      ...(filter ? { filter: { ...filter, hiddenRows: this.hiddenRows(sheet, filter) } } : {}),
    };
  }

  /**
   * The data rows a filter hides: below the frozen rows, down to the last row holding data, those whose cell in the
   * filter's column does not show its value (compared as displayed, as Sheets' filter by values does).
   */
  hiddenRows(sheet: SheetModel, filter: RowFilter): number[] {
    const hidden: number[] = [];
    for (let row = sheet.frozenRows + 1; row <= sheet.lastRow(); row++) {
      const value = sheet.values.get(row - 1, filter.column - 1);
      const format = sheet.formats.numberFormat.get(row - 1, filter.column - 1) || AUTOMATIC;
      if (displayValue(value, format, this.workbook.timeZone) !== filter.value) hidden.push(row);
    }
    return hidden;
  }

  private cell(sheet: SheetModel, row: number, column: number, conditional: Format | undefined): CellView | null {
    const value = sheet.values.get(row - 1, column - 1);
    const formula = sheet.formulas.get(row - 1, column - 1);
    const format = (name: keyof SheetModel['formats']) => sheet.formats[name].get(row - 1, column - 1);
    const numberFormat = format('numberFormat') || AUTOMATIC;
    const bold = conditional?.bold ?? format('fontWeight') === 'bold';
    const italic = conditional?.italic ?? format('fontStyle') === 'italic';
    const background = conditional?.background ?? (format('background') || undefined);
    const color = conditional?.fontColor ?? (format('fontColor') || undefined);
    const note = sheet.notes.get(row - 1, column - 1);
    if (value === '' && !formula && !bold && !background && !note) return null;
    const view: CellView = { t: displayValue(value, numberFormat, this.workbook.timeZone) };
    if (formula) view.f = formula;
    else {
      const raw = editText(value, this.workbook.timeZone);
      if (raw !== view.t) view.r = raw;
    }
    if (formula && looksLikeError(value)) {
      const error = this.engine.errorAt(sheet.name, row, column);
      if (error) view.e = error.message;
    }
    const align = format('horizontalAlignment');
    if (align && align !== 'general') view.a = align[0];
    else if (view.e !== undefined || typeof value === 'boolean') view.a = 'c';
    else if (typeof value === 'number' || isDate(value)) view.a = 'r';
    if (bold) view.b = 1;
    if (italic) view.i = 1;
    if (background && background !== '#ffffff') view.bg = background;
    if (color && color !== '#000000') view.c = color;
    if (note) view.n = note;
    return view;
  }

  private validationView(rule: ValidationRule): ValidationView {
    const strict = !rule.allowInvalid;
    const help = rule.helpText ?? '';
    if (rule.criteria === 'CHECKBOX') return { kind: 'checkbox' };
    if (rule.criteria === 'VALUE_IN_LIST') {
      return { kind: 'list', values: (rule.args[0] as unknown[]).map(String), strict, help };
    }
    if (rule.criteria === 'VALUE_IN_RANGE' && rule.args[0] instanceof Area) {
      return { kind: 'list', values: listFromRange(this.workbook, rule.args[0]), strict, help };
    }
    return { kind: 'rule', strict, help };
  }

  /** The format of each cell of rows first..last that a conditional format rule gives; the first matching rule wins. */
  private conditionalFormats(sheet: SheetModel, first: number, last: number): Map<string, Format> {
    const formats = new Map<string, Format>();
    for (const rule of sheet.conditionalFormatRules) {
      const anchor = rule.ranges[0];
      if (!anchor) continue;
      for (const area of rule.ranges) {
        const top = Math.max(first, area.row);
        const bottom = Math.min(last, area.row + area.numRows - 1, sheet.lastRow());
        for (let row = top; row <= bottom; row++) {
          for (let column = area.column; column < area.column + area.numColumns; column++) {
            const key = `${row}:${column}`;
            if (formats.has(key)) continue;
            if (this.matches(sheet, rule.condition, row, column, anchor)) formats.set(key, rule.condition);
          }
        }
      }
    }
    return formats;
  }

  private matches(
    sheet: SheetModel,
    condition: BooleanConditionModel,
    row: number,
    column: number,
    anchor: Area,
  ): boolean {
    const value = sheet.values.get(row - 1, column - 1);
    const [a, b] = condition.args as unknown[];
    const number = typeof value === 'number' ? value : undefined;
    switch (condition.criteria) {
      case 'CUSTOM_FORMULA': {
        const formula = offsetFormula(String(a), row - anchor.row, column - anchor.column);
        const result = this.engine.calculate(sheet.name, formula);
        return result === true || (typeof result === 'number' && result !== 0);
      }
      case 'CELL_EMPTY':
        return value === '';
      case 'CELL_NOT_EMPTY':
        return value !== '';
      case 'NUMBER_GREATER_THAN':
        return number !== undefined && number > Number(a);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return number !== undefined && number >= Number(a);
      case 'NUMBER_LESS_THAN':
        return number !== undefined && number < Number(a);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return number !== undefined && number <= Number(a);
      case 'NUMBER_EQUAL_TO':
        return number !== undefined && number === Number(a);
      case 'NUMBER_NOT_EQUAL_TO':
        return number !== undefined && number !== Number(a);
      case 'NUMBER_BETWEEN':
        return number !== undefined && number >= Number(a) && number <= Number(b);
      case 'NUMBER_NOT_BETWEEN':
        return number !== undefined && (number < Number(a) || number > Number(b));
      case 'TEXT_EQUAL_TO':
        return String(value) === String(a);
      case 'TEXT_CONTAINS':
        return String(value).toLowerCase().includes(String(a).toLowerCase());
      case 'TEXT_DOES_NOT_CONTAIN':
        return !String(value).toLowerCase().includes(String(a).toLowerCase());
      case 'TEXT_STARTS_WITH':
        return String(value).toLowerCase().startsWith(String(a).toLowerCase());
      case 'TEXT_ENDS_WITH':
        return String(value).toLowerCase().endsWith(String(a).toLowerCase());
      default:
        return false;
    }
  }
}

/** The choices a "list from a range" rule offers: the range's non-blank values, each once, as displayed. */
export function listFromRange(workbook: Workbook, area: Area): string[] {
  const sheet = area.sheet;
  const rows = Math.min(area.numRows, Math.max(0, sheet.lastRow() - area.row + 1));
  const seen = new Set<string>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < area.numColumns; c++) {
      const value = sheet.values.get(area.row - 1 + r, area.column - 1 + c);
      const text = displayValue(
        value,
        sheet.formats.numberFormat.get(area.row - 1 + r, area.column - 1 + c) || AUTOMATIC,
        workbook.timeZone,
      );
      if (text !== '') seen.add(text);
    }
  }
  return [...seen];
}
