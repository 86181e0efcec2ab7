/** Reads the ten factor cells of a row (lead ratings or target values) and names the row's defect, if any. */

import { describeCell, isBlank, toNumber } from './cells';
import { FACTOR_COUNT, FACTOR_NAMES } from './factors';

/** What a factor cell must hold. */
export interface ValueRule {
  readonly accepts: (n: number) => boolean;
  /** Shown in brackets after an invalid value, e.g. `whole number 1-5`. */
  readonly expected: string;
}

/** A whole number from 1 to 5. `| 0` rather than Math.floor: no global lookup in hot loops (slow in a vm context). */
export function isWholeRating(n: number): boolean {
  return n >= 1 && n <= 5 && (n | 0) === n;
}

/** A lead's rating: a whole number from 1 (optimal) to 5. */
export const WHOLE_RATING: ValueRule = {
  accepts: isWholeRating,
  expected: 'whole number 1-5',
};

/** A target value of a profile or campaign: any number from 1 to 5 (it may be an average). */
export const TARGET_VALUE: ValueRule = {
  accepts: (n) => n >= 1 && n <= 5,
  expected: 'number 1-5',
};

function invalidText(factor: number, value: unknown, rule: ValueRule): string {
  return `invalid ${FACTOR_NAMES[factor]}: ${describeCell(value)} (${rule.expected})`;
}

/** `incomplete 8/10 rated: Interest, Competition`: how many weighted factors are rated, then the ones that are not. */
export function incompleteText(rated: number, weighted: number, missing: readonly string[]): string {
  return `incomplete ${rated}/${weighted} rated: ${missing.join(', ')}`;
}

/**
 * Reads `row[start .. start + 10)` into `out` (reused across rows, so the hot loop allocates nothing).
 * Returns `null` when every factor with a positive weight holds an accepted value (zero-weight factors
 * may be blank and then read as 0), `''` when all ten cells are blank, or the row's defect text:
 * the first `invalid <Factor>: ...`, else `incomplete k/m rated: <the blank factors>`.
 */
export function readFactors(
  row: readonly unknown[],
  start: number,
  weights: readonly number[],
  rule: ValueRule,
  out: number[],
): string | null {
  let blanks = 0;
  let weightedBlanks = 0;
  let weighted = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const cell = row[start + i];
    const positive = weights[i] > 0;
    if (positive) weighted++;
    if (typeof cell === 'number' && rule.accepts(cell)) {
      out[i] = cell;
      continue;
    }
    if (isBlank(cell)) {
      blanks++;
      if (positive) weightedBlanks++;
      out[i] = 0;
      continue;
    }
    const n = toNumber(cell);
    if (n === undefined || !rule.accepts(n)) return invalidText(i, cell, rule);
    out[i] = n;
  }
  if (blanks === FACTOR_COUNT) return '';
  if (weightedBlanks > 0) {
    // Only for a defective row: name the weighted factors left blank.
    const missing: string[] = [];
    for (let i = 0; i < FACTOR_COUNT; i++) if (weights[i] > 0 && isBlank(row[start + i])) missing.push(FACTOR_NAMES[i]);
    return incompleteText(weighted - weightedBlanks, weighted, missing);
  }
  return null;
}
