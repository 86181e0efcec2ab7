/**
 * The Check panel as the sidebar shows it (the sample workbook's numbers, rounded) and in its other states, and the
 * data the server sends for each (CheckData: the sample's closed leads).
 */

import type { CheckPanel } from '../../src/client/panels/check-model';
import { FACTOR_NAMES } from '../../src/core/factors';
import type { CheckData } from '../../src/shared/sidebar-api';

const CURRENT = [2, 1, 1, 2, 1, 1, 1, 2, 1, 1];
const SUGGESTED = [4.2165, 0, 2.9157, 0, 0.0444, 2.8234, 0, 0, 0, 0];

/** The sample: the suggestion beats the current weights, so it is offered. */
export const CHECK: CheckPanel = {
  factors: FACTOR_NAMES,
  bands: [
    { band: '75-100', closed: 0, won: 0, rate: null, low: null, high: null },
    { band: '50-75', closed: 24, won: 15, rate: 0.625, low: 0.427, high: 0.7884 },
    { band: '25-50', closed: 16, won: 4, rate: 0.25, low: 0.1018, high: 0.495 },
    { band: '0-25', closed: 0, won: 0, rate: null, low: null, high: null },
  ],
  ranking: { auc: 0.8083, low: 0.6699, high: 0.9467, won: 19, lost: 21 },
  weights: {
    status: 'ready',
    message: 'the suggested weights rank won leads above lost ones better, on leads they were not learned from',
    won: 19,
    lost: 21,
    minimum: 10,
    folds: 5,
    current: CURRENT,
    currentAuc: 0.8083,
    suggested: SUGGESTED,
    suggestedAuc: 0.9273,
    better: true,
  },
  fingerprint: 'shown-1',
};

/** A suggestion that does not beat the current weights on leads it was not learned from. */
export const CHECK_AS_GOOD: CheckPanel = {
  ...CHECK,
  weights: {
    ...CHECK.weights,
    message: 'the current weights are as good as the data can tell',
    current: SUGGESTED.map((w) => Math.round(w * 100) / 100),
    currentAuc: 0.9412,
    better: false,
  },
  fingerprint: 'shown-2',
};

/** Three won and twelve lost leads: no suggestion yet. */
export const CHECK_TOO_LITTLE: CheckPanel = {
  factors: FACTOR_NAMES,
  bands: [
    { band: '75-100', closed: 2, won: 2, rate: 1, low: 0.3424, high: 1 },
    { band: '50-75', closed: 5, won: 1, rate: 0.2, low: 0.0362, high: 0.6245 },
    { band: '25-50', closed: 8, won: 0, rate: 0, low: 0, high: 0.3244 },
    { band: '0-25', closed: 0, won: 0, rate: null, low: null, high: null },
  ],
  ranking: { auc: 0.9444, low: 0.8, high: 1, won: 3, lost: 12 },
  weights: {
    status: 'too little data',
    message: 'needs 10 won and 10 lost leads (has 3 won, 12 lost)',
    won: 3,
    lost: 12,
    minimum: 10,
    folds: 5,
    current: CURRENT,
    currentAuc: 0.9444,
    suggested: null,
    suggestedAuc: null,
    better: false,
  },
  fingerprint: 'shown-3',
};

/** The sample workbook's closed leads, as getCheckPanel sends them. */
const SAMPLE_CLOSED = [
  ...['L4332233323', 'L5152453213', 'W2212223431', 'L3323434323', 'W1313222334', 'L3234232223', 'L3223423222'],
  ...['W3434423343', 'W3421112342', 'W3233441323', 'W2234232113', 'L3532233323', 'W1224424233', 'L4254142343'],
  ...['L4342551124', 'W2221224313', 'W3333531334', 'W2332332433', 'L5243254233', 'L5254153323', 'W3224134344'],
  ...['L4452453322', 'W2413222322', 'L4232433423', 'L5152251244', 'L54515523-3', 'W2433432233', 'L3343143442'],
  ...['L4244544332', 'L4454152242', 'W3324434134', 'W2312114225', 'W3233434232', 'W2223212413', 'W1224224442'],
  ...['L5143543324', 'L3431434222', 'L5342242322', 'L4443452433', 'L4242243321', 'W3432534314'],
];

/** The sample's data: the panel computed from it shows CHECK's numbers (unrounded). */
export const CHECK_DATA: CheckData = {
  factors: FACTOR_NAMES,
  weights: CURRENT,
  closed: SAMPLE_CLOSED,
  fingerprint: 'shown-1',
};

/** The sample after applying the suggestion: the panel computed from it offers nothing more (as CHECK_AS_GOOD). */
export const CHECK_DATA_APPLIED: CheckData = {
  ...CHECK_DATA,
  weights: [4.22, 0, 2.92, 0, 0.04, 2.82, 0, 0, 0, 0],
  fingerprint: 'shown-2',
};

/** Three won and twelve lost leads, all rated: no suggestion yet (as CHECK_TOO_LITTLE). */
export const CHECK_DATA_TOO_LITTLE: CheckData = {
  ...CHECK_DATA,
  closed: [
    ...SAMPLE_CLOSED.filter((lead) => lead[0] === 'W').slice(0, 3),
    ...SAMPLE_CLOSED.filter((lead) => lead[0] === 'L' && !lead.includes('-')).slice(0, 12),
  ],
  fingerprint: 'shown-3',
};
