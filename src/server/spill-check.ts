/** Finds computed columns whose header-cell formula cannot fill its column, and says which cells are in the way. */

import { isBlank } from '../core/cells';
import { headerKey } from '../shared/schema';
import { columnLetter } from './a1';
import { headerArrayLabels } from './formulas';
import type { Table } from './store';

/** An error value as Sheets' getValues returns it: `#REF!`, `#ERROR!`, `#N/A`, `#VALUE!`, ... */
export const isErrorValue = (value: unknown): value is string =>
  typeof value === 'string' && /^#(REF!|ERROR!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/.test(value);

/** The sheet cells (A1) in `columns` below the header that hold something: what blocks a spill there. */
export function occupiedCells(rows: readonly (readonly unknown[])[], columns: readonly number[]): string[] {
  const cells: string[] = [];
  rows.forEach((row, r) => {
    for (const c of columns) if (!isBlank(row[c])) cells.push(`${columnLetter(c + 1)}${r + 2}`);
  });
  return cells;
}

/** `S14 holds a typed value where the formula puts its results`, or `S14, S15 hold ...`; `at` names its cell. */
export function typedCells(cells: readonly string[], at = ''): string {
  // At most five cells by name: `S14, S15, S16, S17, S18 and 3 more`.
  const list = cells.length > 5 ? `${cells.slice(0, 5).join(', ')} and ${cells.length - 5} more` : cells.join(', ');
  return `${list} ${cells.length === 1 ? 'holds a typed value' : 'hold typed values'} where the formula${at} puts its results`;
}

/**
 * One sentence per computed column of the table's tab whose header cell shows an error instead of its header:
 * the cells that block its results, or the error to look at. Reads the header row's formulas only when some
 * header cell shows an error, so a healthy tab costs nothing.
 */
export function computedColumnProblems(table: Table): string[] {
  const computed = new Set(table.tab.computed.map(headerKey));
  const errors = table.header.flatMap((value, i) => (isErrorValue(value) ? [i] : []));
  if (computed.size === 0 || errors.length === 0) return [];
  const formulas = table.sheet.getRange(1, 1, 1, table.header.length).getFormulas()[0];
  const problems: string[] = [];
  for (const i of errors) {
    const labels = headerArrayLabels(formulas[i] ?? '');
    if (!labels?.some((label) => computed.has(headerKey(label)))) continue;
    const name = `${table.tab.name} ${labels[0]}`;
    const at = `${columnLetter(i + 1)}1`;
    const blockers = occupiedCells(
      table.rows,
      labels.map((_, k) => i + k),
    );
    problems.push(
      blockers.length > 0 && table.header[i] === '#REF!'
        ? `${name}: ${typedCells(blockers, ` in ${at}`)}; clear ${blockers.length === 1 ? 'it' : 'them'} and the column fills again.`
        : `${name}: the formula in ${at} shows ${table.header[i]}; select ${at} in the ${table.tab.name} tab to read why.`,
    );
  }
  return problems;
}
