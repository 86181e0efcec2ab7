/** Shared set-up for the emulator tests: a workbook, one execution on it, and its services typed as Apps Script's. */

import vm from 'node:vm';
import {
  createServices,
  createWorkbook,
  type Execution,
  type ServicesOptions,
  type Workbook,
} from '../../../workbench/emulator/apps-script-emulator';

export interface Session {
  readonly workbook: Workbook;
  readonly execution: Execution;
  readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export function session(options: ServicesOptions & { workbook?: Workbook; timeZone?: string } = {}): Session {
  const workbook = options.workbook ?? createWorkbook({ timeZone: options.timeZone });
  const execution = createServices(workbook, options);
  const app = execution.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  execution.calls.reset();
  return { workbook, execution, app, spreadsheet, sheet };
}

export function services<T>(execution: Execution, name: string): T {
  return execution.globals[name] as T;
}

/** Runs plain Apps Script code in a fresh vm context whose globals are the execution's services. */
export function loadScript(execution: Execution, code: string): vm.Context {
  const context = vm.createContext({ ...execution.globals });
  vm.runInContext(code, context);
  return context;
}
