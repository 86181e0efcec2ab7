/** Range: a rectangle of one sheet, 1-based; reads and writes its cells in blocks. */

import { type Box, toA1 } from './a1-notation';
import { gasError, MESSAGES, signatureError } from './apps-script-errors';
import { BLANK, type CellContent, type CellValue, contentOf, copyValue, parseText } from './cell-values';
import { MODEL, type Runtime, ServiceObject } from './execution-runtime';
import { offsetFormula } from './formula-references';
import { moveRows, sortedOrder, sortKeysOf } from './range-sort';

import {
  Area,
  assertCoordinates,
  FORMAT_DEFAULTS,
  type FormatName,
  ProtectionModel,
  type SheetModel,
  type ValidationRule,
} from './sheet-model';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right' | null;

type SupportedRangeMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getFontSize'
  | 'getFontSizes'
  | 'getVerticalAlignment'
  | 'getWrap'
  | 'getWraps'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isEndColumnBounded'
  | 'isEndRowBounded'
  | 'isStartColumnBounded'
  | 'isStartRowBounded'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setFontSize'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'sort';

/** Checks a 2D argument's type and shape as setValues does, with Apps Script's messages. */
function assertGrid(range: EmulatedRange, grid: unknown, method: string): asserts grid is unknown[][] {
  if (!Array.isArray(grid) || !grid.every(Array.isArray))
    throw signatureError(`SpreadsheetApp.Range.${method}`, [grid]);
  if (grid.length !== range.box.numRows) throw gasError(MESSAGES.rowCountMismatch(grid.length, range.box.numRows));
  for (const line of grid as unknown[][]) {
    if (line.length !== range.box.numColumns) {
      throw gasError(MESSAGES.columnCountMismatch(line.length, range.box.numColumns));
    }
  }
}

export class EmulatedRange extends ServiceObject<GasRange> implements Pick<GasRange, SupportedRangeMethods> {
  constructor(
    rt: Runtime,
    readonly sheet: SheetModel,
    readonly box: Box,
  ) {
    super(rt);
  }

  /** The rectangle as a model Area (a fresh one: models keep their own). */
  get area(): Area {
    return new Area(this.sheet, this.box.row, this.box.column, this.box.numRows, this.box.numColumns);
  }

  get [MODEL](): Area {
    return this.area;
  }

  getA1Notation(): string {
    return toA1(this.box);
  }

  getRow(): number {
    return this.box.row;
  }

  getRowIndex(): number {
    return this.box.row;
  }

  getColumn(): number {
    return this.box.column;
  }

  getNumRows(): number {
    return this.box.numRows;
  }

  getHeight(): number {
    return this.box.numRows;
  }

  getNumColumns(): number {
    return this.box.numColumns;
  }

