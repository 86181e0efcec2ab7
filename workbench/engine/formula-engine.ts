/**
 * The workbench's formula engine: mirrors an emulator Workbook into HyperFormula and writes the computed values of
 * formula cells (and the cells their arrays spill into) back into the Workbook, synchronously after each change.
 */

import {
  DetailedCellError,
  ExportedCellChange,
  type ExportedChange,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { columnLetters, quoteSheetName } from '../emulator/a1-notation';
import type { CellValue, SheetModel, Workbook, WorkbookChange } from '../emulator/apps-script-emulator';
import { NEW_SHEET_ROWS } from '../emulator/workbook';
import { watchArrayRoom } from './array-room';
import { spillArraysWithoutCopies } from './array-spills';
import {
  DATE_FORMATS,
  engineContent,
  type FormulaError,
  modelValue,
  sheetsError,
  spillBlockedMessage,
  TIME_FORMATS,
} from './cell-conversion';
import { reportChangedCellsOnly } from './changed-cells';
import { keepEveryCriterion } from './criterion-cache';
import { scanCriteriaWithLoops } from './criterion-scans';
import {
  type CustomFunctionHost,
  messageOf,
  RangeArguments,
  registerCustomFunctions,
  withHost,
} from './custom-functions';
import { toEngineFormula } from './formula-translation';
import { registerSheetsFunctions } from './sheets-functions';

export interface EngineOptions {
  /** The add-on's custom functions: the bundle's table, and how to call its top-level functions. */
  readonly host: CustomFunctionHost;
  /** Told when the engine itself failed (not a formula error) and rebuilt itself from the workbook. */
  readonly onFailure?: (message: string) => void;
}

export interface EngineStats {
  /** Change events mirrored so far. */
  updates: number;
  /** Milliseconds the last update (mirror, recalculation and write-back) took. */
  lastUpdateMs: number;
  /** Full loads from the workbook: the first one, recalculate() and recoveries after a failure. */
  loads: number;
  lastLoadMs: number;
}

const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  dateFormats: DATE_FORMATS,
  timeFormats: TIME_FORMATS,
  // Sheets' limit is on cells, not rows; HyperFormula only needs a ceiling above any sheet we hold.
  maxRows: 2_000_000,
  undoLimit: 0,
  // Values are stored unrounded, as Sheets stores them; rounding is for display.
  smartRounding: false,
  // Array arguments as Sheets evaluates them: `5-TRANSPOSE(H2:Q2)` inside SUMPRODUCT, `A2:A*B2:B` inside MMULT or
  // FILTER, ranges compared in SUMIFS criteria. Off, HyperFormula reads such a range in a scalar place as #VALUE!.
  useArrayArithmetic: true,
  arrayColumnSeparator: ',' as const,
  arrayRowSeparator: ';' as const,
  functionArgSeparator: ',',
};

type Structural = Exclude<WorkbookChange, { type: 'cells' }>;

/** Did the change empty a cell (which may unblock an array that could not spill)? */
const clearsCells = (change: WorkbookChange) =>
  change.type === 'cells' && change.values.some((line, r) => line.some((v, c) => v === '' && !change.formulas[r]?.[c]));

export class FormulaEngine {
  readonly stats: EngineStats = { updates: 0, lastUpdateMs: 0, loads: 0, lastLoadMs: 0 };
  private hf: HyperFormula;
  private unsubscribe: (() => void) | undefined;
  /** Changes waiting while a deferred() block runs. */
  private queue: WorkbookChange[] | undefined;
  /** Formula cells whose array could not spill (HyperFormula never retries them by itself), by sheet name. */
  private blocked = new Map<string, Set<string>>();
  /** The workbook's named ranges as the engine holds them: name to `=Sheet!$B$2` expression. */
  private names = new Map<string, string>();
  /** Ranges of typed values given to custom functions, converted once and patched cell by cell as they change. */
  private readonly ranges = new RangeArguments();

  private constructor(
    readonly workbook: Workbook,
    private readonly options: EngineOptions,
  ) {
    registerCustomFunctions(options.host.table);
    registerSheetsFunctions();
    this.hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    reportChangedCellsOnly(this.hf);
    spillArraysWithoutCopies();
    watchArrayRoom(this.hf);
    keepEveryCriterion(this.hf);
    scanCriteriaWithLoops();
  }

  /** Loads every sheet of the workbook, computes, and from then on follows each change. */
  static attach(workbook: Workbook, options: EngineOptions): FormulaEngine {
    const engine = new FormulaEngine(workbook, options);
    engine.load();
    engine.unsubscribe = workbook.subscribe((change) => engine.onChange(change));
    return engine;
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.hf.destroy();
  }

