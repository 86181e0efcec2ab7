/** Computes a workbook's formulas with HyperFormula and the bundle's custom functions, as the workbench does. */

import type { Workbook } from '../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';

const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
};

/** One engine per workbook, attached once and then following its changes, as the workbench's is. */
const engines = new WeakMap<Workbook, FormulaEngine>();

/** Every sheet's computed values, as Sheets would show them ('' for empty cells). */
export function compute(workbook: Workbook): Record<string, unknown[][]> {
  if (!engines.has(workbook)) engines.set(workbook, FormulaEngine.attach(workbook, { host }));
  return Object.fromEntries(workbook.sheetNames().map((name) => [name, workbook.values(name)]));
}

/** A computed sheet's rows as objects keyed by its header row, blank rows left out. */
export function computedRecords(sheet: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = sheet;
  return rows
    .filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined))
    .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
}
