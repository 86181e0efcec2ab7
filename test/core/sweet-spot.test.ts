import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StructuralError } from '../../src/core/cells';
import { LABELS, sweetSpot } from '../../src/core/sweet-spot';
import { expectSafe, gridOf, junkCell } from './junk';

const column = (values: unknown[]) => values.map((v) => [v]);
const ALL_LABELS = Object.values(LABELS);

describe('SWEETSPOT labels', () => {
  // Six segments: threshold 1/12. Sales shares 12/26, 0, 9/26, 1/26, 0, 4/26; marketing 10/26, 9/26, 1/26, 0, 0, 6/26.
  const sales = column([12, 0, 9, 1, 0, 4]);
  const marketing = column([10, 9, 1, 0, 0, 6]);

  it('labels each in-market segment by which side reaches the threshold, and outside ones Ineffective or blank', () => {
    expect(sweetSpot(sales, marketing, column(['x', 'x', 'x', 'x', 'x', '']))).toEqual([
      ['Sweet spot'],
      ['Uncaptured lead'],
      ['Lead deficit'],
      ['White spot'],
      ['White spot'],
      ['Ineffective strategy'],
    ]);
  });

  it('counts every segment in the market when market is omitted or left empty', () => {
    const all = [['Sweet spot'], ['Uncaptured lead'], ['Lead deficit'], ['White spot'], ['White spot'], ['Sweet spot']];
    expect(sweetSpot(sales, marketing)).toEqual(all);
    expect(sweetSpot(sales, marketing, '')).toEqual(all);
  });

  it('gives blank to a segment outside the market that neither side works', () => {
    expect(sweetSpot(column([10, 0, 0]), column([10, 0, 0]), column([true, false, 'no']))).toEqual([
      ['Sweet spot'],
      [''],
      [''],
    ]);
  });

  it.each([
    [true, 'Sweet spot'],
    [1, 'Sweet spot'],
    ['1', 'Sweet spot'],
    ['yes', 'Sweet spot'],
    ['YES', 'Sweet spot'],
    [' x ', 'Sweet spot'],
    ['X', 'Sweet spot'],
    [false, 'Ineffective strategy'],
    [0, 'Ineffective strategy'],
    ['no', 'Ineffective strategy'],
    ['', 'Ineffective strategy'],
  ])('reads market %j', (flag, label) => {
    expect(sweetSpot(column([5, 5]), column([5, 5]), column([flag, 'x']))[0]).toEqual([label]);
  });

  it('treats a share exactly at the threshold as reaching it', () => {
    // Four segments: t = 1/8; sales 1 of 8 is exactly 1/8.
    expect(sweetSpot(column([1, 7, 0, 0]), column([1, 1, 1, 5]))[0]).toEqual(['Sweet spot']);
  });

  it('uses a given threshold instead of 1/(2N)', () => {
    // Shares 0.4 and 0.6: both over the default 0.25, only the second over 0.5.
    expect(sweetSpot(column([4, 6]), column([4, 6]), undefined, 0.5)).toEqual([['White spot'], ['Sweet spot']]);
    expect(sweetSpot(column([4, 6]), column([4, 6]), undefined, '0.5')).toEqual([['White spot'], ['Sweet spot']]);
    expect(sweetSpot(column([4, 6]), column([4, 6]))).toEqual([['Sweet spot'], ['Sweet spot']]);
  });

  it('labels every in-market segment a White spot when neither side has done anything', () => {
    expect(sweetSpot(column([0, 0]), column([0, 0]), column(['x', '']))).toEqual([['White spot'], ['']]);
  });

  it('reads blank as 0 and numbers typed as text', () => {
    expect(sweetSpot(column([12, '', ' 9 ']), column(['10', 9, '']))).toEqual(
      sweetSpot(column([12, 0, 9]), column([10, 9, 0])),
    );
  });

  it('keeps any layout: a row, or a price x complexity grid', () => {
    expect(sweetSpot([[12, 0, 9]], [[10, 9, 0]])).toEqual([['Sweet spot', 'Uncaptured lead', 'Lead deficit']]);
    const grid = sweetSpot(
      [
        [12, 0],
        [9, 0],
      ],
      [
        [10, 9],
        [0, 0],
      ],
      [
        ['x', 'x'],
        ['x', ''],
      ],
    );
    expect(grid).toEqual([
      ['Sweet spot', 'Uncaptured lead'],
      ['Lead deficit', ''],
    ]);
  });
});

