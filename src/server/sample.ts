/**
 * Sample data for `Set up workbook with sample data`, read from the project file SampleData.html only when asked
 * for: every custom-function call loads Code.js whole, so the 8 KB of rows stay out of it. tools/sample-data.ts
 * generates the file at build time.
 */

/** Rows per tab, each row aligned with `inputHeaders(tab)`. */
export type SampleData = Readonly<Record<string, readonly (readonly unknown[])[]>>;

/** Where a column's data is, as a formula argument from another tab (`Leads!T2:T`). */
export type ColumnRef = (tab: string, header: string) => string;

/** A date cell in the file: so many days from the day the sample is set up. */
export interface SampleDay {
  readonly day: number;
}

/** How a formula in the file names a column; replaced by where the column is in the workbook being set up. */
export const columnPlaceholder: ColumnRef = (tab, header) => `{{${tab}!${header}}}`;
const PLACEHOLDER = /\{\{([^!}]+)!([^}]+)\}\}/g;

/** The manager's first guess at the weights, and the qualification gates (worst rating accepted; '' = none). */
export const SAMPLE_FACTORS = {
  weights: [2, 1, 1, 2, 1, 1, 1, 2, 1, 1],
  atMost: ['', '', 3, '', '', 3, '', '', '', ''],
} as const;

/** `today` (YYYY-MM-DD) moved by `days`, as YYYY-MM-DD text, which Sheets reads as a date. */
export function addDays(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The file's JSON with its dates counted from `today` (the spreadsheet's, YYYY-MM-DD) and its columns placed. */
export function parseSampleData(json: string, today: string, ref: ColumnRef): SampleData {
  return JSON.parse(json, (_key, value) => {
    if (typeof value === 'string') return value.replace(PLACEHOLDER, (_m, tab, header) => ref(tab, header));
    if (typeof value?.day === 'number') return addDays(today, value.day);
    return value;
  });
}

export function sampleData(today: string, ref: ColumnRef): SampleData {
  return parseSampleData(HtmlService.createHtmlOutputFromFile('SampleData').getContent(), today, ref);
}
