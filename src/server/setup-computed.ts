/**
 * Setup's computed columns: each area's formula in its header cell, written where it is missing, moved up from the
 * earlier row-2 layout, or rewritten when broken; and the typed cells that block one.
 */

import { type ComputedFormula, computedFormulas } from './formulas';
import { col, growTo, layoutOf, listed, type Tab } from './setup-tab';
import { isErrorValue, occupiedCells, typedCells } from './spill-check';
import { writeColumns } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The computed areas whose header-cell formula is missing, old or broken: the ones to write. */
export function planFormulas(
  byName: Record<string, Tab>,
  factorRows: readonly number[],
  report: string[],
): ComputedFormula[] {
  const layout = layoutOf(byName);
  const plan: ComputedFormula[] = [];
  const written: string[] = [];
  for (const f of computedFormulas(layout, factorRows)) {
    const t = byName[f.tab];
    const first = col(t, f.headers[0]);
    const name = `${f.tab} ${f.headers[0]}`;
    if (!f.headers.every((h, i) => col(t, h) === first + i)) {
      report.push(`${name}: ${f.headers.join(', ')} must be adjacent, in this order; no formula written`);
      continue;
    }
    const current = t.headerFormulas.has(first);
    const broken = current && t.formulas[0][first - 1].includes('#REF!');
    const blockers = blockingCells(t, f);
    // A column of typed values with no formula yet: keep it, header included, until the user clears it.
    const typed = !current && oldAnchorRow(t, f) === 0 && blockers.length > 0;
    if ((!current || broken) && !typed) {
      plan.push(f);
      if (broken) report.push(`${name}: its formula referred to a deleted tab or column (#REF!); rewritten`);
      else written.push(name);
    }
    if (blockers.length > 0) {
      report.push(
        `${name}: ${typedCells(blockers)}; clear and ${typed ? 'run Set up workbook again' : 'the column fills again'}`,
      );
    }
  }
  listed(report, 'Formulas', written);
  return plan;
}

/**
 * Cells below a computed header that hold typed values, where Sheets cannot spill the results. While the formula
 * works, the cells below it show its results, not typed values, so there are none.
 */
function blockingCells(t: Tab, f: ComputedFormula): string[] {
  const first = col(t, f.headers[0]);
  const anchor = t.headerFormulas.has(first) ? 1 : oldAnchorRow(t, f);
  if (anchor > 0 && !isErrorValue(t.values[anchor - 1]?.[first - 1])) return [];
  const below = t.values.slice(1).map((row, r) => (r + 2 === anchor ? [] : row));
  return occupiedCells(
    below,
    f.headers.map((_, k) => first - 1 + k),
  );
}

/** Row 2 when the area still has the old layout's formula there (same function), else 0. */
function oldAnchorRow(t: Tab, f: ComputedFormula): number {
  const formula = t.formulas[1]?.[col(t, f.headers[0]) - 1] ?? '';
  const fn = /;\s*([A-Z]+)\(/.exec(f.formula)?.[1];
  return fn && formula.replace(/\s/g, '').startsWith(`=${fn}(`) ? 2 : 0;
}

/**
 * Writes the header cells setup adds and the computed formulas (which return their headers) in one setValues
 * per run of columns. An old-layout formula in row 2 is moved into its header cell.
 */
export function writeHeaderRow(t: Tab, formulas: readonly ComputedFormula[], report: string[]): void {
  const sheet = t.sheet as Sheet;
  const cells = new Map<number, string>();
  for (const h of t.added) cells.set(col(t, h), h);
  for (const f of formulas) {
    const first = col(t, f.headers[0]);
    f.headers.forEach((_, k) => {
      cells.set(first + k, k === 0 ? f.formula : '');
    });
    if (!t.headerFormulas.has(first) && oldAnchorRow(t, f) === 2) {
      sheet.getRange(2, first).setValue('');
      report.push(`${t.spec.name} ${f.headers[0]}: formula moved from row 2 into the header cell`);
    }
  }
  if (cells.size === 0) return;
  growTo(t, 0, Math.max(...cells.keys()));
  const ranges = writeColumns(sheet, 1, [...cells.keys()], [[...cells.values()]]);
  for (const range of ranges) range.setFontWeight('bold');
  // A tab setup created gets its whole header in one run.
  if (t.created) t.headerRange = ranges[0];
  if (!t.created && t.added.length > 0) report.push(`${t.spec.name}: added ${t.added.join(', ')}`);
}