describe('SWEETSPOT empty segments', () => {
  it('leaves a segment blank, and out of N, when its sales and marketing are blank and it is not marked in the market', () => {
    // Two real segments: t = 1/4, so a share of 0.2 misses it; with four counted it would be 1/8 and reach it.
    const out = sweetSpot(column([8, 2, '', '']), column([8, 2, '', '']));
    expect(out).toEqual([['Sweet spot'], ['White spot'], [''], ['']]);
  });

  it('counts a blank segment that is marked in the market: a White spot nobody works', () => {
    expect(sweetSpot(column([8, 2, '']), column([8, 2, '']), column(['x', 'x', 'x']))[2]).toEqual(['White spot']);
  });

  it('counts a segment whose sales or marketing is 0 rather than blank', () => {
    expect(sweetSpot(column([8, 0]), column([8, 0]))).toEqual([['Sweet spot'], ['White spot']]);
  });

  it('gives all blanks when every segment is empty', () => {
    expect(sweetSpot(column(['', '']), column(['', '']))).toEqual([[''], ['']]);
    expect(sweetSpot(column(['', '']), column(['', '']), undefined, undefined, 'overlap')).toEqual([[0]]);
  });
});

describe('SWEETSPOT overlap', () => {
  it('sums the smaller of the two shares over the target market, times 100', () => {
    // Shares: sales 0.5, 0.5, 0; marketing 0.25, 0.25, 0.5. In market: the first two.
    expect(sweetSpot(column([1, 1, 0]), column([1, 1, 2]), column(['x', 'x', '']), undefined, 'overlap')).toEqual([
      [50],
    ]);
    expect(sweetSpot(column([1, 1, 0]), column([1, 1, 2]), undefined, undefined, 'OVERLAP')).toEqual([[50]]);
  });

  it('is 100 when sales and marketing are spread alike over the market, 0 when they never meet', () => {
    expect(sweetSpot([[3, 1]], [[30, 10]], undefined, undefined, 'overlap')).toEqual([[100]]);
    expect(sweetSpot([[3, 0]], [[0, 10]], undefined, undefined, 'overlap')).toEqual([[0]]);
  });

  it('is 0 when either side has nothing', () => {
    expect(sweetSpot([[0, 0]], [[5, 10]], undefined, undefined, 'overlap')).toEqual([[0]]);
  });
});

