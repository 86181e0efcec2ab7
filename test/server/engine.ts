/** Computes a workbook's formulas with HyperFormula and the bundle's custom functions, as the workbench does. */

import { HyperFormula } from 'hyperformula';
import { callTopLevel, loadBundle } from '../../workbench/bundle';
import type { Workbook } from '../../workbench/emulator';
import {
  type CustomFunctionHost,
  dateToSerial,
  registerCustomFunctions,
  toSheetsValue,
  withHost,
} from '../../workbench/engine/custom-functions';
import { toEngineFormula } from '../../workbench/engine/translate';

const context = loadBundle();
const host: CustomFunctionHost = {
  table: context.LeanSales.functionTable,
  call: (name, args) => callTopLevel(context, name, ...args),
};
registerCustomFunctions(host.table);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Every sheet's computed values, as Sheets would show them ('' for empty cells). */
export function compute(workbook: Workbook): Record<string, unknown[][]> {
  const rowsOf = (name: string | undefined) => workbook.sheet(name as string).maxRows;
  const sheets: Record<string, unknown[][]> = {};
  for (const name of workbook.sheetNames()) {
    const values = workbook.values(name);
    const formulas = workbook.formulas(name);
    sheets[name] = values.map((row, r) =>
      row.map((v, c) => {
        const f = formulas[r][c];
        if (f) return toEngineFormula(f, (sheet) => rowsOf(sheet ?? name));
        if (v === '') return null;
        return isDate(v) ? dateToSerial(v) : v;
      }),
    );
  }
  return withHost(host, () => {
    const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3' });
    const out: Record<string, unknown[][]> = {};
    for (const name of workbook.sheetNames()) {
      out[name] = hf.getSheetValues(hf.getSheetId(name) as number).map((row) => row.map(toSheetsValue));
    }
    return out;
  });
}

/** A computed sheet's rows as objects keyed by its header row, blank rows left out. */
export function computedRecords(sheet: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = sheet;
  return rows
    .filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined))
    .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
}
