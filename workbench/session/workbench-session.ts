/**
 * One workbench: the workbook and its formula engine, the add-on's dist/Code.js in one vm context (each menu click
 * or google.script.run call is a fresh emulator Execution whose services are swapped into that context), the menu
 * onOpen built, and the .xlsx it is saved to (debounced after every change).
 */

import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type vm from 'node:vm';
import {
  type AlertRecord,
  type AuthMode,
  createServices,
  createWorkbook,
  type Execution,
  type MenuRecord,
  type ToastRecord,
  type Workbook,
} from '../emulator/apps-script-emulator';
import { messageOf } from '../engine/custom-functions';
import { FormulaEngine } from '../engine/formula-engine';
import { type RowFilter, SheetViews, type SheetWindow } from '../view/sheet-window';
import { settleWorkbookFiles, WorkbookFilesMismatch } from '../xlsx/workbook-files';
import { readXlsx, sidecarPath, WORKBENCH_USER, writeXlsx } from '../xlsx/xlsx-workbook';
import { DIST_DIR } from './project-paths';
import { loadBundle, readBundle } from './script-bundle';
import { checkParameters, deliverResult } from './script-run-rules';
import { rejectionOf } from './typed-input-validation';

/** The add-on's name, which Sheets shows as its submenu under Extensions. */
const ADDON_NAME = 'Lean Sales';
export const WORKBOOK_FILE = 'workbook.xlsx';

export interface WorkbenchOptions {
  /** The folder holding workbook.xlsx (and workbook.json). */
  readonly dir: string;
  /** Where HtmlService finds NAME.html; default dist/. */
  readonly htmlDir?: string;
  /** The bundle's code; default dist/Code.js as built. */
  readonly code?: string;
  /**
   * Milliseconds after the last change before the file is written, for changes nobody waits for (the HTTP server has
   * every change it answers for written first: persist()); default 400.
   */
  readonly saveDelayMs?: number;
  /** The spreadsheet's time zone for a new workbook; default this machine's. */
  readonly timeZone?: string;
  readonly log?: (line: string) => void;
}

export interface ShownHtml {
  readonly id: number;
  readonly kind: 'sidebar' | 'modal' | 'modeless';
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
}

export interface Selection {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** What one execution showed and did, for the page. */
export interface RunReport {
  readonly ok: boolean;
  /** google.script.run: what the success handler receives. */
  readonly value?: unknown;
  /** The error message, when the function threw. */
  readonly error?: string;
  readonly toasts: readonly ToastRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly shown: readonly ShownHtml[];
  /** Set when the script moved the selection (setActiveSheet, setActiveRange). */
  readonly selection?: Selection;
  readonly warnings: readonly string[];
  readonly logs: readonly string[];
  readonly serviceCalls: number;
  /** Reads that had to wait for the execution's pending writes (see the emulator's calls.roundTrips()). */
  readonly roundTrips: number;
  readonly ms: number;
  readonly version: number;
}

export interface EditReport {
  readonly ok: boolean;
  /** Why the input was refused (a reject-input validation rule, a bad address). */
  readonly error?: string;
  /** The cell is in a warning-only protected range: Sheets asks before editing it; send the edit again confirmed. */
  readonly confirm?: string;
  readonly version: number;
  readonly ms: number;
}

const NAME = /^[A-Za-z_$][\w$]*$/;

const PROTECTED_WARNING =
  "You are trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?";

const covers = (
  area: { row: number; column: number; numRows: number; numColumns: number },
  row: number,
  column: number,
) =>
  row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns;

export class Workbench {
  /** Bumped by every change of the workbook; the page polls it. */
  version = 0;
  /** The add-on's menu (createAddonMenu) as onOpen built it. */
  menu: MenuRecord | undefined;
  /** Menus onOpen added with createMenu(title): Sheets shows them in the menu bar, after Help. */
  menus: MenuRecord[] = [];
  readonly notices: string[] = [];
  private readonly shown = new Map<number, { record: ShownHtml; html: string }>();
  private nextShownId = 1;
  private saveTimer: NodeJS.Timeout | undefined;
  /** Changes of the workbook so far, and how many of them the last write begun covers (-1 after a failed write). */
  private changes = 0;
  private writtenChanges = 0;
  /** The last write begun, and the one queued behind it that every caller of persist() meanwhile shares. */
  private saving: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private readonly views: SheetViews;
  /** Filters of sheets' data rows, by sheet name, as the page set them (Data > Create a filter). */
  private readonly filters = new Map<string, RowFilter>();

