/** PROFILEGAP's entry in the custom-function table, and its documentation. */

import { FACTOR_COUNT } from '../core/factors';
import { PROFILEGAP_DEFAULT_MODE, PROFILEGAP_MODES, profileGap } from '../core/profile-gap';
import { type ArgShape, chosenOption, type FunctionDoc, type FunctionSpec, type ParamSpec } from './function-spec';

/** How many vectors an argument of this size holds: a single column of ten cells is one. */
function vectorCount(arg: ArgShape | undefined): number {
  if (!arg) return 1;
  return arg.rows === FACTOR_COUNT && arg.cols === 1 ? 1 : arg.rows;
}

const MODE: ParamSpec = {
  name: 'mode',
  optional: true,
  choices: PROFILEGAP_MODES,
  default: PROFILEGAP_DEFAULT_MODE,
};

export const PROFILEGAP: FunctionSpec = {
  name: 'PROFILEGAP',
  params: [{ name: 'profiles' }, { name: 'campaigns' }, { name: 'weights', optional: true }, MODE],
  run: profileGap,
  outputShape: ([profiles, campaigns, , mode]) => {
    const p = vectorCount(profiles);
    const c = vectorCount(campaigns);
    const chosen = chosenOption(MODE, mode);
    if (chosen === 'gap' || chosen === 'verdict') return { rows: p === 1 ? c : p, cols: FACTOR_COUNT };
    if (chosen === 'best') return { rows: p, cols: 1 };
    return { rows: p, cols: c };
  },
};

export function profileGapDoc(): FunctionDoc {
  return {
    name: 'PROFILEGAP',
    summary:
      'Compares ten-factor target vectors (profiles, campaigns or leads): match % for every pair, gaps or verdicts per factor, or the best match.',
    params: [
      {
        name: 'profiles',
        type: '(string|number)[][]',
        help: 'One vector per row: ten values from Maturity to Purchase history, each a number 1-5 (decimals allowed), or eleven columns with a name first. A single column of ten cells is one vector. Leads work too.',
      },
      {
        name: 'campaigns',
        type: '(string|number)[][]',
        help: 'The vectors to compare with, laid out the same way (10 columns, or 11 with a name first).',
      },
      {
        name: 'weights',
        type: 'number[][]',
        help: 'Ten non-negative weights as a row or a column (the Factors tab); omitted, every factor weighs 1. A factor weighted 0 may be left blank.',
      },
      {
        name: 'mode',
        type: 'string',
        help: '"match": one row per profile, one column per campaign, 100 meaning identical. "gap": campaign minus profile for each factor, one row of ten per pair, for one profile against many campaigns or many profiles against one campaign. "verdict": like "gap", each factor aligned (gap within 1 either way), wasted (campaign more than 1 above: it works on a weakness the profile does not have) or missed (more than 1 below: it ignores a weakness the profile has). "best": for each profile, the name of the closest campaign (its position when unnamed); ties go to the first.',
      },
    ],
    returns:
      'match: 0-100 per pair, not rounded; gap and verdict: ten cells per pair (blank where a factor weighted 0 is blank); best: one cell per profile. A blank row gives blanks; a row with a defect gives its "incomplete" or "invalid" text (a profile\'s before a campaign\'s). In best, blank or defective campaigns are skipped; when none is valid the cell says so (it stays blank while no campaign is entered).',
    example: {
      formula: '=PROFILEGAP(Profiles!C2:L3, Campaigns!G2:P4)',
      args: [
        [
          [2, 2, 1, 1, 3, 2, 2, 3, 3, 2],
          [1, 1, 1, 2, 1, 1, 1, 2, 2, 1],
        ],
        [
          [2, 2, 1, 1, 3, 2, 2, 3, 3, 2],
          [3, 3, 2, 4, 2, 1, 2, 4, 3, 3.5],
          [1, 2, 1, 2, 1, 1, 2, 2, 2, 1],
        ],
      ],
    },
  };
}
