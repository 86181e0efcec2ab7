/** Runs the built bundle against the emulator: one Execution per call, as each menu click or google.script.run is. */

import { type AuthMode, createWorkbook, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { readBundle } from '../../workbench/session/script-bundle';
import { runExecution } from '../../workbench/session/script-execution';

const code = readBundle();

export interface RunOptions {
  readonly authMode?: AuthMode;
  readonly onServiceCall?: (method: string) => void;
  /** False for a script not bound to the spreadsheet, where LockService.getDocumentLock() returns null. */
  readonly boundToDocument?: boolean;
}

/** Calls a top-level function in a fresh execution; returns its result (or throws its error) and the execution. */
export function run(workbook: Workbook, name: string, args: unknown[] = [], options: RunOptions = {}) {
  const { result, execution } = runExecution(workbook, name, args, { ...options, code });
  // JSON round trip: what google.script.run would hand the sidebar.
  return { result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)), execution };
}

export function call<T = unknown>(workbook: Workbook, name: string, ...args: unknown[]): T {
  return run(workbook, name, args).result as T;
}

/** A workbook after `Set up workbook with sample data`. */
export function sampleWorkbook(): Workbook {
  const workbook = createWorkbook();
  run(workbook, 'setupWorkbookWithSampleData');
  return workbook;
}

export function setUpWorkbook(): Workbook {
  const workbook = createWorkbook();
  run(workbook, 'setupWorkbook');
  return workbook;
}

/** Writes a sheet's cells from A1 as a user typing them would, creating the sheet when it is missing. */
export function fillSheet(workbook: Workbook, name: string, rows: unknown[][]): void {
  if (!workbook.findSheet(name)) workbook.insertSheet(name, workbook.sheets.length, Math.max(1000, rows.length + 10));
  const sheet = workbook.sheet(name);
  const width = Math.max(...rows.map((r) => r.length));
  if (width > sheet.maxColumns) workbook.insertColumns(sheet, sheet.maxColumns + 1, width - sheet.maxColumns);
  workbook.write(
    name,
    1,
    1,
    rows.map((r) => [...r, ...new Array(width - r.length).fill('')]),
  );
}

/** A sheet's rows as objects keyed by its header row. */
export function records(workbook: Workbook, name: string): Record<string, unknown>[] {
  const [header, ...rows] = workbook.values(name);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/**
 * A sheet's header row as Sheets shows it: each computed column's header comes from its header-cell formula
 * (`={"Hit rate", "Low"; ...}`), which the emulator alone does not compute.
 */
export function headerRow(workbook: Workbook, sheet: string): unknown[] {
  const header = [...workbook.values(sheet)[0]];
  workbook.formulas(sheet)[0].forEach((formula, i) => {
    const labels = /^=\{((?:"[^"]*",\s*)*"[^"]*");/.exec(formula)?.[1];
    labels?.split(/,\s*/).forEach((label, k) => {
      header[i + k] = label.slice(1, -1);
    });
  });
  return header;
}

/** The 1-based column of a header in a sheet's first row. */
export function columnOf(workbook: Workbook, sheet: string, header: string): number {
  return headerRow(workbook, sheet).indexOf(header) + 1;
}

export const FACTORS10 = [
  'Maturity',
  'Knowledge',
  'Authority',
  'Company size',
  'Complexity',
  'Interest',
  'Availability',
  'Price sensitivity',
  'Competition',
  'Purchase history',
];

export type { Workbook };
