import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpiStatus } from '../../src/core/kpi-status';
import { expectSafe, gridOf, junkCell } from './junk';

const column = (values: unknown[]) => values.map((v) => [v]);

describe('KPISTATUS verdicts', () => {
  it.each([
    ['higher', 42, 40, 'on track'],
    ['higher', 38, 40, 'off track'],
    ['higher', 40, 40, 'on track'],
    ['lower', 8, 10, 'on track'],
    ['lower', 12, 10, 'off track'],
    ['lower', 10, 10, 'on track'],
    ['higher', -5, -10, 'on track'],
    ['lower', 0, 0, 'on track'],
  ])('with %s better, actual %s against target %s is %s', (direction, actual, target, status) => {
    expect(kpiStatus(actual, target, direction)).toEqual([[status]]);
  });

  it('takes higher as better when direction is omitted or left empty', () => {
    expect(kpiStatus(column([42, 38]), column([40, 40]))).toEqual([['on track'], ['off track']]);
    expect(kpiStatus(column([42, 38]), column([40, 40]), '')).toEqual([['on track'], ['off track']]);
  });

  it('reads direction in any case and with spaces around it', () => {
    expect(kpiStatus(12, 10, ' LOWER ')).toEqual([['off track']]);
    expect(kpiStatus(12, 10, 'Higher')).toEqual([['on track']]);
  });

  it('counts a target met up to binary rounding as met, as Sheets shows 0.1 + 0.2 = 0.3', () => {
    expect(kpiStatus(0.1 + 0.2, 0.3, 'lower')).toEqual([['on track']]);
    expect(kpiStatus(0.3, 0.1 + 0.2, 'higher')).toEqual([['on track']]);
    expect(kpiStatus(0.3000001, 0.3, 'lower')).toEqual([['off track']]);
  });

  it('accepts numbers typed as text', () => {
    expect(kpiStatus(' 42 ', '40')).toEqual([['on track']]);
  });

  it('applies one direction per KPI from a range the shape of actual', () => {
    expect(
      kpiStatus(column([42, 0.18, 12, 12]), column([40, 0.2, 10, 10]), column(['higher', 'higher', 'lower', ''])),
    ).toEqual([['on track'], ['off track'], ['off track'], ['on track']]);
  });

  it('keeps the layout of actual: a row, or a grid', () => {
    expect(kpiStatus([[1, 5]], [[2, 2]])).toEqual([['off track', 'on track']]);
    expect(
      kpiStatus(
        [
          [1, 5],
          [3, 3],
        ],
        [
          [2, 2],
          [3, 4],
        ],
        [
          ['lower', 'lower'],
          ['higher', 'higher'],
        ],
      ),
    ).toEqual([
      ['on track', 'off track'],
      ['on track', 'off track'],
    ]);
  });
});

describe('KPISTATUS row-level results', () => {
  it('gives a blank where actual or target is blank', () => {
    expect(kpiStatus(column(['', 5, '', ' ']), column([5, '', '', 5]))).toEqual([[''], [''], [''], ['']]);
  });

  it.each([
    ['text', 'abc', '"abc"'],
    ['TRUE', true, 'TRUE'],
    ['a date', new Date(2024, 0, 2), 'a date'],
    ['a formula typed as text', '=1+1', '"=1+1"'],
    ['a percentage typed as text', '25%', '"25%"'],
  ])('names an actual that is %s', (_kind, value, shown) => {
    expect(kpiStatus(column([value, 5]), column([3, 3]))).toEqual([
      [`invalid actual: ${shown} (number)`],
      ['on track'],
    ]);
  });

  it('names a target that is not a number', () => {
    expect(kpiStatus(5, 'n/a')).toEqual([['invalid target: "n/a" (number)']]);
  });

  it('names a per-KPI direction that is neither higher nor lower, and keeps the other KPIs', () => {
    expect(kpiStatus(column([5, 5]), column([3, 3]), column(['up', 'lower']))).toEqual([
      ['invalid direction: "up" (higher or lower)'],
      ['off track'],
    ]);
    expect(kpiStatus(column([5, 5]), column([3, 3]), column([1, 'higher']))).toEqual([
      ['invalid direction: 1 (higher or lower)'],
      ['on track'],
    ]);
  });
});

describe('KPISTATUS structural errors', () => {
  it('rejects a target of another shape', () => {
    expect(() => kpiStatus(column([1, 2, 3]), column([1, 2]))).toThrow(
      'target must have the same shape as actual (3 rows x 1 column); got 2 rows x 1 column',
    );
  });

  it.each([
    ['up', '"up"'],
    ['better', '"better"'],
    [1, '1'],
    [true, 'TRUE'],
  ])('rejects a single direction %s', (direction, shown) => {
    expect(() => kpiStatus(5, 3, direction)).toThrow(`direction must be one of "higher", "lower"; got ${shown}`);
  });

  it('rejects a direction range of another shape', () => {
    expect(() => kpiStatus(column([1, 2, 3]), column([1, 2, 3]), column(['higher', 'lower']))).toThrow(
      'direction must be a single "higher" or "lower", or a range the shape of actual (3 rows x 1 column); got 2 rows x 1 column',
    );
  });

  it('rejects an empty range', () => {
    expect(() => kpiStatus([], [])).toThrow('actual is an empty range');
  });
});

describe('KPISTATUS properties', () => {
  it('never lets junk out as anything but a status, a blank, a row-level text or a structural error', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((rows) =>
            fc.tuple(
              gridOf(junkCell, rows, 1),
              gridOf(junkCell, rows, 1),
              fc.oneof(junkCell, gridOf(junkCell, rows, 1), fc.constant(undefined)),
            ),
          ),
        ([actual, target, direction]) => {
          const out = expectSafe(() => kpiStatus(actual, target, direction), ['on track', 'off track']);
          if (out) expect(out).toHaveLength(actual.length);
        },
      ),
    );
  });

  it('turns from on track to off track exactly when the actual passes the target the wrong way', () => {
    const n = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(n, n, fc.constantFrom('higher', 'lower'), (actual, target, direction) => {
        const better = direction === 'higher' ? actual >= target : actual <= target;
        expect(kpiStatus(actual, target, direction)).toEqual([[better ? 'on track' : 'off track']]);
      }),
    );
  });
});
