import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpiSignal, SIGNALS, xmrRow } from '../../src/core/kpi-signal';
import { expectSafe, junkCell, sizedGrid } from './junk';

const column = (values: unknown[]) => values.map((v) => [v]);

/** One KPI's log: its name on every row. */
function log(name: string, values: unknown[]): [unknown[][], unknown[][]] {
  return [column(values.map(() => name)), column(values)];
}

const day = (d: number) => new Date(2024, 0, d);

describe('KPISIGNAL golden cases', () => {
  it('gives the centre, the limits at 2.66 average moving ranges and routine variation', () => {
    // Centre 55 / 5 = 11; moving ranges 2, 1, 2, 4: mean 2.25; limits 11 -+ 5.985.
    const [[centre, lower, upper, signal]] = kpiSignal('Calls', ...log('Calls', [10, 12, 11, 13, 9]));
    expect(centre).toBe(11);
    expect(lower).toBeCloseTo(5.015, 12);
    expect(upper).toBeCloseTo(16.985, 12);
    expect(signal).toBe(SIGNALS.routine);
  });

  it('flags a last value above the upper limit', () => {
    // Centre 76 / 5 = 15.2; mR (2 + 1 + 2 + 17) / 4 = 5.5; upper 15.2 + 14.63 = 29.83 < 30.
    const [row] = kpiSignal('Calls', ...log('Calls', [10, 12, 11, 13, 30]));
    expect(row[0]).toBeCloseTo(15.2, 12);
    expect(row[2]).toBeCloseTo(29.83, 12);
    expect(row[3]).toBe('signal: above the limits');
  });

  it('flags a last value below the lower limit', () => {
    // Centre 124 / 5 = 24.8; mR 5.5; lower 24.8 - 14.63 = 10.17 > 10.
    const [row] = kpiSignal('Calls', ...log('Calls', [30, 28, 29, 27, 10]));
    expect(row[1]).toBeCloseTo(10.17, 12);
    expect(row[3]).toBe('signal: below the limits');
  });

  it('calls a flat series routine: its limits equal the centre, and rounding in the mean is no signal', () => {
    expect(kpiSignal('A', ...log('A', [4, 4, 4, 4, 4]))).toEqual([[4, 4, 4, SIGNALS.routine]]);
    expect(kpiSignal('A', ...log('A', [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]))[0][3]).toBe(SIGNALS.routine);
  });

  it('flags 8 in a row strictly above the centre, and below it, when the last value is within the limits', () => {
    // Centre 44 / 16 = 2.75; mR (7 * 4 + 1 + 7 * 1) / 15 = 2.4; upper 2.75 + 6.384 = 9.134.
    const up = [0, 4, 0, 4, 0, 4, 0, 4, 3, 4, 3, 4, 3, 4, 3, 4];
    const [row] = kpiSignal('A', ...log('A', up));
    expect(row[0]).toBe(2.75);
    expect(row[2]).toBeCloseTo(9.134, 12);
    expect(row[3]).toBe('signal: 8 in a row above the centre');
    expect(
      kpiSignal(
        'A',
        ...log(
          'A',
          up.map((x) => -x),
        ),
      )[0][3],
    ).toBe('signal: 8 in a row below the centre');
  });

  it('needs all eight of the last eight on one side', () => {
    const seven = [0, 4, 0, 4, 0, 4, 0, 4, 2, 4, 3, 4, 3, 4, 3, 4]; // the eighth from the end is below the centre
    expect(kpiSignal('A', ...log('A', seven))[0][3]).toBe(SIGNALS.routine);
  });

  it('says how many values it has below five, and has 0 for a KPI not in the log', () => {
    expect(kpiSignal(column(['A', 'B']), ...log('A', [1, 2, 3, 4]))).toEqual([
      ['', '', '', 'needs 5 values (has 4)'],
      ['', '', '', 'needs 5 values (has 0)'],
    ]);
  });

  it('matches names trimmed and in any case', () => {
    const names = column([' leads per week ', 'LEADS PER WEEK', 'Leads per week', 'leads Per week', 'Leads per week ']);
    const values = column([10, 12, 11, 13, 9]);
    expect(kpiSignal(' Leads per WEEK', names, values)).toEqual(
      kpiSignal('Calls', ...log('Calls', [10, 12, 11, 13, 9])),
    );
  });

  it('takes interleaved KPIs apart, each in its own order', () => {
    const names = column(['A', 'B', 'A', 'B', 'A', 'B', 'A', 'B', 'A', 'B']);
    const values = column([10, 100, 12, 90, 11, 95, 13, 85, 9, 300]);
    const out = kpiSignal(column(['B', 'A']), names, values);
    expect(out[1]).toEqual(kpiSignal('A', ...log('A', [10, 12, 11, 13, 9]))[0]);
    expect(out[0]).toEqual(kpiSignal('B', ...log('B', [100, 90, 95, 85, 300]))[0]);
    expect(out[0][3]).toBe('signal: above the limits');
  });

  it('orders by date when dates are given, stable for equal dates, skipping rows without a date', () => {
    const names = column(['A', 'A', 'A', 'A', 'A', 'A', 'A']);
    const values = column([9, 13, 10, 12, 11, 1000, 500]);
    const dates = column([day(9), day(7), day(1), day(3), day(3), '', 'someday']);
    // In date order: 10 (1st), 12 and 11 (both the 3rd, in row order), 13 (7th), 9 (9th).
    expect(kpiSignal('A', names, values, dates)).toEqual(kpiSignal('A', ...log('A', [10, 12, 11, 13, 9])));
    // Without dates: the log's row order, every valued row counted.
    expect(kpiSignal('A', names, values)).toEqual(kpiSignal('A', ...log('A', [9, 13, 10, 12, 11, 1000, 500])));
  });

  it("takes a date's serial number as Sheets keeps it, ordered with Dates", () => {
    const names = column(['A', 'A', 'A', 'A', 'A']);
    const values = column([13, 9, 10, 12, 11]);
    // Serial 45300 is 8 January 2024 (45292 is 1 January).
    const dates = column([45300, 45310, day(1), day(2), day(3)]);
    expect(kpiSignal('A', names, values, dates)).toEqual(kpiSignal('A', ...log('A', [10, 12, 11, 13, 9])));
  });

  it('skips log rows with a blank name or a value that is not a number; a blank KPI gives a blank row', () => {
    const names = column(['A', '', 'A', 'A', ' ', 'A', 'A', 'A', 'A']);
    const values = column([10, 50, 12, 'n/a', 70, '', 11, '13', 9]);
    expect(kpiSignal(column(['A', '', '  ']), names, values)).toEqual([
      kpiSignal('A', ...log('A', [10, 12, 11, 13, 9]))[0],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
  });

  it('takes a single KPI name as a single cell, and an empty log_dates as omitted', () => {
    const [names, values] = log('A', [10, 12, 11, 13, 9]);
    expect(kpiSignal([['A']], names, values, '')).toEqual(kpiSignal('A', names, values));
  });

  it('gives a text, never Infinity, for values too large to chart', () => {
    expect(xmrRow([1e308, -1e308, 1e308, -1e308, 1e308])).toEqual([
      '',
      '',
      '',
      'invalid log_values: too large to chart (use a larger unit)',
    ]);
  });
});

describe('KPISIGNAL structural errors', () => {
  const [names, values] = log('A', [1, 2, 3]);

  it.each([
    [
      'kpis of two columns',
      () => kpiSignal([['A', 'B']], names, values),
      /^kpis must be a single column, one KPI name per row; got 1 row x 2 columns$/,
    ],
    [
      'log_kpis of two columns',
      () => kpiSignal('A', [['A', 1]], [[1]]),
      /^log_kpis must be a single column, the KPI of each log row; got 1 row x 2 columns$/,
    ],
    [
      'log_values of another length',
      () => kpiSignal('A', names, column([1, 2])),
      /^log_values must be a single column as long as log_kpis \(3 rows x 1 column\); got 2 rows x 1 column$/,
    ],
    [
      'log_dates of another length',
      () => kpiSignal('A', names, values, column([day(1)])),
      /^log_dates must be a single column as long as log_kpis \(3 rows x 1 column\); got 1 row x 1 column$/,
    ],
    ['an empty kpis range', () => kpiSignal([], names, values), /^kpis is an empty range$/],
  ])('rejects %s', (_kind, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('KPISIGNAL properties', () => {
  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 5, maxLength: 40 });

  it('puts the limits symmetrically around the centre, lower <= centre <= upper', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const [[centre, lower, upper, signal]] = kpiSignal('K', ...log('K', xs));
        const c = centre as number;
        const scale = Math.max(1, ...xs.map(Math.abs));
        expect((upper as number) - c).toBeCloseTo(c - (lower as number), 12 - Math.ceil(Math.log10(scale)));
        expect(lower as number).toBeLessThanOrEqual(c);
        expect(upper as number).toBeGreaterThanOrEqual(c);
        expect(Object.values(SIGNALS)).toContain(signal);
      }),
    );
  });

  it('shifts the centre and both limits by a constant added to every value', () => {
    fc.assert(
      fc.property(values, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (xs, shift) => {
        const [before] = kpiSignal('K', ...log('K', xs));
        const [after] = kpiSignal(
          'K',
          ...log(
            'K',
            xs.map((x) => x + shift),
          ),
        );
        const tolerance = 1e-9 * Math.max(1, Math.abs(shift), ...xs.map(Math.abs));
        for (let i = 0; i < 3; i++) {
          expect(Math.abs((after[i] as number) - ((before[i] as number) + shift))).toBeLessThanOrEqual(tolerance);
        }
      }),
    );
  });

  it('gives the needs text below five values, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 4 }), (xs) => {
        expect(kpiSignal('K', ...log('K', xs.length ? xs : ['']))).toEqual([
          ['', '', '', `needs 5 values (has ${xs.length})`],
        ]);
      }),
    );
  });

  it('never lets junk out as anything but numbers, its texts or a structural error', () => {
    fc.assert(
      fc.property(
        sizedGrid(fc.oneof(junkCell, fc.constantFrom('A', ' a ')), 4, fc.constantFrom(1, 1, 2)),
        sizedGrid(fc.constantFrom('A', 'a', ' A', '', 'B'), 20, fc.constant(1)),
        fc.array(junkCell, { minLength: 20, maxLength: 20 }),
        fc.oneof(fc.constant(undefined), fc.array(junkCell, { minLength: 20, maxLength: 20 })),
        (kpis, names, logValues, dates) => {
          const n = names.length;
          const texts = [
            ...Object.values(SIGNALS),
            ...Array.from({ length: 21 }, (_, k) => `needs 5 values (has ${k})`),
          ];
          const out = expectSafe(
            () => kpiSignal(kpis, names, column(logValues.slice(0, n)), dates && column(dates.slice(0, n))),
            texts,
          );
          if (out) expect(out.map((row) => row.length)).toEqual(kpis.map(() => 4));
        },
      ),
    );
  });
});
