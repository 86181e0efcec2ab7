/**
 * KPISIGNAL: is a KPI's latest value a real change or routine variation? An XmR (process behaviour) chart per KPI
 * from the KPI log: centre line, natural process limits at 2.66 average moving ranges, and the signal.
 */

import {
  describeShape,
  type Grid,
  isAtLeast,
  isDate,
  isOmitted,
  type OutCell,
  type OutGrid,
  StructuralError,
  toGrid,
  toNumber,
} from './cells';

/** Values a chart needs before its limits mean anything. */
export const MINIMUM_VALUES = 5;
/** Limits at centre +- 2.66 average moving ranges (3 sigma, with sigma estimated as mR / 1.128). */
export const LIMIT_FACTOR = 2.66;
/** A run this long strictly on one side of the centre line is a signal. */
const RUN_LENGTH = 8;
export const RESULT_COLUMNS = 4;

export const SIGNALS = {
  above: 'signal: above the limits',
  below: 'signal: below the limits',
  runAbove: 'signal: 8 in a row above the centre',
  runBelow: 'signal: 8 in a row below the centre',
  routine: 'routine variation',
} as const;

function needsValuesText(count: number): string {
  return `needs ${MINIMUM_VALUES} values (has ${count})`;
}

/** A single column (a single cell counts as one); anything else is a structural error naming the argument. */
function column(value: unknown, what: string, meaning: string): Grid {
  const grid = toGrid(value, what);
  if (grid[0].length === 1) return grid;
  throw new StructuralError(`${what} must be a single column, ${meaning}; got ${describeShape(grid)}`);
}

function requireLength(grid: Grid, what: string, reference: Grid): void {
  if (grid.length === reference.length) return;
  throw new StructuralError(
    `${what} must be a single column as long as log_kpis (${describeShape(reference)}); got ${describeShape(grid)}`,
  );
}

/** A KPI name as matched: trimmed, in lower case; `''` for a blank or non-text cell other than a number. */
function nameKey(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim().toLowerCase();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell).toLowerCase();
  return '';
}

/** A log date as a number that orders like the date: a Date's time, or a date's serial number as Sheets keeps it. */
function dateKey(cell: unknown): number | undefined {
  if (isDate(cell)) {
    const time = cell.getTime();
    return Number.isNaN(time) ? undefined : time;
  }
  if (typeof cell === 'number' && cell - cell === 0) return (cell - SERIAL_EPOCH_DAYS) * DAY_MS;
  return undefined;
}

const DAY_MS = 86_400_000;
/** Sheets' serial day 0 is 30 December 1899: 25,569 days before the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25_569;

/** One logged value of a KPI and the 0-based log row it came from. */
export interface LogEntry {
  readonly value: number;
  readonly row: number;
}

/**
 * Each KPI's log entries in KPISIGNAL's order (the log's row order, or date order, stable, when dates are given),
 * keyed by the matched name (`kpiKey`). Rows with a blank name, a value that is not a number, or (with dates) no
 * date are skipped. The KPIs panel's run charts read the log through this too, so they chart what KPISIGNAL sees.
 */
export function logEntriesByKpi(names: Grid, values: Grid, dates: Grid | null): Map<string, LogEntry[]> {
  const entries: { key: string; value: number; date: number; row: number }[] = [];
  for (let r = 0; r < names.length; r++) {
    const key = nameKey(names[r][0]);
    if (key === '') continue;
    const value = toNumber(values[r][0]);
    if (value === undefined) continue;
    let date = 0;
    if (dates !== null) {
      const d = dateKey(dates[r][0]);
      if (d === undefined) continue;
      date = d;
    }
    entries.push({ key, value: value + 0, date, row: r });
  }
  if (dates !== null) entries.sort((a, b) => a.date - b.date || a.row - b.row);
  const byKpi = new Map<string, LogEntry[]>();
  for (const { key, value, row } of entries) {
    const list = byKpi.get(key);
    if (list === undefined) byKpi.set(key, [{ value, row }]);
    else list.push({ value, row });
  }
  return byKpi;
}

/** A KPI name as KPISIGNAL matches it: trimmed, any case. */
export const kpiKey = nameKey;

/** `x` above `line` beyond rounding noise (12 significant digits). */
function above(x: number, line: number): boolean {
  return !isAtLeast(line, x);
}

/** The XmR chart row of one KPI's values: centre, lower, upper, signal. */
export function xmrRow(values: readonly number[]): OutCell[] {
  const n = values.length;
  if (n < MINIMUM_VALUES) return ['', '', '', needsValuesText(n)];
  let sum = 0;
  for (const x of values) sum += x;
  let ranges = 0;
  for (let i = 1; i < n; i++) ranges += Math.abs(values[i] - values[i - 1]);
  const centre = sum / n;
  const spread = LIMIT_FACTOR * (ranges / (n - 1));
  const lower = centre - spread;
  const upper = centre + spread;
  // Values near the largest number overflow the sums: a text rather than an Infinity in the sheet.
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
    return ['', '', '', 'invalid log_values: too large to chart (use a larger unit)'];
  }
  const last = values[n - 1];
  let signal: string = SIGNALS.routine;
  if (above(last, upper)) signal = SIGNALS.above;
  else if (above(lower, last)) signal = SIGNALS.below;
  else if (n >= RUN_LENGTH) {
    let high = 0;
    let low = 0;
    for (let i = n - RUN_LENGTH; i < n; i++) {
      if (above(values[i], centre)) high++;
      else if (above(centre, values[i])) low++;
    }
    if (high === RUN_LENGTH) signal = SIGNALS.runAbove;
    else if (low === RUN_LENGTH) signal = SIGNALS.runBelow;
  }
  return [centre, lower, upper, signal];
}

/** KPISIGNAL (README, function reference): K x 4 for the K names of `kpis`, a blank name giving a blank row. */
export function kpiSignal(kpis: unknown, logKpis: unknown, logValues: unknown, logDates?: unknown): OutGrid {
  const names = column(kpis, 'kpis', 'one KPI name per row');
  const logNames = column(logKpis, 'log_kpis', 'the KPI of each log row');
  const values = column(logValues, 'log_values', 'the value of each log row');
  requireLength(values, 'log_values', logNames);
  let dates: Grid | null = null;
  if (!isOmitted(logDates)) {
    dates = column(logDates, 'log_dates', 'the date of each log row');
    requireLength(dates, 'log_dates', logNames);
  }
  const byKpi = logEntriesByKpi(logNames, values, dates);
  const out: OutGrid = new Array(names.length);
  for (let r = 0; r < names.length; r++) {
    const key = nameKey(names[r][0]);
    out[r] = key === '' ? ['', '', '', ''] : xmrRow((byKpi.get(key) ?? []).map((e) => e.value));
  }
  return out;
}
