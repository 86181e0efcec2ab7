/**
 * The outcome rules SCOREAUC, SCOREBANDS, FACTORWEIGHTS and the Check panel share (README, function reference): a
 * lead is closed when its outcome reads Won or Lost (trimmed, any case); anything else is an open or unknown lead
 * and is skipped, never an error. A score that is not a finite number (blank, an `incomplete`/`invalid` text) is
 * skipped too.
 */

import { describeShape, type Grid, StructuralError, toGrid, toNumber } from './cells';
import { LEAD_STATUS } from './lead-statuses';

/** What an outcome cell says: a won lead, a lost one, or one that is open or unknown (skipped). */
export const WON = 1;
export const LOST = 0;
export const OPEN = -1;
export type Outcome = typeof WON | typeof LOST | typeof OPEN;

const WON_TEXT = LEAD_STATUS.won;
const LOST_TEXT = LEAD_STATUS.lost;
const WON_KEY = WON_TEXT.toLowerCase();
const LOST_KEY = LOST_TEXT.toLowerCase();
const WON_INITIAL = WON_KEY.charCodeAt(0);
const LOST_INITIAL = LOST_KEY.charCodeAt(0);

/** The outcome of one cell: `Won`/`Lost` trimmed and in any case; anything else (blank, `New`, TRUE, 1) is open. */
export function readOutcome(cell: unknown): Outcome {
  // The usual spellings first: no trimming or case folding for the common case.
  if (cell === WON_TEXT) return WON;
  if (cell === LOST_TEXT) return LOST;
  if (typeof cell !== 'string' || cell.length < 3) return OPEN;
  // Open statuses (New, Qualified, Disqualified) start with a letter other than won's and lost's: no trimming or
  // case folding needed to see it (| 0x20 folds an ASCII capital to its small letter).
  const first = cell.charCodeAt(0) | 0x20;
  if (first >= 0x61 && first <= 0x7a && first !== WON_INITIAL && first !== LOST_INITIAL) return OPEN;
  const text = cell.trim().toLowerCase();
  return text === WON_KEY ? WON : text === LOST_KEY ? LOST : OPEN;
}

/** A score cell as a number: a finite number, or text spelling one; `undefined` (skipped) for anything else. */
export function readScore(cell: unknown): number | undefined {
  // `x - x === 0` is the finite check without a global lookup (slow where the bundle runs in a vm context).
  if (typeof cell === 'number') return cell - cell === 0 ? cell + 0 : undefined;
  if (typeof cell === 'string') return toNumber(cell);
  return undefined;
}

/**
 * `value` as the outcomes of the leads of another argument that has `count` rows (`countWhat` names it, e.g.
 * `ratings (40 rows)`): a single column of `count` cells (a single cell for one lead), read as `grid[r][0]`. Any
 * other shape is a structural error that says what was expected and what was given.
 */
export function outcomeColumn(value: unknown, count: number, countWhat: string): Grid {
  const grid = toGrid(value, 'outcomes');
  if (grid[0].length === 1 && grid.length === count) return grid;
  throw new StructuralError(
    `outcomes must be a single column with one cell per lead, as many rows as ${countWhat}; got ${describeShape(grid)}`,
  );
}

/** The closed leads' scores, split by outcome. */
export interface ClosedScores {
  readonly won: Float64Array;
  readonly lost: Float64Array;
}

/**
 * Reads `scores` and `outcomes` (same-shape single columns, or single rows) into the closed leads' scores by outcome.
 * Open leads and scores that are not finite numbers are skipped; `accept` may skip further scores (out of range).
 */
export function readClosedScores(
  scores: unknown,
  outcomes: unknown,
  accept?: (score: number) => boolean,
): ClosedScores {
  const scoreGrid = toGrid(scores, 'scores');
  const outcomeGrid = toGrid(outcomes, 'outcomes');
  const across = scoreGrid[0].length > 1;
  if (across && scoreGrid.length > 1) {
    throw new StructuralError(
      `scores must be a single column or a single row, one cell per lead; got ${describeShape(scoreGrid)}`,
    );
  }
  if (outcomeGrid.length !== scoreGrid.length || outcomeGrid[0].length !== scoreGrid[0].length) {
    throw new StructuralError(
      `outcomes must have one cell per score, in the shape of scores (${describeShape(scoreGrid)}); got ${describeShape(outcomeGrid)}`,
    );
  }
  const count = across ? scoreGrid[0].length : scoreGrid.length;
  const won = new Float64Array(count);
  const lost = new Float64Array(count);
  let w = 0;
  let l = 0;
  for (let i = 0; i < count; i++) {
    const outcome = readOutcome(across ? outcomeGrid[0][i] : outcomeGrid[i][0]);
    if (outcome === OPEN) continue;
    const score = readScore(across ? scoreGrid[0][i] : scoreGrid[i][0]);
    if (score === undefined || (accept !== undefined && !accept(score))) continue;
    if (outcome === WON) won[w++] = score;
    else lost[l++] = score;
  }
  return { won: won.subarray(0, w), lost: lost.subarray(0, l) };
}
