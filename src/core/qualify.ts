/**
 * QUALIFY: the team's qualification rule, applied the same way to every lead: a minimum LEADSCORE and, per factor,
 * an optional gate (the worst rating still acceptable).
 */

import {
  describeCell,
  describeShape,
  isAtLeast,
  isBlank,
  isOmitted,
  type OutCell,
  type OutGrid,
  StructuralError,
  toGrid,
  toNumber,
} from './cells';
import { FACTOR_COUNT, FACTOR_NAMES, FACTOR_RANGE } from './factors';
import { ratingRows, rowScore, scoringOf } from './lead-score';
import { isWholeRating } from './vectors';
import { readWeights } from './weights';

export const QUALIFIED = 'qualified';
export const NOT_QUALIFIED = 'not qualified: ';

/** The rule, read once and applied to any number of leads (QUALIFY's rows, or the lead form's live preview). */
export interface QualifyRule {
  readonly minScore: number;
  /** Per factor the worst acceptable rating, or `null` where there is no gate. */
  readonly gates: readonly (number | null)[];
  /** The weights as LEADSCORE reads them, ten numbers. */
  readonly weights: readonly number[];
}

function readMinScore(value: unknown): number {
  const n = isOmitted(value) ? undefined : toNumber(value);
  if (n !== undefined && n >= 0 && n <= 100) return n + 0;
  throw new StructuralError(
    `min_score must be a single number from 0 to 100, the lowest score that qualifies, such as 60; got ${isOmitted(value) ? 'blank' : describeCell(value)}`,
  );
}

function readGates(value: unknown): readonly (number | null)[] {
  if (isOmitted(value)) return new Array<null>(FACTOR_COUNT).fill(null);
  const grid = toGrid(value, 'gates');
  let cells: readonly unknown[];
  if (grid.length === 1 && grid[0].length === FACTOR_COUNT) cells = grid[0];
  else if (grid.length === FACTOR_COUNT && grid[0].length === 1) cells = grid.map((row) => row[0]);
  else {
    throw new StructuralError(
      `gates must be ${FACTOR_COUNT} cells in one row or one column (one per factor, ${FACTOR_RANGE}), each blank or a whole number 1-5; got ${describeShape(grid)}`,
    );
  }
  return cells.map((cell, i) => {
    if (isBlank(cell)) return null;
    const n = toNumber(cell);
    if (n !== undefined && isWholeRating(n)) return n;
    throw new StructuralError(
      `gate of ${FACTOR_NAMES[i]} is ${describeCell(cell)}; expected blank (no gate) or a whole number 1-5, the worst rating still acceptable`,
    );
  });
}

/** Reads QUALIFY's `min_score`, `gates` and `weights`; any mistake is a structural error naming the argument. */
export function readQualifyRule(minScore: unknown, gates?: unknown, weights?: unknown): QualifyRule {
  return { weights: readWeights(weights), minScore: readMinScore(minScore), gates: readGates(gates) };
}

// Taken once: a global lookup per lead is slow where the bundle runs in a vm context.
const round = Math.round;

/** A score in a verdict: rounded to one decimal, without a trailing `.0` (`55`, `67.5`). */
export function formatScore(score: number): string {
  return `${round(score * 10) / 10}`;
}

/** Scores this close below the minimum are compared with isAtLeast; farther ones plainly fail (cheap pre-check). */
const NEAR_MINIMUM = 0.999999;

function reaches(score: number, minimum: number): boolean {
  return score >= minimum || (score > minimum * NEAR_MINIMUM && isAtLeast(score, minimum));
}

/** The verdict on a lead whose ratings LEADSCORE scored `score`: gates in factor order first, then the score. */
type Verdict = (row: readonly unknown[], score: number) => string;

/**
 * The rule's verdict function. A verdict depends only on which gates a lead fails with which rating and on its score
 * when that is too low, so each distinct verdict is made once per rule and shared: at 10,000 leads making the texts
 * was most of QUALIFY's work, and leads share a few dozen verdicts.
 */
function verdictOf(rule: QualifyRule): Verdict {
  const gated: number[] = [];
  /** Per gated factor: the condition for each rating 0-5 that fails the gate (0 stands for blank), else ''. */
  const fails: string[][] = [];
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const gate = rule.gates[i];
    if (gate === null) continue;
    gated.push(i);
    const name = FACTOR_NAMES[i];
    fails.push(
      [0, 1, 2, 3, 4, 5].map((r) =>
        r === 0 ? `${name} blank (at most ${gate})` : r > gate ? `${name} ${r} (at most ${gate})` : '',
      ),
    );
  }
  const atLeast = ` (at least ${formatScore(rule.minScore)})`;
  /**
   * Verdicts by one number: the failed gates (a digit 0-6 per gated factor, 6 = passed) times 1002, plus the failed
   * score in tenths (what formatScore shows, 0-1000) or 1001 when the score reaches the minimum.
   */
  const made = new Map<number, string>();
  /** The verdict on failing these gate conditions ('' where one passed) and, unless undefined, this score. */
  const make = (failed: readonly string[], score: number | undefined): string => {
    const conditions = failed.filter((text) => text !== '');
    if (score !== undefined) conditions.push(`score ${formatScore(score)}${atLeast}`);
    return conditions.length === 0 ? QUALIFIED : NOT_QUALIFIED + conditions.join(', ');
  };
  const ratings = new Array<number>(gated.length);
  return (row, score) => {
    let key = 0;
    for (let k = 0; k < gated.length; k++) {
      const cell = row[gated[k]];
      // The row is valid, so its cell is a whole rating, or blank where the factor weighs 0: a gate it cannot pass.
      const rating = typeof cell === 'number' ? cell : isBlank(cell) ? 0 : (toNumber(cell) as number);
      ratings[k] = rating;
      key = key * 7 + (fails[k][rating] === '' ? 6 : rating);
    }
    const passed = reaches(score, rule.minScore);
    key = key * 1002 + (passed ? 1001 : round(score * 10));
    let verdict = made.get(key);
    if (verdict === undefined) {
      verdict = make(
        ratings.map((rating, k) => fails[k][rating]),
        passed ? undefined : score,
      );
      made.set(key, verdict);
    }
    return verdict;
  };
}

/**
 * What the rule says about one lead's ten ratings (cells as in a sheet row, or the lead form's numbers and nulls):
 * `qualified`, `not qualified: ...`, `''` when all ten are blank, or LEADSCORE's `incomplete`/`invalid` text.
 */
export function qualifyLead(ratings: readonly unknown[], rule: QualifyRule): OutCell {
  if (ratings.length !== FACTOR_COUNT) {
    throw new StructuralError(`a lead has ${FACTOR_COUNT} ratings, one per factor; got ${ratings.length}`);
  }
  const score = rowScore(ratings, scoringOf(rule.weights));
  return typeof score === 'number' ? verdictOf(rule)(ratings, score) : score;
}

/** QUALIFY (README, function reference): one cell per lead, the rule's verdict or LEADSCORE's blank or defect text. */
export function qualify(ratings: unknown, minScore: unknown, gates?: unknown, weights?: unknown): OutGrid {
  const rule = readQualifyRule(minScore, gates, weights);
  const rows = ratingRows(ratings);
  const scoring = scoringOf(rule.weights);
  const verdict = verdictOf(rule);
  const out: OutGrid = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cell = rowScore(rows[r], scoring);
    out[r] = [typeof cell === 'number' ? verdict(rows[r], cell) : cell];
  }
  return out;
}
