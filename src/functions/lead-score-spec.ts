/** LEADSCORE's entry in the custom-function table, and its documentation. */

import { FACTOR_COUNT } from '../core/factors';
import { leadScore } from '../core/lead-score';
import type { FunctionDoc, FunctionSpec } from './function-spec';

export const LEADSCORE: FunctionSpec = {
  name: 'LEADSCORE',
  params: [{ name: 'ratings' }, { name: 'weights', optional: true }],
  run: leadScore,
  outputShape: ([ratings]) => ({
    rows: ratings && ratings.rows === FACTOR_COUNT && ratings.cols === 1 ? 1 : (ratings?.rows ?? 1),
    cols: 1,
  }),
};

export function leadScoreDoc(): FunctionDoc {
  return {
    name: 'LEADSCORE',
    summary: 'Scores each lead 0-100 from its ten factor ratings (1 best, 5 worst); 100 is the perfect prospect.',
    params: [
      {
        name: 'ratings',
        type: 'number[][]',
        help: 'One lead per row, ten ratings from Maturity to Purchase history, each a whole number 1-5. A single column of ten cells is one lead.',
      },
      {
        name: 'weights',
        type: 'number[][]',
        help: 'Ten non-negative weights as a row or a column (the Factors tab); omitted, every factor weighs 1.',
      },
    ],
    returns:
      'One cell per lead: the score (0-100, not rounded), blank for a blank row, or a text starting with "incomplete" or "invalid" that names the defect.',
    example: {
      formula: '=LEADSCORE(H2:Q4)',
      args: [
        [
          [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
          [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
          [2, 3, '', 4, 2, 7, 2, 3, 3, 2],
        ],
      ],
    },
  };
}
