/** PROFILEGAP: compares target vectors (profiles, campaigns, leads) factor by factor, as a match, gaps or verdicts. */

import {
  describeShape,
  type Grid,
  isAtLeast,
  isBlank,
  type OutCell,
  type OutGrid,
  readChoice,
  StructuralError,
  toGrid,
} from './cells';
import { BEST_RATING, FACTOR_COUNT, FACTOR_RANGE, WORST_RATING } from './factors';
import { readFactors, TARGET_VALUE } from './vectors';
import { percentPerStep, readWeights, relativeWeights } from './weights';

export const PROFILEGAP_MODES = ['match', 'gap', 'verdict', 'best'] as const;
export const PROFILEGAP_DEFAULT_MODE: (typeof PROFILEGAP_MODES)[number] = 'match';

export const VERDICTS = { aligned: 'aligned', wasted: 'wasted', missed: 'missed' } as const;

/** A gap larger than this (in rating steps) is a verdict other than `aligned`. */
const ALIGNED_GAP = 1;
/** Match percentages this close count as a tie in `best`, so rounding noise never beats the first row. */
const TIE_POINTS = 1e-9;

/** One argument's rows, each validated once: values in a flat array, ten per row. */
interface VectorTable {
  readonly what: string;
  readonly rows: Grid;
  /** Column of the first factor: 1 when the first column holds labels. */
  readonly start: number;
  readonly count: number;
  readonly values: Float64Array;
  /** Per row: `null` when valid, `''` when blank, else the row's defect text. */
  readonly status: readonly (string | null)[];
}

/** The argument as rows of ten factors, or eleven with a label first; a single column of ten cells is one row. */
function vectorRows(value: unknown, what: string): { rows: Grid; start: number } {
  const grid = toGrid(value, what);
  const width = grid[0].length;
  if (width === FACTOR_COUNT) return { rows: grid, start: 0 };
  if (width === FACTOR_COUNT + 1) return { rows: grid, start: 1 };
  if (width === 1 && grid.length === FACTOR_COUNT) return { rows: [grid.map((row) => row[0])], start: 0 };
  throw new StructuralError(
    `${what} must have ${FACTOR_COUNT} columns (${FACTOR_RANGE}), or ${FACTOR_COUNT + 1} with a name first, or be a single column of ${FACTOR_COUNT} cells; got ${describeShape(grid)}`,
  );
}

function readVectors(value: unknown, what: string, weights: readonly number[]): VectorTable {
  const { rows, start } = vectorRows(value, what);
  const count = rows.length;
  const values = new Float64Array(count * FACTOR_COUNT);
  const status: (string | null)[] = new Array(count);
  const buffer = new Array<number>(FACTOR_COUNT).fill(0);
  for (let r = 0; r < count; r++) status[r] = readVector(rows[r], start, weights, values, r * FACTOR_COUNT, buffer);
  return { what, rows, start, count, values, status };
}

/** One row's ten values into `values` from `offset`: `null` when valid, `''` when blank, else the row's defect text. */
function readVector(
  row: readonly unknown[],
  start: number,
  weights: readonly number[],
  values: Float64Array,
  offset: number,
  buffer: number[],
): string | null {
  // Fast path: ten numbers in range, the usual case; anything else goes through the shared reader.
  let i = 0;
  for (; i < FACTOR_COUNT; i++) {
    const cell = row[start + i];
    if (typeof cell !== 'number' || !(cell >= BEST_RATING && cell <= WORST_RATING)) break;
    values[offset + i] = cell;
  }
  if (i === FACTOR_COUNT) return null;
  const defect = readFactors(row, start, weights, TARGET_VALUE, buffer);
  if (defect === null) for (i = 0; i < FACTOR_COUNT; i++) values[offset + i] = buffer[i];
  return defect;
}

// Taken once: a global lookup per pair or lead is slow in a vm context (the workbench, the bench), and a branch on
// the sign mispredicts half the time.
const abs = Math.abs;
const INFINITY = Number.POSITIVE_INFINITY;

/** Sum of w_i * |x_i - y_i| over the ten factors of row `xo / 10` of x and row `yo / 10` of y. */
function distance(x: Float64Array, xo: number, y: Float64Array, yo: number, w: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) sum += w[i] * abs(x[xo + i] - y[yo + i]);
  return sum;
}

/** What a pair's output shows instead of a number: `''` if either row is blank, else the first defect; `null` if none. */
function pairStatus(first: string | null, second: string | null): string | null {
  if (first === '' || second === '') return '';
  return first ?? second;
}

function matchMatrix(a: VectorTable, b: VectorTable, w: Float64Array, scale: number): OutGrid {
  const out: OutGrid = new Array(a.count);
  for (let p = 0; p < a.count; p++) {
    const row: OutCell[] = new Array(b.count);
    const rowStatus = a.status[p];
    const po = p * FACTOR_COUNT;
    for (let c = 0; c < b.count; c++) {
      const status = pairStatus(rowStatus, b.status[c]);
      if (status !== null) {
        row[c] = status;
        continue;
      }
      let score = 100 - distance(a.values, po, b.values, c * FACTOR_COUNT, w) * scale;
      // Rounding can take the worst possible match a hair below 0.
      if (score < 0) score = 0;
      row[c] = score;
    }
    out[p] = row;
  }
  return out;
}

