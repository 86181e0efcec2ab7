/** QUALIFY's entry in the custom-function table, and its documentation. */

import { qualify } from '../core/qualify';
import type { FunctionDoc, FunctionSpec } from './function-spec';
import { LEADSCORE } from './lead-score-spec';

export const QUALIFY: FunctionSpec = {
  name: 'QUALIFY',
  params: [
    { name: 'ratings' },
    { name: 'min_score' },
    { name: 'gates', optional: true },
    { name: 'weights', optional: true },
  ],
  run: qualify,
  // As LEADSCORE's: one cell per lead, a single column of ten cells being one lead.
  outputShape: ([ratings]) => LEADSCORE.outputShape([ratings]),
};

export function qualifyDoc(): FunctionDoc {
  return {
    name: 'QUALIFY',
    summary: "The team's qualification rule, the same for every lead: a minimum score and a worst rating per factor.",
    params: [
      {
        name: 'ratings',
        type: 'number[][]',
        help: 'One lead per row, ten ratings 1-5 (as LEADSCORE); a single column of ten is one lead.',
      },
      {
        name: 'min_score',
        type: 'number',
        help: 'The lowest score that qualifies (itself included), 0-100.',
      },
      {
        name: 'gates',
        type: 'number[][]',
        help: 'Ten cells, a row or a column: per factor blank (no gate) or the worst rating still acceptable, 1-5.',
      },
      {
        name: 'weights',
        type: 'number[][]',
        help: 'Ten weights as LEADSCORE takes them; omitted, every factor weighs 1.',
      },
    ],
    returns:
      'One cell per lead: qualified, or "not qualified: " and each failed gate, then the score ("Authority 4 (at most 2), score 55 (at least 60)"); blank for a blank row; LEADSCORE\'s text for a defect.',
    example: {
      formula: '=QUALIFY(Leads!H2:Q4, 60, Factors!E2:E11)',
      args: [
        [
          [1, 2, 1, 2, 2, 1, 2, 3, 2, 2],
          [2, 3, 4, 4, 3, 2, 3, 3, 4, 3],
          [1, 1, 1, 1, 1, 4, 4, 1, 1, 1],
        ],
        60,
        [[2], [''], [2], [''], [''], [3], [''], [''], [''], ['']],
      ],
    },
  };
}
