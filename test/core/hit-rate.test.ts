import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hitRate, hitRateCells } from '../../src/core/hit-rate';
import { expectSafe, junkCell, sizedGrid } from './junk';

const column = (values: unknown[]) => values.map((v) => [v]);

describe('HITRATE against Newcombe (1998), Table I, Wilson score method', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives %s to %s', (won, n, low, high) => {
    const [[rate, lo, hi]] = hitRate(won, n - won);
    expect(rate).toBeCloseTo(won / n, 12);
    expect(Number((lo as number).toFixed(4))).toBe(low);
    expect(Number((hi as number).toFixed(4))).toBe(high);
  });

  it('puts the lower limit at exactly 0 with no wins and the upper at exactly 1 with no losses', () => {
    expect(hitRate(0, 20)[0][1]).toBe(0);
    expect(hitRate(20, 0)[0][2]).toBe(1);
  });
});

describe('HITRATE rates and intervals', () => {
  it('gives rate, low, high and vs team per rep, one row each', () => {
    const out = hitRate(column([81, 15, 0, 1]), column([182, 133, 20, 28]));
    expect(out).toHaveLength(4);
    expect(out.map((row) => row.length)).toEqual([4, 4, 4, 4]);
    expect(out.map((row) => row[0])).toEqual([81 / 263, 15 / 148, 0, 1 / 29]);
    for (const [rate, low, high] of out) {
      expect(low as number).toBeLessThanOrEqual(rate as number);
      expect(high as number).toBeGreaterThanOrEqual(rate as number);
    }
  });

  it('widens the interval for a higher confidence and narrows it for a lower one', () => {
    const width = (confidence?: unknown) => {
      const [[, low, high]] = hitRate(30, 70, confidence);
      return (high as number) - (low as number);
    };
    expect(width(0.99)).toBeGreaterThan(width());
    expect(width(0.8)).toBeLessThan(width());
    expect(width(0.95)).toBe(width());
  });

  it('uses the exact z of any confidence level: 0.99 gives z = 2.5758...', () => {
    // Wilson at n = 100, p = 0.5: half-width = z * sqrt(0.25 / n + z^2 / 4n^2) / (1 + z^2 / n).
    const z = 2.5758293035489004;
    const half = (z * Math.sqrt(0.25 / 100 + (z * z) / 40000)) / (1 + (z * z) / 100);
    const [[, low, high]] = hitRate(50, 50, 0.99);
    expect(low).toBeCloseTo(0.5 - half, 12);
    expect(high).toBeCloseTo(0.5 + half, 12);
  });

  it('accepts counts typed as text, and treats blank as 0', () => {
    expect(hitRate(column(['3', ' 4 ']), column([1, '']))).toEqual(hitRate(column([3, 4]), column([1, 0])));
  });

  it('computes an interval for a confidence a hair below 1 (0.5 + c / 2 would round to 1)', () => {
    const [[rate, low, high]] = hitRate(30, 70, 0.9999999999999999);
    expect(rate).toBe(0.3);
    expect(low as number).toBeGreaterThan(0);
    expect(low as number).toBeLessThan(hitRate(30, 70, 0.999999)[0][1] as number);
    expect(high as number).toBeGreaterThan(hitRate(30, 70, 0.999999)[0][2] as number);
    expect(high as number).toBeLessThan(1);
  });

  it('gives a rate of 0, not -0, for a won count of -0 (a number or text)', () => {
    expect(Object.is(hitRate(-0, 5)[0][0], 0)).toBe(true);
    expect(Object.is(hitRate('-0', 5)[0][0], 0)).toBe(true);
    expect(Object.is(hitRate(-0, 5, 1e-300)[0][0], 0)).toBe(true);
  });

  it('takes confidence typed as text', () => {
    expect(hitRate(3, 7, '0.9')).toEqual(hitRate(3, 7, 0.9));
  });
});

