/** HITRATE: each rep's win rate with a Wilson interval, and a 3-sigma p-chart verdict against the team's pooled rate. */

import {
  describeCell,
  describeShape,
  type Grid,
  isAtLeast,
  isBlank,
  numberOrNull,
  type OutCell,
  type OutGrid,
  readFraction,
  requireSameShape,
  StructuralError,
  toGrid,
  toNumber,
} from './cells';
import { twoSidedZ } from './normal-distribution';

export const RESULT_COLUMNS = 4;
/** The confidence level of an interval when none is given. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The cells of a single column or a single row, and whether they ran across (a row). */
function countCells(grid: Grid, what: string): { cells: unknown[]; across: boolean } {
  if (grid[0].length === 1) return { cells: grid.map((row) => row[0]), across: false };
  if (grid.length === 1) return { cells: [...grid[0]], across: true };
  throw new StructuralError(
    `${what} must be a single column or a single row, one cell per rep; got ${describeShape(grid)}`,
  );
}

/** A count of deals: a whole number 0 or more, blank being 0; `undefined` for anything else. */
function toCount(value: unknown): number | undefined {
  if (isBlank(value)) return 0;
  const n = toNumber(value);
  if (n === undefined || !(n >= 0) || !Number.isSafeInteger(n)) return undefined;
  return n === 0 ? 0 : n; // -0 (typed or computed) counts as 0, so no rate comes out as -0
}

/**
 * The `confidence` argument (HITRATE, SCOREAUC, SCOREBANDS) as the z of its two-sided interval: a single number
 * strictly between 0 and 1, 0.95 when omitted; anything else is a structural error naming `confidence`.
 */
export function readConfidence(value: unknown): number {
  return twoSidedZ(readFraction(value, 'confidence', DEFAULT_CONFIDENCE, '0.95 for 95%'));
}

/** Wilson score interval for `won` out of `n` (n > 0); exactly 0 or 1 at the ends, where rounding would miss them. */
export function wilson(won: number, n: number, z: number): [number, number] {
  const rate = won / n;
  const z2 = z * z;
  const centre = rate + z2 / (2 * n);
  const spread = z * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  const low = won === 0 ? 0 : Math.max(0, (centre - spread) / scale);
  const high = won === n ? 1 : Math.min(1, (centre + spread) / scale);
  return [low, high];
}

/** The p-chart's control limits for a rep with `n` deals: the team's pooled rate plus and minus 3 sigma (not clamped). */
export function pChartLimits(pooled: number, n: number): [number, number] {
  const sigma = Math.sqrt((pooled * (1 - pooled)) / n);
  return [pooled - 3 * sigma, pooled + 3 * sigma];
}

/** `above`, `below` or `within` the pooled rate's 3-sigma limits for a row of `n` deals. */
function versusTeam(rate: number, n: number, pooled: number): string {
  const [lower, upper] = pChartLimits(pooled, n);
  if (!isAtLeast(upper, rate)) return 'above';
  if (!isAtLeast(rate, lower)) return 'below';
  return 'within';
}

/**
 * One result row (rate, low, high, vs team) per rep; a row of input gives the results as columns under it.
 * n = 0 gives four blanks; an invalid count gives its text in the first cell and is left out of the team's rate.
 */
export function hitRate(won: unknown, lost: unknown, confidence?: unknown): OutGrid {
  const wonGrid = toGrid(won, 'won');
  const lostGrid = toGrid(lost, 'lost');
  const wonCells = countCells(wonGrid, 'won');
  requireSameShape(lostGrid, 'lost', wonGrid, 'won');
  const lostCells = countCells(lostGrid, 'lost').cells;
  const z = readConfidence(confidence);

  const count = wonCells.cells.length;
  const wins = new Float64Array(count);
  const totals = new Float64Array(count);
  const defects: (string | null)[] = new Array(count).fill(null);
  let pooledWins = 0;
  let pooledTotal = 0;
  for (let i = 0; i < count; i++) {
    const w = toCount(wonCells.cells[i]);
    const l = toCount(lostCells[i]);
    if (w === undefined) defects[i] = `invalid won: ${describeCell(wonCells.cells[i])} (whole number 0 or more)`;
    else if (l === undefined) defects[i] = `invalid lost: ${describeCell(lostCells[i])} (whole number 0 or more)`;
    else {
      wins[i] = w;
      totals[i] = w + l;
      pooledWins += w;
      pooledTotal += w + l;
    }
  }

  const pooled = pooledTotal > 0 ? pooledWins / pooledTotal : 0;
  const rows: OutCell[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const defect = defects[i];
    const n = totals[i];
    if (defect !== null) rows[i] = [defect, '', '', ''];
    else if (n === 0) rows[i] = ['', '', '', ''];
    else {
      const rate = wins[i] / n;
      const [low, high] = wilson(wins[i], n, z);
      rows[i] = [rate, low, high, versusTeam(rate, n, pooled)];
    }
  }
  return wonCells.across ? transpose(rows) : rows;
}

function transpose(rows: OutCell[][]): OutGrid {
  return Array.from({ length: RESULT_COLUMNS }, (_, c) => rows.map((row) => row[c]));
}

/** HITRATE's four cells as a panel shows them: rate and Wilson interval (null when blank) and the verdict. */
export interface HitRateCells {
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly vsTeam: 'above' | 'below' | 'within' | '';
}

/** HITRATE over won and lost counts, one pair per rep or profile, as each one's four cells. */
export function hitRateCells(counts: readonly (readonly [won: number, lost: number])[]): HitRateCells[] {
  if (counts.length === 0) return [];
  const rows = hitRate(
    counts.map(([won]) => [won]),
    counts.map(([, lost]) => [lost]),
  );
  return rows.map(([rate, low, high, vs]) => ({
    rate: numberOrNull(rate),
    low: numberOrNull(low),
    high: numberOrNull(high),
    vsTeam: String(vs) as HitRateCells['vsTeam'],
  }));
}
