/** `Set up workbook`: creates what is missing and changes no cell that holds data; run twice, it changes nothing. */

import { isBlank } from '../core/cells';
import { FACTORS } from '../core/factors';
import { headerKey, inputHeaders, TABS, type TabSpec } from '../shared/schema';
import { columnLetter, columnRuns, openRange } from './a1';
import { isoToday } from './dates';
import { computedFormulas, type Layout, weightsArgument } from './formulas';
import { FORMATS, NUMBER_FORMATS, type RuleKind, VALIDATION } from './guards';
import { sampleData } from './sample';
import { computedIndexes, ensureRows, headerColumns, isEmptyRow, withDocumentLock, writeColumns } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Tab {
  readonly spec: TabSpec;
  readonly sheet: Sheet;
  readonly created: boolean;
  /** The data range as read before setup wrote anything: values, and formula text where a cell has one. */
  readonly cells: readonly (readonly unknown[])[];
  /** Header key to 1-based column, including the headers setup adds. */
  readonly columns: Map<string, number>;
  readonly added: string[];
  /** Rows below the header holding data outside the computed columns. */
  dataRows: number;
  /** 1-based first column and width of each computed area that holds its formula. */
  readonly computed: [string, number, number][];
}

const TITLE = 'Lean Sales setup';

export function setupWorkbook(): void {
  setUp(false);
}

export function setupWorkbookWithSampleData(): void {
  setUp(true);
}

function setUp(withSample: boolean): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report: string[] = [];
  const step = (text: string) => ss.toast(text, TITLE, 5);
  withDocumentLock(() => {
    step('Creating tabs and headers');
    const tabs = TABS.map((spec) => openTab(ss, spec));
    listed(
      report,
      'Tabs created',
      tabs.filter((t) => t.created).map((t) => t.spec.name),
    );
    for (const t of tabs) addHeaders(t, report);
    const byName: Record<string, Tab> = Object.fromEntries(tabs.map((t) => [t.spec.name, t]));
    step('Writing the ten factors');
    const factorRows = addFactors(byName.Factors, report);
    if (withSample) {
      step('Adding sample data');
      addSample(tabs, isoToday(ss.getSpreadsheetTimeZone()), report);
    }
    step('Writing formulas');
    addFormulas(byName, factorRows, report);
    step('Adding guardrails');
    const counts = [0, 0, 0, 0];
    for (const t of tabs) guard(t, byName, counts);
    const names = ['validation rules', 'conditional formats', 'protected ranges', 'frozen header rows'];
    listed(report, 'Guardrails', names.map((name, i) => (counts[i] ? `${counts[i]} ${name}` : '')).filter(Boolean));
  });
  const ui = SpreadsheetApp.getUi();
  const summary = report.length > 0 ? report.join('\n') : 'The workbook was already set up; nothing changed.';
  ui.alert(TITLE, summary, ui.ButtonSet.OK);
}

function listed(report: string[], title: string, items: readonly string[]): void {
  if (items.length > 0) report.push(`${title}: ${items.join(', ')}`);
}

function openTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: TabSpec): Tab {
  const existing = ss.getSheetByName(spec.name);
  const sheet = existing ?? ss.insertSheet(spec.name, ss.getNumSheets());
  const range = sheet.getDataRange();
  const formulas = range.getFormulas();
  const values = range.getValues().map((row, r) => row.map((v, c) => formulas[r][c] || v));
  const empty = values.every((row) => isEmptyRow(row, new Set()));
  const cells = empty ? [] : values;
  const header = cells[0] ?? [];
  const columns = new Map([...headerColumns(header)].map(([key, i]) => [key, i + 1]));
  const skip = computedIndexes(spec, headerColumns(header));
  let dataRows = Math.max(0, cells.length - 1);
  while (dataRows > 0 && isEmptyRow(cells[dataRows], skip)) dataRows--;
  return { spec, sheet, created: !existing, cells, columns, added: [], dataRows, computed: [] };
}

