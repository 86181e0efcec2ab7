// SCOREAUC, SCOREBANDS, FACTORWEIGHTS, QUALIFY and KPISIGNAL through the built dist/Code.js in a bare vm context:
// hand-computed golden cases (the bundle agrees with them and with the core), open-ended ranges, dates of the script's
// realm, and structural errors as thrown Errors whose message starts with the function's name (Sheets' #ERROR!).

import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { factorWeights } from '../../src/core/factor-weights';
import { kpiSignal } from '../../src/core/kpi-signal';
import { qualify } from '../../src/core/qualify';
import { scoreAuc } from '../../src/core/score-auc';
import { scoreBands } from '../../src/core/score-bands';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';

const context = loadBundle();
const call = (name: string, ...args: unknown[]) => callTopLevel(context, name, ...args) as unknown[][];
const column = (values: readonly unknown[]) => values.map((v) => [v]);
/** `count` blank cells, as an open-ended range such as `R2:R` passes below the last filled row. */
const blanks = (count: number) => Array.from({ length: count }, () => '');
const blankRows = (count: number, width: number) => Array.from({ length: count }, () => blanks(width));
/** A Date of the script's own realm, as Sheets hands date cells to Apps Script. */
const scriptDate = (day: number): Date => vm.runInContext(`new Date(2024, 0, ${day})`, context);

/** z of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Wilson score interval, written out from its textbook formula (not the core's code). */
function wilsonByHand(won: number, n: number, z = Z95): [number, number] {
  const p = won / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const low = won === 0 ? 0 : (centre - spread) / (1 + (z * z) / n);
  const high = won === n ? 1 : (centre + spread) / (1 + (z * z) / n);
  return [low, high];
}

/** The Hanley-McNeil interval SCOREAUC's reference names, clipped to [0, 1]. */
function hanleyMcNeilByHand(a: number, w: number, l: number, z = Z95): [number, number] {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const se = Math.sqrt((a * (1 - a) + (w - 1) * (q1 - a * a) + (l - 1) * (q2 - a * a)) / (w * l));
  return [Math.max(0, a - z * se), Math.min(1, a + z * se)];
}

/** Expected rows, numbers compared to 12 digits, text and blanks exactly. */
function expectRows(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === 'number') expect(cell as number).toBeCloseTo(want, 12);
      else expect(cell).toBe(want);
    });
  });
}

// Won 92.5, 80, 67.5; lost 75, 55, 42.5, 30; skipped: an open lead, a defect text, a blank score.
const SCORES = [92.5, 80, 75, 67.5, 55, 50, 42.5, 30, 'incomplete 9/10 rated: Competition', '', 85];
const OUTCOMES = ['Won', ' won ', 'LOST', 'Won', 'Lost', 'Qualified', 'Lost', 'Lost', 'Won', 'Lost', 'New'];

describe('SCOREAUC through the bundle', () => {
  it('golden: 11 of 12 won-lost pairs ranked right, with the Hanley-McNeil interval', () => {
    const [low, high] = hanleyMcNeilByHand(11 / 12, 3, 4);
    const out = call('SCOREAUC', column(SCORES), column(OUTCOMES));
    expectRows(out, [[11 / 12, low, high, 3, 4]]);
    expect(out).toEqual(scoreAuc(column(SCORES), column(OUTCOMES)));
  });

  it('golden: ties count one half; a row of scores works as a column does', () => {
    // Won 50, 70; lost 50, 60: pairs (50,50) half, (50,60) 0, (70,50) 1, (70,60) 1 -> 2.5 / 4.
    const out = call('SCOREAUC', [[50, 70, 50, 60]], [['Won', 'Won', 'Lost', 'Lost']], 0.9);
    const [low, high] = hanleyMcNeilByHand(0.625, 2, 2, 1.6448536269514722);
    expectRows(out, [[0.625, low, high, 2, 2]]);
  });

  it('golden: every won lead above every lost one is 1, interval clipped at 1', () => {
    expect(call('SCOREAUC', column([90, 80, 20, 10]), column(['Won', 'Won', 'Lost', 'Lost']))[0].slice(0, 3)).toEqual([
      1, 1, 1,
    ]);
  });

  it('says what it needs without a won or a lost lead', () => {
    expect(call('SCOREAUC', column([90, 80, 70]), column(['Won', 'New', 'Won']))).toEqual([
      ['needs won and lost leads', '', '', 2, 0],
    ]);
  });

  it('reads an open-ended range: the blank rows below the leads change nothing', () => {
    const out = call('SCOREAUC', column([...SCORES, ...blanks(2000)]), column([...OUTCOMES, ...blanks(2000)]));
    expect(out).toEqual(call('SCOREAUC', column(SCORES), column(OUTCOMES)));
  });
});

