/** A sparse 2D layer of a sheet (values, formulas, a format, validations): rows are plain arrays, absent means blank. */

export class Grid<T> {
  private rows: ((T | undefined)[] | undefined)[] = [];

  constructor(readonly blank: T) {}

  get(row: number, column: number): T {
    const line = this.rows[row];
    if (line === undefined) return this.blank;
    const value = line[column];
    return value === undefined ? this.blank : value;
  }

  set(row: number, column: number, value: T): void {
    let line = this.rows[row];
    if (line === undefined) {
      if (value === this.blank) return;
      line = [];
      this.rows[row] = line;
    }
    line[column] = value;
  }

  /** The raw row array (0-based), or undefined when the row holds nothing. Callers must not keep or change it. */
  line(row: number): readonly (T | undefined)[] | undefined {
    return this.rows[row];
  }

  /** A numRows x numColumns block starting at 0-based (row, column), each cell passed through `map`. */
  read<U>(row: number, column: number, numRows: number, numColumns: number, map: (value: T) => U): U[][] {
    const out: U[][] = new Array(numRows);
    const blank = map(this.blank);
    for (let r = 0; r < numRows; r++) {
      const line = this.rows[row + r];
      const outLine: U[] = new Array(numColumns);
      if (line === undefined) outLine.fill(blank);
      else
        for (let c = 0; c < numColumns; c++) {
          const value = line[column + c];
          outLine[c] = value === undefined ? blank : map(value);
        }
      out[r] = outLine;
    }
    return out;
  }

  fill(row: number, column: number, numRows: number, numColumns: number, value: T): void {
    for (let r = row; r < row + numRows; r++) for (let c = column; c < column + numColumns; c++) this.set(r, c, value);
  }

  /** Inserts `count` rows before 0-based `at`; with `copyFrom` (an index before the insert) they copy that row. */
  insertRows(at: number, count: number, copyFrom?: number): void {
    const source = copyFrom === undefined ? undefined : this.rows[copyFrom];
    if (at < this.rows.length) {
      this.rows = this.rows.slice(0, at).concat(new Array<undefined>(count), this.rows.slice(at));
    }
    if (source !== undefined) for (let r = at; r < at + count; r++) this.rows[r] = source.slice();
  }

  deleteRows(at: number, count: number): void {
    if (at < this.rows.length) this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number, copyFrom?: number): void {
    const gap = new Array<undefined>(count);
    for (const line of this.rows) {
      if (line === undefined) continue;
      const source = copyFrom === undefined ? undefined : line[copyFrom];
      if (at < line.length) line.splice(at, 0, ...gap);
      if (source !== undefined) for (let c = at; c < at + count; c++) line[c] = source;
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const line of this.rows) if (line !== undefined && at < line.length) line.splice(at, count);
  }

  /** 1-based number of the last row holding a non-blank cell, 0 when none. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const line = this.rows[r];
      if (line?.some((value) => value !== undefined && value !== this.blank)) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column holding a non-blank cell, 0 when none. */
  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (line === undefined) continue;
      for (let c = line.length - 1; c >= last; c--) {
        const value = line[c];
        if (value !== undefined && value !== this.blank) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Every distinct non-blank value (for layers whose cells share objects, such as validation rules). */
  distinct(): Set<T> {
    const seen = new Set<T>();
    for (const line of this.rows)
      if (line) for (const value of line) if (value !== undefined && value !== this.blank) seen.add(value);
    return seen;
  }

  clearAll(): void {
    this.rows = [];
  }
}
