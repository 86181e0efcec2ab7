/** SWEETSPOT's entry in the custom-function table, and its documentation. */

import { SWEETSPOT_DEFAULT_MODE, SWEETSPOT_MODES, sweetSpot } from '../core/sweet-spot';
import { chosenOption, type FunctionDoc, type FunctionSpec, type ParamSpec } from './function-spec';

const MODE: ParamSpec = {
  name: 'mode',
  optional: true,
  choices: SWEETSPOT_MODES,
  default: SWEETSPOT_DEFAULT_MODE,
};

export const SWEETSPOT: FunctionSpec = {
  name: 'SWEETSPOT',
  params: [
    { name: 'sales' },
    { name: 'marketing' },
    { name: 'market', optional: true },
    { name: 'threshold', optional: true },
    MODE,
  ],
  run: sweetSpot,
  outputShape: ([sales, , , , mode]) => {
    const chosen = chosenOption(MODE, mode);
    if (chosen === 'overlap') return { rows: 1, cols: 1 };
    return { rows: sales?.rows ?? 1, cols: sales?.cols ?? 1 };
  },
};

export function sweetSpotDoc(): FunctionDoc {
  return {
    name: 'SWEETSPOT',
    summary:
      'Labels each market segment by whether sales and marketing both work it (Sweet spot), one of them does, or nobody does; or gives their overlap 0-100.',
    params: [
      {
        name: 'sales',
        type: 'number[][]',
        help: 'What sales landed per segment (e.g. deals won in 12 months), one cell per segment in any layout: a column, a row or a grid such as price x complexity. Numbers 0 or more; blank is 0.',
      },
      {
        name: 'marketing',
        type: 'number[][]',
        help: 'Marketing effort per segment (spend, contacts or campaigns), in the same layout as sales. Numbers 0 or more; blank is 0.',
      },
      {
        name: 'market',
        type: '(boolean|string|number)[][]',
        help: 'Which segments are the target market, in the same layout: a ticked checkbox (TRUE) for in, as the Segments tab\'s In market column holds it (1, "yes" and "x" count too); unticked, blank, 0 or "no" for out. Omitted, every segment is in the market.',
      },
      {
        name: 'threshold',
        type: 'number',
        help: 'The share of all sales, or of all marketing, from which a segment counts as worked: a number between 0 and 1. Omitted, 1/(2N) for N segments, half of an even share.',
      },
      {
        name: 'mode',
        type: 'string',
        help: '"label": one label per segment. "overlap": one number, 0-100, how much of the sales and the marketing effort meet in the target market.',
      },
    ],
    returns:
      'label: the layout of sales, each segment in the market labelled Sweet spot (sales and marketing shares both at or above the threshold), Uncaptured lead (marketing only), Lead deficit (sales only) or White spot (neither), and each segment outside it Ineffective strategy (either share at or above) or blank. A segment with both sales and marketing blank that is not marked in the market is blank and not counted in N. overlap: 100 x the sum over the target market of the smaller of the two shares.',
    example: {
      formula: '=SWEETSPOT(Segments!E2:E7, Segments!F2:F7, Segments!D2:D7)',
      args: [
        [[12], [0], [9], [1], [0], [4]],
        [[10], [9], [1], [0], [0], [6]],
        [['x'], ['x'], ['x'], ['x'], ['x'], ['']],
      ],
    },
  };
}