  private constructor(
    readonly workbook: Workbook,
    readonly engine: FormulaEngine,
    private readonly context: vm.Context,
    readonly file: string,
    private readonly options: WorkbenchOptions,
  ) {
    this.views = new SheetViews(workbook, engine);
  }

  /** Opens the saved workbook, or creates one with the add-on's own setup and sample data and saves it. */
  static async open(options: WorkbenchOptions): Promise<Workbench> {
    await mkdir(options.dir, { recursive: true });
    const file = path.join(options.dir, WORKBOOK_FILE);
    const log = options.log ?? (() => {});
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    // A save a crash interrupted is finished, its temporary files removed; a pair no save explains stops us here.
    const notices = await settleWorkbookFiles(file, sidecarPath(file));
    for (const notice of notices) log(notice);
    let workbook: Workbook | undefined;
    if (existsSync(file)) {
      try {
        workbook = await readXlsx(file, { timeZone });
      } catch (error) {
        if (error instanceof WorkbookFilesMismatch) throw error;
        const aside = `${file}.unreadable-${Date.now()}`;
        await rename(file, aside);
        notices.push(`Could not read ${file} (${messageOf(error)}); moved it to ${aside} and started a new workbook.`);
        log(notices[notices.length - 1]);
      }
    }
    const created = workbook === undefined;
    workbook ??= createWorkbook({ name: 'Lean Sales workbook', timeZone });
    const code = options.code ?? readBundle();
    const context = loadBundle(
      createServices(workbook, { user: WORKBENCH_USER, htmlDir: options.htmlDir }).globals,
      code,
    );
    const host = {
      table: context.LeanSales.functionTable,
      call: (name: string, args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args),
    };
    const engine = FormulaEngine.attach(workbook, { host, onFailure: log });
    const bench = new Workbench(workbook, engine, context, file, options);
    bench.notices.push(...notices);
    bench.buildMenu();
    if (created) await bench.createSample();
    workbook.subscribe(() => bench.changed());
    return bench;
  }

  // ---- running the add-on ----

  /** Runs a top-level function in a fresh execution, as a menu click or google.script.run does. */
  run(name: string, args: readonly unknown[] = [], authMode: AuthMode = 'FULL'): RunReport {
    const started = performance.now();
    const before = this.selection();
    const execution = createServices(this.workbook, {
      authMode,
      user: WORKBENCH_USER,
      htmlDir: this.options.htmlDir ?? DIST_DIR,
    });
    Object.assign(this.context, execution.globals);
    const warnings: string[] = [];
    let outcome: { ok: true; value: unknown } | { ok: false; error: string };
    try {
      const fn = this.topLevel(name);
      const result = fn(...args);
      const delivered = deliverResult(name, result);
      if (delivered.warning) warnings.push(delivered.warning);
      outcome = { ok: true, value: delivered.value };
    } catch (error) {
      outcome = { ok: false, error: messageOf(error) };
    } finally {
      execution.finish();
    }
    for (const warning of warnings) this.options.log?.(warning);
    const after = this.selection();
    return {
      ...outcome,
      ...this.shownBy(execution),
      ...(JSON.stringify(after) !== JSON.stringify(before) ? { selection: after } : {}),
      warnings,
      logs: [...execution.logs],
      serviceCalls: execution.calls.total(),
      roundTrips: execution.calls.roundTrips(),
      ms: performance.now() - started,
      version: this.version,
    };
  }

