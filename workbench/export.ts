/**
 * `npm run export -- <file.xlsx>`: a fresh sample workbook written headless, for checks and demos. The built add-on
 * sets it up with sample data in the emulator, the formula engine computes it, and the .xlsx keeps the formulas with
 * their cached values.
 */

import path from 'node:path';
import { build } from '../tools/build';
import { createServices, createWorkbook, type Workbook } from './emulator/apps-script-emulator';
import { FormulaEngine } from './engine/formula-engine';
import { callTopLevel, loadBundle } from './session/script-bundle';
import { WORKBENCH_USER, writeXlsx } from './xlsx/xlsx-workbook';

/** Sets up a new workbook with the add-on's sample data, computed; the empty first sheet is dropped. */
export function sampleWorkbook(options: { timeZone?: string } = {}): { workbook: Workbook; engine: FormulaEngine } {
  const workbook = createWorkbook({ name: 'Lean Sales sample', timeZone: options.timeZone ?? 'Etc/UTC' });
  const execution = createServices(workbook, { user: WORKBENCH_USER });
  const context = loadBundle(execution.globals);
  const host = {
    table: context.LeanSales.functionTable,
    call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
  };
  const engine = FormulaEngine.attach(workbook, { host });
  try {
    callTopLevel(context, 'setupWorkbookWithSampleData');
  } finally {
    execution.finish();
  }
  const first = workbook.sheets[0];
  if (workbook.sheets.length > 1 && first.lastRow() === 0) workbook.deleteSheet(first);
  workbook.activeSheet = workbook.sheets[0];
  engine.recalculate();
  return { workbook, engine };
}

export async function exportSample(file: string): Promise<void> {
  const { workbook, engine } = sampleWorkbook();
  await writeXlsx(workbook, file, { engine });
  engine.detach();
}

if (process.argv[1]?.endsWith('export.ts')) {
  const target = process.argv[2];
  if (!target?.toLowerCase().endsWith('.xlsx')) {
    console.error('usage: npm run export -- <file.xlsx>');
    process.exit(2);
  }
  await build();
  const file = path.resolve(target);
  await exportSample(file);
  console.log(`Wrote ${file}`);
}