  /** Rebuilds the engine from the workbook and recomputes everything (Sheets' File > Settings > Recalculation). */
  recalculate(): void {
    this.load();
  }

  /**
   * Runs `body` with changes queued, then mirrors them all in one engine batch: for bulk edits whose intermediate
   * values nobody reads. Reads of formula values inside `body` see the values from before it.
   */
  deferred<T>(body: () => T): T {
    if (this.queue) return body();
    this.queue = [];
    try {
      return body();
    } finally {
      const queued = this.queue;
      this.queue = undefined;
      if (queued.length > 0) this.update(queued);
    }
  }

  /** The error a formula cell shows, with the message Sheets shows on hover; undefined when it holds no error. */
  errorAt(sheetName: string, row: number, column: number): FormulaError | undefined {
    const sheet = this.hf.getSheetId(sheetName);
    if (sheet === undefined) return undefined;
    const address = { sheet, row: row - 1, col: column - 1 };
    const value = this.evaluate(() => this.hf.getCellValue(address));
    if (!(value instanceof DetailedCellError)) return undefined;
    const error = sheetsError(value);
    if (value.type !== 'SPILL') return error;
    const blocking = this.blockingCell(sheetName, row, column);
    return blocking ? { ...error, message: spillBlockedMessage(blocking) } : error;
  }

  /**
   * The first cell (row by row) holding data where the array of the formula at (row, column) would spill, in A1
   * notation; undefined when the formula is no array or nothing is in its way. The engine keeps no size for an array
   * that could not spill, so the formula is computed again here to learn it.
   */
  private blockingCell(sheetName: string, row: number, column: number): string | undefined {
    const model = this.workbook.findSheet(sheetName);
    const formula = model?.formulas.get(row - 1, column - 1);
    if (!model || !formula) return undefined;
    const result = this.evaluate(() =>
      this.hf.calculateFormula(this.translate(formula, sheetName), this.sheetId(sheetName)),
    );
    if (!Array.isArray(result)) return undefined;
    const rows = result.length;
    const columns = Math.max(0, ...result.map((line) => line.length));
    for (let r = row; r < row + rows && r <= model.maxRows; r++) {
      for (let c = column; c < column + columns && c <= model.maxColumns; c++) {
        if (r === row && c === column) continue;
        if (model.formulas.get(r - 1, c - 1) || model.values.get(r - 1, c - 1) !== '') return `${columnLetters(c)}${r}`;
      }
    }
    return undefined;
  }

  /**
   * A formula evaluated on a sheet without storing it (conditional formats, validation rules): its value as the model
   * stores values, errors as their text.
   */
  calculate(sheetName: string, formula: string): CellValue {
    const sheet = this.hf.getSheetId(sheetName);
    if (sheet === undefined) return '#REF!';
    try {
      const value = this.evaluate(() => this.hf.calculateFormula(this.translate(formula, sheetName), sheet));
      const single = Array.isArray(value) ? value[0]?.[0] : value;
      return modelValue(single ?? null, () => false, this.workbook.timeZone);
    } catch {
      return '#ERROR!';
    }
  }

  /** The size of the array a formula cell spills (1 x 1 for a single value), or undefined for a cell without formula. */
  arrayExtent(sheetName: string, row: number, column: number): { rows: number; columns: number } | undefined {
    const sheet = this.hf.getSheetId(sheetName);
    if (sheet === undefined) return undefined;
    const address = { sheet, row: row - 1, col: column - 1 };
    if (!this.hf.doesCellHaveFormula(address)) return undefined;
    const vertex = this.hf.dependencyGraph.getCell(address) as { width?: number; height?: number } | undefined;
    if (this.hf.isCellPartOfArray(address) && vertex?.width && vertex.height) {
      return { rows: vertex.height, columns: vertex.width };
    }
    return { rows: 1, columns: 1 };
  }

  /** The formula text the engine computes for a cell (open-ended ranges closed), for tests and diagnostics. */
  engineFormula(sheetName: string, row: number, column: number): string | undefined {
    const sheet = this.hf.getSheetId(sheetName);
    return sheet === undefined ? undefined : this.hf.getCellFormula({ sheet, row: row - 1, col: column - 1 });
  }

  // ---- loading ----