  /** A menu item's handler: only functions the add-on's menu names can be run this way. */
  runMenuItem(functionName: string): RunReport {
    if (!this.menuFunctions().includes(functionName)) {
      return this.failed(`Script function not found: ${functionName}`);
    }
    return this.run(functionName);
  }

  /** A google.script.run call from the sidebar, with Apps Script's rules for what crosses. */
  runFromSidebar(name: string, args: readonly unknown[]): RunReport {
    let checked: unknown[];
    try {
      checked = checkParameters(args);
    } catch (error) {
      return this.failed(messageOf(error));
    }
    return this.run(name, checked);
  }

  /** The HTML a script showed (sidebar or dialog), by the id its RunReport gave. */
  shownHtml(id: number): { record: ShownHtml; html: string } | undefined {
    return this.shown.get(id);
  }

  // ---- a user at the grid ----

  /**
   * Types text into a cell, as a user does: `=` starts a formula; reject-input validation rules apply; a cell in a
   * warning-only protected range needs `confirmed` (Sheets asks first).
   */
  edit(sheetName: string, row: number, column: number, text: string, confirmed = false): EditReport {
    const started = performance.now();
    const sheet = this.workbook.findSheet(sheetName);
    if (!sheet) return { ok: false, error: `There is no sheet named ${sheetName}.`, version: this.version, ms: 0 };
    if (!(row >= 1 && row <= sheet.maxRows && column >= 1 && column <= sheet.maxColumns)) {
      return { ok: false, error: `There is no cell at row ${row}, column ${column}.`, version: this.version, ms: 0 };
    }
    const guarded = sheet.protections.find(
      (p) => p.warningOnly && covers(p.area, row, column) && !p.unprotected.some((a) => covers(a, row, column)),
    );
    if (guarded && !confirmed) {
      return { ok: false, confirm: PROTECTED_WARNING, version: this.version, ms: 0 };
    }
    const previous = { value: sheet.values.get(row - 1, column - 1), formula: sheet.formulas.get(row - 1, column - 1) };
    try {
      this.workbook.write(sheet.name, row, column, [[text]]);
    } catch (error) {
      return { ok: false, error: messageOf(error), version: this.version, ms: performance.now() - started };
    }
    const refused = rejectionOf(this.workbook, this.engine, sheet.name, row, column);
    if (refused) {
      // Put back what was there, exactly (a text "3" stays text).
      this.workbook.writeCells(sheet, row, column, [[previous.formula ? '' : previous.value]], [[previous.formula]]);
      return { ok: false, error: refused, version: this.version, ms: performance.now() - started };
    }
    return { ok: true, version: this.version, ms: performance.now() - started };
  }

  /** Deletes or inserts rows or columns through Sheets' own rules (you cannot delete every non-frozen row). */
  structure(
    sheetName: string,
    action: 'deleteRows' | 'deleteColumns' | 'insertRowsBefore' | 'insertColumnsBefore',
    at: number,
    count = 1,
  ): EditReport {
    return this.asUser((app) => {
      const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
      if (!sheet) throw new Error(`There is no sheet named ${sheetName}.`);
      sheet[action](at, count);
    });
  }