function col(t: Tab, header: string): number {
  return t.columns.get(headerKey(header)) as number;
}

/** Adds missing headers after the last used column, so no existing column moves. */
function addHeaders(t: Tab, report: string[]): void {
  const missing = t.spec.headers.filter((h) => !t.columns.has(headerKey(h)));
  if (missing.length === 0) return;
  const first = (t.cells[0]?.length ?? 0) + 1;
  const max = t.sheet.getMaxColumns();
  const last = first + missing.length - 1;
  if (last > max) t.sheet.insertColumnsAfter(max, last - max);
  t.sheet.getRange(1, first, 1, missing.length).setValues([missing]).setFontWeight('bold');
  missing.forEach((h, i) => {
    t.columns.set(headerKey(h), first + i);
  });
  t.added.push(...missing);
  if (!t.created) report.push(`${t.spec.name}: added ${missing.join(', ')}`);
}

/** Adds the factors the Factors tab lacks; returns the sheet row of each factor, in factor order. */
function addFactors(t: Tab, report: string[]): number[] {
  const rows = new Map<string, number>();
  const factor = col(t, 'Factor') - 1;
  for (let r = t.cells.length - 1; r > 0; r--) {
    const key = headerKey(t.cells[r][factor]);
    if (key) rows.set(key, r + 1);
  }
  const missing = FACTORS.filter((f) => !rows.has(headerKey(f.name)));
  const start = t.dataRows + 2;
  missing.forEach((f, i) => {
    rows.set(headerKey(f.name), start + i);
  });
  if (missing.length > 0) {
    ensureRows(t.sheet, start + missing.length);
    const columns = ['Factor', 'Weight', '1 means', '5 means'].map((h) => col(t, h));
    writeColumns(
      t.sheet,
      start,
      columns,
      missing.map((f) => [f.name, 1, f.best, f.worst]),
    );
    t.dataRows += missing.length;
    report.push(`Factors: ${missing.length} rows`);
  }
  return FACTORS.map((f) => rows.get(headerKey(f.name)) as number);
}

/** Sample rows go only into tabs without data. */
function addSample(tabs: readonly Tab[], today: string, report: string[]): void {
  const data = sampleData(today);
  const added: string[] = [];
  for (const t of tabs) {
    const rows = data[t.spec.name];
    if (!rows || t.dataRows > 0) continue;
    ensureRows(t.sheet, rows.length + 1);
    writeColumns(
      t.sheet,
      2,
      inputHeaders(t.spec).map((h) => col(t, h)),
      rows,
    );
    t.dataRows = rows.length;
    added.push(`${rows.length} ${t.spec.name}`);
  }
  listed(report, 'Sample data', added);
}

/** One formula per computed area, written only where the whole area is empty. */
function addFormulas(byName: Record<string, Tab>, factorRows: readonly number[], report: string[]): void {
  const layout: Layout = Object.fromEntries(Object.values(byName).map((t) => [t.spec.name, t.columns]));
  const written: string[] = [];
  for (const f of computedFormulas(layout, weightsArgument(layout, factorRows))) {
    const t = byName[f.tab];
    const first = col(t, f.headers[0]);
    const name = `${f.tab} ${f.headers[0]}`;
    if (!f.headers.every((h, i) => col(t, h) === first + i)) {
      report.push(`${name}: ${f.headers.join(', ')} must be adjacent, in this order; no formula written`);
      continue;
    }
    const anchor = t.cells[1]?.[first - 1];
    if (typeof anchor === 'string' && anchor.startsWith('=')) {
      t.computed.push([f.headers[0], first, f.headers.length]);
      continue;
    }
    const used = t.cells.some((row, r) => r > 0 && f.headers.some((_, i) => !isBlank(row[first - 1 + i])));
    if (used) {
      report.push(`${name}: holds values, so no formula was written`);
      continue;
    }
    t.sheet.getRange(2, first).setFormula(f.formula);
    t.computed.push([f.headers[0], first, f.headers.length]);
    written.push(name);
  }
  listed(report, 'Formulas', written);
}

