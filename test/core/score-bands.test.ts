import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hitRate } from '../../src/core/hit-rate';
import { readEdges, scoreBands } from '../../src/core/score-bands';
import { expectSafe, junkCell, sizedGrid } from './junk';

const column = (values: unknown[]) => values.map((v) => [v]);

function leads(pairs: [unknown, unknown][]): [unknown[][], unknown[][]] {
  return [column(pairs.map((p) => p[0])), column(pairs.map((p) => p[1]))];
}

/** `won` won and `lost` lost leads, all scored `score`. */
function many(score: number, won: number, lost: number): [number, string][] {
  return [
    ...Array.from({ length: won }, (): [number, string] => [score, 'Won']),
    ...Array.from({ length: lost }, (): [number, string] => [score, 'Lost']),
  ];
}

/** HITRATE's rate, low and high for won out of closed. */
const wilsonOf = (won: number, closed: number) => hitRate(won, closed - won)[0].slice(0, 3);

describe('SCOREBANDS golden cases', () => {
  it('gives one row per band, best first, with HITRATE rates and intervals; an empty band shows 0, 0 and blanks', () => {
    const out = scoreBands(
      ...leads([
        [100, 'Won'], // 100 belongs to the top band
        [75, 'Won'], // on an edge: the band above
        [80, 'Lost'],
        [90, 'Won'],
        [60, 'Lost'],
        [50, 'Won'], // on an edge
        [30, 'Lost'],
        [49.9, 'Lost'],
        [10, 'New'], // open: skipped, so 0-25 has no closed lead
        ['incomplete 9/10 rated', 'Won'],
      ]),
    );
    expect(out).toEqual([
      ['75-100', 4, 3, ...wilsonOf(3, 4)],
      ['50-75', 2, 1, ...wilsonOf(1, 2)],
      ['25-50', 2, 0, ...wilsonOf(0, 2)],
      ['0-25', 0, 0, '', '', ''],
    ]);
    expect(out[0][3]).toBe(0.75);
  });

  it("matches Newcombe's Wilson interval: 81 won of 263 in a band gives 0.2553 to 0.3662", () => {
    const [top] = scoreBands(...leads(many(88, 81, 182)));
    expect(top.slice(0, 3)).toEqual(['75-100', 263, 81]);
    expect(Number((top[4] as number).toFixed(4))).toBe(0.2553);
    expect(Number((top[5] as number).toFixed(4))).toBe(0.3662);
  });

  it('puts a score a rounding hair below an edge in the band above, as Sheets would show it (75)', () => {
    const out = scoreBands(...leads([[74.99999999999999, 'Won']]));
    expect(out[0].slice(0, 3)).toEqual(['75-100', 1, 1]);
    expect(scoreBands(...leads([[74.9999, 'Won']]))[1].slice(0, 3)).toEqual(['50-75', 1, 1]);
  });

  it('puts 0 in the lowest band and skips scores outside 0-100', () => {
    const out = scoreBands(
      ...leads([
        [0, 'Lost'],
        [120, 'Won'],
        [-5, 'Lost'],
        [100.5, 'Won'],
      ]),
    );
    expect(out.map((row) => row.slice(0, 3))).toEqual([
      ['75-100', 0, 0],
      ['50-75', 0, 0],
      ['25-50', 0, 0],
      ['0-25', 1, 0],
    ]);
  });

  it.each([
    ['a row', [[20, 60]]],
    ['a column', [[20], [60]]],
    ['numbers typed as text', [[' 20 ', '60']]],
  ])('takes edges as %s, labelled as written', (_kind, edges) => {
    const out = scoreBands(...leads([...many(60, 1, 1), ...many(59, 0, 1), ...many(19.5, 1, 0)]), edges);
    expect(out).toEqual([
      ['60-100', 2, 1, ...wilsonOf(1, 2)],
      ['20-60', 1, 0, ...wilsonOf(0, 1)],
      ['0-20', 1, 1, ...wilsonOf(1, 1)],
    ]);
  });

  it('takes one number as the only edge, and decimals as written', () => {
    expect(scoreBands(...leads(many(50, 1, 0)), 50).map((row) => row.slice(0, 3))).toEqual([
      ['50-100', 1, 1],
      ['0-50', 0, 0],
    ]);
    expect(scoreBands(...leads(many(40, 0, 1)), [[12.5, 37.5]]).map((row) => row[0])).toEqual([
      '37.5-100',
      '12.5-37.5',
      '0-12.5',
    ]);
  });

  it('uses 25, 50, 75 when edges are omitted or left empty', () => {
    const data = leads(many(30, 2, 1));
    expect(scoreBands(...data, '')).toEqual(scoreBands(...data));
    expect(scoreBands(...data, undefined, '')).toEqual(scoreBands(...data));
    expect(readEdges(undefined)).toEqual([25, 50, 75]);
  });

  it('gives every band blank rates when there is no closed lead at all', () => {
    expect(scoreBands(column(['', '']), column(['', 'New']))).toEqual([
      ['75-100', 0, 0, '', '', ''],
      ['50-75', 0, 0, '', '', ''],
      ['25-50', 0, 0, '', '', ''],
      ['0-25', 0, 0, '', '', ''],
    ]);
  });

  it('widens the intervals with the confidence, as HITRATE does', () => {
    const data = leads(many(80, 6, 4));
    expect(scoreBands(...data, undefined, 0.99)[0].slice(3)).toEqual(hitRate(6, 4, 0.99)[0].slice(0, 3));
    expect(scoreBands(...data, undefined, '0.8')[0].slice(3)).toEqual(hitRate(6, 4, 0.8)[0].slice(0, 3));
  });
});

