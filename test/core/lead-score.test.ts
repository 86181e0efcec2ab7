import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadScore } from '../../src/core/lead-score';

const ONES = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const FIVES = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
const MIXED = [2, 3, 1, 4, 2, 1, 2, 3, 3, 2]; // sum of (5 - r) = 27
const BLANK = ['', '', '', '', '', '', '', '', '', ''];

/** The spec's formula, written out independently of the implementation. */
function expected(ratings: number[], weights: number[] = ONES): number {
  const top = ratings.reduce((s, r, i) => s + weights[i] * (5 - r), 0);
  return (100 * top) / (4 * weights.reduce((s, w) => s + w, 0));
}

const withCell = <T, V>(row: T[], index: number, value: V): (T | V)[] => row.map((v, i) => (i === index ? value : v));

describe('LEADSCORE scores', () => {
  it('gives 100 to the perfect prospect, 0 to the worst and the weighted formula in between', () => {
    expect(leadScore([ONES, FIVES, MIXED])).toEqual([[100], [0], [67.5]]);
  });

  it('does not round', () => {
    const row = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    expect(leadScore([row], [[3, 1, 1, 1, 1, 1, 1, 1, 1, 1]])[0][0]).toBeCloseTo(
      expected(row, [3, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      12,
    );
    expect(leadScore([row], [[3, 1, 1, 1, 1, 1, 1, 1, 1, 1]])[0][0]).not.toBe(
      Math.round(expected(row, [3, 1, 1, 1, 1, 1, 1, 1, 1, 1])),
    );
  });

  it('weights factors from a row or a column of ten cells alike', () => {
    const weights = [2, 1, 0, 1, 3, 1, 1, 0.5, 1, 1];
    const asRow = leadScore([MIXED], [weights]);
    const asColumn = leadScore(
      [MIXED],
      weights.map((w) => [w]),
    );
    expect(asRow).toEqual(asColumn);
    expect(asRow[0][0]).toBeCloseTo(expected(MIXED, weights), 12);
  });

  it('accepts numbers typed as text', () => {
    expect(leadScore([withCell(withCell(MIXED, 0, '2'), 1, ' 3 ')])).toEqual([[67.5]]);
  });

  it('takes a single column of ten cells as one lead', () => {
    expect(leadScore(MIXED.map((r) => [r]))).toEqual([[67.5]]);
  });

  it('takes a single row of ten values as one lead', () => {
    expect(leadScore([MIXED])).toEqual([[67.5]]);
  });

  it('gives one output row per input row', () => {
    expect(leadScore([ONES, BLANK, MIXED, BLANK])).toHaveLength(4);
  });
});

describe('LEADSCORE row-level defects', () => {
  it('gives a blank for a blank row, so formulas can cover open-ended ranges', () => {
    expect(leadScore([ONES, BLANK, FIVES])).toEqual([[100], [''], [0]]);
  });

  it('reports a partly rated row as incomplete, counting the factors rated', () => {
    expect(leadScore([withCell(MIXED, 4, '')])).toEqual([['incomplete 9/10 rated: Complexity']]);
    expect(leadScore([[1, '', '', '', '', '', '', '', '', '']])).toEqual([
      [
        'incomplete 1/10 rated: Knowledge, Authority, Company size, Complexity, Interest, Availability, Price sensitivity, Competition, Purchase history',
      ],
    ]);
  });

  it('lets a factor whose weight is 0 stay blank, and counts only weighted factors', () => {
    const weights = [[1, 1, 1, 1, 1, 1, 1, 1, 0, 0]];
    const row = withCell(withCell(MIXED, 8, ''), 9, '');
    expect(leadScore([row], weights)[0][0]).toBeCloseTo(
      expected(withCell(withCell(MIXED, 8, 1), 9, 1), weights[0]),
      12,
    );
    expect(leadScore([withCell(row, 0, '')], weights)).toEqual([['incomplete 7/8 rated: Maturity']]);
  });

  it.each([
    ['text', 'abc', 'invalid Interest: "abc" (whole number 1-5)'],
    ['a number as text out of range', '7', 'invalid Interest: "7" (whole number 1-5)'],
    ['zero', 0, 'invalid Interest: 0 (whole number 1-5)'],
    ['six', 6, 'invalid Interest: 6 (whole number 1-5)'],
    ['a fraction', 2.5, 'invalid Interest: 2.5 (whole number 1-5)'],
    ['a negative number', -1, 'invalid Interest: -1 (whole number 1-5)'],
    ['TRUE', true, 'invalid Interest: TRUE (whole number 1-5)'],
    ['FALSE', false, 'invalid Interest: FALSE (whole number 1-5)'],
    ['a date', new Date(2024, 0, 2), 'invalid Interest: a date (whole number 1-5)'],
    ['a formula typed as text', '=1+1', 'invalid Interest: "=1+1" (whole number 1-5)'],
  ])('names the factor and the value for %s', (_kind, value, message) => {
    expect(leadScore([withCell(MIXED, 5, value)])).toEqual([[message]]);
  });

  it('reports an invalid value before missing ones', () => {
    expect(leadScore([withCell(withCell(MIXED, 0, ''), 3, 9)])).toEqual([
      ['invalid Company size: 9 (whole number 1-5)'],
    ]);
  });

  it('flags an invalid value even where the factor weighs 0', () => {
    expect(leadScore([withCell(MIXED, 9, 'x')], [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0]])).toEqual([
      ['invalid Purchase history: "x" (whole number 1-5)'],
    ]);
  });

  it('keeps a defect in one row from breaking the others', () => {
    expect(leadScore([ONES, withCell(MIXED, 1, 'n/a'), FIVES])).toEqual([
      [100],
      ['invalid Knowledge: "n/a" (whole number 1-5)'],
      [0],
    ]);
  });
});

describe('LEADSCORE structural errors', () => {
  it.each([
    ['7 columns', [[1, 2, 3, 4, 5, 1, 2]], /ratings must have 10 columns.*got 1 row x 7 columns/],
    ['a single cell', 3, /ratings must have 10 columns.*got 1 row x 1 column$/],
    ['11 columns', [[...MIXED, 1]], /got 1 row x 11 columns/],
    ['an empty range', [], /ratings is an empty range/],
  ])('rejects ratings of %s', (_kind, ratings, message) => {
    expect(() => leadScore(ratings)).toThrow(message);
  });

  it.each([
    ['3 cells', [[1, 1, 1]], /weights must be 10 cells in one row or one column.*got 1 row x 3 columns/],
    [
      'a 2 x 5 block',
      [
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1],
      ],
      /got 2 rows x 5 columns/,
    ],
    [
      'a negative weight',
      [[1, 1, 1, -2, 1, 1, 1, 1, 1, 1]],
      /weight of Company size is -2; expected a number 0 or more/,
    ],
    ['a text weight', [[1, 1, 1, 1, 1, 'high', 1, 1, 1, 1]], /weight of Interest is "high"/],
    ['a blank weight', [[1, 1, 1, 1, 1, 1, 1, '', 1, 1]], /weight of Price sensitivity is blank/],
    ['all zeros', [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], /weights are all 0/],
    ['a boolean weight', [[1, 1, 1, 1, 1, 1, 1, 1, 1, true]], /weight of Purchase history is TRUE/],
  ])('rejects weights of %s', (_kind, weights, message) => {
    expect(() => leadScore([MIXED], weights)).toThrow(message);
  });

  it('scores with extreme weights by their proportions, without overflow', () => {
    const huge = [1e308, 1e308, 0, 0, 0, 0, 0, 0, 0, 0];
    const tiny = [5e-324, 5e-324, 0, 0, 0, 0, 0, 0, 0, 0];
    const plain = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const weights of [huge, tiny]) {
      expect(leadScore([MIXED, FIVES, ONES], [weights])).toEqual(leadScore([MIXED, FIVES, ONES], [plain]));
    }
    expect(leadScore([MIXED], [plain])).toEqual([[expected(MIXED, plain)]]);
  });

  it('keeps a tiny weight beside a huge one positive: its factor is still required, and scores keep proportions', () => {
    const extreme = [1e308, 1e-308, 0, 0, 0, 0, 0, 0, 0, 0];
    const [[incomplete]] = leadScore([withCell(ONES, 1, '')], [extreme]);
    expect(incomplete).toMatch(/^incomplete 1\/2 rated/);
    // 1e-308 weighs 1e-616 times as much as 1e308: below rounding, so the scores are those of weights 1 and 0.
    const heavyOnly = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(leadScore([MIXED, FIVES, ONES], [extreme])).toEqual(leadScore([MIXED, FIVES, ONES], [heavyOnly]));
  });

  it('treats omitted weights as 1 for every factor', () => {
    expect(leadScore([MIXED], undefined)).toEqual(leadScore([MIXED], [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]));
  });
});