  private load(): void {
    const started = performance.now();
    // Values the old engine spilled are not the workbook's own: they must not block the arrays when loaded again.
    const spilled = this.spilledCells();
    for (const [name, cells] of spilled) {
      const sheet = this.workbook.findSheet(name);
      for (const key of cells) {
        const [r, c] = key.split(':').map(Number);
        sheet?.values.set(r, c, '');
      }
    }
    for (const sheet of this.workbook.sheets) sheet.spills.clearAll();
    this.hf.destroy();
    this.hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    watchArrayRoom(this.hf);
    this.ranges.clear();
    this.blocked.clear();
    this.names.clear();
    const changes = this.evaluate(() =>
      this.hf.batch(() => {
        for (const sheet of this.workbook.sheets) this.hf.addSheet(sheet.name);
        this.syncNamedRanges();
        for (const sheet of this.workbook.sheets)
          this.hf.setSheetContent(this.sheetId(sheet.name), this.contentOf(sheet));
      }),
    );
    this.writeBack(changes);
    this.retryBlocked();
    this.stats.loads++;
    this.stats.lastLoadMs = performance.now() - started;
  }

  /** The cells (0-based `row:col`) each sheet's arrays spill into, as the current engine holds them. */
  private spilledCells(): Map<string, Set<string>> {
    const spilled = new Map<string, Set<string>>();
    for (const sheet of this.workbook.sheets) {
      const id = this.hf.getSheetId(sheet.name);
      if (id === undefined) continue;
      const cells = new Set<string>();
      for (let r = 0; r < sheet.formulas.lastRow(); r++) {
        sheet.formulas.line(r)?.forEach((formula, c) => {
          if (!formula) return;
          const extent = this.arrayExtent(sheet.name, r + 1, c + 1);
          if (!extent) return;
          for (let dr = 0; dr < extent.rows; dr++) {
            for (let dc = 0; dc < extent.columns; dc++) if (dr || dc) cells.add(`${r + dr}:${c + dc}`);
          }
        });
      }
      spilled.set(sheet.name, cells);
    }
    return spilled;
  }

  /**
   * Sheets' named ranges (`QualifyAtScore`) as HyperFormula named expressions. The emulator sets them without a
   * change event, so they are compared before each update; formulas already using a name recompute when it appears.
   */
  private syncNamedRanges(): void {
    const wanted = new Map<string, string>();
    for (const [name, area] of this.workbook.namedRanges) {
      const first = `$${columnLetters(area.column)}$${area.row}`;
      const last = `$${columnLetters(area.column + area.numColumns - 1)}$${area.row + area.numRows - 1}`;
      wanted.set(name, `=${quoteSheetName(area.sheet.name)}!${first}${first === last ? '' : `:${last}`}`);
    }
    for (const [name, expression] of this.names) {
      if (wanted.get(name) !== expression) this.hf.removeNamedExpression(name);
    }
    for (const [name, expression] of wanted) {
      if (this.names.get(name) !== expression) this.hf.addNamedExpression(name, expression);
    }
    this.names = wanted;
  }

  private contentOf(sheet: SheetModel): RawCellContent[][] {
    const rows = sheet.lastRow();
    const columns = sheet.lastColumn();
    const timeZone = this.workbook.timeZone;
    const content: RawCellContent[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const values = sheet.values.line(r);
      const formulas = sheet.formulas.line(r);
      const line: RawCellContent[] = new Array(columns).fill(null);
      for (let c = 0; c < columns; c++) {
        const formula = formulas?.[c] ?? '';
        line[c] = formula ? this.translate(formula, sheet.name) : engineContent(values?.[c] ?? '', '', timeZone);
      }
      content[r] = line;
    }
    return content;
  }

  // ---- following changes ----

  private onChange(change: WorkbookChange): void {
    if (this.queue) this.queue.push(change);
    else this.update([change]);
  }

  private update(changes: readonly WorkbookChange[]): void {
    const started = performance.now();
    try {
      const structural = changes.some((change) => change.type !== 'cells');
      const exported = this.evaluate(() =>
        this.hf.batch(() => {
          this.syncNamedRanges();
          for (const change of changes) this.mirror(change);
          if (structural) this.syncFormulas();
        }),
      );
      this.writeBack(exported);
      this.resyncCovered(changes);
      if (structural) this.findBlocked();
      if (structural || changes.some(clearsCells)) this.retryBlocked();
    } catch (error) {
      // Never into the caller: the change came from the add-on's own write, which must not fail because of us.
      this.options.onFailure?.(`formula engine: ${messageOf(error).slice(0, 300)}; rebuilt from the workbook`);
      try {
        this.load();
      } catch (again) {
        this.options.onFailure?.(`formula engine: could not rebuild (${messageOf(again).slice(0, 300)})`);
      }
    }
    this.stats.updates += changes.length;
    this.stats.lastUpdateMs = performance.now() - started;
  }

