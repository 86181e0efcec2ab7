/** SCOREAUC: does the score rank won leads above lost ones? The area under the ROC curve, with its interval. */

import type { OutGrid } from './cells';
import { readConfidence } from './hit-rate';
import { readClosedScores } from './outcomes';

export const NEEDS_BOTH = 'needs won and lost leads';

/**
 * The share of (won, lost) pairs where the won lead scores higher, ties counting one half (the Mann-Whitney U over
 * W x L). By sort and rank: both lists are sorted (in place: they are the caller's scratch) and walked once, so
 * O(n log n), never over all pairs. Both lists must be non-empty and hold finite numbers.
 */
export function rankAuc(won: Float64Array, lost: Float64Array): number {
  won.sort();
  lost.sort();
  const wonCount = won.length;
  const lostCount = lost.length;
  // Twice U, a whole number below 2^53 for any list Sheets can hold, so exact: no half is lost to rounding.
  let twiceU = 0;
  let below = 0; // lost scores strictly below the current won score
  let i = 0;
  while (i < wonCount) {
    const x = won[i];
    while (below < lostCount && lost[below] < x) below++;
    let tied = below;
    while (tied < lostCount && lost[tied] === x) tied++;
    let next = i + 1;
    while (next < wonCount && won[next] === x) next++;
    twiceU += (next - i) * (2 * below + (tied - below));
    i = next;
  }
  return twiceU / (2 * wonCount * lostCount);
}

/** Hanley and McNeil's (1982) standard error of an AUC `a` from `won` and `lost` leads. */
function hanleyMcNeilSe(a: number, won: number, lost: number): number {
  const a2 = a * a;
  const q1 = a / (2 - a);
  const q2 = (2 * a2) / (1 + a);
  // Both excesses are >= 0 in exact arithmetic (q1 - a^2 = a(1-a)^2/(2-a), q2 - a^2 = a^2(1-a)/(1+a)); rounding
  // could take one a hair below, so the sum is floored at 0.
  const variance = (a * (1 - a) + (won - 1) * (q1 - a2) + (lost - 1) * (q2 - a2)) / (won * lost);
  return Math.sqrt(Math.max(variance, 0));
}

/** One row: `auc, low, high, won, lost`; without won or lost leads, `needs won and lost leads, '', '', W, L`. */
export function scoreAuc(scores: unknown, outcomes: unknown, confidence?: unknown): OutGrid {
  const { won, lost } = readClosedScores(scores, outcomes);
  const z = readConfidence(confidence);
  const w = won.length;
  const l = lost.length;
  if (w === 0 || l === 0) return [[NEEDS_BOTH, '', '', w, l]];
  const auc = rankAuc(won, lost);
  const margin = z * hanleyMcNeilSe(auc, w, l);
  const low = auc - margin;
  const high = auc + margin;
  return [[auc, Math.max(low, 0), Math.min(high, 1), w, l]];
}