describe('LEADSCORE properties', () => {
  const rating = fc.integer({ min: 1, max: 5 });
  const ratings = fc.array(rating, { minLength: 10, maxLength: 10 });
  const weights = fc
    .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 10, maxLength: 10 })
    .filter((w) => w.some((x) => x > 0));

  it('always scores within 0..100', () => {
    fc.assert(
      fc.property(fc.array(ratings, { minLength: 1, maxLength: 20 }), weights, (rows, w) => {
        for (const [score] of leadScore(rows, [w])) {
          expect(typeof score).toBe('number');
          expect(score as number).toBeGreaterThanOrEqual(0);
          expect(score as number).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });

  it('never lowers the score when one rating improves', () => {
    fc.assert(
      fc.property(ratings, weights, fc.integer({ min: 0, max: 9 }), (row, w, factor) => {
        fc.pre(row[factor] > 1);
        const better = withCell(row, factor, row[factor] - 1);
        const [[before], [after]] = leadScore([row, better], [w]);
        expect(after as number).toBeGreaterThanOrEqual(before as number);
      }),
    );
  });

  it('always gives a blank for a blank row, whatever the weights', () => {
    const blankCell = fc.constantFrom('', ' ', '   ');
    fc.assert(
      fc.property(fc.array(blankCell, { minLength: 10, maxLength: 10 }), weights, (row, w) => {
        expect(leadScore([row], [w])).toEqual([['']]);
      }),
    );
  });
});
