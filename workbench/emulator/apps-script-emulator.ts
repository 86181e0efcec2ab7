/**
 * The Apps Script emulator: an in-memory spreadsheet (Workbook) and the services the add-on calls, for the workbench,
 * the tests and the benchmarks. Never bundled into dist/.
 *
 *   const workbook = createWorkbook();
 *   const execution = createServices(workbook, { authMode: 'NONE' });
 *   const context = loadBundle(execution.globals);   // workbench/session/script-bundle.ts
 *   callTopLevel(context, 'onOpen', { authMode: 'NONE' });
 *   execution.ui.addonMenu();  execution.calls.count('Range.getValues');
 *
 * Values crossing into the script: getValues returns host-realm arrays and Dates (a Date from the bundle's vm context
 * is accepted and copied). `instanceof Date` inside the vm is false for them; Object.prototype.toString and
 * Array.isArray work, which is what our code uses. Errors are host `Error`s named 'Exception', as in Apps Script V8.
 */

import { DIST_DIR } from '../session/project-paths';
import type { AuthMode } from './auth-modes';
import { consoleFor, EmulatedLogger, EmulatedScriptApp, EmulatedSession, EmulatedUtilities } from './base-services';
import type { CallCounter } from './call-counter';
import { EmulatedConditionalRule, newConditionalFormatRuleBuilder } from './conditional-format';
import { EmulatedDataValidation, newDataValidationBuilder } from './data-validation';
import { EmulatedChart, EmulatedCharts, newChartBuilder } from './embedded-charts';
import { Runtime, type ServiceObjects } from './execution-runtime';
import { EmulatedHtmlService } from './html-service';
import { EmulatedLockService } from './lock-service';
import { EmulatedNamedRange } from './named-range';
import { EmulatedPropertiesService } from './properties-service';
import { EmulatedProtection, EmulatedUser } from './protection';
import { EmulatedRange } from './range';
import { EmulatedRangeList } from './range-list';
import { EmulatedSheet } from './sheet';
import { EmulatedSpreadsheet } from './spreadsheet';
import { EmulatedSpreadsheetApp } from './spreadsheet-app';
import type { UiRecorder } from './ui-recorder';
import { Workbook } from './workbook';

export type { AuthMode } from './auth-modes';
export type { CallCounter } from './call-counter';
export type { CellValue } from './cell-values';
export type { SheetModel, ValidationRule } from './sheet-model';
export type { AlertRecord, MenuEntry, MenuRecord, ToastRecord, UiRecorder } from './ui-recorder';
export { Workbook } from './workbook';
export type { WorkbookChange } from './workbook-changes';

/** Present in this module only: a test proves dist/Code.js never contains it. */
export const EMULATOR_MARK = 'lean-sales-apps-script-emulator';

/** A new spreadsheet as Google creates it: one empty sheet "Sheet1" of 1000 rows x 26 columns. */
export function createWorkbook(options?: { name?: string; timeZone?: string }): Workbook {
  return new Workbook(options);
}

export interface ServicesOptions {
  /** Default FULL. NONE is an add-on's onOpen before the user authorized it: only menus may be built. */
  readonly authMode?: AuthMode;
  /** Session.getActiveUser().getEmail(); also the key of user properties and the user lock. */
  readonly user?: string;
  /** Where createHtmlOutputFromFile(NAME) reads NAME.html; default dist/. */
  readonly htmlDir?: string;
  /** Called with 'Class.method' before every service method runs (tests interleave executions with it). */
  readonly onServiceCall?: (method: string) => void;
  /**
   * Default true: the script is bound to the spreadsheet (a container-bound script or an editor add-on). False models
   * a standalone script or web app, for which LockService.getDocumentLock() returns null.
   */
  readonly boundToDocument?: boolean;
}

/** The globals, typed as Apps Script's, for code that calls the services from TypeScript (tests, benchmarks). */
export interface TypedServices {
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly HtmlService: GoogleAppsScript.HTML.HtmlService;
  readonly LockService: GoogleAppsScript.Lock.LockService;
  readonly PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  readonly Session: GoogleAppsScript.Base.Session;
  readonly Charts: GoogleAppsScript.Charts.Charts;
  readonly Logger: GoogleAppsScript.Base.Logger;
  readonly Utilities: GoogleAppsScript.Utilities.Utilities;
}

