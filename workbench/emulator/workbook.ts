/** The model of one spreadsheet: ordered sheets, named ranges, properties, locks, active sheet; changes are reported. */

import { type Box, boxOf, parseA1 } from './a1-notation';
import { gasError, MESSAGES } from './apps-script-errors';
import { type CellValue, contentOf, copyValue } from './cell-values';
import { dropSheetFromFormula, renameSheetInFormula, shiftFormula } from './formula-references';
import type { LineShift } from './line-shift';
import { Area, SheetModel } from './sheet-model';
import type { ChangeListener, WorkbookChange } from './workbook-changes';

export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
/** Sheets' limits: 10 million cells in a spreadsheet (every sheet's rows x columns, empty or not), columns ZZZ. */
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

/** Every cell value and formula of every sheet, trimmed to each sheet's data. */
export type WorkbookSnapshot = { name: string; values: CellValue[][]; formulas: string[][] }[];

/** Who holds which lock: shared by every Execution on the workbook. Keys: 'document', 'script', 'user:<email>'. */
/** Sizes keyed by row or column number after `count` lines are inserted (> 0) or deleted (< 0) at `at`. */
function shiftKeys(sizes: Map<number, number>, at: number, count: number): Map<number, number> {
  const kept = [...sizes].filter(([line]) => count > 0 || line < at || line >= at - count);
  return new Map(kept.map(([line, size]) => [line >= at ? line + count : line, size]));
}

class LockRegistry {
  private readonly holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, execution: number): boolean {
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== execution) return false;
    this.holders.set(key, execution);
    return true;
  }

  release(key: string, execution: number): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }

  releaseAll(execution: number): void {
    for (const [key, holder] of this.holders) if (holder === execution) this.holders.delete(key);
  }
}

export class Workbook {
  readonly id: string;
  name: string;
  timeZone: string;
  locale = 'en_US';
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<string, Area>();
  readonly documentProperties = new Map<string, string>();
  readonly scriptProperties = new Map<string, string>();
  private readonly userPropertyStores = new Map<string, Map<string, string>>();
  readonly locks = new LockRegistry();
  activeSheet: SheetModel;
  /** The selection; null means A1 of the active sheet. */
  activeRange: Area | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private nextSheetId = 0;
  private lastChartId = 0;

  constructor(options: { name?: string; timeZone?: string; id?: string } = {}) {
    this.id = options.id ?? `emulated-${Math.random().toString(36).slice(2, 12)}`;
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    this.activeSheet = this.insertSheet('Sheet1');
  }