  private mirror(change: WorkbookChange): void {
    if (change.type === 'cells') {
      const timeZone = this.workbook.timeZone;
      // Array.from: the lines may be arrays of the script's realm, which HyperFormula does not take for arrays.
      let formulas = false;
      const content = Array.from(change.values, (line, r) =>
        Array.from(line, (value, c) => {
          const formula = change.formulas[r]?.[c] ?? '';
          if (formula) formulas = true;
          return formula ? this.translate(formula, change.sheet) : engineContent(value, '', timeZone);
        }),
      );
      const sheet = this.sheetId(change.sheet);
      // A typed value over a formula or an array's corner removes it, and with it every cell it spilled.
      if (!formulas && this.overwritesFormula(sheet, change.row - 1, change.column - 1, content)) formulas = true;
      this.hf.setCellContents({ sheet, row: change.row - 1, col: change.column - 1 }, content);
      // A formula may cover cells with an array, or replace one: converted ranges are converted again.
      if (formulas) this.ranges.clear();
      else {
        const width = content.reduce((most, line) => Math.max(most, line.length), 0);
        this.ranges.valuesChanged(sheet, change.row - 1, change.column - 1, content.length, width);
      }
      return;
    }
    this.ranges.clear();
    this.mirrorStructure(change);
  }

  private overwritesFormula(
    sheet: number,
    row: number,
    col: number,
    content: readonly (readonly unknown[])[],
  ): boolean {
    for (let r = 0; r < content.length; r++) {
      for (let c = 0; c < content[r].length; c++) {
        if (this.hf.doesCellHaveFormula({ sheet, row: row + r, col: col + c })) return true;
      }
    }
    return false;
  }

  private mirrorStructure(change: Structural): void {
    switch (change.type) {
      case 'sheetInserted':
        this.hf.addSheet(change.sheet);
        return;
      case 'sheetDeleted':
        this.hf.removeSheet(this.sheetId(change.sheet));
        this.blocked.delete(change.sheet);
        return;
      case 'sheetRenamed':
        this.hf.renameSheet(this.sheetId(change.from), change.sheet);
        return;
      case 'rowsInserted':
        this.hf.addRows(this.sheetId(change.sheet), [change.row - 1, change.count]);
        return;
      case 'rowsDeleted':
        this.hf.removeRows(this.sheetId(change.sheet), [change.row - 1, change.count]);
        return;
      case 'columnsInserted':
        this.hf.addColumns(this.sheetId(change.sheet), [change.column - 1, change.count]);
        return;
      case 'columnsDeleted':
        this.hf.removeColumns(this.sheetId(change.sheet), [change.column - 1, change.count]);
        return;
    }
  }

  /**
   * After a structural change the workbook's formula text is the truth: HyperFormula moved its references the same
   * way, but open-ended ranges must be closed again at the sheets' new row counts, arrays must be sized again, and
   * the rare reference the two rewrite differently must match what the formula bar shows.
   */
  private syncFormulas(): void {
    this.ranges.clear();
    this.forEachFormula((sheetName, address, formula) => {
      const wanted = this.translate(formula, sheetName);
      // An array keeps the size it had before the change unless its formula is set again.
      const stale = this.hf.isCellPartOfArray(address) || this.hf.getCellFormula(address) !== wanted;
      if (stale) this.hf.setCellContents(address, wanted);
    });
  }

  /** Every formula cell of the workbook: its sheet's name, its address in the engine, its text. */
  private forEachFormula(visit: (sheetName: string, address: SimpleCellAddress, formula: string) => void): void {
    for (const sheet of this.workbook.sheets) {
      const id = this.sheetId(sheet.name);
      const rows = sheet.formulas.lastRow();
      for (let r = 0; r < rows; r++) {
        const line = sheet.formulas.line(r);
        if (!line) continue;
        line.forEach((formula, c) => {
          if (formula) visit(sheet.name, { sheet: id, row: r, col: c }, formula);
        });
      }
    }
  }

  private translate(formula: string, sheetName: string): string {
    return toEngineFormula(formula, (name) => this.workbook.findSheet(name ?? sheetName)?.maxRows ?? NEW_SHEET_ROWS);
  }

  // ---- writing computed values back ----

