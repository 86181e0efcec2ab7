import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { factorWeights } from '../../src/core/factor-weights';
import { hitRate } from '../../src/core/hit-rate';
import { kpiSignal } from '../../src/core/kpi-signal';
import { kpiStatus } from '../../src/core/kpi-status';
import { leadScore } from '../../src/core/lead-score';
import { profileGap } from '../../src/core/profile-gap';
import { qualify } from '../../src/core/qualify';
import { scoreAuc } from '../../src/core/score-auc';
import { scoreBands } from '../../src/core/score-bands';
import { sweetSpot } from '../../src/core/sweet-spot';
import { FUNCTION_TABLE } from '../../src/functions/function-table';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';

const context = loadBundle();
const column = (values: unknown[]) => values.map((v) => [v]);
/** A Date of the script's own realm, as Sheets hands date cells to Apps Script. */
const scriptDate = (): Date => vm.runInContext('new Date(2024, 0, 2)', context);

const PROFILES = [
  ['Enterprise', 1, 1, 1, 1, 3, 2, 2, 1, 3, 1],
  ['Small shop', 3, 3, 2, 5, 1, 1, 1, 4, 2, 3],
  ['Unfinished', 2, 2, '', 2, 2, 2, 2, 2, 2, 2],
];
const CAMPAIGNS = [
  [1, 2, 1, 1, 3, 2, 2, 1, 3, 1],
  [3, 3, 2, 4, 2, 1, 2, 4, 3, 3.5],
  ['', '', '', '', '', '', '', '', '', ''],
  [2, '3', 1, 4, 2, 9, 2, 3, 3, 2],
];
const WEIGHTS = column([2, 1, 1, 0.5, 1, 1, 1, 1, 1, 0]);
const SCORES = column([90, 75, 'incomplete 9/10 rated: Competition', 40, 75, '']);
const OUTCOMES = column(['Won', 'Lost', 'Won', ' lost ', 'WON', 'Lost']);
const LOG_KPIS = column(['Calls', 'Calls', 'Win rate', 'calls ', 'Calls', 'Calls', '', 'Calls']);
const LOG_VALUES = column([40, 42, 0.3, 38, 45, 41, 99, 70]);

/** Each function with argument lists covering its modes, shapes and defects; the bundle must agree with the core. */
const CALLS: [string, (...args: unknown[]) => unknown, unknown[][]][] = [
  ['LEADSCORE', leadScore, [[CAMPAIGNS.slice(0, 3)], [CAMPAIGNS, WEIGHTS]]],
  [
    'PROFILEGAP',
    profileGap,
    [
      [PROFILES, CAMPAIGNS],
      [PROFILES, CAMPAIGNS, WEIGHTS],
      [CAMPAIGNS, PROFILES, '', 'best'],
      [PROFILES.slice(0, 1), CAMPAIGNS, '', 'gap'],
      [PROFILES, CAMPAIGNS.slice(1, 2), WEIGHTS, 'verdict'],
    ],
  ],
  [
    'SWEETSPOT',
    sweetSpot,
    [
      [column([12, 0, 9, 1, 0, 4]), column([10, 9, 1, 0, 0, 6]), column(['x', 'x', 'x', 'x', 'x', ''])],
      [
        [
          [12, 0],
          [9, ''],
        ],
        [
          [10, 9],
          [1, ''],
        ],
        '',
        0.2,
      ],
      [column([1, 1, 0]), column([1, 1, 2]), column([true, 'yes', false]), '', 'overlap'],
    ],
  ],
  [
    'HITRATE',
    hitRate,
    [
      [column([81, 15, 0, 1, '', 'x']), column([182, 133, 20, 28, '', 3])],
      [[[81, 15, 0]], [[182, 133, 20]], 0.9],
    ],
  ],
  [
    'KPISTATUS',
    kpiStatus,
    [
      [column([42, 0.18, 12, '', 'n/a']), column([40, 0.2, 10, 5, 1]), column(['higher', 'HIGHER', 'lower', '', 'up'])],
      [[[1, 5]], [[2, 2]], 'lower'],
    ],
  ],
  [
    'SCOREAUC',
    scoreAuc,
    [
      [SCORES, OUTCOMES],
      [[[80, 60, 60, 20]], [['Won', 'Lost', 'Won', 'lost']], 0.9],
      [SCORES, column(['Won', '', '', '', '', ''])],
    ],
  ],
  [
    'SCOREBANDS',
    scoreBands,
    [
      [SCORES, OUTCOMES],
      [SCORES, OUTCOMES, 50, 0.9],
      [SCORES, OUTCOMES, [[20, 40, 80]]],
      [SCORES, OUTCOMES, column(['10', 90]), ''],
    ],
  ],
  [
    'FACTORWEIGHTS',
    factorWeights,
    [
      [CAMPAIGNS.slice(0, 2), column(['Won', 'Lost']), 2],
      [[...CAMPAIGNS, ...CAMPAIGNS.slice(0, 2)], column(['Won', 'Lost', 'Won', 'Lost', 'Lost', 'Won']), 2],
      [CAMPAIGNS, column(['Won', 'Lost', 'Won', 'Lost'])],
    ],
  ],
  [
    'QUALIFY',
    qualify,
    [
      [CAMPAIGNS, 60],
      [CAMPAIGNS, '55', column([2, '', '', 4, '', '', '', '', '', '']), WEIGHTS],
      [column(CAMPAIGNS[0]), 0, [[1, 1, 1, 1, 1, 1, 1, 1, 1, '']]],
    ],
  ],
  [
    'KPISIGNAL',
    kpiSignal,
    [
      [column(['Calls', '', 'Win rate']), LOG_KPIS, LOG_VALUES],
      ['calls', LOG_KPIS, LOG_VALUES, ''],
    ],
  ],
];

