/**
 * Sheets formulas as Excel and LibreOffice read them, for the .xlsx file: the engine's form (open-ended ranges closed
 * at the sheet's last row, array literals holding ranges or formulas as HSTACK/VSTACK, which only Sheets allows
 * inside braces) without the leading `=`. Everything else (our custom functions, ARRAYFORMULA) is kept: an unknown
 * function opens as #NAME? with its cached value, where invalid syntax would make Excel offer to repair the file.
 */

import { toEngineFormula } from '../engine/formula-translation';

/** The formula (with its `=`) as the .xlsx stores it, without the `=`. */
export function toExcelFormula(formula: string, rowsOf: (sheet: string | undefined) => number): string {
  const translated = toEngineFormula(formula, rowsOf);
  return translated.startsWith('=') ? translated.slice(1) : translated;
}