function validationRule(kind: RuleKind, first: number, byName: Record<string, Tab>) {
  const rule = SpreadsheetApp.newDataValidation();
  const [tab, header] = typeof kind === 'string' ? kind.split(':') : [];
  if (typeof kind !== 'string') {
    rule.requireValueInList([...kind], true).setAllowInvalid(false);
  } else if (header) {
    const source = byName[tab];
    rule
      .requireValueInRange(source.sheet.getRange(openRange(col(source, header))), true)
      .setHelpText(`Pick one from the ${header} column of the ${tab} tab`);
  } else if (kind === 'rating') {
    const x = `${columnLetter(first)}2`;
    rule
      .requireFormulaSatisfied(`=AND(ISNUMBER(${x}),${x}=INT(${x}),${x}>=1,${x}<=5)`)
      .setAllowInvalid(false)
      .setHelpText('A whole number from 1 (best) to 5');
  } else if (kind === 'target') {
    rule.requireNumberBetween(1, 5).setAllowInvalid(false).setHelpText('A number from 1 (best) to 5; decimals allowed');
  } else if (kind === 'amount') {
    rule.requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText('A number, 0 or more');
  } else if (kind === 'date') {
    rule.requireDate().setHelpText('A date, such as 2025-03-31');
  } else {
    rule.requireCheckbox();
  }
  return rule.build();
}

/** Frozen header, warning-only protection of headers and formulas, validation, conditional and number formats. */
function guard(t: Tab, byName: Record<string, Tab>, counts: number[]): void {
  const { sheet, spec } = t;
  const runs = (headers: readonly string[]) => columnRuns(headers.map((h) => col(t, h)).sort((a, b) => a - b));

  const row2 = sheet.getRange(2, 1, 1, sheet.getMaxColumns()).getDataValidations()[0];
  for (const [headers, kind] of VALIDATION[spec.name] ?? []) {
    for (const [a, b] of runs(headers.filter((h) => !row2[col(t, h) - 1]))) {
      sheet.getRange(openRange(a, b)).setDataValidation(validationRule(kind, a, byName));
      counts[0]++;
    }
  }

  const wanted = FORMATS[spec.name];
  if (wanted) {
    const rules = sheet.getConditionalFormatRules();
    const have = new Set(rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]));
    const added: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
    for (const [headers, formula, color] of wanted) {
      for (const [a, b] of runs(headers)) {
        const company = spec.name === 'Leads' ? columnLetter(col(t, 'Company')) : '';
        const f = formula.replace(/X2/g, () => `${columnLetter(a)}2`).replace('$C', () => `$${company}`);
        if (have.has(f)) continue;
        const range = sheet.getRange(openRange(a, b));
        added.push(
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(f)
            .setBackground(color)
            .setRanges([range])
            .build(),
        );
      }
    }
    if (added.length > 0) sheet.setConditionalFormatRules(rules.concat(added));
    counts[1] += added.length;
  }

  const protectedAs = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription());
  const protect = (a1: string, description: string) => {
    if (protectedAs.includes(description)) return;
    sheet.getRange(a1).protect().setDescription(description).setWarningOnly(true);
    counts[2]++;
  };
  protect(`1:1`, 'Lean Sales: header row');
  for (const [header, first, width] of t.computed) {
    protect(openRange(first, first + width - 1), `Lean Sales: ${header} is computed by one formula`);
  }

  if (sheet.getFrozenRows() === 0) {
    sheet.setFrozenRows(1);
    counts[3]++;
  }

  for (const header of t.added) {
    const format = NUMBER_FORMATS[header];
    if (format) sheet.getRange(openRange(col(t, header))).setNumberFormat(format);
  }
}
