/** A sparse layer of a sheet (validation rules, number formats) as rectangles of equal values, for saving it compactly. */

import type { Grid } from '../emulator/sparse-grid';

export interface Region<T> {
  readonly value: T;
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** Vertical runs of identical non-blank values per column, merged with the same run of the next columns. */
export function regionsOf<T>(
  grid: Grid<T>,
  rows: number,
  columns: number,
  same: (a: T, b: T) => boolean = Object.is,
): Region<T>[] {
  const runs: { value: T; top: number; bottom: number; left: number; right: number }[] = [];
  const open = new Map<string, (typeof runs)[number][]>();
  for (let c = 0; c < columns; c++) {
    let r = 0;
    while (r < rows) {
      const value = grid.get(r, c);
      if (value === grid.blank || value === undefined) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < rows && same(grid.get(end + 1, c), value)) end++;
      const key = `${r}:${end}`;
      const candidates = open.get(key) ?? [];
      const extend = candidates.find((run) => run.right === c - 1 && same(run.value, value));
      if (extend) extend.right = c;
      else {
        const run = { value, top: r, bottom: end, left: c, right: c };
        runs.push(run);
        candidates.push(run);
        open.set(key, candidates);
      }
      r = end + 1;
    }
  }
  return runs.map((run) => ({
    value: run.value,
    row: run.top + 1,
    column: run.left + 1,
    numRows: run.bottom - run.top + 1,
    numColumns: run.right - run.left + 1,
  }));
}