  /** Something a user does through Sheets' own rules (the emulator's services, in an execution of its own). */
  private asUser(act: (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => void): EditReport {
    const started = performance.now();
    const execution = createServices(this.workbook, { user: WORKBENCH_USER });
    try {
      act(execution.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp);
      return { ok: true, version: this.version, ms: performance.now() - started };
    } catch (error) {
      return { ok: false, error: messageOf(error), version: this.version, ms: performance.now() - started };
    } finally {
      execution.finish();
    }
  }

  /** Selects a cell, as clicking it does (the add-on reads the active sheet and range). */
  select(selection: Selection): void {
    const sheet = this.workbook.findSheet(selection.sheet);
    if (!sheet) return;
    this.workbook.activeSheet = sheet;
    this.workbook.activeRange = null;
    const execution = createServices(this.workbook, { user: WORKBENCH_USER });
    try {
      const app = execution.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      const range = app
        .getActiveSpreadsheet()
        .getSheetByName(sheet.name)
        ?.getRange(selection.row, selection.column, selection.numRows, selection.numColumns);
      if (range) app.setActiveRange(range);
    } catch {
      // A selection outside the sheet leaves A1 selected.
    } finally {
      execution.finish();
    }
  }

  /**
   * Data > Sort sheet: sorts the rows below the frozen ones by one column, A to Z or Z to A, through Range.sort as a
   * user's sort would (every cell moves with its row; formulas in the header rows stay).
   */
  sortRows(sheetName: string, column: number, ascending: boolean): EditReport {
    return this.asUser((app) => {
      const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
      if (!sheet) throw new Error(`There is no sheet named ${sheetName}.`);
      const first = sheet.getFrozenRows() + 1;
      const rows = sheet.getMaxRows() - first + 1;
      if (rows < 1) throw new Error('There are no rows below the frozen rows to sort.');
      if (!(column >= 1 && column <= sheet.getMaxColumns())) throw new Error(`There is no column ${column}.`);
      sheet.getRange(first, 1, rows, sheet.getMaxColumns()).sort({ column, ascending });
    });
  }

  /** Shows only the data rows whose cell in `column` shows `value`; null removes the sheet's filter. */
  filterRows(sheetName: string, filter: RowFilter | null): EditReport {
    const started = performance.now();
    const sheet = this.workbook.findSheet(sheetName);
    if (!sheet) return { ok: false, error: `There is no sheet named ${sheetName}.`, version: this.version, ms: 0 };
    if (filter && !(filter.column >= 1 && filter.column <= sheet.maxColumns)) {
      return { ok: false, error: `There is no column ${filter.column}.`, version: this.version, ms: 0 };
    }
    if (filter) this.filters.set(sheet.name, { column: filter.column, value: filter.value });
    else this.filters.delete(sheet.name);
    this.version++;
    return { ok: true, version: this.version, ms: performance.now() - started };
  }

  // ---- reading ----

  window(sheetName: string, firstRow: number, count: number): SheetWindow {
    return this.views.window(sheetName, firstRow, count, this.version, this.filters.get(sheetName));
  }

  state() {
    return {
      version: this.version,
      title: this.workbook.name,
      file: this.file,
      addonName: ADDON_NAME,
      tabs: this.workbook.sheets.map((sheet) => ({
        name: sheet.name,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        lastRow: sheet.lastRow(),
        tabColor: sheet.tabColor,
      })),
      selection: this.selection(),
      menu: this.menu ?? null,
      menus: this.menus,
      notices: this.notices,
    };
  }

  // ---- saving ----

  /** Whether the workbook changed since the last write began (or that write failed). */
  get unsaved(): boolean {
    return this.changes !== this.writtenChanges;
  }

  /**
   * Puts every change so far on disk (.xlsx and sidecar, synced) and resolves once it is there; rejects when the write
   * fails. Callers share writes: a write already under way covers the changes made before it began; for later ones one
   * more write follows it, shared by every caller until it begins.
   */
  persist(): Promise<void> {
    if (!this.unsaved) return this.saving;
    this.queued ??= this.saving
      .catch(() => {})
      .then(() => {
        this.queued = undefined;
        return this.write();
      });
    return this.queued;
  }

  /** Writes any pending change now and waits until the file is on disk (a failure is logged). */
  async flush(): Promise<void> {
    await this.persist().catch((error) => this.options.log?.(`Could not save ${this.file}: ${messageOf(error)}`));
  }

  async close(): Promise<void> {
    await this.flush();
    this.engine.detach();
  }

  private changed(): void {
    this.version++;
    this.changes++;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, this.options.saveDelayMs ?? 400);
  }