describe('SCOREBANDS through the bundle', () => {
  it('golden: default edges 25, 50, 75, a score on an edge in the band above, a band with no closed lead', () => {
    const out = call('SCOREBANDS', column(SCORES), column(OUTCOMES));
    expectRows(out, [
      ['75-100', 3, 2, 2 / 3, ...wilsonByHand(2, 3)],
      ['50-75', 2, 1, 0.5, ...wilsonByHand(1, 2)],
      ['25-50', 2, 0, 0, ...wilsonByHand(0, 2)],
      ['0-25', 0, 0, '', '', ''],
    ]);
    expect(out).toEqual(scoreBands(column(SCORES), column(OUTCOMES)));
  });

  it('golden: edges as one number, a row and a column; 100 in the top band', () => {
    const scores = column([100, 60, 40, 0]);
    const outcomes = column(['Won', 'Lost', 'Won', 'Lost']);
    expectRows(call('SCOREBANDS', scores, outcomes, 50), [
      ['50-100', 2, 1, 0.5, ...wilsonByHand(1, 2)],
      ['0-50', 2, 1, 0.5, ...wilsonByHand(1, 2)],
    ]);
    const asRow = call('SCOREBANDS', scores, outcomes, [[30, 70]]);
    expect(asRow.map((row) => row.slice(0, 3))).toEqual([
      ['70-100', 1, 1],
      ['30-70', 2, 1],
      ['0-30', 1, 0],
    ]);
    expect(call('SCOREBANDS', scores, outcomes, column([30, 70]))).toEqual(asRow);
    expect(call('SCOREBANDS', scores, outcomes, [[30, 70]])).toEqual(scoreBands(scores, outcomes, [[30, 70]]));
  });

  it('reads an open-ended range: the blank rows below the leads change nothing', () => {
    const out = call('SCOREBANDS', column([...SCORES, ...blanks(2000)]), column([...OUTCOMES, ...blanks(2000)]));
    expect(out).toEqual(call('SCOREBANDS', column(SCORES), column(OUTCOMES)));
  });
});

