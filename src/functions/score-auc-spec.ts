/** SCOREAUC's entry in the custom-function table and its documentation, and the parameters it shares with SCOREBANDS and FACTORWEIGHTS. */

import { DEFAULT_CONFIDENCE } from '../core/hit-rate';
import { NEEDS_BOTH, scoreAuc } from '../core/score-auc';
import type { FunctionDoc, FunctionSpec, ParamDoc, ParamSpec } from './function-spec';

export const SCORES: ParamSpec = { name: 'scores' };

export const OUTCOMES: ParamSpec = { name: 'outcomes' };

export const CONFIDENCE: ParamSpec = { name: 'confidence', optional: true, default: DEFAULT_CONFIDENCE };

/** One row: auc, low, high, won, lost. */
const AUC_COLUMNS = 5;

export const SCOREAUC: FunctionSpec = {
  name: 'SCOREAUC',
  params: [SCORES, OUTCOMES, CONFIDENCE],
  run: scoreAuc,
  outputShape: () => ({ rows: 1, cols: AUC_COLUMNS }),
};

export const SCORES_DOC: ParamDoc = {
  name: 'scores',
  type: 'number[][]',
  help: 'One score per lead (the Score column), a single column or row; a cell that is not a number is skipped.',
};

export const OUTCOMES_DOC: ParamDoc = {
  name: 'outcomes',
  type: 'string[][]',
  help: 'One status per lead (the Status column), a cell per score or row of ratings: Won or Lost (any case) is a closed lead, anything else open and skipped.',
};

export const CONFIDENCE_DOC: ParamDoc = {
  name: 'confidence',
  type: 'number',
  help: 'Confidence level of the interval, between 0 and 1.',
};

/** The closed and open leads SCOREAUC's and SCOREBANDS's examples score. */
export const SCORED_LEADS_EXAMPLE: readonly unknown[] = [
  [[92.5], [80], [75], [67.5], [55], [50], [42.5], ['incomplete 9/10 rated: Competition']],
  [['Won'], ['Won'], ['Lost'], ['Won'], ['Lost'], ['New'], ['Lost'], ['Won']],
];

export function scoreAucDoc(): FunctionDoc {
  return {
    name: 'SCOREAUC',
    summary: 'Does the score rank won leads above lost ones? The AUC with its interval: 0.5 is a coin toss, 1 perfect.',
    params: [SCORES_DOC, OUTCOMES_DOC, CONFIDENCE_DOC],
    returns: `One row: auc (share of won-lost pairs where the won lead scores higher, ties half), low and high (Hanley-McNeil interval), won, lost. Without won or lost leads: "${NEEDS_BOTH}", two blanks, won, lost.`,
    example: { formula: '=SCOREAUC(Leads!R2:R9, Leads!T2:T9)', args: SCORED_LEADS_EXAMPLE },
  };
}