function gapCell(gap: number, verdict: boolean): OutCell {
  if (!verdict) return gap;
  if (!isAtLeast(ALIGNED_GAP, gap)) return VERDICTS.wasted;
  if (!isAtLeast(gap, -ALIGNED_GAP)) return VERDICTS.missed;
  return VERDICTS.aligned;
}

/** One row of ten per pair, the single row of one argument against each row of the other. */
function gapRows(a: VectorTable, b: VectorTable, weights: readonly number[], verdict: boolean): OutGrid {
  if (a.count > 1 && b.count > 1) {
    throw new StructuralError(
      `mode "${verdict ? 'verdict' : 'gap'}" compares one profile with many campaigns, or many profiles with one campaign; got ${a.count} profiles and ${b.count} campaigns (use "match" to compare every pair)`,
    );
  }
  const pairs = Math.max(a.count, b.count);
  const out: OutGrid = new Array(pairs);
  for (let k = 0; k < pairs; k++) {
    const p = a.count === 1 ? 0 : k;
    const c = b.count === 1 ? 0 : k;
    const status = pairStatus(a.status[p], b.status[c]);
    const row: OutCell[] = new Array(FACTOR_COUNT).fill('');
    if (status !== null) {
      row[0] = status;
      out[k] = row;
      continue;
    }
    for (let i = 0; i < FACTOR_COUNT; i++) {
      // A factor weighted 0 may be blank on either side: no gap to show there.
      if (weights[i] === 0 && (isBlank(a.rows[p][a.start + i]) || isBlank(b.rows[c][b.start + i]))) continue;
      row[i] = gapCell(b.values[c * FACTOR_COUNT + i] - a.values[p * FACTOR_COUNT + i], verdict);
    }
    out[k] = row;
  }
  return out;
}

/** A row's name in `best`: its label, or its 1-based position where there is no label column or the label is blank. */
function labelOf(table: VectorTable, row: number): OutCell {
  if (table.start === 0) return row + 1;
  const label = table.rows[row][0];
  if (isBlank(label)) return row + 1;
  return typeof label === 'string' || typeof label === 'number' || typeof label === 'boolean' ? label : row + 1;
}

/**
 * The best match in `b` for each row of `a`, read row by row as it goes: `a` may be 10,000 leads, and a table of them
 * would be one more pass and 800 KB made on every call.
 */
function bestRows(
  a: { rows: Grid; start: number },
  b: VectorTable,
  weights: readonly number[],
  w: Float64Array,
  scale: number,
): OutGrid {
  const candidates: number[] = [];
  let anyEntered = false;
  for (let c = 0; c < b.count; c++) {
    if (b.status[c] === null) candidates.push(c);
    if (b.status[c] !== '') anyEntered = true;
  }
  // No candidate: blank while nothing is entered yet, else say why there is no answer.
  const noCandidate = anyEntered ? `invalid ${b.what}: no row is complete and valid` : '';
  const tie = TIE_POINTS / scale;
  const vector = new Float64Array(FACTOR_COUNT);
  const buffer = new Array<number>(FACTOR_COUNT).fill(0);
  const out: OutGrid = new Array(a.rows.length);
  for (let p = 0; p < a.rows.length; p++) {
    const status = readVector(a.rows[p], a.start, weights, vector, 0, buffer);
    if (status !== null) {
      out[p] = [status];
      continue;
    }
    if (candidates.length === 0) {
      out[p] = [noCandidate];
      continue;
    }
    let best = -1;
    let bestDistance = INFINITY;
    for (let k = 0; k < candidates.length; k++) {
      const d = distance(vector, 0, b.values, candidates[k] * FACTOR_COUNT, w);
      if (d < bestDistance - tie) {
        bestDistance = d;
        best = candidates[k];
      }
    }
    out[p] = [labelOf(b, best)];
  }
  return out;
}

/** PROFILEGAP (README, function reference): `profiles` and `campaigns` may hold any target vectors, leads included. */
export function profileGap(profiles: unknown, campaigns: unknown, weights?: unknown, mode?: unknown): OutGrid {
  const w = relativeWeights(readWeights(weights));
  const chosenMode = readChoice(mode, 'mode', PROFILEGAP_MODES, PROFILEGAP_DEFAULT_MODE);
  const flatWeights = Float64Array.from(w);
  const scale = percentPerStep(w);
  if (chosenMode === 'best') {
    const a = vectorRows(profiles, 'profiles');
    return bestRows(a, readVectors(campaigns, 'campaigns', w), w, flatWeights, scale);
  }
  const a = readVectors(profiles, 'profiles', w);
  const b = readVectors(campaigns, 'campaigns', w);
  return chosenMode === 'match' ? matchMatrix(a, b, flatWeights, scale) : gapRows(a, b, w, chosenMode === 'verdict');
}
