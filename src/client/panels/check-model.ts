/**
 * The Check panel's numbers, computed in the browser from the closed leads the server sends (CheckData) by the cores
 * of LEADSCORE, SCOREBANDS, SCOREAUC and the cross-validation: the score bands, the AUC, and the current weights
 * against FACTORWEIGHTS' suggestion, each cross-validated.
 */

import { numberOrNull, type OutGrid } from '../../core/cells';
import { checkWeights, type WeightCheck } from '../../core/cross-validation';
import { FACTOR_COUNT } from '../../core/factors';
import { leadScore } from '../../core/lead-score';
import { LEAD_STATUS } from '../../core/lead-statuses';
import { scoreAuc } from '../../core/score-auc';
import { scoreBands } from '../../core/score-bands';
import type { ApplyWeightsRequest, CheckData } from '../../shared/sidebar-api';
import type { Wire } from '../bridge';

/** One SCOREBANDS row: a score band's closed leads, won leads and win rate with its Wilson interval. */
export interface ScoreBand {
  /** The band's edges as SCOREBANDS labels it, `75-100`. */
  readonly band: string;
  readonly closed: number;
  readonly won: number;
  /** Null (with low and high) when the band has no closed lead. */
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** SCOREAUC over the closed leads with a score: null auc (and low, high) without both a won and a lost lead. */
export interface ScoreRanking {
  readonly auc: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly won: number;
  readonly lost: number;
}

/** The current weights against FACTORWEIGHTS' suggestion, each cross-validated on the same closed leads. */
export type WeightsCheck = Omit<WeightCheck, 'foldsWithoutLearning'>;

export interface CheckPanel {
  /** The ten factor names, in factor order. */
  readonly factors: readonly string[];
  /** Best band first. */
  readonly bands: readonly ScoreBand[];
  readonly ranking: ScoreRanking;
  readonly weights: WeightsCheck;
  /** CheckData's fingerprint: the data these numbers come from. */
  readonly fingerprint: string;
}

function bandsOf(grid: OutGrid): ScoreBand[] {
  return grid.map(([band, closed, won, rate, low, high]) => ({
    band: String(band),
    closed: Number(closed),
    won: Number(won),
    rate: numberOrNull(rate),
    low: numberOrNull(low),
    high: numberOrNull(high),
  }));
}

/** A rating character back as a cell the cores read as the sheet's cell: a rating, blank, or an invalid text. */
const ratingCell = (char: string): number | string => (char === '-' ? '' : char === 'x' ? char : Number(char));

/** The panel's numbers from the closed leads and the weights, as the Score check tab computes them. */
export function checkPanelOf(data: Wire<CheckData>): CheckPanel {
  // No closed lead at all is one blank row: blank rows are skipped by every core, so the panel says "none yet".
  const closed = data.closed.length > 0 ? data.closed : [null];
  const ratings = closed.map((lead) =>
    lead === null ? new Array(FACTOR_COUNT).fill('') : Array.from(lead.slice(1), ratingCell),
  );
  const outcomes = closed.map((lead) => [lead === null ? '' : lead[0] === 'W' ? LEAD_STATUS.won : LEAD_STATUS.lost]);
  const weightColumn = data.weights.map((w) => [w]);
  // The Score column's formula, LEADSCORE(ratings, weights): the panel stays right while a typed value blocks that
  // column's spill, and after Apply it is redrawn without waiting for Sheets to recompute.
  const scores = leadScore(ratings, weightColumn);
  const [auc, low, high, won, lost] = scoreAuc(scores, outcomes)[0];
  const { foldsWithoutLearning: _, ...weights } = checkWeights(ratings, outcomes, weightColumn);
  return {
    factors: data.factors,
    bands: bandsOf(scoreBands(scores, outcomes)),
    ranking: {
      auc: numberOrNull(auc),
      low: numberOrNull(low),
      high: numberOrNull(high),
      won: Number(won),
      lost: Number(lost),
    },
    weights,
    fingerprint: data.fingerprint,
  };
}

/** What applying the suggestion sends: the data's fingerprint, the suggestion and both AUCs as shown; null unless offered. */
export function applyRequestOf(panel: CheckPanel): ApplyWeightsRequest | null {
  const { better, suggested, currentAuc, suggestedAuc } = panel.weights;
  if (!better || suggested === null || currentAuc === null || suggestedAuc === null) return null;
  return { fingerprint: panel.fingerprint, suggested, currentAuc, suggestedAuc };
}