/** One run of the script (a menu click, a google.script.run call): its services and what they recorded. */
export interface Execution {
  /** Pass to loadBundle: SpreadsheetApp, HtmlService, LockService, PropertiesService, Session, Charts, Logger, Utilities, ScriptApp, console. */
  readonly globals: Record<string, unknown>;
  /** The same objects as `globals`, typed; the emulator implements only the methods the add-on uses. */
  readonly services: TypedServices;
  readonly calls: CallCounter;
  readonly ui: UiRecorder;
  /** Logger.log and console output. */
  readonly logs: readonly string[];
  readonly workbook: Workbook;
  /** Ends the execution as Apps Script does when the script returns: every lock it still holds is released. */
  finish(): void;
}

/** The one place that knows every emulated class: the runtime hands these factories to each of them. */
function serviceObjects(rt: Runtime): ServiceObjects {
  return {
    range: (sheet, box) => rt.wrap(new EmulatedRange(rt, sheet, box), 'Range'),
    rangeList: (sheet, boxes) => rt.wrap(new EmulatedRangeList(rt, sheet, boxes), 'RangeList'),
    sheet: (model) => rt.wrap(new EmulatedSheet(rt, model), 'Sheet'),
    spreadsheet: () => rt.wrap(new EmulatedSpreadsheet(rt), 'Spreadsheet'),
    namedRange: (name) => rt.wrap(new EmulatedNamedRange(rt, name), 'NamedRange'),
    protection: (model) => rt.wrap(new EmulatedProtection(rt, model), 'Protection'),
    user: (email) => rt.wrap(new EmulatedUser(rt, email), 'User'),
    dataValidation: (rule) => rt.wrap(new EmulatedDataValidation(rt, rule), 'DataValidation'),
    dataValidationBuilder: (from) => newDataValidationBuilder(rt, from),
    conditionalRule: (model) => rt.wrap(new EmulatedConditionalRule(rt, model), 'ConditionalFormatRule'),
    conditionalRuleBuilder: (from) => newConditionalFormatRuleBuilder(rt, from),
    chart: (model) => rt.wrap(new EmulatedChart(rt, model), 'EmbeddedChart'),
    chartBuilder: (sheet, from) => newChartBuilder(rt, sheet, from),
  };
}

export function createServices(workbook: Workbook, options: ServicesOptions = {}): Execution {
  const rt = new Runtime(
    workbook,
    {
      authMode: options.authMode ?? 'FULL',
      user: options.user ?? 'user@example.com',
      htmlDir: options.htmlDir ?? DIST_DIR,
      boundToDocument: options.boundToDocument ?? true,
      onServiceCall: options.onServiceCall,
    },
    serviceObjects,
  );
  const globals: Record<string, unknown> = {
    SpreadsheetApp: rt.wrap(new EmulatedSpreadsheetApp(rt), 'SpreadsheetApp'),
    HtmlService: rt.wrap(new EmulatedHtmlService(rt), 'HtmlService'),
    LockService: rt.wrap(new EmulatedLockService(rt), 'LockService'),
    PropertiesService: rt.wrap(new EmulatedPropertiesService(rt), 'PropertiesService'),
    Session: rt.wrap(new EmulatedSession(rt), 'Session'),
    Charts: rt.wrap(new EmulatedCharts(rt), 'Charts'),
    Logger: rt.wrap(new EmulatedLogger(rt), 'Logger'),
    Utilities: rt.wrap(new EmulatedUtilities(rt), 'Utilities'),
    ScriptApp: rt.wrap(new EmulatedScriptApp(rt), 'ScriptApp'),
    console: consoleFor(rt),
  };
  return {
    globals,
    services: globals as unknown as TypedServices,
    calls: rt.calls,
    ui: rt.ui,
    logs: rt.logs,
    workbook,
    finish: () => workbook.locks.releaseAll(rt.id),
  };
}
