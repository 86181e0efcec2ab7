/** KPI run charts from the KPI log table, as the sidebar receives them (days as YYYY-MM-DD in the sheet's zone). */

import { runCharts } from '../core/kpi-run-chart';
import type { RunChartData } from '../shared/sidebar-api';
import { wireValue } from './dates';
import { cell, type Table } from './store';

type Rows = Pick<Table, 'columns' | 'rows'>;

/** One chart per KPI name, read from `log` (Date, KPI, Value) in KPISIGNAL's order with its centre, limits and signal. */
export function runChartsOf(kpis: readonly string[], log: Rows, timeZone: string): RunChartData[] {
  const column = (header: string) => log.rows.map((row) => [cell(log, row, header)]);
  const dates = column('Date');
  return runCharts(kpis, column('KPI'), column('Value'), dates).map((chart) => ({
    points: chart.values.map(({ value, row }) => {
      const date = wireValue(dates[row][0], timeZone);
      return { date: typeof date === 'string' ? date : '', value };
    }),
    centre: chart.centre,
    lower: chart.lower,
    upper: chart.upper,
    signal: chart.signal,
  }));
}
