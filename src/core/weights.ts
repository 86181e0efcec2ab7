/** Factor weights: ten non-negative numbers with a positive sum, as a row or a column; omitted means all 1. */

import { describeCell, describeShape, isBlank, isOmitted, StructuralError, toGrid, toNumber } from './cells';
import { BEST_RATING, FACTOR_COUNT, FACTOR_NAMES, FACTOR_RANGE, WORST_RATING } from './factors';

// A packed, unfrozen array (`new Array(n).fill` would be holey): hot loops read it fastest; `readonly` guards it.
export const EQUAL_WEIGHTS: readonly number[] = Array.from({ length: FACTOR_COUNT }, () => 1);

export function readWeights(value: unknown): readonly number[] {
  if (isOmitted(value)) return EQUAL_WEIGHTS;
  const grid = toGrid(value, 'weights');
  let cells: readonly unknown[];
  if (grid.length === 1 && grid[0].length === FACTOR_COUNT) cells = grid[0];
  else if (grid.length === FACTOR_COUNT && grid[0].length === 1) cells = grid.map((r) => r[0]);
  else {
    throw new StructuralError(
      `weights must be ${FACTOR_COUNT} cells in one row or one column (one per factor, ${FACTOR_RANGE}); got ${describeShape(grid)}`,
    );
  }
  const weights: number[] = [];
  let sum = 0; // only compared with 0, so an overflow to Infinity does no harm
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const cell = cells[i];
    const n = isBlank(cell) ? undefined : toNumber(cell);
    if (n === undefined || n < 0) {
      const shown = isBlank(cell) ? 'blank' : describeCell(cell);
      throw new StructuralError(`weight of ${FACTOR_NAMES[i]} is ${shown}; expected a number 0 or more`);
    }
    weights.push(n);
    sum += n;
  }
  if (!(sum > 0)) throw new StructuralError('weights are all 0; at least one factor needs a positive weight');
  return weights;
}

/**
 * The weights scaled so the largest is 1: the same proportions, so the same scores, but sums and their reciprocals
 * can neither overflow (weights like 1e308) nor underflow (weights like 1e-320). Equal weights come back unchanged.
 * A positive weight stays positive: one too small beside the largest to scale (1e-308 beside 1e308) becomes the
 * smallest positive number, so its factor is still required; its share of any score stays below rounding.
 */
export function relativeWeights(weights: readonly number[]): readonly number[] {
  let largest = 0;
  for (const w of weights) if (w > largest) largest = w;
  return largest === 1 ? weights : weights.map((w) => w / largest || (w > 0 ? Number.MIN_VALUE : 0));
}

/**
 * Percentage points per weighted rating step: 100 divided by the largest possible weighted distance between two
 * vectors, `(5 - 1) * sum(w)`. Scores and matches are 100 minus (or 100 times) distances scaled by it.
 */
export function percentPerStep(weights: readonly number[]): number {
  let sum = 0;
  for (const w of weights) sum += w;
  return 100 / ((WORST_RATING - BEST_RATING) * sum);
}
