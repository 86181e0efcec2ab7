/**
 * FACTORWEIGHTS: the weights the team's own won and lost leads suggest, one per factor, summing to 10. Per factor the
 * linear discriminant weight: how much better won leads rate than lost ones, over the pooled variance.
 */

import { describeCell, type Grid, isOmitted, type OutGrid, plural, StructuralError, toNumber } from './cells';
import { BEST_RATING, FACTOR_COUNT, WORST_RATING } from './factors';
import { ratingRows } from './lead-score';
import { LEAD_STATUS } from './lead-statuses';
import { LOST, OPEN, outcomeColumn, readOutcome } from './outcomes';
import { isWholeRating, readFactors, WHOLE_RATING } from './vectors';
import { EQUAL_WEIGHTS } from './weights';

export const DEFAULT_MINIMUM = 10;
/** The weights sum to this, as the default weights (ten 1s) do. */
export const WEIGHT_TOTAL = 10;
/** Floor of the pooled variance: a factor nearly constant within each class must not get an unbounded weight. */
const VARIANCE_FLOOR = 0.25;
export const NO_SEPARATION = 'no factor separates won from lost leads';

/** `needs 10 won and 10 lost leads (has 3 won, 12 lost)`. */
export function needsText(minimum: number, won: number, lost: number): string {
  return `needs ${minimum} won and ${minimum} lost leads (has ${won} won, ${lost} lost)`;
}

/** The `minimum` argument: a whole number 2 or more (text spelling one too); omitted, 10. */
export function readMinimum(value: unknown): number {
  if (isOmitted(value)) return DEFAULT_MINIMUM;
  const n = toNumber(value);
  if (n !== undefined && n >= 2 && Number.isSafeInteger(n)) return n;
  throw new StructuralError(
    `minimum must be a single whole number 2 or more (won and lost leads each), such as 10; got ${describeCell(value)}`,
  );
}

/** The ratings argument as lead rows (as LEADSCORE reads it) and the outcomes as a column of one cell per lead. */
export function readRatedLeads(ratings: unknown, outcomes: unknown): { rows: Grid; outcomes: Grid } {
  const rows = ratingRows(ratings);
  return { rows, outcomes: outcomeColumn(outcomes, rows.length, `ratings has leads (${plural(rows.length, 'row')})`) };
}

/**
 * Reads a lead's ten ratings into `out` and says whether all ten are whole numbers 1..5 (numbers, or text spelling
 * them): only such leads teach the weights. The same reader and rule as LEADSCORE's, every factor required.
 */
export function readAllRatings(row: readonly unknown[], out: number[]): boolean {
  let i = 0;
  for (; i < FACTOR_COUNT; i++) {
    const cell = row[i];
    if (typeof cell !== 'number' || !isWholeRating(cell)) break;
    out[i] = cell;
  }
  return i === FACTOR_COUNT || readFactors(row, 0, EQUAL_WEIGHTS, WHOLE_RATING, out) === null;
}

/**
 * Sufficient statistics of eligible closed leads: counts, and per factor the sums and sums of squares of the ratings,
 * won leads at `[0, 10)` and lost ones at `[10, 20)`.
 */
export interface ClassSums {
  won: number;
  lost: number;
  readonly sums: Float64Array;
  readonly squares: Float64Array;
}

export function emptySums(): ClassSums {
  return { won: 0, lost: 0, sums: new Float64Array(2 * FACTOR_COUNT), squares: new Float64Array(2 * FACTOR_COUNT) };
}

/** Sum of squared deviations from the mean, `(n * squares - sum^2) / n`: exact integers up top for whole ratings. */
function squaredDeviations(n: number, sum: number, squares: number): number {
  const ss = (n * squares - sum * sum) / n;
  return Math.max(ss, 0);
}

/**
 * FACTORWEIGHTS' linear discriminant weights (README, function reference), from class sums with at least one won
 * and one lost lead: per factor
 * `d = mean(lost) - mean(won)`, pooled variance `v = (SS_won + SS_lost) / (W + L - 2)` (0 with only two leads),
 * `raw = max(0, d) / max(v, 0.25)`, scaled to sum to 10. `null` when every raw weight is 0.
 */
export function learnWeights(stats: ClassSums): Float64Array | null {
  const { won, lost, sums, squares } = stats;
  const freedom = won + lost - 2;
  const raw = new Float64Array(FACTOR_COUNT);
  let total = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const l = i + FACTOR_COUNT;
    const d = sums[l] / lost - sums[i] / won;
    if (!(d > 0)) continue;
    const pooled = squaredDeviations(won, sums[i], squares[i]) + squaredDeviations(lost, sums[l], squares[l]);
    const v = freedom > 0 ? pooled / freedom : 0;
    raw[i] = d / Math.max(v, VARIANCE_FLOOR);
    total += raw[i];
  }
  if (total === 0) return null;
  for (let i = 0; i < FACTOR_COUNT; i++) raw[i] = (WEIGHT_TOTAL * raw[i]) / total;
  return raw;
}

