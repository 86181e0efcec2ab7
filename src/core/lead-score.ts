/** LEADSCORE: a lead's 0-100 score from its ten ratings, 100 being the perfect prospect (all 1s). */

import { describeShape, type OutGrid, StructuralError, toGrid } from './cells';
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
  const w = relativeWeights(readWeights(weights));
  const rows = ratingRows(ratings);
  const scale = percentPerStep(w);
  const buffer = new Array<number>(FACTOR_COUNT).fill(0);
  const out: OutGrid = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    // Fast path: ten numbers that are all valid ratings, the usual case.
    let sum = 0;
    let i = 0;
    for (; i < FACTOR_COUNT; i++) {
      const cell = row[i];
      if (typeof cell !== 'number' || !isWholeRating(cell)) break;
      sum += w[i] * (WORST_RATING - cell);
    }
    if (i === FACTOR_COUNT) {
      out[r] = [sum * scale];
      continue;
    }
    const defect = readFactors(row, 0, w, WHOLE_RATING, buffer);
    if (defect !== null) {
      out[r] = [defect];
      continue;
    }
    sum = 0;
    for (i = 0; i < FACTOR_COUNT; i++) sum += w[i] * (WORST_RATING - buffer[i]);
    out[r] = [sum * scale];
  }
  return out;
}
