/** Setup's rows: the ten factors, the settings with their named ranges, and the sample data for empty tabs. */

import { FACTORS } from '../core/factors';
import { headerKey, inputHeaders, SETTINGS } from '../shared/schema';
import { ref } from './formulas';
import { SAMPLE_FACTORS, sampleData } from './sample';
import { col, growTo, layoutOf, listed, type Tab } from './setup-tab';
import { writeColumns } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Adds the rows a keyed tab (Factors, Settings) lacks, after its last row; returns the sheet row of each key, in
 * the order given. `wanted` rows hold a value per header of the tab; its first column is the key. Existing rows are
 * found by their key, trimmed and in any case, wherever they are.
 */
function addKeyedRows(t: Tab, wanted: readonly (readonly unknown[])[], report: string[]) {
  const rows = new Map<string, number>();
  const key = col(t, t.spec.headers[0]) - 1;
  for (let r = t.values.length - 1; r > 0; r--) {
    const found = headerKey(t.values[r][key]);
    if (found) rows.set(found, r + 1);
  }
  const missing = wanted.filter((row) => !rows.has(headerKey(row[0])));
  const start = t.dataRows + 2;
  missing.forEach((row, i) => {
    rows.set(headerKey(row[0]), start + i);
  });
  if (missing.length > 0) {
    writeRows(t, start, t.spec.headers, missing);
    report.push(`${t.spec.name}: ${missing.length} rows`);
  }
  return wanted.map((row) => rows.get(headerKey(row[0])) as number);
}

/** The ten factors (sample weights and gates in a new sample workbook); returns their rows in factor order. */
export function addFactors(t: Tab, withSample: boolean, report: string[]): number[] {
  const sample = withSample && t.dataRows === 0 ? SAMPLE_FACTORS : undefined;
  return addKeyedRows(
    t,
    FACTORS.map((f, i) => [f.name, sample?.weights[i] ?? 1, f.best, f.worst, sample?.atMost[i] ?? '']),
    report,
  );
}

/** The settings rows, and a named range for each value that does not have one yet. */
export function addSettings(ss: Spreadsheet, t: Tab, namedRanges: ReadonlySet<string>, report: string[]): void {
  const rows = addKeyedRows(
    t,
    SETTINGS.map((s) => [s.name, s.value, s.meaning]),
    report,
  );
  const value = col(t, 'Value');
  const added: string[] = [];
  SETTINGS.forEach((setting, i) => {
    if (namedRanges.has(setting.rangeName)) return;
    ss.setNamedRange(setting.rangeName, (t.sheet as Sheet).getRange(rows[i], value));
    added.push(setting.rangeName);
  });
  listed(report, 'Named ranges', added);
}

/** Sample rows go only into tabs without data. */
export function addSample(byName: Record<string, Tab>, today: string, report: string[]): void {
  const layout = layoutOf(byName);
  const data = sampleData(today, (tab, header) => ref(layout, tab, header));
  const tabs = Object.values(byName);
  const added: string[] = [];
  for (const t of tabs) {
    const rows = data[t.spec.name];
    if (!rows || t.dataRows > 0) continue;
    writeRows(t, 2, inputHeaders(t.spec), rows);
    added.push(`${rows.length} ${t.spec.name}`);
  }
  listed(report, 'Sample data', added);
}

function writeRows(t: Tab, row: number, headers: readonly string[], rows: readonly (readonly unknown[])[]): void {
  const sheet = t.sheet as Sheet;
  const last = row + rows.length - 1;
  growTo(t, last, 0);
  writeColumns(
    sheet,
    row,
    headers.map((h) => col(t, h)),
    rows,
  );
  t.dataRows = Math.max(t.dataRows, last - 1);
}
