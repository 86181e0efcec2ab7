/** Check panel data as the server sends it (the sample workbook's numbers), and its other states. */

import { FACTOR_NAMES } from '../../src/core/factors';
import type { CheckPanel } from '../../src/shared/sidebar-api';

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
