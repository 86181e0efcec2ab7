/** Sheet: one tab; its grid grows and shrinks only through insert/delete calls (and appendRow), never by writing. */

import { enumName, ProtectionType } from './apps-script-enums';
import { gasError, MESSAGES, signatureError } from './apps-script-errors';
import { contentOf, copyValue } from './cell-values';
import { MODEL, type Runtime, ServiceObject } from './execution-runtime';
import { moveRows } from './range-sort';

import {
  Area,
  assertCoordinates,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  ProtectionModel,
  type SheetModel,
} from './sheet-model';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

type SupportedSheetMethods =
  | 'activate'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'getRowHeight'
  | 'hideSheet'
  | 'isSheetHidden'
  | 'setRowHeight'
  | 'showSheet'
  | 'appendRow'
  | 'moveRows'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setActiveSelection'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'updateChart';

/** Whole numbers as Apps Script takes them: fractions cut off, anything else NaN (which every check rejects). */
const whole = (n: unknown) => (typeof n === 'number' ? Math.trunc(n) : Number.NaN);

export class EmulatedSheet extends ServiceObject<GasSheet> implements Pick<GasSheet, SupportedSheetMethods> {
  constructor(
    rt: Runtime,
    readonly model: SheetModel,
  ) {
    super(rt);
  }

  get [MODEL](): SheetModel {
    return this.model;
  }

  getName(): string {
    return this.model.name;
  }

  getSheetName(): string {
    return this.model.name;
  }

  setName(name: string): GasSheet {
    if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Sheet.setName', [name]);
    this.rt.workbook.renameSheet(this.model, name);
    return this.self;
  }

  getSheetId(): number {
    return this.model.id;
  }

  getIndex(): number {
    return this.rt.workbook.sheets.indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.rt.objects.spreadsheet();
  }

  activate(): GasSheet {
    this.rt.workbook.activeSheet = this.model;
    this.rt.workbook.activeRange = null;
    return this.self;
  }

  getTabColor(): string | null {
    return this.model.tabColor;
  }

  setTabColor(color: string | null): GasSheet {
    this.model.tabColor = color;
    return this.self;
  }

  // ---- ranges ----

  getRange(...args: [row: number | string, column?: number, numRows?: number, numColumns?: number]): GasRange {
    const [first, column, numRows, numColumns] = args;
    if (typeof first === 'string' && args.length === 1) return this.#rangeByA1(first);
    const numbers = args.every((arg) => typeof arg === 'number');
    if (typeof first !== 'number' || args.length < 2 || !numbers)
      throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    const box = {
      row: whole(first),
      column: whole(column),
      numRows: whole(numRows ?? 1),
      numColumns: whole(numColumns ?? 1),
    };
    assertCoordinates(this.model, box.row, box.column, box.numRows, box.numColumns);
    return this.rt.objects.range(this.model, box);
  }

  /** Ranges of this sheet by A1 notation, as one RangeList whose methods apply to each (one call for them all). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations) || !a1Notations.every((a1) => typeof a1 === 'string')) {
      throw signatureError('SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
    }
    const boxes = a1Notations.map((a1) => {
      const resolved = this.rt.workbook.resolveA1(a1, this.model);
      if (!resolved || resolved.area.sheet !== this.model) throw gasError(MESSAGES.rangeNotFound);
      const { box } = resolved;
      assertCoordinates(this.model, box.row, box.column, box.numRows, box.numColumns);
      return box;
    });
    return this.rt.objects.rangeList(this.model, boxes);
  }

  getDataRange(): GasRange {
    const box = {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.model.lastContentRow()),
      numColumns: Math.max(1, this.model.lastContentColumn()),
    };
    return this.rt.objects.range(this.model, box);
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    assertCoordinates(this.model, whole(startRow), whole(startColumn), whole(numRows), whole(numColumns));
    return this.model.values.read(
      whole(startRow) - 1,
      whole(startColumn) - 1,
      whole(numRows),
      whole(numColumns),
      copyValue,
    );
  }

  setActiveSelection(range: GasRange | string): GasRange {
    const target = typeof range === 'string' ? this.#rangeByA1(range) : range;
    const area = this.rt.expect(target, 'Range', 'SpreadsheetApp.Sheet.setActiveSelection', [range]);
    this.rt.workbook.activeSheet = area.sheet;
    this.rt.workbook.activeRange = area;
    return target;
  }

  /** As Sheets counts it: cells an array formula fills, with '' too, are content (see SheetModel.lastContentRow). */
  getLastRow(): number {
    return this.model.lastContentRow();
  }