describe('the custom functions through the built bundle', () => {
  it('covers every function of the table', () => {
    expect(CALLS.map(([name]) => name)).toEqual(FUNCTION_TABLE.map((s) => s.name));
  });

  describe.each(CALLS)('%s', (name, core, argLists) => {
    it.each(argLists.map((args, i) => [i + 1, args] as const))(
      'gives the same answer as the core (call %i)',
      (_i, args) => {
        // The runtime turns an argument left empty into an omitted one before the core sees it.
        const coreArgs = args.map((a) => (a === '' ? undefined : a));
        expect(callTopLevel(context, name, ...args)).toEqual(core(...coreArgs));
      },
    );
  });

  it('also reads ranges built inside the script context', () => {
    const won = vm.runInContext('[[3], [5], [""]]', context);
    const lost = vm.runInContext('[[7], ["5"], [""]]', context);
    expect(callTopLevel(context, 'HITRATE', won, lost)).toEqual(hitRate(column([3, 5, '']), column([7, 5, ''])));
  });
});

describe('a Date made in the script context reads as a date', () => {
  it('PROFILEGAP: an invalid factor', () => {
    const row = [1, 1, 1, 1, 1, scriptDate(), 1, 1, 1, 1];
    expect(scriptDate() instanceof Date).toBe(false);
    expect(callTopLevel(context, 'PROFILEGAP', [row], [CAMPAIGNS[0]])).toEqual([
      ['invalid Interest: a date (number 1-5)'],
    ]);
  });

  it('SWEETSPOT: a structural error naming the cell', () => {
    expect(() => callTopLevel(context, 'SWEETSPOT', column([1, scriptDate()]), column([1, 1]))).toThrow(
      'SWEETSPOT: sales row 2, column 1 is a date; expected a number 0 or more',
    );
  });

  it('HITRATE: an invalid count', () => {
    expect(callTopLevel(context, 'HITRATE', scriptDate(), 3)).toEqual([
      ['invalid won: a date (whole number 0 or more)', '', '', ''],
    ]);
  });

  it('KPISTATUS: an invalid actual', () => {
    expect(callTopLevel(context, 'KPISTATUS', scriptDate(), 3)).toEqual([['invalid actual: a date (number)']]);
  });
});

describe('structural errors through the bundle', () => {
  it.each([
    ['PROFILEGAP', [[[1, 2, 3]], CAMPAIGNS], /^PROFILEGAP: profiles must have 10 columns/],
    [
      'PROFILEGAP',
      [PROFILES, CAMPAIGNS, '', 'gap'],
      /^PROFILEGAP: mode "gap" compares one profile with many campaigns/,
    ],
    ['SWEETSPOT', [column([1, 2]), column([1])], /^SWEETSPOT: marketing must have the same shape as sales/],
    ['HITRATE', [1, 2, 95], /^HITRATE: confidence must be a single number between 0 and 1/],
    ['KPISTATUS', [1, 2, 'up'], /^KPISTATUS: direction must be one of "higher", "lower"; got "up"$/],
  ])('%s shows its message under its name', (name, args, message) => {
    expect(() => callTopLevel(context, name, ...args)).toThrow(message);
  });
});
