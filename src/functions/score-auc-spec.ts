/** SCOREAUC's entry in the custom-function table, and the parameters it shares with SCOREBANDS and FACTORWEIGHTS. */

import { DEFAULT_CONFIDENCE } from '../core/hit-rate';
import { NEEDS_BOTH, scoreAuc } from '../core/score-auc';
import type { FunctionSpec, ParamSpec } from './function-spec';

export const SCORES: ParamSpec = {
  name: 'scores',
  type: 'number[][]',
  help: 'One score per lead (the Score column), a single column or row; a cell that is not a number is skipped.',
};

export const OUTCOMES: ParamSpec = {
  name: 'outcomes',
  type: 'string[][]',
  help: 'One status per lead (the Status column), a cell per score or row of ratings: Won or Lost (any case) is a closed lead, anything else open and skipped.',
};

export const CONFIDENCE: ParamSpec = {
  name: 'confidence',
  type: 'number',
  optional: true,
  default: DEFAULT_CONFIDENCE,
  help: 'Confidence level of the interval, between 0 and 1.',
};

/** One row: auc, low, high, won, lost. */
const AUC_COLUMNS = 5;

export const SCOREAUC: FunctionSpec = {
  name: 'SCOREAUC',
  summary: 'Does the score rank won leads above lost ones? The AUC with its interval: 0.5 is a coin toss, 1 perfect.',
  params: [SCORES, OUTCOMES, CONFIDENCE],
  returns: `One row: auc (share of won-lost pairs where the won lead scores higher, ties half), low and high (Hanley-McNeil interval), won, lost. Without won or lost leads: "${NEEDS_BOTH}", two blanks, won, lost.`,
  example: {
    formula: '=SCOREAUC(Leads!R2:R9, Leads!T2:T9)',
    args: [
      [[92.5], [80], [75], [67.5], [55], [50], [42.5], ['incomplete 9/10 rated: Competition']],
      [['Won'], ['Won'], ['Lost'], ['Won'], ['Lost'], ['New'], ['Lost'], ['Won']],
    ],
  },
  run: scoreAuc,
  outputShape: () => ({ rows: 1, cols: AUC_COLUMNS }),
};