describe('SWEETSPOT structural errors', () => {
  it.each([
    [[[1], ['abc']], [[1], [1]], 'sales row 2, column 1 is "abc"; expected a number 0 or more'],
    [[[1, -3]], [[1, 1]], 'sales row 1, column 2 is -3; expected a number 0 or more'],
    [[[1], [true]], [[1], [1]], 'sales row 2, column 1 is TRUE; expected a number 0 or more'],
    [[[1], [1]], [[new Date(2024, 0, 2)], [1]], 'marketing row 1, column 1 is a date; expected a number 0 or more'],
    [[[1], [1]], [[1], ['=1+1']], 'marketing row 2, column 1 is "=1+1"; expected a number 0 or more'],
  ])('names the cell that is not a number 0 or more', (sales, marketing, message) => {
    expect(() => sweetSpot(sales, marketing)).toThrow(message);
  });

  it('names a market cell that is neither in nor out', () => {
    expect(() => sweetSpot(column([1, 2]), column([1, 2]), column(['x', 'maybe']))).toThrow(
      'market row 2, column 1 is "maybe"; expected TRUE, 1, "yes" or "x" for a segment in the market, or blank, FALSE, 0 or "no" for one outside',
    );
    expect(() => sweetSpot(column([1, 2]), column([1, 2]), column([2, 1]))).toThrow(/market row 1, column 1 is 2;/);
  });

  it.each([
    [
      'marketing',
      column([1, 2, 3]),
      column([1, 2]),
      undefined,
      'marketing must have the same shape as sales (3 rows x 1 column); got 2 rows x 1 column',
    ],
    [
      'market',
      column([1, 2, 3]),
      column([1, 2, 3]),
      [['x', 'x', 'x']],
      'market must have the same shape as sales (3 rows x 1 column); got 1 row x 3 columns',
    ],
  ])('rejects a %s range of another shape', (_what, sales, marketing, market, message) => {
    expect(() => sweetSpot(sales, marketing, market)).toThrow(message);
  });

  it.each([
    [0, '0'],
    [1, '1'],
    [1.5, '1.5'],
    [-0.1, '-0.1'],
    ['half', '"half"'],
  ])('rejects threshold %s', (threshold, shown) => {
    expect(() => sweetSpot(1, 1, undefined, threshold)).toThrow(
      `threshold must be a single number between 0 and 1 (not 0 or 1), such as 0.1; got ${shown}`,
    );
  });

  it('rejects an unknown mode', () => {
    expect(() => sweetSpot(1, 1, undefined, undefined, 'grid')).toThrow(
      'mode must be one of "label", "overlap"; got "grid"',
    );
  });

  it('rejects totals too large to add up', () => {
    expect(() => sweetSpot([[1e308, 1e308]], [[1, 1]])).toThrow('sales are too large to add up; use a larger unit');
  });
});

describe('SWEETSPOT properties', () => {
  const amount = fc.oneof(
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.constant(''),
    fc.integer({ min: 0, max: 50 }),
  );
  const flag = fc.constantFrom(true, false, 1, 0, 'yes', 'no', 'x', '');
  const layout = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }));

  it('keeps overlap within 0..100', () => {
    fc.assert(
      fc.property(
        layout.chain(([r, c]) => fc.tuple(gridOf(amount, r, c), gridOf(amount, r, c), gridOf(flag, r, c))),
        ([sales, marketing, market]) => {
          const [[overlap]] = sweetSpot(sales, marketing, market, undefined, 'overlap');
          expect(overlap as number).toBeGreaterThanOrEqual(0);
          expect(overlap as number).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it('gives a label or a blank per segment, in the input layout', () => {
    fc.assert(
      fc.property(
        layout.chain(([r, c]) => fc.tuple(gridOf(amount, r, c), gridOf(amount, r, c), gridOf(flag, r, c))),
        fc.option(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { nil: undefined }),
        ([sales, marketing, market], threshold) => {
          const out = sweetSpot(sales, marketing, market, threshold);
          expect(out.map((row) => row.length)).toEqual(sales.map((row) => row.length));
          for (const row of out) for (const cell of row) expect(['', ...ALL_LABELS]).toContain(cell);
        },
      ),
    );
  });

  it('never lets junk out as anything but a label or a structural error', () => {
    fc.assert(
      fc.property(
        layout.chain(([r, c]) =>
          fc.tuple(
            gridOf(junkCell, r, c),
            gridOf(junkCell, r, c),
            fc.option(gridOf(junkCell, r, c), { nil: undefined }),
          ),
        ),
        fc.option(junkCell, { nil: undefined }),
        fc.option(junkCell, { nil: undefined }),
        ([sales, marketing, market], threshold, mode) => {
          try {
            const out = sweetSpot(sales, marketing, market, threshold, mode);
            expectSafe(() => out, ALL_LABELS);
            expect(out.length === 1 || out.length === sales.length).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(StructuralError);
          }
        },
      ),
    );
  });
});