// Factor 1 (Maturity): won 1, 2; lost 4, 5: d = 3, SS 0.5 + 0.5 over 4 - 2 = 0.5, raw 6.
// Factor 2 (Knowledge): won 2, 2; lost 3, 3: d = 1, v = 0 floored at 0.25, raw 4. The others are the same for all.
const RATED = [
  [1, 2, 3, 3, 3, 3, 3, 3, 3, 3],
  [2, 2, 3, 3, 3, 3, 3, 3, 3, 3],
  [4, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  [5, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, ''],
];
const RATED_OUTCOMES = ['Won', 'won', 'Lost', ' Lost ', 'Qualified', 'Won'];

describe('FACTORWEIGHTS through the bundle', () => {
  it('golden: the linear discriminant weights, summing to 10; open and incompletely rated leads skipped', () => {
    const out = call('FACTORWEIGHTS', RATED, column(RATED_OUTCOMES), 2);
    expectRows(out, column([6, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(out).toEqual(factorWeights(RATED, column(RATED_OUTCOMES), 2));
  });

  it('says how many leads it needs, under the default minimum of 10', () => {
    expect(call('FACTORWEIGHTS', RATED, column(RATED_OUTCOMES))).toEqual(
      column(['needs 10 won and 10 lost leads (has 2 won, 2 lost)', ...blanks(9)]),
    );
  });

  it('says so when no factor separates won from lost leads', () => {
    const same = [RATED[0], RATED[0], RATED[0], RATED[0]];
    expect(call('FACTORWEIGHTS', same, column(['Won', 'Won', 'Lost', 'Lost']), 2)).toEqual(
      column(['no factor separates won from lost leads', ...blanks(9)]),
    );
  });

  it('reads an open-ended range: the blank rows below the leads change nothing', () => {
    const out = call(
      'FACTORWEIGHTS',
      [...RATED, ...blankRows(2000, 10)],
      column([...RATED_OUTCOMES, ...blanks(2000)]),
      2,
    );
    expect(out).toEqual(call('FACTORWEIGHTS', RATED, column(RATED_OUTCOMES), 2));
  });
});

const LEADS = [
  [1, 2, 1, 2, 2, 1, 2, 3, 2, 2],
  [2, 3, 4, 4, 3, 2, 3, 3, 4, 3],
  [1, 1, 1, 1, 1, 4, 4, 1, 1, ''],
  ['', '', '', '', '', '', '', '', '', ''],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, ''],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 7],
];
const GATES = column([2, '', 2, '', '', 3, '', '', '', '']);
const WEIGHTS = column([2, 1, 2, 1, 1, 2, 1, 1, 1, 0]);

describe('QUALIFY through the bundle', () => {
  it('golden: qualified, every failed gate and the score, blanks and defects as LEADSCORE gives them', () => {
    // Lead 2 scores 100 * (3 * 2 + 2 + 1 * 2 + 1 + 2 + 3 * 2 + 2 + 2 + 1) / (4 * 12) = 50.
    const out = call('QUALIFY', LEADS, 60, GATES, WEIGHTS);
    expect(out).toEqual(
      column([
        'qualified',
        'not qualified: Authority 4 (at most 2), score 50 (at least 60)',
        'not qualified: Interest 4 (at most 3)',
        '',
        'qualified',
        'invalid Purchase history: 7 (whole number 1-5)',
      ]),
    );
    expect(out).toEqual(qualify(LEADS, 60, GATES, WEIGHTS));
  });

  it('golden: a score equal to min_score qualifies; scores in verdicts to one decimal', () => {
    const lead = [2, 2, 2, 2, 2, 2, 2, 2, 2, 3]; // 100 * 29 / 40 = 72.5
    expect(call('QUALIFY', [lead], 72.5)).toEqual([['qualified']]);
    expect(call('QUALIFY', column(lead), '80')).toEqual([['not qualified: score 72.5 (at least 80)']]);
    expect(call('QUALIFY', [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2]], 66.66)).toEqual([
      ['not qualified: score 52.5 (at least 66.7)'],
    ]);
  });

  it('reads an open-ended range: one blank cell per blank row below the leads', () => {
    const out = call('QUALIFY', [...LEADS, ...blankRows(2000, 10)], 60, GATES, WEIGHTS);
    expect(out).toEqual([...call('QUALIFY', LEADS, 60, GATES, WEIGHTS), ...column(blanks(2000))]);
  });
});

const KPIS = column(['Calls per week', '', 'Win rate', 'Proposals']);
const LOG = [
  ['Calls per week', 10],
  ['Win rate', 0.3],
  ['calls per week ', 12],
  ['Calls per week', 11],
  ['', 99],
  ['Calls per week', 'n/a'],
  ['Calls per week', 13],
  ['Proposals', 4],
  ['CALLS PER WEEK', 30],
];
const LOG_KPIS = column(LOG.map(([kpi]) => kpi));
const LOG_VALUES = column(LOG.map(([, value]) => value));

describe('KPISIGNAL through the bundle', () => {
  it('golden: centre, limits at 2.66 average moving ranges, a value above them; fewer than 5 values', () => {
    // Calls per week: 10, 12, 11, 13, 30: centre 15.2, mR (2 + 1 + 2 + 17) / 4 = 5.5, limits 15.2 -+ 14.63.
    const out = call('KPISIGNAL', KPIS, LOG_KPIS, LOG_VALUES);
    expectRows(out, [
      [15.2, 15.2 - 14.63, 15.2 + 14.63, 'signal: above the limits'],
      ['', '', '', ''],
      ['', '', '', 'needs 5 values (has 1)'],
      ['', '', '', 'needs 5 values (has 1)'],
    ]);
    expect(out).toEqual(kpiSignal(KPIS, LOG_KPIS, LOG_VALUES));
  });

  it('golden: 8 in a row below the centre, and routine variation', () => {
    const values = [10, 20, 10, 20, 10, 20, 10, 20, 14, 13, 14, 13, 14, 13, 14, 13];
    const names = column(values.map(() => 'Leads'));
    // Centre 228 / 16 = 14.25, mR 83 / 15: limits 14.25 -+ 14.72, and the last eight all below the centre.
    expectRows(call('KPISIGNAL', 'Leads', names, column(values)), [
      [14.25, 14.25 - (2.66 * 83) / 15, 14.25 + (2.66 * 83) / 15, 'signal: 8 in a row below the centre'],
    ]);
    // The first eight: centre 15, limits 15 -+ 26.6, four on each side.
    expectRows(call('KPISIGNAL', 'Leads', names.slice(0, 8), column(values.slice(0, 8))), [
      [15, 15 - 26.6, 15 + 26.6, 'routine variation'],
    ]);
  });

  it('orders the values by log_dates, Dates of the script realm included, rows without a date skipped', () => {
    const days: (number | null)[] = [null, 1, 3, 4, 1, 1, 5, 1, 0];
    const out = call(
      'KPISIGNAL',
      KPIS,
      LOG_KPIS,
      LOG_VALUES,
      column(days.map((d) => (d === null ? '' : scriptDate(d)))),
    );
    // Calls per week in date order: 30 (day 0), 12, 11, 13; the 10 has no date. Four values: no chart yet.
    expect(out[0]).toEqual(['', '', '', 'needs 5 values (has 4)']);
    const localDates = column(days.map((d) => (d === null ? '' : new Date(2024, 0, d))));
    expect(out).toEqual(kpiSignal(KPIS, LOG_KPIS, LOG_VALUES, localDates));
  });

  it('reads open-ended ranges: blank KPI rows give blank rows, blank log rows are skipped', () => {
    const out = call(
      'KPISIGNAL',
      [...KPIS, ...column(blanks(500))],
      [...LOG_KPIS, ...column(blanks(2000))],
      [...LOG_VALUES, ...column(blanks(2000))],
    );
    expect(out).toEqual([...call('KPISIGNAL', KPIS, LOG_KPIS, LOG_VALUES), ...blankRows(500, 4)]);
  });
});

describe('structural errors through the bundle: a thrown Error, its message under the function name', () => {
  it.each([
    [
      'SCOREAUC',
      [
        [
          [1, 2],
          [3, 4],
        ],
        [['Won'], ['Lost']],
      ],
      /^SCOREAUC: scores must be a single column or a single row/,
    ],
    ['SCOREAUC', [column([1, 2, 3]), column(['Won', 'Lost'])], /^SCOREAUC: outcomes must have one cell per score/],
    ['SCOREAUC', [1, 'Won', 95], /^SCOREAUC: confidence must be a single number between 0 and 1/],
    ['SCOREAUC', [1], /^SCOREAUC: outcomes is missing; use SCOREAUC\(scores, outcomes, \[confidence\]\)$/],
    [
      'SCOREBANDS',
      [1, 'Won', [[50, 25]]],
      /^SCOREBANDS: edges must be in ascending order, each above the one before; got 25 after 50$/,
    ],
    ['SCOREBANDS', [1, 'Won', 100], /^SCOREBANDS: edges must be numbers between 0 and 100 \(not 0 or 100\)/],
    ['SCOREBANDS', [1, 'Won', [[20, '', 80]]], /^SCOREBANDS: edges must be numbers between 0 and 100.*; got blank$/],
    [
      'SCOREBANDS',
      [
        1,
        'Won',
        [
          [10, 20],
          [30, 40],
        ],
      ],
      /^SCOREBANDS: edges must be a single number, a row or a column/,
    ],
    ['FACTORWEIGHTS', [[[1, 2, 3]], 'Won'], /^FACTORWEIGHTS: ratings must have 10 columns/],
    [
      'FACTORWEIGHTS',
      [RATED, column(['Won'])],
      /^FACTORWEIGHTS: outcomes must be a single column with one cell per lead/,
    ],
    [
      'FACTORWEIGHTS',
      [RATED, column(RATED_OUTCOMES), 1],
      /^FACTORWEIGHTS: minimum must be a single whole number 2 or more/,
    ],
    ['QUALIFY', [LEADS], /^QUALIFY: min_score is missing; use QUALIFY\(ratings, min_score, \[gates\], \[weights\]\)$/],
    ['QUALIFY', [LEADS, ''], /^QUALIFY: min_score must be a single number from 0 to 100.*; got blank$/],
    ['QUALIFY', [LEADS, 120], /^QUALIFY: min_score must be a single number from 0 to 100/],
    ['QUALIFY', [LEADS, 60, column([1, 2, 3])], /^QUALIFY: gates must be 10 cells in one row or one column/],
    [
      'QUALIFY',
      [LEADS, 60, column([6, '', '', '', '', '', '', '', '', ''])],
      /^QUALIFY: gate of Maturity is 6; expected/,
    ],
    [
      'KPISIGNAL',
      [[['a', 'b']], LOG_KPIS, LOG_VALUES],
      /^KPISIGNAL: kpis must be a single column, one KPI name per row; got 1 row x 2 columns$/,
    ],
    [
      'KPISIGNAL',
      [KPIS, LOG_KPIS, column([1, 2])],
      /^KPISIGNAL: log_values must be a single column as long as log_kpis/,
    ],
    [
      'KPISIGNAL',
      [KPIS, LOG_KPIS, LOG_VALUES, column([1])],
      /^KPISIGNAL: log_dates must be a single column as long as log_kpis/,
    ],
  ] as [string, unknown[], RegExp][])('%s (case %#)', (name, args, message) => {
    let thrown: unknown;
    try {
      callTopLevel(context, name, ...args);
    } catch (error) {
      thrown = error;
    }
    // The script realm's Error, as Apps Script throws it for Sheets to show as #ERROR! with its message.
    expect(Object.prototype.toString.call(thrown)).toBe('[object Error]');
    expect((thrown as Error).message).toMatch(message);
  });
});
