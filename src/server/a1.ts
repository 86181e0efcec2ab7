/** A1 notation for the formulas and ranges the add-on writes: column letters, open-ended columns, sheet prefixes. */

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `Leads!`, or `'KPI log'!` for a name that needs quotes. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** `H2:Q`: columns `first`..`last` from `row` to the end of the sheet, so the range grows with the data. */
export function openRange(first: number, last: number = first, row = 2, sheet?: string): string {
  return `${sheet ? sheetPrefix(sheet) : ''}${columnLetter(first)}${row}:${columnLetter(last)}`;
}

/** Consecutive runs of increasing column (or row) numbers: [3,4,5,8,9] gives [[3,5],[8,9]]. */
export function columnRuns(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && column === last[1] + 1) last[1] = column;
    else runs.push([column, column]);
  }
  return runs;
}

/**
 * The columns, in the given order, as one range argument from row 2: `H2:Q` when they are adjacent and in order,
 * otherwise a Sheets array literal joining them side by side, `{H2:H, J2:Q}`. Open-ended, so it grows with the data,
 * unless `lastRow` bounds it (`H2:Q9`).
 */
export function columnsArgument(columns: readonly number[], sheet?: string, lastRow: number | '' = ''): string {
  const parts = columnRuns(columns).map(([first, last]) => openRange(first, last, 2, sheet) + lastRow);
  return parts.length === 1 ? parts[0] : `{${parts.join(', ')}}`;
}
