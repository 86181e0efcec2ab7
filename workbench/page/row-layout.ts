/** Which rows below the frozen ones the grid draws, top to bottom (all, or those a filter leaves), row <-> position. */

export class RowLayout {
  /** The rows shown below the frozen ones, when a filter hides some; null when every row is shown. */
  private readonly shown: number[] | null;
  readonly hiddenKey: string;

  constructor(
    readonly frozen: number,
    readonly maxRows: number,
    hidden: readonly number[] = [],
  ) {
    this.hiddenKey = hidden.join(',');
    if (hidden.length === 0) {
      this.shown = null;
      return;
    }
    const gone = new Set(hidden);
    this.shown = [];
    for (let row = frozen + 1; row <= maxRows; row++) if (!gone.has(row)) this.shown.push(row);
  }

  /** How many rows are drawn below the frozen ones. */
  get count(): number {
    return this.shown ? this.shown.length : Math.max(0, this.maxRows - this.frozen);
  }

  isHidden(row: number): boolean {
    return row > this.frozen && this.shown !== null && this.shown[this.indexOf(row)] !== row;
  }

  /** The row drawn at 0-based position `index` below the frozen rows (clamped to the rows there are). */
  rowAt(index: number): number {
    const i = Math.max(0, Math.min(this.count - 1, index));
    return this.shown ? (this.shown[i] ?? this.frozen + 1) : this.frozen + 1 + i;
  }

  /** The position of a row below the frozen ones; a hidden row gets the position of the next row shown. */
  indexOf(row: number): number {
    if (!this.shown) return row - this.frozen - 1;
    let [low, high] = [0, this.shown.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.shown[middle] < row) low = middle + 1;
      else high = middle;
    }
    return Math.min(low, Math.max(0, this.shown.length - 1));
  }

  /** The row `steps` drawn rows below (or above, when negative) `row`, frozen rows included. */
  step(row: number, steps: number): number {
    const position = row <= this.frozen ? row - 1 : this.frozen + this.indexOf(row);
    const target = Math.max(0, Math.min(this.frozen + this.count - 1, position + steps));
    return target < this.frozen ? target + 1 : this.rowAt(target - this.frozen);
  }
}