  // ---- inspection (tests, workbench) ----

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`the workbook has no sheet named ${name}`);
    return sheet;
  }

  /**
   * The sheet's values from A1 to its last row and column holding a value or a formula ('' for formula cells no engine
   * computed); trailing cells an array filled with '' are left out.
   */
  values(sheetName: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    return sheet.values.read(0, 0, sheet.lastRow(), sheet.lastColumn(), copyValue);
  }

  /** The sheet's formulas over the same extent as values(): '' where a cell holds no formula. */
  formulas(sheetName: string): string[][] {
    const sheet = this.sheet(sheetName);
    return sheet.formulas.read(0, 0, sheet.lastRow(), sheet.lastColumn(), (f) => f);
  }

  snapshot(): WorkbookSnapshot {
    return this.sheets.map((sheet) => ({
      name: sheet.name,
      values: this.values(sheet.name),
      formulas: this.formulas(sheet.name),
    }));
  }

  /** Every sheet's grid, rows x columns, whether the cells hold anything or not: what Sheets' cell limit counts. */
  cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
  }

  userProperties(user: string): Map<string, string> {
    let store = this.userPropertyStores.get(user);
    if (!store) {
      store = new Map();
      this.userPropertyStores.set(user, store);
    }
    return store;
  }

  /** Hears every change made through services or write(); returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Values a spreadsheet engine computed (formula cells and the cells their arrays spill into), 1-based. Formulas are
   * kept and no change is reported. Cells outside the sheet are ignored: a spill never grows the grid. `spilled` says,
   * cell by cell, whether an array's result now covers it (content for getLastRow even when ''); omitted, unchanged.
   */
  setComputedValues(
    sheetName: string,
    row: number,
    column: number,
    grid: readonly (readonly CellValue[])[],
    spilled?: readonly (readonly boolean[])[],
  ): void {
    const sheet = this.sheet(sheetName);
    for (let r = 0; r < grid.length && row + r <= sheet.maxRows; r++) {
      const line = grid[r];
      for (let c = 0; c < line.length && column + c <= sheet.maxColumns; c++) {
        sheet.values.set(row + r - 1, column + c - 1, copyValue(line[c]));
        const covered = spilled?.[r]?.[c];
        if (covered !== undefined) sheet.spills.set(row + r - 1, column + c - 1, covered);
      }
    }
  }

  /** Writes cells as a user typing them would (`=` starts a formula, "3" is a number), reporting the change. */
  write(sheetName: string, row: number, column: number, grid: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(sheetName);
    const width = grid.reduce((most, line) => Math.max(most, line.length), 0);
    if (row < 1 || column < 1 || row + grid.length - 1 > sheet.maxRows || column + width - 1 > sheet.maxColumns) {
      throw gasError(MESSAGES.outsideSheet);
    }
    const contents = grid.map((line) => line.map((input) => contentOf(input, this.timeZone)));
    this.writeCells(
      sheet,
      row,
      column,
      contents.map((line) => line.map((content) => content.value)),
      contents.map((line) => line.map((content) => content.formula)),
    );
  }

  /** Resolves `Sheet!A1:B2` (or `A1:B2` on `defaultSheet`) to an Area, or null when it names no range. */
  resolveA1(a1: string, defaultSheet: SheetModel): { area: Area; box: Box } | null {
    const ref = parseA1(a1);
    if (!ref) return null;
    const sheet = ref.sheetName === undefined ? defaultSheet : this.findSheet(ref.sheetName);
    if (!sheet) return null;
    const box = boxOf(ref, sheet.maxRows, sheet.maxColumns);
    return { area: new Area(sheet, box.row, box.column, box.numRows, box.numColumns), box };
  }

  newChartId(): number {
    return ++this.lastChartId;
  }

  // ---- changes made by the services; each reports itself ----

  insertSheet(
    name: string,
    index = this.sheets.length,
    rows = NEW_SHEET_ROWS,
    columns = NEW_SHEET_COLUMNS,
  ): SheetModel {
    this.assertNameFree(name);
    this.assertGrowth(columns, rows * columns);
    const sheet = new SheetModel(this.nextSheetId++, name, rows, columns);
    const at = Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.emit({ type: 'sheetInserted', sheet: name, index: at, rows, columns });
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw gasError(MESSAGES.removeAllSheets);
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    for (const [name, area] of this.namedRanges) if (area.sheet === sheet) this.namedRanges.delete(name);
    this.rewriteFormulas((formula) => dropSheetFromFormula(formula, sheet.name));
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[Math.max(0, index - 1)];
      this.activeRange = null;
    }
    this.emit({ type: 'sheetDeleted', sheet: sheet.name });
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === sheet.name) return;
    this.assertNameFree(name, sheet);
    const from = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((formula) => renameSheetInFormula(formula, from, name));
    this.emit({ type: 'sheetRenamed', sheet: name, from });
  }

  /** Writes a block of cells, 1-based; a non-empty formula makes the cell a formula cell (value '' until computed). */
  writeCells(
    sheet: SheetModel,
    row: number,
    column: number,
    values: readonly (readonly CellValue[])[],
    formulas: readonly (readonly string[])[],
  ): void {
    for (let r = 0; r < values.length; r++) {
      const valueLine = values[r];
      const formulaLine = formulas[r];
      for (let c = 0; c < valueLine.length; c++) {
        sheet.values.set(row + r - 1, column + c - 1, valueLine[c]);
        sheet.formulas.set(row + r - 1, column + c - 1, formulaLine[c]);
      }
    }
    if (this.listeners.size > 0) {
      this.emit({
        type: 'cells',
        sheet: sheet.name,
        row,
        column,
        values: values.map((line) => line.map(copyValue)),
        formulas: formulas.map((line) => line.slice()),
      });
    }
  }

  /** Inserts `count` rows before row `at` (1-based); the new rows take the formats and validation of row `copyFrom`. */
  insertRows(sheet: SheetModel, at: number, count: number, copyFrom?: number): void {
    this.assertGrowth(sheet.maxColumns, count * sheet.maxColumns);
    const content = sheet.contentLayers();
    for (const layer of sheet.layers()) {
      const copies = copyFrom !== undefined && !content.includes(layer);
      layer.insertRows(at - 1, count, copies ? copyFrom - 1 : undefined);
    }
    sheet.maxRows += count;
    sheet.rowHeights = shiftKeys(sheet.rowHeights, at, count);
    if (at <= sheet.frozenRows) sheet.frozenRows += count;
    this.shiftStructure(sheet, { dimension: 'rows', at, count });
    this.emit({ type: 'rowsInserted', sheet: sheet.name, row: at, count });
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    for (const layer of sheet.layers()) layer.deleteRows(at - 1, count);
    sheet.maxRows -= count;
    sheet.rowHeights = shiftKeys(sheet.rowHeights, at, -count);
    if (at <= sheet.frozenRows) sheet.frozenRows -= Math.min(count, sheet.frozenRows - at + 1);
    this.shiftStructure(sheet, { dimension: 'rows', at, count: -count });
    this.emit({ type: 'rowsDeleted', sheet: sheet.name, row: at, count });
  }

  insertColumns(sheet: SheetModel, at: number, count: number, copyFrom?: number): void {
    this.assertGrowth(sheet.maxColumns + count, count * sheet.maxRows);
    const content = sheet.contentLayers();
    for (const layer of sheet.layers()) {
      const copies = copyFrom !== undefined && !content.includes(layer);
      layer.insertColumns(at - 1, count, copies ? copyFrom - 1 : undefined);
    }
    sheet.maxColumns += count;
    if (at <= sheet.frozenColumns) sheet.frozenColumns += count;
    sheet.columnWidths = shiftKeys(sheet.columnWidths, at, count);
    this.shiftStructure(sheet, { dimension: 'columns', at, count });
    this.emit({ type: 'columnsInserted', sheet: sheet.name, column: at, count });
  }

  deleteColumns(sheet: SheetModel, at: number, count: number): void {
    for (const layer of sheet.layers()) layer.deleteColumns(at - 1, count);
    sheet.maxColumns -= count;
    if (at <= sheet.frozenColumns) sheet.frozenColumns -= Math.min(count, sheet.frozenColumns - at + 1);
    sheet.columnWidths = shiftKeys(sheet.columnWidths, at, -count);
    this.shiftStructure(sheet, { dimension: 'columns', at, count: -count });
    this.emit({ type: 'columnsDeleted', sheet: sheet.name, column: at, count });
  }

  /**
   * Sheets refuses, before changing anything, a change that takes a sheet past 18,278 columns or the spreadsheet past
   * 10 million cells.
   */
  private assertGrowth(columns: number, addedCells: number): void {
    if (columns > MAX_COLUMNS) throw gasError(MESSAGES.columnLimit);
    if (this.cellCount() + addedCells > MAX_CELLS) throw gasError(MESSAGES.cellLimit);
  }

  private assertNameFree(name: string, except?: SheetModel): void {
    // Sheets compares sheet names without regard to case.
    const taken = this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (taken) throw gasError(MESSAGES.duplicateSheet(name));
  }

  private rewriteFormulas(rewrite: (formula: string, sheet: SheetModel) => string): void {
    for (const sheet of this.sheets) {
      const lastRow = sheet.formulas.lastRow();
      for (let r = 0; r < lastRow; r++) {
        const line = sheet.formulas.line(r);
        if (!line) continue;
        for (let c = 0; c < line.length; c++) {
          const formula = line[c];
          if (formula) sheet.formulas.set(r, c, rewrite(formula, sheet));
        }
      }
    }
  }

  /** Moves every reference into `sheet` after a structural change: formulas, named ranges, rules, protections, charts. */
  private shiftStructure(sheet: SheetModel, shift: LineShift): void {
    this.rewriteFormulas((formula, owner) => shiftFormula(formula, owner.name, sheet.name, shift));
    for (const [name, area] of this.namedRanges)
      if (area.sheet === sheet && !area.shift(shift)) this.namedRanges.delete(name);
    const areas = new Set(this.sheets.flatMap((s) => s.areas()).filter((area) => area.sheet === sheet));
    if (this.activeRange?.sheet === sheet) areas.add(this.activeRange);
    const gone = new Set([...areas].filter((area) => !area.shift(shift)));
    if (gone.size === 0) return;
    for (const owner of this.sheets) {
      for (const rule of owner.conditionalFormatRules) rule.ranges = rule.ranges.filter((area) => !gone.has(area));
      owner.conditionalFormatRules = owner.conditionalFormatRules.filter((rule) => rule.ranges.length > 0);
      owner.protections = owner.protections.filter((p) => !gone.has(p.area));
      for (const protection of owner.protections)
        protection.unprotected = protection.unprotected.filter((a) => !gone.has(a));
      for (const chart of owner.charts) chart.ranges = chart.ranges.filter((area) => !gone.has(area));
    }
    if (this.activeRange && gone.has(this.activeRange)) this.activeRange = null;
  }

  private emit(change: WorkbookChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
