/**
 * The Check panel's test of the scoring model: do the current weights or the weights FACTORWEIGHTS suggests rank won
 * leads above lost ones better, judged on leads the suggestion was not learned from?
 *
 * The leads are the eligible ones: closed (Won or Lost) with all ten ratings whole numbers 1..5. A lead's fold is
 * its position among them modulo 5 (deterministic: the same sheet gives the same folds). Weights learned by
 * FACTORWEIGHTS' rule on the other four folds score each fold; the out-of-fold scores of all leads are then pooled
 * and their AUC computed once (pooled rather than the mean of five per-fold AUCs: a fold holds a fifth of the leads,
 * often too few won or lost ones for an AUC of its own, and every learned weight set sums to 10, so all the scores
 * are on the same 0-100 scale and rank against each other).
 * The current weights are fixed, not learned, so their out-of-fold scores are their scores and their
 * cross-validated AUC is their plain AUC on the same leads.
 */

import {
  type ClassSums,
  emptySums,
  learnWeights,
  NO_SEPARATION,
  needsText,
  readAllRatings,
  readMinimum,
  readRatedLeads,
} from './factor-weights';
import { FACTOR_COUNT, WORST_RATING } from './factors';
import { OPEN, readOutcome, WON } from './outcomes';
import { rankAuc } from './score-auc';
import { percentPerStep, readWeights, relativeWeights } from './weights';

export const FOLDS = 5;
/** The least FACTORWEIGHTS' minimum allows: four folds with fewer won or lost leads teach nothing. */
const TRAINING_MINIMUM = 2;

/** The fold of the eligible lead at `position` (0-based, counting eligible leads only). */
export function foldOf(position: number): number {
  return position % FOLDS;
}

/** The eligible leads in sheet order, and the class sums per fold and over all of them. */
export interface EligibleLeads {
  readonly count: number;
  /** Ten ratings per lead, lead `k` at `[10k, 10k + 10)`. */
  readonly ratings: Uint8Array;
  /** 1 for a won lead, 0 for a lost one. */
  readonly won: Uint8Array;
  readonly folds: readonly ClassSums[];
  readonly total: ClassSums;
}

function addLead(stats: ClassSums, ratings: readonly number[], isWon: boolean): void {
  const base = isWon ? 0 : FACTOR_COUNT;
  if (isWon) stats.won++;
  else stats.lost++;
  for (let i = 0; i < FACTOR_COUNT; i++) {
    stats.sums[base + i] += ratings[i];
    stats.squares[base + i] += ratings[i] * ratings[i];
  }
}

/** Reads the ratings (LEADSCORE's layout) and outcomes (a column, one cell per lead) into the eligible leads. */
export function readEligibleLeads(ratings: unknown, outcomes: unknown): EligibleLeads {
  const { rows, outcomes: outcomeGrid } = readRatedLeads(ratings, outcomes);
  const stored = new Uint8Array(rows.length * FACTOR_COUNT);
  const won = new Uint8Array(rows.length);
  const folds = Array.from({ length: FOLDS }, emptySums);
  const total = emptySums();
  const buffer = new Array<number>(FACTOR_COUNT).fill(0);
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const outcome = readOutcome(outcomeGrid[r][0]);
    if (outcome === OPEN || !readAllRatings(rows[r], buffer)) continue;
    const isWon = outcome === WON;
    stored.set(buffer, count * FACTOR_COUNT);
    won[count] = isWon ? 1 : 0;
    addLead(folds[foldOf(count)], buffer, isWon);
    addLead(total, buffer, isWon);
    count++;
  }
  return { count, ratings: stored.subarray(0, count * FACTOR_COUNT), won: won.subarray(0, count), folds, total };
}

/** All eligible leads minus one fold's. */
function withoutFold(total: ClassSums, fold: ClassSums): ClassSums {
  const out = emptySums();
  out.won = total.won - fold.won;
  out.lost = total.lost - fold.lost;
  for (let i = 0; i < 2 * FACTOR_COUNT; i++) {
    out.sums[i] = total.sums[i] - fold.sums[i];
    out.squares[i] = total.squares[i] - fold.squares[i];
  }
  return out;
}

/** LEADSCORE's score of eligible lead `k` with weights `w` scaled by `scale` (`percentPerStep(w)`). */
function scoreLead(ratings: Uint8Array, k: number, w: ArrayLike<number>, scale: number): number {
  const o = k * FACTOR_COUNT;
  let sum = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) sum += w[i] * (WORST_RATING - ratings[o + i]);
  return sum * scale;
}

/** Each eligible lead's score under `weights` (LEADSCORE's formula, sum in factor order). */
export function scoresWith(leads: EligibleLeads, weights: readonly number[]): Float64Array {
  const w = relativeWeights(weights);
  const scale = percentPerStep(w);
  const scores = new Float64Array(leads.count);
  for (let k = 0; k < leads.count; k++) scores[k] = scoreLead(leads.ratings, k, w, scale);
  return scores;
}

