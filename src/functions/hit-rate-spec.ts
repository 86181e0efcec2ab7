/** HITRATE's entry in the custom-function table, and its documentation. */

import { DEFAULT_CONFIDENCE, hitRate, RESULT_COLUMNS } from '../core/hit-rate';
import type { FunctionDoc, FunctionSpec } from './function-spec';

export const HITRATE: FunctionSpec = {
  name: 'HITRATE',
  params: [{ name: 'won' }, { name: 'lost' }, { name: 'confidence', optional: true, default: DEFAULT_CONFIDENCE }],
  run: hitRate,
  outputShape: ([won]) => {
    const rows = won?.rows ?? 1;
    const cols = won?.cols ?? 1;
    return rows === 1 && cols > 1 ? { rows: RESULT_COLUMNS, cols } : { rows, cols: RESULT_COLUMNS };
  },
};

export function hitRateDoc(): FunctionDoc {
  return {
    name: 'HITRATE',
    summary:
      "Honest win rates: each rep's rate with a confidence interval, and whether it differs from the team's beyond luck (3-sigma p-chart).",
    params: [
      {
        name: 'won',
        type: 'number[][]',
        help: 'Deals won per rep (or segment, or campaign): a single column, or a single row. Whole numbers 0 or more; blank is 0.',
      },
      {
        name: 'lost',
        type: 'number[][]',
        help: 'Deals lost, in the same shape as won. Whole numbers 0 or more; blank is 0.',
      },
      {
        name: 'confidence',
        type: 'number',
        help: 'Confidence level of the interval, a number between 0 and 1.',
      },
    ],
    returns:
      'Four cells per rep: rate (won / (won + lost)), low and high (Wilson score interval), and vs team: above or below when the rate lies outside the pooled team rate +- 3 sigma for that rep\'s number of deals, else within (common-cause variation: nobody to praise or blame). A column gives one row per rep; a row gives one column under each rep. No deals gives four blanks; a count that is not a whole number 0 or more gives "invalid won: ..." or "invalid lost: ..." in the first cell and is left out of the team rate.',
    example: {
      formula: '=HITRATE(Team!B2:B5, Team!C2:C5)',
      args: [
        [[81], [15], [0], [1]],
        [[182], [133], [20], [28]],
      ],
    },
  };
}
