import { describe, expect, it } from 'vitest';
import { runCharts, signalsSince } from '../../src/core/kpi-run-chart';
import { kpiSignal } from '../../src/core/kpi-signal';

const col = (values: unknown[]) => values.map((v) => [v]);
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe('runCharts', () => {
  const names = ['Calls', ' calls ', 'Calls', 'Win rate', 'Calls', 'Calls', 'Calls', '', 'Calls'];
  const values = [42, 38, 45, 0.3, 40, 44, 75, 9, 'n/a'];
  const dates = [day(1), day(2), day(4), day(3), day(3), day(5), day(6), day(7), day(8)];

  it('charts what KPISIGNAL computes: the same values in date order, centre, limits and signal', () => {
    const [calls, rate, none] = runCharts(['Calls', 'WIN RATE', 'Visits'], col(names), col(values), col(dates));
    expect(calls.values.map((v) => v.value)).toEqual([42, 38, 40, 45, 44, 75]);
    expect(calls.values.map((v) => v.row)).toEqual([0, 1, 4, 2, 5, 6]);
    const [centre, lower, upper, signal] = kpiSignal(col(['Calls']), col(names), col(values), col(dates))[0];
    expect([calls.centre, calls.lower, calls.upper, calls.signal]).toEqual([centre, lower, upper, signal]);
    expect(rate).toEqual({
      values: [{ value: 0.3, row: 3 }],
      centre: null,
      lower: null,
      upper: null,
      signal: 'needs 5 values (has 1)',
    });
    expect(none.values).toEqual([]);
    expect(runCharts([''], col(names), col(values), null)[0].values).toEqual([]);
  });

  it('keeps the log order without dates', () => {
    const [calls] = runCharts(['Calls'], col(names), col(values), null);
    expect(calls.values.map((v) => v.value)).toEqual([42, 38, 45, 40, 44, 75]);
  });
});

describe('signalsSince', () => {
  const week = (n: number) => new Date(Date.UTC(2026, 0, 5 + 7 * n)).toISOString().slice(0, 10);
  const shifted = [82, 85, 81, 84, 83, 86, 91, 93, 92, 94, 93, 95, 92, 94].map((value, n) => ({
    date: week(n),
    value,
  }));

  it('gives what KPISIGNAL said with the log as it stood at each value since the day', () => {
    const said = signalsSince(shifted, week(6));
    expect(said).toHaveLength(8);
    expect(said.map((s) => s.signal)).toEqual(
      shifted
        .slice(6)
        .map((_, i) =>
          String(
            kpiSignal(
              col(['k']),
              col(shifted.slice(0, 7 + i).map(() => 'k')),
              col(shifted.slice(0, 7 + i).map((p) => p.value)),
            )[0][3],
          ),
        ),
    );
    expect(said[said.length - 1].signal).toBe('signal: 8 in a row above the centre');
    expect(said.find((s) => s.signal.startsWith('signal:'))).toEqual({
      date: week(11),
      value: 95,
      signal: 'signal: above the limits',
    });
  });

  it('gives nothing before any value, or without a day', () => {
    expect(signalsSince(shifted, '2030-01-01')).toEqual([]);
    expect(signalsSince(shifted, '')).toEqual([]);
    expect(signalsSince([{ date: '', value: 1 }], '2026-01-01')).toEqual([]);
  });
});