/**
 * Each eligible lead's score under the weights learned without its fold, and those weights per fold. A fold whose
 * four others hold fewer than 2 won or 2 lost leads, or in which no factor separates them, has nothing learned
 * (`null`): its leads are scored with `fallback` (the current weights: without a suggestion, they stay).
 */
export function outOfFoldScores(
  leads: EligibleLeads,
  fallback: readonly number[],
): { scores: Float64Array; learned: (Float64Array | null)[] } {
  const learned = leads.folds.map((fold) => {
    const training = withoutFold(leads.total, fold);
    return training.won >= TRAINING_MINIMUM && training.lost >= TRAINING_MINIMUM ? learnWeights(training) : null;
  });
  const fallbackWeights = relativeWeights(fallback);
  const fallbackScale = percentPerStep(fallbackWeights);
  const scales = learned.map((w) => (w === null ? fallbackScale : percentPerStep(Array.from(w))));
  const scores = new Float64Array(leads.count);
  for (let k = 0; k < leads.count; k++) {
    const fold = foldOf(k);
    scores[k] = scoreLead(leads.ratings, k, learned[fold] ?? fallbackWeights, scales[fold]);
  }
  return { scores, learned };
}

/** The AUC of `scores` against the leads' outcomes; `null` without a won or a lost lead. */
export function aucOfScores(leads: EligibleLeads, scores: Float64Array): number | null {
  const won = new Float64Array(leads.total.won);
  const lost = new Float64Array(leads.total.lost);
  if (won.length === 0 || lost.length === 0) return null;
  let w = 0;
  let l = 0;
  for (let k = 0; k < leads.count; k++) {
    if (leads.won[k] === 1) won[w++] = scores[k];
    else lost[l++] = scores[k];
  }
  return rankAuc(won, lost);
}

export type CheckStatus = 'ready' | 'too little data' | 'no factor separates';

/** What the Check panel shows: plain numbers, texts and counts (nothing here is an error). */
export interface WeightCheck {
  /** `ready`, or why there is no suggestion. */
  readonly status: CheckStatus;
  /** One sentence for the panel: the needs text, the no-separation text, or the verdict. */
  readonly message: string;
  /** Eligible leads (closed, all ten ratings valid): what every figure rests on. */
  readonly won: number;
  readonly lost: number;
  /** Won and lost leads each needed for a suggestion. */
  readonly minimum: number;
  readonly folds: number;
  /** The current weights as read (ten numbers). */
  readonly current: readonly number[];
  /** The current weights' AUC on the eligible leads (equal to its cross-validated AUC); null without won or lost. */
  readonly currentAuc: number | null;
  /** FACTORWEIGHTS on all eligible leads (ten weights summing to 10); null unless ready. */
  readonly suggested: readonly number[] | null;
  /** Pooled out-of-fold AUC of the learned weights; null unless ready. */
  readonly suggestedAuc: number | null;
  /** Folds scored with the current weights because nothing could be learned without them. */
  readonly foldsWithoutLearning: number;
  /** Offer the suggestion: ready and its cross-validated AUC beats the current weights'. */
  readonly better: boolean;
}

export const AS_GOOD = 'the current weights are as good as the data can tell';
export const BETTER =
  'the suggested weights rank won leads above lost ones better, on leads they were not learned from';

/**
 * Cross-validates the current weights against FACTORWEIGHTS' suggestion on the closed leads. `ratings` and `outcomes`
 * as FACTORWEIGHTS takes them (rows of ten ratings, a column of Won/Lost/other), `weights` as LEADSCORE takes them,
 * `minimum` as FACTORWEIGHTS' (default 10). Bad arguments throw FACTORWEIGHTS' and LEADSCORE's structural errors.
 */
export function checkWeights(ratings: unknown, outcomes: unknown, weights?: unknown, minimum?: unknown): WeightCheck {
  const current = readWeights(weights);
  const least = readMinimum(minimum);
  const leads = readEligibleLeads(ratings, outcomes);
  const { won, lost } = leads.total;
  const currentAuc = won > 0 && lost > 0 ? aucOfScores(leads, scoresWith(leads, current)) : null;
  const base = { won, lost, minimum: least, folds: FOLDS, current: [...current], currentAuc };
  const none = { suggested: null, suggestedAuc: null, foldsWithoutLearning: 0, better: false };
  if (won < least || lost < least) {
    return { ...base, ...none, status: 'too little data', message: needsText(least, won, lost) };
  }
  const suggested = learnWeights(leads.total);
  if (suggested === null) return { ...base, ...none, status: 'no factor separates', message: NO_SEPARATION };
  const { scores, learned } = outOfFoldScores(leads, current);
  const suggestedAuc = aucOfScores(leads, scores);
  const better = suggestedAuc !== null && currentAuc !== null && suggestedAuc > currentAuc;
  return {
    ...base,
    status: 'ready',
    message: better ? BETTER : AS_GOOD,
    suggested: Array.from(suggested),
    suggestedAuc,
    foldsWithoutLearning: learned.filter((w) => w === null).length,
    better,
  };
}