describe('SCOREBANDS structural errors', () => {
  const data = leads(many(50, 1, 1));

  it.each([
    [0, /^edges must be numbers between 0 and 100 \(not 0 or 100\), such as 25, 50, 75; got 0$/],
    [100, /got 100$/],
    [[[25, 150]], /got 150$/],
    [-5, /got -5$/],
    ['high', /got "high"$/],
    [true, /got TRUE$/],
    [new Date(2024, 0, 1), /got a date$/],
    [[[50, 25]], /^edges must be in ascending order, each above the one before; got 25 after 50$/],
    [[[25], [25]], /got 25 after 25$/],
    [
      [
        [25, 50],
        [60, 75],
      ],
      /^edges must be a single number, a row or a column of numbers between 0 and 100, such as 25, 50, 75; got 2 rows x 2 columns$/,
    ],
    [[[25, '', 75]], /^edges must be numbers between 0 and 100 \(not 0 or 100\), such as 25, 50, 75; got blank$/],
    [[[''], [' ']], /got blank$/],
  ])('rejects edges %j', (edges, message) => {
    expect(() => scoreBands(...data, edges)).toThrow(message);
  });

  it('rejects a bad confidence, naming it', () => {
    expect(() => scoreBands(...data, undefined, 1.5)).toThrow(/^confidence must be a single number between 0 and 1/);
  });

  it('rejects outcomes of another length', () => {
    expect(() => scoreBands(column([1, 2]), column(['Won']))).toThrow(
      /^outcomes must have one cell per score, in the shape of scores \(2 rows x 1 column\); got 1 row x 1 column$/,
    );
  });
});

describe('SCOREBANDS properties', () => {
  const score = fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double({ min: 0, max: 100, noNaN: true }));
  const lead = fc.tuple(score, fc.constantFrom('Won', 'Lost', 'New', ''));
  const edges = fc
    .uniqueArray(fc.double({ min: 0.001, max: 99.999, noNaN: true }), { minLength: 1, maxLength: 6 })
    .map((e) => e.sort((a, b) => a - b));

  it('counts every closed lead on the 0-100 scale in exactly one band, with rate inside its interval', () => {
    fc.assert(
      fc.property(fc.array(lead, { minLength: 1, maxLength: 50 }), edges, (pairs, e) => {
        const out = scoreBands(...leads(pairs), [e]);
        expect(out).toHaveLength(e.length + 1);
        const closed = pairs.filter(([s, o]) => (o === 'Won' || o === 'Lost') && s >= 0 && s <= 100);
        expect(out.reduce((sum, row) => sum + (row[1] as number), 0)).toBe(closed.length);
        expect(out.reduce((sum, row) => sum + (row[2] as number), 0)).toBe(closed.filter((p) => p[1] === 'Won').length);
        for (const [, n, , rate, low, high] of out) {
          if (n === 0) continue;
          expect(low as number).toBeLessThanOrEqual((rate as number) + 1e-12);
          expect(high as number).toBeGreaterThanOrEqual((rate as number) - 1e-12);
        }
      }),
    );
  });

  it('never lets junk out as anything but numbers, band labels or a structural error', () => {
    fc.assert(
      fc.property(
        sizedGrid(junkCell, 12, fc.constant(1)),
        fc.array(fc.oneof(junkCell, fc.constantFrom('Won', 'Lost')), { minLength: 12, maxLength: 12 }),
        fc.oneof(junkCell, fc.constant(undefined)),
        (scores, outcomes, edge) => {
          let labels: unknown[] = [];
          try {
            const out = scoreBands(scores, column(outcomes.slice(0, scores.length)), edge);
            labels = out.map((row) => row[0]);
          } catch {}
          expectSafe(() => scoreBands(scores, column(outcomes.slice(0, scores.length)), edge), labels);
        },
      ),
    );
  });
});