describe('HITRATE vs team (3-sigma p-chart around the pooled rate)', () => {
  it('flags only reps outside the limits for their own number of deals', () => {
    // Pooled p = 97/460; limits for n = 263 are 0.211 +- 0.075, for n = 148 are 0.211 +- 0.100.
    const out = hitRate(column([81, 15, 0, 1]), column([182, 133, 20, 28]));
    expect(out.map((row) => row[3])).toEqual(['above', 'below', 'within', 'within']);
  });

  it('calls a big-looking difference on few deals common-cause variation', () => {
    // 3/4 against a team at 0.3: sigma = sqrt(0.3 * 0.7 / 4) = 0.229, so 0.75 is inside 0.3 + 0.687.
    const out = hitRate(column([3, 27, 30]), column([1, 70, 69]));
    expect(out[0][3]).toBe('within');
  });

  it('counts a rate exactly on a limit as within', () => {
    // Pooled p = 0.5 over n = 36 per rep: limits 0.5 +- 0.25, exactly 0.75 and 0.25.
    const out = hitRate(column([27, 9]), column([9, 27]));
    expect(out.map((row) => row[0])).toEqual([0.75, 0.25]);
    expect(out.map((row) => row[3])).toEqual(['within', 'within']);
  });

  it('says within for everyone when the whole team always wins or always loses', () => {
    expect(hitRate(column([5, 9]), column([0, 0])).map((row) => row[3])).toEqual(['within', 'within']);
    expect(hitRate(column([0, 0]), column([4, 2])).map((row) => row[3])).toEqual(['within', 'within']);
  });
});

describe('HITRATE row-level results', () => {
  it('gives four blanks for a rep with no deals, blank or 0', () => {
    expect(hitRate(column(['', 0, 4]), column(['', 0, 6]))).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
      hitRate(4, 6)[0],
    ]);
  });

  it.each([
    ['text', 'abc', 'invalid won: "abc" (whole number 0 or more)'],
    ['a fraction', 2.5, 'invalid won: 2.5 (whole number 0 or more)'],
    ['a negative number', -1, 'invalid won: -1 (whole number 0 or more)'],
    ['TRUE', true, 'invalid won: TRUE (whole number 0 or more)'],
    ['a date', new Date(2024, 0, 2), 'invalid won: a date (whole number 0 or more)'],
    ['a formula typed as text', '=1+1', 'invalid won: "=1+1" (whole number 0 or more)'],
    ['a number too large to count', 1e300, 'invalid won: 1e+300 (whole number 0 or more)'],
  ])('names an invalid won count (%s) in the first cell, the rest blank', (_kind, value, text) => {
    expect(hitRate(column([value, 5]), column([3, 5]))[0]).toEqual([text, '', '', '']);
  });

  it('names an invalid lost count', () => {
    expect(hitRate(3, 'n/a')).toEqual([['invalid lost: "n/a" (whole number 0 or more)', '', '', '']]);
  });

  it('leaves a rep with an invalid count out of the pooled team rate', () => {
    const withBadRow = hitRate(column([10, 'x', 20]), column([30, 1000, 40]));
    const without = hitRate(column([10, 20]), column([30, 40]));
    expect(withBadRow[0]).toEqual(without[0]);
    expect(withBadRow[2]).toEqual(without[1]);
  });
});

describe('HITRATE layouts', () => {
  it('gives one column of four under each rep when won and lost are rows', () => {
    const across = hitRate([[81, 15, 0]], [[182, 133, 20]]);
    const down = hitRate(column([81, 15, 0]), column([182, 133, 20]));
    expect(across).toHaveLength(4);
    expect(across.map((row) => row.length)).toEqual([3, 3, 3, 3]);
    expect(across).toEqual([0, 1, 2, 3].map((c) => down.map((row) => row[c])));
  });

  it('takes a single cell as one rep', () => {
    expect(hitRate(1, 3)).toHaveLength(1);
    expect(hitRate([[1]], [[3]])).toEqual(hitRate(1, 3));
  });
});

