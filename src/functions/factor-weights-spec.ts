/** FACTORWEIGHTS's entry in the custom-function table, and its documentation. */

import { DEFAULT_MINIMUM, factorWeights, NO_SEPARATION, WEIGHT_TOTAL } from '../core/factor-weights';
import { FACTOR_COUNT } from '../core/factors';
import type { FunctionDoc, FunctionSpec } from './function-spec';
import { OUTCOMES, OUTCOMES_DOC } from './score-auc-spec';

export const FACTORWEIGHTS: FunctionSpec = {
  name: 'FACTORWEIGHTS',
  params: [{ name: 'ratings' }, OUTCOMES, { name: 'minimum', optional: true, default: DEFAULT_MINIMUM }],
  run: factorWeights,
  outputShape: () => ({ rows: FACTOR_COUNT, cols: 1 }),
};

export function factorWeightsDoc(): FunctionDoc {
  return {
    name: 'FACTORWEIGHTS',
    summary: `The ten factor weights (summing to ${WEIGHT_TOTAL}) that the team's won and lost leads suggest.`,
    params: [
      {
        name: 'ratings',
        type: 'number[][]',
        help: 'One lead per row, ten ratings (as LEADSCORE); only leads with all ten whole numbers 1-5 are used.',
      },
      OUTCOMES_DOC,
      {
        name: 'minimum',
        type: 'number',
        help: 'Won leads and lost leads each needed first, a whole number 2 or more.',
      },
    ],
    returns: `Ten cells, one weight per factor: how much better won leads rate than lost ones over the pooled variance (0 if not better). Too few leads: "needs M won and M lost leads (has W won, L lost)" and nine blanks; likewise "${NO_SEPARATION}".`,
    example: {
      formula: '=FACTORWEIGHTS(Leads!H2:Q5, Leads!T2:T5, 2)',
      args: [
        [
          [1, 2, 3, 3, 2, 1, 3, 3, 3, 3],
          [2, 2, 3, 3, 3, 2, 3, 3, 3, 3],
          [4, 3, 3, 3, 3, 4, 3, 3, 3, 3],
          [5, 3, 3, 3, 2, 3, 3, 3, 3, 3],
        ],
        [['Won'], ['Won'], ['Lost'], ['Lost']],
        2,
      ],
    },
  };
}