  /** One write of the workbook as it is now (writeXlsx reads the whole model before it first waits). */
  private write(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.writtenChanges = this.changes;
    this.saving = writeXlsx(this.workbook, this.file, { engine: this.engine, sidecar: true }).catch((error) => {
      this.writtenChanges = -1;
      throw error;
    });
    return this.saving;
  }

  // ---- helpers ----

  private topLevel(name: string): (...args: unknown[]) => unknown {
    const fn =
      NAME.test(name) && !name.endsWith('_') && Object.hasOwn(this.context, name) ? this.context[name] : undefined;
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return fn as (...args: unknown[]) => unknown;
  }

  private failed(error: string): RunReport {
    return {
      ok: false,
      error,
      toasts: [],
      alerts: [],
      shown: [],
      warnings: [],
      logs: [],
      serviceCalls: 0,
      roundTrips: 0,
      ms: 0,
      version: this.version,
    };
  }

  private shownBy(execution: Execution): Pick<RunReport, 'toasts' | 'alerts' | 'shown'> {
    const shown = [...execution.ui.sidebars, ...execution.ui.dialogs].map((html) => {
      const record: ShownHtml = {
        id: this.nextShownId++,
        kind: html.kind,
        title: html.title,
        width: html.width,
        height: html.height,
      };
      this.shown.set(record.id, { record, html: html.html });
      return record;
    });
    return { toasts: [...execution.ui.toasts], alerts: [...execution.ui.alerts], shown };
  }

  private selection(): Selection {
    const { activeSheet, activeRange } = this.workbook;
    const area = activeRange ?? { sheet: activeSheet, row: 1, column: 1, numRows: 1, numColumns: 1 };
    return {
      sheet: area.sheet.name,
      row: area.row,
      column: area.column,
      numRows: area.numRows,
      numColumns: area.numColumns,
    };
  }

  private menuFunctions(): string[] {
    const names: string[] = [];
    const walk = (menu: MenuRecord) => {
      for (const entry of menu.entries) {
        if (entry.kind === 'item') names.push(entry.functionName);
        else if (entry.kind === 'submenu') walk(entry.menu);
      }
    };
    for (const menu of [this.menu, ...this.menus]) if (menu) walk(menu);
    return names;
  }

  /** Runs onOpen as Sheets does when the document opens: AuthMode.NONE until the add-on is used in the document. */
  private buildMenu(): void {
    for (const authMode of ['NONE', 'LIMITED'] as const) {
      const execution = createServices(this.workbook, { authMode, user: WORKBENCH_USER });
      Object.assign(this.context, execution.globals);
      try {
        const modes = (execution.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).AuthMode;
        this.topLevel('onOpen')({ authMode: modes[authMode] });
        this.menu = execution.ui.addonMenu();
        this.menus = execution.ui.menus.filter((menu) => !menu.addon);
        return;
      } catch (error) {
        this.notices.push(`onOpen failed under AuthMode.${authMode}: ${messageOf(error)}`);
      } finally {
        execution.finish();
      }
    }
  }

  /** A new workbook: the add-on's own setup with sample data, the empty first sheet removed, saved at once. */
  private async createSample(): Promise<void> {
    const functions = this.menuFunctions();
    const handler =
      functions.find((name) => /sample/i.test(name)) ??
      ['setupWorkbookWithSampleData', 'setupWorkbookWithSample', 'setupWorkbook'].find(
        (name) => typeof this.context[name] === 'function',
      );
    if (handler) {
      const report = this.run(handler);
      if (!report.ok) this.notices.push(`${handler} failed: ${report.error}`);
      else this.notices.push(`A new workbook was set up with sample data (${handler}) and saved to ${this.file}.`);
    }
    const first = this.workbook.sheets[0];
    if (this.workbook.sheets.length > 1 && first.lastRow() === 0 && first.lastColumn() === 0)
      this.workbook.deleteSheet(first);
    this.workbook.activeSheet = this.workbook.sheets[0];
    this.workbook.activeRange = null;
    await writeXlsx(this.workbook, this.file, { engine: this.engine, sidecar: true });
  }
}