  getWidth(): number {
    return this.box.numColumns;
  }

  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }

  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }

  isStartRowBounded(): boolean {
    return !this.box.openRows;
  }

  isEndRowBounded(): boolean {
    return !this.box.openRows && !this.box.openEndRow;
  }

  isStartColumnBounded(): boolean {
    return !this.box.openColumns;
  }

  isEndColumnBounded(): boolean {
    return !this.box.openColumns;
  }

  getGridId(): number {
    return this.sheet.id;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.rt.objects.sheet(this.sheet);
  }

  getCell(row: number, column: number): GasRange {
    if (!(row >= 1 && column >= 1 && row <= this.box.numRows && column <= this.box.numColumns)) {
      throw gasError(MESSAGES.cellOutOfRange);
    }
    return this.rt.objects.range(this.sheet, {
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    const box = {
      row: this.box.row + Math.trunc(rowOffset),
      column: this.box.column + Math.trunc(columnOffset),
      numRows: numRows === undefined ? this.box.numRows : Math.trunc(numRows),
      numColumns: numColumns === undefined ? this.box.numColumns : Math.trunc(numColumns),
    };
    assertCoordinates(this.sheet, box.row, box.column, box.numRows, box.numColumns);
    return this.rt.objects.range(this.sheet, box);
  }

  activate(): GasRange {
    this.rt.workbook.activeSheet = this.sheet;
    this.rt.workbook.activeRange = this.area;
    return this.self;
  }

  // ---- values and formulas ----

  getValue(): unknown {
    this.#assertInside();
    return copyValue(this.sheet.values.get(this.box.row - 1, this.box.column - 1));
  }

  getValues(): unknown[][] {
    this.#assertInside();
    const { row, column, numRows, numColumns } = this.box;
    return this.sheet.values.read(row - 1, column - 1, numRows, numColumns, copyValue);
  }

  getFormula(): string {
    this.#assertInside();
    return this.sheet.formulas.get(this.box.row - 1, this.box.column - 1);
  }

  getFormulas(): string[][] {
    this.#assertInside();
    const { row, column, numRows, numColumns } = this.box;
    return this.sheet.formulas.read(row - 1, column - 1, numRows, numColumns, (formula) => formula);
  }

  isBlank(): boolean {
    const values = this.getValues();
    const formulas = this.getFormulas();
    return values.every((line, r) => line.every((value, c) => value === '' && formulas[r][c] === ''));
  }

  /** Every cell gets the value; a formula is written as filling it would write it (relative references move). */
  setValue(value: unknown): GasRange {
    this.#assertInside();
    this.#fillContent(contentOf(value, this.rt.workbook.timeZone));
    return this.self;
  }

  setValues(values: unknown[][]): GasRange {
    this.#assertInside();
    assertGrid(this, values, 'setValues');
    const timeZone = this.rt.workbook.timeZone;
    this.#writeContents(values.map((line) => line.map((input) => contentOf(input, timeZone))));
    return this.self;
  }

  setFormula(formula: string): GasRange {
    this.#assertInside();
    this.#fillContent(this.#formulaContent(formula));
    return this.self;
  }

  setFormulas(formulas: string[][]): GasRange {
    this.#assertInside();
    assertGrid(this, formulas, 'setFormulas');
    this.#writeContents(formulas.map((line) => line.map((formula) => this.#formulaContent(formula))));
    return this.self;
  }

  clearContent(): GasRange {
    this.#assertInside();
    this.#fillContent(BLANK);
    return this.self;
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    this.#assertInside();
    const only = options ?? {};
    const everything = !only.commentsOnly && !only.contentsOnly && !only.formatOnly && !only.validationsOnly;
    if (everything || only.contentsOnly) this.#fillContent(BLANK);
    if (everything || only.formatOnly) this.#clearFormats();
    if (only.validationsOnly) this.#fillLayer(this.sheet.validations, null);
    if (only.commentsOnly) this.#fillLayer(this.sheet.notes, '');
    return this.self;
  }

  clearFormat(): GasRange {
    this.#assertInside();
    this.#clearFormats();
    return this.self;
  }

  /**
   * Sorts the range's rows by one or more of its columns, as Sheets does: `sort(2)`, `sort({column: 2, ascending:
   * false})`, `sort([{column: 2, ascending: false}, 1])`. Columns are the sheet's; see range-sort.ts for the order.
   */
  sort(sortSpecObj: unknown): GasRange {
    this.#assertInside();
    const keys = sortKeysOf(sortSpecObj, this.box);
    moveRows(this.rt.workbook, this.sheet, this.box, sortedOrder(this.sheet, this.box, keys));
    return this.self;
  }

  // ---- formats ----

  getNumberFormat(): string {
    return this.#formatAt('numberFormat');
  }

  getNumberFormats(): string[][] {
    return this.#formatGrid('numberFormat');
  }

  setNumberFormat(numberFormat: string): GasRange {
    return this.#setFormat('numberFormat', String(numberFormat));
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    return this.#setFormats('numberFormat', numberFormats, 'setNumberFormats');
  }

  getFontWeight(): FontWeight {
    return this.#formatAt('fontWeight') as FontWeight;
  }

  getFontWeights(): FontWeight[][] {
    return this.#formatGrid('fontWeight') as FontWeight[][];
  }

  setFontWeight(fontWeight: FontWeight | null): GasRange {
    return this.#setFormat('fontWeight', fontWeight);
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): GasRange {
    return this.#setFormats('fontWeight', fontWeights, 'setFontWeights');
  }

  getFontStyle(): FontStyle {
    return this.#formatAt('fontStyle') as FontStyle;
  }

  getFontStyles(): FontStyle[][] {
    return this.#formatGrid('fontStyle') as FontStyle[][];
  }

  setFontStyle(fontStyle: FontStyle | null): GasRange {
    return this.#setFormat('fontStyle', fontStyle);
  }

  getFontColor(): string {
    return this.#formatAt('fontColor');
  }

  getFontColors(): string[][] {
    return this.#formatGrid('fontColor');
  }

  setFontColor(color: string | null): GasRange {
    return this.#setFormat('fontColor', color);
  }

  getBackground(): string {
    return this.#formatAt('background');
  }

  getBackgrounds(): string[][] {
    return this.#formatGrid('background');
  }

  setBackground(color: string | null): GasRange {
    return this.#setFormat('background', color);
  }

  setBackgrounds(colors: (string | null)[][]): GasRange {
    return this.#setFormats('background', colors, 'setBackgrounds');
  }

  getHorizontalAlignment(): string {
    return this.#formatAt('horizontalAlignment');
  }

  getHorizontalAlignments(): string[][] {
    return this.#formatGrid('horizontalAlignment');
  }

  setHorizontalAlignment(alignment: HorizontalAlignment): GasRange {
    return this.#setFormat('horizontalAlignment', alignment === 'normal' ? null : alignment);
  }

  setHorizontalAlignments(alignments: HorizontalAlignment[][]): GasRange {
    return this.#setFormats(
      'horizontalAlignment',
      alignments.map((line) => line.map((a) => (a === 'normal' ? null : a))),
      'setHorizontalAlignments',
    );
  }

  getVerticalAlignment(): string {
    return this.#formatAt('verticalAlignment');
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    return this.#setFormat('verticalAlignment', alignment);
  }

  getFontSize(): number {
    return Number(this.#formatAt('fontSize'));
  }

  getFontSizes(): number[][] {
    return this.#formatGrid('fontSize').map((line) => line.map(Number));
  }

  setFontSize(size: number): GasRange {
    return this.#setFormat('fontSize', String(size));
  }

  getWrap(): boolean {
    return this.#formatAt('wrap') === 'true';
  }

  getWraps(): boolean[][] {
    return this.#formatGrid('wrap').map((line) => line.map((wrap) => wrap === 'true'));
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    return this.#setFormat('wrap', String(Boolean(isWrapEnabled)));
  }

  getNote(): string {
    this.#assertInside();
    return this.sheet.notes.get(this.box.row - 1, this.box.column - 1);
  }

  getNotes(): string[][] {
    this.#assertInside();
    const { row, column, numRows, numColumns } = this.box;
    return this.sheet.notes.read(row - 1, column - 1, numRows, numColumns, (note) => note);
  }

  setNote(note: string | null): GasRange {
    this.#assertInside();
    this.#fillLayer(this.sheet.notes, note === null ? '' : String(note));
    return this.self;
  }

  setNotes(notes: (string | null)[][]): GasRange {
    this.#assertInside();
    assertGrid(this, notes, 'setNotes');
    this.#writeLayer(this.sheet.notes, notes, (note) => (note === null ? '' : String(note)));
    return this.self;
  }

  clearNote(): GasRange {
    return this.setNote(null);
  }

  // ---- data validation and protection ----

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.#assertInside();
    const rule = this.sheet.validations.get(this.box.row - 1, this.box.column - 1);
    return rule ? this.rt.objects.dataValidation(rule) : null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    this.#assertInside();
    const { row, column, numRows, numColumns } = this.box;
    return this.sheet.validations.read(row - 1, column - 1, numRows, numColumns, (rule) =>
      rule ? this.rt.objects.dataValidation(rule) : null,
    );
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    this.#assertInside();
    this.#fillLayer(this.sheet.validations, this.#ruleModel(rule, 'setDataValidation'));
    return this.self;
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    this.#assertInside();
    assertGrid(this, rules, 'setDataValidations');
    this.#writeLayer(this.sheet.validations, rules, (rule) => this.#ruleModel(rule, 'setDataValidations'));
    return this.self;
  }

  clearDataValidations(): GasRange {
    this.#assertInside();
    this.#fillLayer(this.sheet.validations, null);
    return this.self;
  }

  /** Checkboxes: a CHECKBOX validation on every cell, each set to the unchecked value. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GasRange {
    this.#assertInside();
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule: ValidationRule = { criteria: 'CHECKBOX', args, allowInvalid: true, helpText: null };
    this.#fillLayer(this.sheet.validations, rule);
    this.#fillContent(contentOf(uncheckedValue === undefined ? false : uncheckedValue, this.rt.workbook.timeZone));
    return this.self;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.#assertInside();
    const protection = new ProtectionModel('RANGE', this.area, this.rt.options.user);
    this.sheet.protections.push(protection);
    return this.rt.objects.protection(protection);
  }

  // ---- internals: #private, so the proxy never exposes them ----

  #assertInside(): void {
    const { row, column, numRows, numColumns } = this.box;
    if (row + numRows - 1 > this.sheet.maxRows || column + numColumns - 1 > this.sheet.maxColumns) {
      throw gasError(MESSAGES.outsideSheet);
    }
  }

  #formulaContent(formula: unknown): CellContent {
    const text = formula === null || formula === undefined ? '' : String(formula);
    return text.startsWith('=') ? { value: '', formula: text } : parseText(text, this.rt.workbook.timeZone);
  }

  #fillContent(content: CellContent): void {
    const { numRows, numColumns } = this.box;
    const values: CellValue[][] = [];
    const formulas: string[][] = [];
    for (let r = 0; r < numRows; r++) {
      values.push(new Array<CellValue>(numColumns).fill(content.value));
      formulas.push(
        content.formula
          ? Array.from({ length: numColumns }, (_, c) => offsetFormula(content.formula, r, c))
          : new Array<string>(numColumns).fill(''),
      );
    }
    this.rt.workbook.writeCells(this.sheet, this.box.row, this.box.column, values, formulas);
  }

  #writeContents(contents: CellContent[][]): void {
    const values = contents.map((line) => line.map((content) => content.value));
    const formulas = contents.map((line) => line.map((content) => content.formula));
    this.rt.workbook.writeCells(this.sheet, this.box.row, this.box.column, values, formulas);
  }

  #fillLayer<T>(
    layer: { fill(row: number, column: number, numRows: number, numColumns: number, value: T): void },
    value: T,
  ): void {
    layer.fill(this.box.row - 1, this.box.column - 1, this.box.numRows, this.box.numColumns, value);
  }

  #writeLayer<I, T>(
    layer: { set(row: number, column: number, value: T): void },
    grid: I[][],
    map: (input: I) => T,
  ): void {
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < grid[r].length; c++)
        layer.set(this.box.row - 1 + r, this.box.column - 1 + c, map(grid[r][c]));
    }
  }

  #ruleModel(rule: unknown, method: string): ValidationRule | null {
    if (rule === null || rule === undefined) return null;
    return this.rt.expect(rule, 'DataValidation', `SpreadsheetApp.Range.${method}`, [rule]);
  }

  #formatAt(name: FormatName): string {
    this.#assertInside();
    return this.sheet.formats[name].get(this.box.row - 1, this.box.column - 1) || FORMAT_DEFAULTS[name];
  }

  #formatGrid(name: FormatName): string[][] {
    this.#assertInside();
    const { row, column, numRows, numColumns } = this.box;
    return this.sheet.formats[name].read(row - 1, column - 1, numRows, numColumns, (f) => f || FORMAT_DEFAULTS[name]);
  }

  #setFormat(name: FormatName, value: string | null): GasRange {
    this.#assertInside();
    this.#fillLayer(this.sheet.formats[name], value === null || value === FORMAT_DEFAULTS[name] ? '' : value);
    return this.self;
  }

  #setFormats(name: FormatName, grid: (string | null)[][], method: string): GasRange {
    this.#assertInside();
    assertGrid(this, grid, method);
    this.#writeLayer(this.sheet.formats[name], grid, (value) => (value === null ? '' : String(value)));
    return this.self;
  }

  #clearFormats(): void {
    for (const layer of Object.values(this.sheet.formats)) this.#fillLayer(layer, '');
  }
}
