/** LEADSCORE: a lead's 0-100 score from its ten ratings, 100 being the perfect prospect (all 1s). */

import { describeShape, type OutCell, type OutGrid, StructuralError, toGrid } from './cells';
import { FACTOR_COUNT, FACTOR_RANGE, WORST_RATING } from './factors';
import { isWholeRating, readFactors, WHOLE_RATING } from './vectors';
import { percentPerStep, readWeights, relativeWeights } from './weights';

/** Rows of ten ratings as a grid; a single column of ten cells is one lead. */
export function ratingRows(value: unknown): readonly (readonly unknown[])[] {
  const grid = toGrid(value, 'ratings');
  if (grid[0].length === FACTOR_COUNT) return grid;
  if (grid.length === FACTOR_COUNT && grid[0].length === 1) return [grid.map((r) => r[0])];
  throw new StructuralError(
    `ratings must have ${FACTOR_COUNT} columns, one per factor (${FACTOR_RANGE}), or be a single column of ${FACTOR_COUNT} cells; got ${describeShape(grid)}`,
  );
}

/** One output row per lead: its score, `''` for a blank row, or the row's defect text. */
export function leadScore(ratings: unknown, weights?: unknown): OutGrid {
  const scoring = scoringOf(readWeights(weights));
  const rows = ratingRows(ratings);
  const out: OutGrid = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = [rowScore(rows[r], scoring)];
  return out;
}

/** What scoring a row needs, worked out once per call from the weights as readWeights gives them. */
export interface Scoring {
  readonly w: readonly number[];
  readonly scale: number;
  readonly buffer: number[];
}

export function scoringOf(weights: readonly number[]): Scoring {
  const w = relativeWeights(weights);
  return { w, scale: percentPerStep(w), buffer: new Array<number>(FACTOR_COUNT).fill(0) };
}

/** LEADSCORE of one row of ten ratings: a number, `''` for a blank row, or the row's defect text. */
export function rowScore(row: readonly unknown[], { w, scale, buffer }: Scoring): OutCell {
  // Fast path: ten numbers that are all valid ratings, the usual case.
  let sum = 0;
  let i = 0;
  for (; i < FACTOR_COUNT; i++) {
    const cell = row[i];
    if (typeof cell !== 'number' || !isWholeRating(cell)) break;
    sum += w[i] * (WORST_RATING - cell);
  }
  if (i === FACTOR_COUNT) return sum * scale;
  const defect = readFactors(row, 0, w, WHOLE_RATING, buffer);
  if (defect !== null) return defect;
  sum = 0;
  for (i = 0; i < FACTOR_COUNT; i++) sum += w[i] * (WORST_RATING - buffer[i]);
  return sum * scale;
}
