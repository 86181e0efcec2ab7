/** What setup reads of a table tab before it writes anything, and the columns it plans to add. */

import { isBlank } from '../core/cells';
import { headerKey, LEADS_TAB, type TabSpec } from '../shared/schema';
import { headerArrayLabels, type Layout } from './formulas';
import { FORMATS, KINDS, kindOf, type RuleKind } from './guards';
import { isEmptyRow } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What setup read of one tab before writing anything, and what it plans to add. */
export interface Tab {
  readonly spec: TabSpec;
  sheet: Sheet | undefined;
  readonly created: boolean;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly string[])[];
  maxRows: number;
  maxColumns: number;
  readonly frozenRows: number;
  /** Leads only (it freezes Lead and Company and notes the Score header): its frozen columns and header notes. */
  readonly frozenColumns: number;
  readonly headerNotes: readonly string[];
  /** The validation rule of each row-2 cell, from column A (null where none). */
  readonly validations: readonly (GoogleAppsScript.Spreadsheet.DataValidation | null)[];
  readonly formatRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  readonly protections: readonly { description: string; protection: GoogleAppsScript.Spreadsheet.Protection }[];
  /** Header key to 1-based column, including the headers setup adds. */
  readonly columns: Map<string, number>;
  /** Columns holding a computed header-cell formula: the first column of each, its headers. */
  readonly headerFormulas: Map<number, readonly string[]>;
  readonly added: string[];
  /** The header cells setup wrote, when they are the whole header of a tab it created. */
  headerRange?: GoogleAppsScript.Spreadsheet.Range;
  /** Rows below the header holding data outside the computed columns. */
  dataRows: number;
}

export function listed(report: string[], title: string, items: readonly string[]): void {
  if (items.length > 0) report.push(`${title}: ${items.join(', ')}`);
}

/** Sets each number format (none where '') on its ranges (A1), with one call per format. */
export function setNumberFormats(sheet: Sheet, formats: readonly (readonly [a1: string, format: string])[]): void {
  const byFormat = new Map<string, string[]>();
  for (const [a1, format] of formats) if (format) byFormat.set(format, [...(byFormat.get(format) ?? []), a1]);
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
}

/** Adds rows and columns so the tab's sheet has at least `rows` x `columns`: no read, the tab knows its size. */
export function growTo(t: Tab, rows: number, columns: number): void {
  const sheet = t.sheet as Sheet;
  if (rows > t.maxRows) {
    sheet.insertRowsAfter(t.maxRows, rows - t.maxRows);
    t.maxRows = rows;
  }
  if (columns > t.maxColumns) {
    sheet.insertColumnsAfter(t.maxColumns, columns - t.maxColumns);
    t.maxColumns = columns;
  }
}

export function readTab(sheet: Sheet | undefined, spec: TabSpec): Tab {
  const range = sheet?.getDataRange();
  const values = range?.getValues() ?? [];
  const formulas = range?.getFormulas() ?? [];
  // A new sheet's size in Sheets (1000 rows, 26 columns), so a tab setup creates needs no read.
  const maxColumns = sheet?.getMaxColumns() ?? 26;
  const leads = sheet && spec.name === LEADS_TAB.name;
  const t: Tab = {
    spec,
    sheet,
    created: !sheet,
    values:
      values.every((row) => isEmptyRow(row, new Set())) && formulas.every((row) => !row.some(Boolean)) ? [] : values,
    formulas,
    maxRows: sheet?.getMaxRows() ?? 1000,
    maxColumns,
    frozenRows: sheet?.getFrozenRows() ?? 0,
    frozenColumns: leads ? sheet.getFrozenColumns() : 0,
    headerNotes: leads ? sheet.getRange(1, 1, 1, maxColumns).getNotes()[0] : [],
    validations: sheet?.getRange(2, 1, 1, maxColumns).getDataValidations()[0] ?? [],
    formatRules: (FORMATS[spec.name] && sheet?.getConditionalFormatRules()) || [],
    protections: (sheet?.getProtections(SpreadsheetApp.ProtectionType.RANGE) ?? []).map((protection) => ({
      protection,
      description: protection.getDescription(),
    })),
    columns: new Map(),
    headerFormulas: new Map(),
    added: [],
    dataRows: 0,
  };
  readHeader(t);
  return t;
}