  /**
   * Stores the new values of formula cells and array cells in the workbook; cells holding a plain value are the
   * workbook's own and are left alone. Consecutive cells of a column go in one call.
   */
  private writeBack(changes: readonly ExportedChange[]): void {
    const timeZone = this.workbook.timeZone;
    const byColumn = new Map<string, { sheet: string; column: number; cells: [number, CellValue, boolean][] }>();
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const { address } = change;
      const sheetName = this.hf.getSheetName(address.sheet);
      const model = sheetName === undefined ? undefined : this.workbook.findSheet(sheetName);
      if (!model) continue;
      const formula = model.formulas.get(address.row, address.col);
      if (!formula && this.hf.doesCellHaveSimpleValue(address)) {
        // The workbook's own value (typed or written by a script), which may be in the way of an array.
        model.spills.set(address.row, address.col, false);
        continue;
      }
      this.noteSpill(model.name, address, change.newValue);
      const value = modelValue(change.newValue, () => this.isDateTyped(address), timeZone);
      const spilled = !formula && this.hf.isCellPartOfArray(address);
      const key = `${address.sheet}:${address.col}`;
      let column = byColumn.get(key);
      if (!column) {
        column = { sheet: model.name, column: address.col + 1, cells: [] };
        byColumn.set(key, column);
      }
      column.cells.push([address.row + 1, value, spilled]);
    }
    for (const { sheet, column, cells } of byColumn.values()) {
      cells.sort((a, b) => a[0] - b[0]);
      let start = 0;
      for (let i = 1; i <= cells.length; i++) {
        if (i < cells.length && cells[i][0] === cells[i - 1][0] + 1) continue;
        const run = cells.slice(start, i);
        this.workbook.setComputedValues(
          sheet,
          cells[start][0],
          column,
          run.map(([, value]) => [value]),
          run.map(([, , spilled]) => [spilled]),
        );
        start = i;
      }
    }
  }

  /**
   * Cells an array covers that a change wrote '' into (a sort moves such cells as blanks; a user may clear one) hold
   * the array's value again: the engine exports only values that changed, so one the array still gives is put back.
   */
  private resyncCovered(changes: readonly WorkbookChange[]): void {
    const timeZone = this.workbook.timeZone;
    for (const change of changes) {
      if (change.type !== 'cells') continue;
      const model = this.workbook.findSheet(change.sheet);
      const sheet = this.hf.getSheetId(change.sheet);
      if (!model || sheet === undefined) continue;
      change.values.forEach((line, r) => {
        line.forEach((value, c) => {
          const row = change.row - 1 + r;
          const col = change.column - 1 + c;
          if (value !== '' || change.formulas[r]?.[c] || model.formulas.get(row, col)) return;
          const address = { sheet, row, col };
          if (!this.hf.isCellPartOfArray(address)) return;
          const computed = this.evaluate(() => this.hf.getCellValue(address));
          const shown = modelValue(computed, () => this.isDateTyped(address), timeZone);
          this.workbook.setComputedValues(change.sheet, row + 1, col + 1, [[shown]], [[true]]);
        });
      });
    }
  }

  private isDateTyped(address: SimpleCellAddress): boolean {
    const type = this.hf.getCellValueDetailedType(address);
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME';
  }

  // ---- arrays that could not spill ----

  private noteSpill(sheetName: string, address: SimpleCellAddress, value: unknown): void {
    const key = `${address.row}:${address.col}`;
    const spilled = value instanceof DetailedCellError && value.type === 'SPILL';
    let keys = this.blocked.get(sheetName);
    if (spilled) {
      if (!keys) {
        keys = new Set();
        this.blocked.set(sheetName, keys);
      }
      keys.add(key);
    } else keys?.delete(key);
  }

  private findBlocked(): void {
    this.blocked.clear();
    this.forEachFormula((sheetName, address) => {
      this.noteSpill(
        sheetName,
        address,
        this.evaluate(() => this.hf.getCellValue(address)),
      );
    });
  }

  /** Sheets spills an array again once the cells in its way are cleared; HyperFormula needs the formula set again. */
  private retryBlocked(): void {
    const retry: [string, number, number][] = [];
    for (const [sheetName, keys] of this.blocked) {
      for (const key of keys) {
        const [row, col] = key.split(':').map(Number);
        retry.push([sheetName, row, col]);
      }
    }
    if (retry.length === 0) return;
    this.ranges.clear();
    const changes = this.evaluate(() =>
      this.hf.batch(() => {
        for (const [sheetName, row, col] of retry) {
          const formula = this.workbook.findSheet(sheetName)?.formulas.get(row, col);
          if (formula)
            this.hf.setCellContents({ sheet: this.sheetId(sheetName), row, col }, this.translate(formula, sheetName));
          else this.blocked.get(sheetName)?.delete(`${row}:${col}`);
        }
      }),
    );
    this.writeBack(changes);
  }

  // ---- helpers ----

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`the engine has no sheet named ${name}`);
    return id;
  }

  /** Every engine call that may evaluate runs with the host its custom functions call. */
  private evaluate<T>(run: () => T): T {
    return withHost(this.options.host, run, this.ranges);
  }
}