  getLastColumn(): number {
    return this.model.lastContentColumn();
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  /** Writes after the last row with content, adding a row (and columns) when the sheet is full. */
  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) return this.self;
    const workbook = this.rt.workbook;
    const row = this.model.lastContentRow() + 1;
    if (row > this.model.maxRows) workbook.insertRows(this.model, this.model.maxRows + 1, row - this.model.maxRows);
    if (rowContents.length > this.model.maxColumns) {
      workbook.insertColumns(this.model, this.model.maxColumns + 1, rowContents.length - this.model.maxColumns);
    }
    const contents = rowContents.map((input) => contentOf(input, workbook.timeZone));
    workbook.writeCells(this.model, row, 1, [contents.map((c) => c.value)], [contents.map((c) => c.formula)]);
    return this.self;
  }

  // ---- rows and columns ----

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.#assertRows(whole(afterPosition), 1, whole(howMany));
    this.rt.workbook.insertRows(this.model, whole(afterPosition) + 1, whole(howMany), whole(afterPosition));
    return this.self;
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.#assertRows(whole(beforePosition), 1, whole(howMany));
    this.rt.workbook.insertRows(this.model, whole(beforePosition), whole(howMany), whole(beforePosition));
    return this.self;
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const [at, count] = [whole(rowPosition), whole(howMany)];
    this.#assertRows(at, count, count);
    if (this.model.maxRows - count <= this.model.frozenRows) throw gasError(MESSAGES.deleteAllRows);
    this.rt.workbook.deleteRows(this.model, at, count);
  }

  /**
   * moveRows(rowSpec, destinationIndex): the rows `rowSpec` spans go to `destinationIndex` (counted before the move);
   * the rows between shift to make room. Nothing is overwritten: it is a move, not a copy.
   */
  moveRows(rowSpec: GasRange, destinationIndex: number): void {
    const area = this.rt.expect(rowSpec, 'Range', 'SpreadsheetApp.Sheet.moveRows', [rowSpec, destinationIndex]);
    const to = whole(destinationIndex);
    this.#assertRows(to, 1, 1);
    const [first, count] = [area.row, area.numRows];
    // A range taken before rows were deleted may now lie below the sheet.
    this.#assertRows(first, count, count);
    if (area.sheet !== this.model || (to >= first && to <= first + count)) return;
    const top = Math.min(first, to);
    const bottom = to < first ? first + count - 1 : to - 1;
    const span = bottom - top + 1;
    const moved = Array.from({ length: count }, (_, i) => first - top + i);
    const others = Array.from({ length: span }, (_, i) => i).filter((i) => !moved.includes(i));
    const order = to < first ? [...moved, ...others] : [...others, ...moved];
    moveRows(
      this.rt.workbook,
      this.model,
      { row: top, column: 1, numRows: span, numColumns: this.model.maxColumns },
      order,
    );
  }

  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.#assertColumns(whole(afterPosition), 1, whole(howMany));
    this.rt.workbook.insertColumns(this.model, whole(afterPosition) + 1, whole(howMany), whole(afterPosition));
    return this.self;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    this.#assertColumns(whole(beforePosition), 1, whole(howMany));
    this.rt.workbook.insertColumns(this.model, whole(beforePosition), whole(howMany), whole(beforePosition));
    return this.self;
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const [at, count] = [whole(columnPosition), whole(howMany)];
    this.#assertColumns(at, count, count);
    if (this.model.maxColumns - count <= this.model.frozenColumns) throw gasError(MESSAGES.deleteAllColumns);
    this.rt.workbook.deleteColumns(this.model, at, count);
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this.self;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.model.frozenRows = whole(rows);
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.model.frozenColumns = whole(columns);
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(whole(columnPosition)) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.#assertColumns(whole(startColumn), whole(numColumns), whole(numColumns));
    for (let c = whole(startColumn); c < whole(startColumn) + whole(numColumns); c++)
      this.model.columnWidths.set(c, whole(width));
    return this.self;
  }

  /** Widths that fit the text depend on rendering; the emulator keeps the widths it has. */
  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.#assertColumns(whole(startColumn), whole(numColumns), whole(numColumns));
    return this.self;
  }

  getRowHeight(rowPosition: number): number {
    return this.model.rowHeights.get(whole(rowPosition)) ?? DEFAULT_ROW_HEIGHT;
  }

  setRowHeight(rowPosition: number, height: number): GasSheet {
    this.#assertRows(whole(rowPosition), 1, 1);
    this.model.rowHeights.set(whole(rowPosition), whole(height));
    return this.self;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  hideSheet(): GasSheet {
    this.model.hidden = true;
    return this.self;
  }

  showSheet(): GasSheet {
    this.model.hidden = false;
    return this.self;
  }

  // ---- clearing ----

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    const all = this.#wholeSheet();
    if (!options?.formatOnly || options.contentsOnly) all.clearContent();
    if (!options?.contentsOnly || options.formatOnly) all.clearFormat();
    return this.self;
  }

  clearContents(): GasSheet {
    this.#wholeSheet().clearContent();
    return this.self;
  }

  clearFormats(): GasSheet {
    this.#wholeSheet().clearFormat();
    return this.self;
  }

  clearNotes(): GasSheet {
    this.#wholeSheet().clearNote();
    return this.self;
  }

  // ---- rules, protections, named ranges, charts ----

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.model.conditionalFormatRules.map((rule) => this.rt.objects.conditionalRule(rule));
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const method = 'SpreadsheetApp.Sheet.setConditionalFormatRules';
    if (!Array.isArray(rules)) throw signatureError(method, [rules]);
    this.model.conditionalFormatRules = rules.map((rule) => {
      const model = this.rt.expect(rule, 'ConditionalFormatRule', method, [rules]);
      return { condition: model.condition, ranges: model.ranges.map((area) => area.clone()) };
    });
  }

  clearConditionalFormatRules(): void {
    this.model.conditionalFormatRules = [];
  }

  /** The sheet's protection: the existing one when the sheet is already protected. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    let protection = this.model.protections.find((p) => p.type === 'SHEET');
    if (!protection) {
      const area = new Area(this.model, 1, 1, this.model.maxRows, this.model.maxColumns);
      protection = new ProtectionModel('SHEET', area, this.rt.options.user);
      this.model.protections.push(protection);
    }
    return this.rt.objects.protection(protection);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    const name = enumName(ProtectionType, type);
    if (!name) throw signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    return this.model.protections.filter((p) => p.type === name).map((p) => this.rt.objects.protection(p));
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.rt.workbook.namedRanges]
      .filter(([, area]) => area.sheet === this.model)
      .map(([name]) => this.rt.objects.namedRange(name));
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return this.rt.objects.chartBuilder(this.model);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.model.charts.push(this.rt.expect(chart, 'EmbeddedChart', 'SpreadsheetApp.Sheet.insertChart', [chart]));
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this.rt.expect(chart, 'EmbeddedChart', 'SpreadsheetApp.Sheet.updateChart', [chart]);
    const at = this.model.charts.findIndex((c) => c.id === model.id);
    if (at >= 0) this.model.charts[at] = model;
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = this.rt.expect(chart, 'EmbeddedChart', 'SpreadsheetApp.Sheet.removeChart', [chart]);
    this.model.charts = this.model.charts.filter((c) => c.id !== model.id);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.model.charts.map((model) => this.rt.objects.chart(model));
  }

  // ---- internals ----

  #rangeByA1(a1: string): GasRange {
    const resolved = this.rt.workbook.resolveA1(a1, this.model);
    if (!resolved) throw gasError(MESSAGES.rangeNotFound);
    const { area, box } = resolved;
    assertCoordinates(area.sheet, box.row, box.column, box.numRows, box.numColumns);
    return this.rt.objects.range(area.sheet, box);
  }

  /** The whole grid as a Range whose calls are made on the script's behalf (not counted again). */
  #wholeSheet(): GasRange {
    const box = { row: 1, column: 1, numRows: this.model.maxRows, numColumns: this.model.maxColumns };
    return this.rt.uncounted(this.rt.objects.range(this.model, box));
  }

  /** Rows at..at+count-1 must exist, and at least one row must be named (`howMany` >= 1). */
  #assertRows(at: number, count: number, howMany: number): void {
    if (!(at >= 1 && howMany >= 1 && at + Math.max(count, 1) - 1 <= this.model.maxRows))
      throw gasError(MESSAGES.rowsOutOfBounds);
  }

  #assertColumns(at: number, count: number, howMany: number): void {
    if (!(at >= 1 && howMany >= 1 && at + Math.max(count, 1) - 1 <= this.model.maxColumns)) {
      throw gasError(MESSAGES.columnsOutOfBounds);
    }
  }
}
