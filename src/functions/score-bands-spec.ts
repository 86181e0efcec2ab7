/** SCOREBANDS's entry in the custom-function table, and its documentation. */

import { isOmitted } from '../core/cells';
import { BAND_COLUMNS, DEFAULT_EDGES, scoreBands } from '../core/score-bands';
import type { ArgShape, FunctionDoc, FunctionSpec } from './function-spec';
import {
  CONFIDENCE,
  CONFIDENCE_DOC,
  OUTCOMES,
  OUTCOMES_DOC,
  SCORED_LEADS_EXAMPLE,
  SCORES,
  SCORES_DOC,
} from './score-auc-spec';

/** The edges an argument gives: its value when typed in the formula (left empty, the default ones), else one per cell. */
function edgeCount(edges: ArgShape | undefined): number {
  if (!edges || ('value' in edges && isOmitted(edges.value))) return DEFAULT_EDGES.length;
  return edges.rows * edges.cols;
}

export const SCOREBANDS: FunctionSpec = {
  name: 'SCOREBANDS',
  params: [SCORES, OUTCOMES, { name: 'edges', optional: true }, CONFIDENCE],
  run: scoreBands,
  outputShape: ([, , edges]) => ({ rows: edgeCount(edges) + 1, cols: BAND_COLUMNS }),
};

export function scoreBandsDoc(): FunctionDoc {
  return {
    name: 'SCOREBANDS',
    summary: 'Is a higher score really a better chance? The win rate of closed leads per score band, best band first.',
    params: [
      SCORES_DOC,
      OUTCOMES_DOC,
      {
        name: 'edges',
        type: 'number[][]',
        help: `Ascending numbers between 0 and 100 where bands meet: one value, a row or a column; omitted, ${DEFAULT_EDGES.join(', ')}. A score on an edge is in the band above.`,
      },
      CONFIDENCE_DOC,
    ],
    returns:
      'One row per band, the top first: band (e.g. 75-100), closed, won, win rate, low and high (Wilson interval). A band with no closed lead: its band, 0, 0 and three blanks.',
    example: { formula: '=SCOREBANDS(Leads!R2:R9, Leads!T2:T9)', args: SCORED_LEADS_EXAMPLE },
  };
}