describe('HITRATE structural errors', () => {
  it.each([
    [
      'won is a block of several columns',
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 2],
        [3, 4],
      ],
      /^won must be a single column or a single row, one cell per rep; got 2 rows x 2 columns$/,
    ],
    [
      'lost has another length',
      column([1, 2, 3]),
      column([1, 2]),
      /^lost must have the same shape as won \(3 rows x 1 column\); got 2 rows x 1 column$/,
    ],
    [
      'lost is a row where won is a column',
      column([1, 2]),
      [[1, 2]],
      /^lost must have the same shape as won \(2 rows x 1 column\); got 1 row x 2 columns$/,
    ],
    ['won is an empty range', [], 1, /^won is an empty range$/],
  ])('rejects %s', (_kind, won, lost, message) => {
    expect(() => hitRate(won, lost)).toThrow(message);
  });

  it.each([
    [0, '0'],
    [1, '1'],
    [95, '95'],
    [-0.5, '-0.5'],
    ['high', '"high"'],
    [true, 'TRUE'],
    [[[0.9], [0.95]], 'a range'],
    [1.0000000000000002, '1.0000000000000002'],
    [5e-324 - 1, '-1'],
  ])('rejects confidence %s', (confidence, shown) => {
    expect(() => hitRate(1, 2, confidence)).toThrow(
      `confidence must be a single number between 0 and 1 (not 0 or 1), such as 0.95 for 95%; got ${shown}`,
    );
  });
});

describe('HITRATE properties', () => {
  const count = fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(''));

  it('keeps every rate and both limits within 0..1, with low <= rate <= high', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(count, count), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.01, max: 0.9999, noNaN: true }),
        (reps, confidence) => {
          const out = hitRate(column(reps.map((r) => r[0])), column(reps.map((r) => r[1])), confidence);
          expect(out).toHaveLength(reps.length);
          for (const [rate, low, high, verdict] of out) {
            if (rate === '') continue;
            expect(low as number).toBeGreaterThanOrEqual(0);
            expect(high as number).toBeLessThanOrEqual(1);
            expect(low as number).toBeLessThanOrEqual((rate as number) + 1e-12);
            expect(high as number).toBeGreaterThanOrEqual((rate as number) - 1e-12);
            expect(['above', 'below', 'within']).toContain(verdict);
          }
        },
      ),
    );
  });

  it('never lets junk out as anything but a row-level text or a structural error', () => {
    fc.assert(
      fc.property(
        sizedGrid(junkCell, 12, fc.constant(1)),
        fc.oneof(junkCell, fc.constant(undefined)),
        (won, confidence) => {
          const lost = won.map(([cell]) => [typeof cell === 'number' ? cell + 1 : cell]);
          const out = expectSafe(() => hitRate(won, lost, confidence), ['above', 'below', 'within']);
          if (out) expect(out).toHaveLength(won.length);
        },
      ),
    );
  });
});

describe('hitRateCells (the Team panel and the profiles evidence)', () => {
  it("gives HITRATE's four cells per pair of counts, null where HITRATE leaves a cell blank", () => {
    const counts: [number, number][] = [
      [8, 2],
      [0, 0],
      [1, 9],
    ];
    const cells = hitRateCells(counts);
    const rows = hitRate(
      counts.map(([won]) => [won]),
      counts.map(([, lost]) => [lost]),
    );
    expect(cells).toEqual(
      rows.map(([rate, low, high, vsTeam]) => ({
        rate: typeof rate === 'number' ? rate : null,
        low: typeof low === 'number' ? low : null,
        high: typeof high === 'number' ? high : null,
        vsTeam,
      })),
    );
    expect(cells[1]).toEqual({ rate: null, low: null, high: null, vsTeam: '' });
    expect(cells[0].rate).toBe(0.8);
  });

  it('gives nothing for no pairs, where HITRATE would refuse an empty range', () => {
    expect(hitRateCells([])).toEqual([]);
  });
});
