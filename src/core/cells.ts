/** The shared input layer: turns what Sheets passes to a custom function into checked values and messages. */

/** A range as Sheets delivers it: rows of cells. */
export type Grid = readonly (readonly unknown[])[];

/** One output cell of a custom function. */
export type OutCell = number | string | boolean;
export type OutGrid = OutCell[][];

/** A mistake in the shape or kind of a whole argument; the formula shows its message as #ERROR!. */
export class StructuralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StructuralError';
  }
}

// Taken once: a global lookup per row is slow where the bundle runs in a vm context.
const isArray = Array.isArray;

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Sheets' empty cell (`''`), or text of spaces only, or a missing value. */
export function isBlank(value: unknown): boolean {
  return value === '' || value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** True for a Date from any realm (Apps Script's, or a `vm` context's). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** An optional argument that was omitted or left empty (`=F(A1:J9, , "gap")`). */
export function isOmitted(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A finite number, or text that spells one (`"3"`, `" 3 "`); `undefined` for anything else. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!NUMBER_TEXT.test(text)) return undefined;
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** An output cell as a number, or null where it is blank or text (a panel's "no value"). */
export const numberOrNull = (cell: unknown): number | null => (typeof cell === 'number' ? cell : null);

/** A cell as a user would recognise it in a message: `7`, `"abc"`, `TRUE`, `a date`. */
export function describeCell(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > 24 ? `${value.slice(0, 23)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // A date's calendar day depends on the sheet's time zone, which a custom function cannot read.
  if (isDate(value)) return 'a date';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'a range';
  return typeof value;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `3 rows x 10 columns`, for messages about shapes. */
export function describeShape(grid: Grid): string {
  return `${plural(grid.length, 'row')} x ${plural(grid[0]?.length ?? 0, 'column')}`;
}

/**
 * A range argument as a rectangular grid: a single cell becomes 1 x 1, a flat list one row.
 * `what` names the argument in messages.
 */
export function toGrid(value: unknown, what: string): Grid {
  if (!isArray(value)) return [[value]];
  if (value.length === 0) throw new StructuralError(`${what} is an empty range`);
  if (!isArray(value[0])) return [value];
  const width = (value[0] as unknown[]).length;
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    if (!isArray(row) || row.length !== width) {
      throw new StructuralError(`${what} must be a rectangular range, but its rows have different lengths`);
    }
  }
  if (width === 0) throw new StructuralError(`${what} is an empty range`);
  return value as Grid;
}

/** The choice a text option names, without regard to case or surrounding spaces; `undefined` when none. */
export function matchChoice<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return choices.find((c) => c === text);
}

/**
 * A text option such as a mode, matched as matchChoice does.
 * Omitted or empty gives `fallback`; anything else not in `choices` is a structural error.
 */
export function readChoice<T extends string>(value: unknown, what: string, choices: readonly T[], fallback: T): T {
  if (isOmitted(value)) return fallback;
  const found = matchChoice(value, choices);
  if (found === undefined) {
    throw new StructuralError(
      `${what} must be one of ${choices.map((c) => `"${c}"`).join(', ')}; got ${describeCell(value)}`,
    );
  }
  return found;
}

/** `row 3, column 2`: a cell's 1-based place in its range, for messages. */
export function cellPosition(row: number, column: number): string {
  return `row ${row + 1}, column ${column + 1}`;
}

/** Throws unless `grid` has the shape of `reference`; the message names both arguments and both shapes. */
export function requireSameShape(grid: Grid, what: string, reference: Grid, referenceWhat: string): void {
  if (grid.length === reference.length && grid[0].length === reference[0].length) return;
  throw new StructuralError(
    `${what} must have the same shape as ${referenceWhat} (${describeShape(reference)}); got ${describeShape(grid)}`,
  );
}

/**
 * A yes/no cell such as a checkbox or an `x` mark: `true` for TRUE, 1, "yes", "x" or "true"; `false` for blank,
 * FALSE, 0, "no" or "false" (text in any case); `undefined` for anything else.
 */
export function toFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (isBlank(value)) return false;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'yes' || text === 'x' || text === 'true' || text === '1') return true;
  if (text === 'no' || text === 'false' || text === '0') return false;
  return undefined;
}

/**
 * A single-number option strictly between 0 and 1 (a threshold, a confidence level); `fallback` when omitted.
 * Anything else, a range included, is a structural error that gives `example` as a valid value.
 */
export function readFraction(value: unknown, what: string, fallback: number, example: string): number {
  if (isOmitted(value)) return fallback;
  const n = toNumber(value);
  if (n !== undefined && n > 0 && n < 1) return n;
  throw new StructuralError(
    `${what} must be a single number between 0 and 1 (not 0 or 1), such as ${example}; got ${describeCell(value)}`,
  );
}

// Sheets compares numbers to about 15 significant digits, so 0.1 + 0.2 equals 0.3 there; 12 leaves a margin.
const RELATIVE_TOLERANCE = 1e-12;

/** `a >= b`, counting numbers that agree to 12 significant digits as equal (binary rounding noise is not a miss). */
export function isAtLeast(a: number, b: number): boolean {
  return a >= b || b - a <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}