/** One column of ten: the suggested weights, or the first cell saying why there are none and nine blanks. */
function column(weights: Float64Array | null, text: string): OutGrid {
  const out: OutGrid = new Array(FACTOR_COUNT);
  for (let i = 0; i < FACTOR_COUNT; i++) out[i] = [weights === null ? (i === 0 ? text : '') : weights[i]];
  return out;
}

/** Tally slots per factor: ratings 1..5 at their own index (0, 6 and 7 stay empty). */
const SLOTS = 8;
const CLASS_SPAN = FACTOR_COUNT * SLOTS;

/** The class sums of a tally `counts[class * 80 + factor * 8 + rating]`, won leads first. */
function sumsOfTally(counts: Int32Array): ClassSums {
  const stats = emptySums();
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < FACTOR_COUNT; i++) {
      let n = 0;
      let sum = 0;
      let squares = 0;
      for (let rating = BEST_RATING; rating <= WORST_RATING; rating++) {
        const k = counts[c * CLASS_SPAN + i * SLOTS + rating];
        n += k;
        sum += k * rating;
        squares += k * rating * rating;
      }
      stats.sums[c * FACTOR_COUNT + i] = sum;
      stats.squares[c * FACTOR_COUNT + i] = squares;
      if (i === 0 && c === 0) stats.won = n;
      if (i === 0 && c === 1) stats.lost = n;
    }
  }
  return stats;
}

/** A rating held as a number and valid (the fast path; text goes to LEADSCORE's reader). */
function isRatingNumber(cell: unknown): cell is number {
  return typeof cell === 'number' && isWholeRating(cell);
}

/** A row that is not ten rating numbers: tallied when LEADSCORE's reader finds all ten valid (typed as text). */
function tallySlowly(row: readonly unknown[], base: number, counts: Int32Array, buffer: number[]): void {
  if (!readAllRatings(row, buffer)) return;
  for (let i = 0; i < FACTOR_COUNT; i++) counts[base + i * SLOTS + buffer[i]]++;
}

/** FACTORWEIGHTS (README, function reference): 10 x 1, one weight per factor in factor order, summing to 10. */
export function factorWeights(ratings: unknown, outcomes: unknown, minimum?: unknown): OutGrid {
  const { rows, outcomes: outcomeGrid } = readRatedLeads(ratings, outcomes);
  const least = readMinimum(minimum);
  // One pass that tallies each rating per class and factor, `counts[class * 80 + factor * 8 + rating]`: a single
  // increment per cell, sums and sums of squares following from the tally. The ten factors are written out
  // (a test holds FACTOR_COUNT to 10), and
  // module constants copied into locals (in the bundle they are closure slots, read again on every use): this loop
  // is what FACTORWEIGHTS costs.
  const counts = new Int32Array(2 * CLASS_SPAN);
  const buffer = new Array<number>(FACTOR_COUNT).fill(0);
  const s = SLOTS;
  const lostBase = CLASS_SPAN;
  const wonText = LEAD_STATUS.won;
  const lostText = LEAD_STATUS.lost;
  for (let r = 0; r < rows.length; r++) {
    const mark = outcomeGrid[r][0];
    let b = 0;
    if (mark === lostText) b = lostBase;
    else if (mark !== wonText) {
      const outcome = readOutcome(mark);
      if (outcome === OPEN) continue;
      if (outcome === LOST) b = lostBase;
    }
    const row = rows[r];
    // Indexed, not destructured: destructuring goes through the array iterator.
    const c0 = row[0];
    const c1 = row[1];
    const c2 = row[2];
    const c3 = row[3];
    const c4 = row[4];
    const c5 = row[5];
    const c6 = row[6];
    const c7 = row[7];
    const c8 = row[8];
    const c9 = row[9];
    if (
      isRatingNumber(c0) &&
      isRatingNumber(c1) &&
      isRatingNumber(c2) &&
      isRatingNumber(c3) &&
      isRatingNumber(c4) &&
      isRatingNumber(c5) &&
      isRatingNumber(c6) &&
      isRatingNumber(c7) &&
      isRatingNumber(c8) &&
      isRatingNumber(c9)
    ) {
      counts[b + c0]++;
      counts[b + s + c1]++;
      counts[b + 2 * s + c2]++;
      counts[b + 3 * s + c3]++;
      counts[b + 4 * s + c4]++;
      counts[b + 5 * s + c5]++;
      counts[b + 6 * s + c6]++;
      counts[b + 7 * s + c7]++;
      counts[b + 8 * s + c8]++;
      counts[b + 9 * s + c9]++;
    } else tallySlowly(row, b, counts, buffer);
  }
  const stats = sumsOfTally(counts);
  if (stats.won < least || stats.lost < least) return column(null, needsText(least, stats.won, stats.lost));
  return column(learnWeights(stats), NO_SEPARATION);
}