/** Finds the columns by header text, and the computed ones by their header-cell formula (even while it errs). */
function readHeader(t: Tab): void {
  const header = t.values[0] ?? [];
  header.forEach((value, i) => {
    const labels = headerArrayLabels(t.formulas[0]?.[i] ?? '');
    if (labels) t.headerFormulas.set(i + 1, labels);
    (labels ?? [value]).forEach((label, k) => {
      const key = headerKey(label);
      if (key && !t.columns.has(key)) t.columns.set(key, i + 1 + k);
    });
  });
  // 0-based, as the rows are; -1 for a computed column the tab lacks.
  const computed = new Set(t.spec.computed.map((h) => (t.columns.get(headerKey(h)) ?? 0) - 1));
  let rows = Math.max(0, t.values.length - 1);
  while (rows > 0 && isEmptyRow(t.values[rows], computed)) rows--;
  t.dataRows = rows;
}

export function col(t: Tab, header: string): number {
  return t.columns.get(headerKey(header)) as number;
}

export const layoutOf = (byName: Record<string, Tab>): Layout =>
  Object.fromEntries(Object.values(byName).map((t) => [t.spec.name, t.columns]));

/**
 * Places missing headers after the last used column, so no existing column moves. A missing column that a column
 * of another header evidently holds (someone renamed Owner to Rep: its cells are all reps of the Team tab) is not
 * added again, which would split the data in two: formulas use that column, and setup says to rename it back.
 */
export function planHeaders(t: Tab, byName: Readonly<Record<string, Tab>>, report: string[]): void {
  const known = new Set(t.spec.headers.map(headerKey));
  const unknown = [...t.columns].filter(([key]) => !known.has(key));
  const missing = t.spec.headers.filter((h) => !t.columns.has(headerKey(h)));
  for (const h of missing) {
    const holders = unknown.filter(([, c]) => holdsKind(t, c, kindOf(t.spec.name, h), byName));
    if (holders.length === 1 && !t.spec.computed.includes(h)) {
      const [, column] = holders[0];
      const shown = String(t.values[0]?.[column - 1] ?? '');
      t.columns.set(headerKey(h), column);
      report.push(
        `${t.spec.name}: no ${h} column, but ${shown} holds what ${h} should, so formulas use it; ` +
          `rename ${shown} back to ${h} so the sidebar finds it too (nothing was added)`,
      );
      continue;
    }
    t.added.push(h);
  }
  const first = Math.max(t.values[0]?.length ?? 0, ...t.columns.values()) + 1;
  t.added.forEach((h, i) => {
    t.columns.set(headerKey(h), first + i);
  });
}

/**
 * Do the data cells of `column` evidently hold values of `kind` (at least one, and four in five non-blank ones)?
 * Columns of free text cannot be told apart, so they never count as holding another column's data.
 */
function holdsKind(t: Tab, column: number, kind: RuleKind | undefined, byName: Readonly<Record<string, Tab>>): boolean {
  if (kind === undefined) return false;
  const cells = t.values
    .slice(1)
    .map((row) => row[column - 1])
    .filter((v) => !isBlank(v));
  let allowed = typeof kind === 'string' ? KINDS[kind]?.[0] : undefined;
  if (!allowed) {
    // A list, or the values of another tab's column.
    const [tab, header] = typeof kind === 'string' ? kind.split(':') : [];
    const source = byName[tab];
    const c = source?.columns.get(headerKey(header));
    const names = new Set(
      typeof kind !== 'string'
        ? kind.map(headerKey)
        : c
          ? source.values.slice(1).map((row) => headerKey(row[c - 1]))
          : [],
    );
    allowed = (v) => names.has(headerKey(v));
  }
  return cells.length > 0 && cells.filter(allowed).length * 5 >= cells.length * 4;
}
