/**
 * Run charts of KPIs for the sidebar: the values KPISIGNAL reads from the KPI log, in its order, with its centre,
 * limits and signal (the same code, `logEntriesByKpi` and `xmrRow`), and what KPISIGNAL said at each value since a
 * given day (did an improvement move the KPI?).
 */

import { type Grid, numberOrNull } from './cells';
import { kpiKey, logEntriesByKpi, xmrRow } from './kpi-signal';

/** One charted value and the 0-based KPI log row it came from. */
export interface RunValue {
  readonly value: number;
  readonly row: number;
}

export interface RunChartCore {
  readonly values: readonly RunValue[];
  /** Null while the KPI has fewer values than the chart needs. */
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** KPISIGNAL's fourth cell: `signal: ...`, `routine variation` or `needs 5 values (has n)`. */
  readonly signal: string;
}

/** One run chart per name of `kpis` (blank names give an empty chart), as KPISIGNAL computes it from the same log. */
export function runCharts(
  kpis: readonly unknown[],
  logKpis: Grid,
  logValues: Grid,
  logDates: Grid | null,
): RunChartCore[] {
  const byKpi = logEntriesByKpi(logKpis, logValues, logDates);
  return kpis.map((name) => {
    const key = kpiKey(name);
    const values = key === '' ? [] : (byKpi.get(key) ?? []);
    const [centre, lower, upper, signal] = xmrRow(values.map((v) => v.value));
    return {
      values,
      centre: numberOrNull(centre),
      lower: numberOrNull(lower),
      upper: numberOrNull(upper),
      signal: String(signal),
    };
  });
}

/** A charted value with its day, as the sidebar receives it (ISO `YYYY-MM-DD`, '' when the log has none). */
export interface DatedValue {
  readonly date: string;
  readonly value: number;
}

export interface SignalAt {
  readonly date: string;
  readonly value: number;
  /** What KPISIGNAL said with the log as it stood at this value (every value up to it). */
  readonly signal: string;
}

/**
 * For each value dated on or after `since` (ISO day), what KPISIGNAL said once that value was logged: the XmR chart
 * of every value up to it. `points` are in KPISIGNAL's order (date order).
 */
export function signalsSince(points: readonly DatedValue[], since: string): SignalAt[] {
  const out: SignalAt[] = [];
  if (since === '') return out;
  for (let i = 0; i < points.length; i++) {
    const { date, value } = points[i];
    if (date === '' || date < since) continue;
    const signal = String(xmrRow(points.slice(0, i + 1).map((p) => p.value))[3]);
    out.push({ date, value, signal });
  }
  return out;
}
