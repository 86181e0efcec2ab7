/**
 * `Set up workbook`: reads every tab once, then writes what is missing in one pass (one round trip to the sheet);
 * changes no cell that holds data, and run twice it changes nothing.
 */

import { isBlank } from '../core/cells';
import { FACTORS } from '../core/factors';
import { headerKey, inputHeaders, SCORE_CHECK_TAB, SETTINGS, TABS, type TabSpec } from '../shared/schema';
import { columnLetter, columnRuns, openRange } from './a1';
import { isoToday } from './dates';
import {
  type ComputedFormula,
  computedFormulas,
  headerArrayLabels,
  type Layout,
  type ReportBlock,
  ref,
  scoreCheckBlocks,
} from './formulas';
import { FORMATS, NUMBER_FORMATS, type RuleKind, VALIDATION } from './guards';
import { SAMPLE_FACTORS, sampleData } from './sample';
import { cellList, isErrorValue, occupiedCells } from './spill-check';
import { isEmptyRow, withDocumentLock, writeColumns } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** A new sheet's size in Sheets, so a tab setup creates needs no read. */
const NEW_SHEET = { rows: 1000, columns: 26 };
const HEADER_PROTECTION = 'Lean Sales: header row';
/** Protections of computed columns' cells that the old layout (formula in row 2) added; they warned on every sort. */
const OLD_COMPUTED_PROTECTION = / is computed by one formula$/;

/** What setup read of one tab before writing anything, and what it plans to add. */
interface Tab {
  readonly spec: TabSpec;
  sheet: Sheet | undefined;
  readonly created: boolean;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly string[])[];
  maxRows: number;
  maxColumns: number;
  readonly frozenRows: number;
  /** 1-based columns whose row-2 cell has a validation rule. */
  readonly validated: ReadonlySet<number>;
  readonly formatRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  readonly formatFormulas: ReadonlySet<string>;
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
  withDocumentLock(() => {
    const today = withSample ? isoToday(ss.getSpreadsheetTimeZone()) : '';
    // Every read first: a read after a write makes Sheets apply the pending writes, one round trip each.
    const sheets = ss.getSheets();
    const byTitle = new Map(sheets.map((sheet) => [sheet.getName(), sheet]));
    const tabs = TABS.map((spec) => readTab(byTitle.get(spec.name), spec));
    const scoreCheck = readReportTab(byTitle.get(SCORE_CHECK_TAB));
    const namedRanges = new Set(ss.getNamedRanges().map((range) => range.getName()));
    const byName: Record<string, Tab> = Object.fromEntries(tabs.map((t) => [t.spec.name, t]));
    ss.toast('Writing tabs, formulas and guardrails', TITLE, 5);
    createTabs(ss, tabs, sheets.length, report);
    for (const t of tabs) planHeaders(t);
    const factorRows = addFactors(byName.Factors, withSample, report);
    addSettings(ss, byName.Settings, namedRanges, report);
    if (withSample) addSample(byName, today, report);
    const formulas = planFormulas(byName, factorRows, report);
    for (const t of tabs) writeHeaderRow(t, formulas.get(t) ?? [], report);
    const sheetCount = sheets.length + tabs.filter((t) => t.created).length;
    writeReportTab(ss, scoreCheck, sheetCount, scoreCheckBlocks(layoutOf(byName), factorRows), report);
    const counts = [0, 0, 0, 0];
    const rules = new Map<string, DataValidation>();
    for (const t of tabs) guard(t, byName, rules, counts, report);
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

function readTab(sheet: Sheet | undefined, spec: TabSpec): Tab {
  const tab: Tab = {
    spec,
    sheet,
    created: !sheet,
    values: [],
    formulas: [],
    maxRows: NEW_SHEET.rows,
    maxColumns: NEW_SHEET.columns,
    frozenRows: 0,
    validated: new Set(),
    formatRules: [],
    formatFormulas: new Set(),
    protections: [],
    columns: new Map(),
    headerFormulas: new Map(),
    added: [],
    dataRows: 0,
  };
  if (!sheet) return tab;
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const maxColumns = sheet.getMaxColumns();
  const row2 = sheet.getRange(2, 1, 1, maxColumns).getDataValidations()[0];
  const formatRules = FORMATS[spec.name] ? sheet.getConditionalFormatRules() : [];
  const empty = values.every((row) => isEmptyRow(row, new Set())) && formulas.every((row) => !row.some(Boolean));
  const read: Tab = {
    ...tab,
    values: empty ? [] : values,
    formulas,
    maxRows: sheet.getMaxRows(),
    maxColumns,
    frozenRows: sheet.getFrozenRows(),
    validated: new Set(row2.flatMap((rule, i) => (rule ? [i + 1] : []))),
    formatRules,
    formatFormulas: new Set(formatRules.map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? ''))),
    protections: sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .map((protection) => ({ protection, description: protection.getDescription() })),
  };
  readHeader(read);
  return read;
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
  const computed = new Set<number>();
  for (const h of t.spec.computed ?? []) {
    const c = t.columns.get(headerKey(h));
    if (c) computed.add(c - 1);
  }
  let rows = Math.max(0, t.values.length - 1);
  while (rows > 0 && isEmptyRow(t.values[rows], computed)) rows--;
  t.dataRows = rows;
}

function col(t: Tab, header: string): number {
  return t.columns.get(headerKey(header)) as number;
}

function createTabs(ss: Spreadsheet, tabs: readonly Tab[], sheetCount: number, report: string[]): void {
  const created: string[] = [];
  let index = sheetCount;
  for (const t of tabs) {
    if (t.sheet) continue;
    t.sheet = ss.insertSheet(t.spec.name, index++);
    created.push(t.spec.name);
  }
  listed(report, 'Tabs created', created);
}

/** Places missing headers after the last used column, so no existing column moves. */
function planHeaders(t: Tab): void {
  const missing = t.spec.headers.filter((h) => !t.columns.has(headerKey(h)));
  const first = Math.max(t.values[0]?.length ?? 0, ...t.columns.values()) + 1;
  missing.forEach((h, i) => {
    t.columns.set(headerKey(h), first + i);
  });
  t.added.push(...missing);
}

/**
 * Adds the rows a keyed tab (Factors, Settings) lacks, after its last row; returns the sheet row of each key, in
 * the order given. Existing rows are found by their key, trimmed and in any case, wherever they are.
 */
function addKeyedRows(t: Tab, headers: readonly string[], wanted: readonly (readonly unknown[])[], report: string[]) {
  const rows = new Map<string, number>();
  const key = col(t, headers[0]) - 1;
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
    writeRows(t, start, headers, missing);
    report.push(`${t.spec.name}: ${missing.length} rows`);
  }
  return wanted.map((row) => rows.get(headerKey(row[0])) as number);
}

/** The ten factors (sample weights and gates in a new sample workbook); returns their rows in factor order. */
function addFactors(t: Tab, withSample: boolean, report: string[]): number[] {
  const sample = withSample && t.dataRows === 0 ? SAMPLE_FACTORS : undefined;
  return addKeyedRows(
    t,
    ['Factor', 'Weight', '1 means', '5 means', 'At most'],
    FACTORS.map((f, i) => [f.name, sample?.weights[i] ?? 1, f.best, f.worst, sample?.atMost[i] ?? '']),
    report,
  );
}

/** The settings rows, and a named range for each value that does not have one yet. */
function addSettings(ss: Spreadsheet, t: Tab, namedRanges: ReadonlySet<string>, report: string[]): void {
  const rows = addKeyedRows(
    t,
    ['Setting', 'Value', 'Meaning'],
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
function addSample(byName: Record<string, Tab>, today: string, report: string[]): void {
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
  if (last > t.maxRows) {
    sheet.insertRowsAfter(t.maxRows, last - t.maxRows);
    t.maxRows = last;
  }
  writeColumns(
    sheet,
    row,
    headers.map((h) => col(t, h)),
    rows,
  );
  t.dataRows = Math.max(t.dataRows, last - 1);
}

const layoutOf = (byName: Record<string, Tab>): Layout =>
  Object.fromEntries(Object.values(byName).map((t) => [t.spec.name, t.columns]));

/** Each computed area's header-cell formula, by tab and first column, where it is missing, old or broken. */
function planFormulas(
  byName: Record<string, Tab>,
  factorRows: readonly number[],
  report: string[],
): Map<Tab, ComputedFormula[]> {
  const layout = layoutOf(byName);
  const plan = new Map<Tab, ComputedFormula[]>();
  const written: string[] = [];
  for (const f of computedFormulas(layout, factorRows)) {
    const t = byName[f.tab];
    const first = col(t, f.headers[0]);
    const name = `${f.tab} ${f.headers[0]}`;
    if (!f.headers.every((h, i) => col(t, h) === first + i)) {
      report.push(`${name}: ${f.headers.join(', ')} must be adjacent, in this order; no formula written`);
      continue;
    }
    const current = t.headerFormulas.has(first);
    const broken = current && t.formulas[0][first - 1].includes('#REF!');
    const blockers = blockingCells(t, f);
    if (current && !broken) {
      if (blockers.length > 0) report.push(`${name}: ${blocked(blockers)}; clear and the column fills again`);
      continue;
    }
    if (!current && oldAnchorRow(t, f) === 0 && blockers.length > 0) {
      // A column of typed values with no formula yet: keep it, header included, until the user clears it.
      report.push(`${name}: ${blocked(blockers)}; clear and run Set up workbook again`);
      continue;
    }
    plan.set(t, [...(plan.get(t) ?? []), f]);
    if (broken) report.push(`${name}: its formula referred to a deleted tab or column (#REF!); rewritten`);
    else written.push(name);
    if (blockers.length > 0) report.push(`${name}: ${blocked(blockers)}; clear and the column fills again`);
  }
  listed(report, 'Formulas', written);
  return plan;
}

/**
 * Cells below a computed header that hold typed values, where Sheets cannot spill the results. While the formula
 * works, the cells below it show its results, not typed values, so there are none.
 */
function blockingCells(t: Tab, f: ComputedFormula): string[] {
  const first = col(t, f.headers[0]);
  const anchor = t.headerFormulas.has(first) ? 1 : oldAnchorRow(t, f);
  if (anchor > 0 && !isErrorValue(t.values[anchor - 1]?.[first - 1])) return [];
  const below = t.values.slice(1).map((row, r) => (r + 2 === anchor ? [] : row));
  return occupiedCells(
    below,
    f.headers.map((_, k) => first - 1 + k),
  );
}

const blocked = (cells: readonly string[]) =>
  `${cellList(cells)} ${cells.length === 1 ? 'holds a typed value' : 'hold typed values'} where the formula puts its results`;

/** Row 2 when the area still has the old layout's formula there (same function), else 0. */
function oldAnchorRow(t: Tab, f: ComputedFormula): number {
  const formula = t.formulas[1]?.[col(t, f.headers[0]) - 1] ?? '';
  const fn = /;\s*([A-Z]+)\(/.exec(f.formula)?.[1];
  return fn && formula.replace(/\s/g, '').startsWith(`=${fn}(`) ? 2 : 0;
}

/**
 * Writes the header cells setup adds and the computed formulas (which return their headers) in one setValues
 * per run of columns. An old-layout formula in row 2 is moved into its header cell.
 */
function writeHeaderRow(t: Tab, formulas: readonly ComputedFormula[], report: string[]): void {
  const sheet = t.sheet as Sheet;
  const cells = new Map<number, string>();
  for (const h of t.added) cells.set(col(t, h), h);
  for (const f of formulas) {
    const first = col(t, f.headers[0]);
    f.headers.forEach((_, k) => {
      cells.set(first + k, k === 0 ? f.formula : '');
    });
    if (!t.headerFormulas.has(first) && oldAnchorRow(t, f) === 2) {
      sheet.getRange(2, first).setValue('');
      report.push(`${t.spec.name} ${f.headers[0]}: formula moved from row 2 into the header cell`);
    }
  }
  if (cells.size === 0) return;
  const last = Math.max(...cells.keys());
  if (last > t.maxColumns) {
    sheet.insertColumnsAfter(t.maxColumns, last - t.maxColumns);
    t.maxColumns = last;
  }
  const columns = [...cells.keys()].sort((a, b) => a - b);
  for (const [a, b] of columnRuns(columns)) {
    const range = sheet
      .getRange(1, a, 1, b - a + 1)
      .setValues([columns.filter((c) => c >= a && c <= b).map((c) => cells.get(c) as string)])
      .setFontWeight('bold');
    if (t.created && a === 1) t.headerRange = range;
  }
  if (!t.created && t.added.length > 0) report.push(`${t.spec.name}: added ${t.added.join(', ')}`);
}

function validationRule(kind: RuleKind, first: number, byName: Record<string, Tab>): DataValidation {
  const rule = SpreadsheetApp.newDataValidation();
  const [tab, header] = typeof kind === 'string' ? kind.split(':') : [];
  if (typeof kind !== 'string') {
    rule.requireValueInList([...kind], true).setAllowInvalid(false);
  } else if (header) {
    const source = byName[tab];
    rule
      .requireValueInRange((source.sheet as Sheet).getRange(openRange(col(source, header))), true)
      .setHelpText(`Pick one from the ${header} column of the ${tab} tab`);
  } else if (kind === 'rating') {
    const x = `${columnLetter(first)}2`;
    rule
      .requireFormulaSatisfied(`=AND(ISNUMBER(${x}),${x}=INT(${x}),${x}>=1,${x}<=5)`)
      .setAllowInvalid(false)
      .setHelpText('A whole number from 1 (best) to 5');
  } else if (kind === 'gate') {
    const x = `${columnLetter(first)}2`;
    rule
      .requireFormulaSatisfied(`=OR(ISBLANK(${x}),AND(ISNUMBER(${x}),${x}=INT(${x}),${x}>=1,${x}<=5))`)
      .setAllowInvalid(false)
      .setHelpText('Blank for no gate, or the worst rating a qualified lead may have: a whole number 1 to 5');
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

/** Frozen header, warning-only protection of the header row, validation, conditional and number formats. */
function guard(
  t: Tab,
  byName: Record<string, Tab>,
  rules: Map<string, DataValidation>,
  counts: number[],
  report: string[],
): void {
  const sheet = t.sheet as Sheet;
  const { spec } = t;
  const runs = (headers: readonly string[]) => columnRuns(headers.map((h) => col(t, h)).sort((a, b) => a - b));

  // One rule object serves every range it fits. Rating and gate rules name their range's first cell, so each run
  // gets its own; the other rules go on in one setDataValidations per run of adjacent columns.
  const byColumn = new Map<number, DataValidation>();
  for (const [headers, kind] of VALIDATION[spec.name] ?? []) {
    for (const [a, b] of runs(headers.filter((h) => !t.validated.has(col(t, h))))) {
      const relative = kind === 'rating' || kind === 'gate';
      const key = `${JSON.stringify(kind)}${relative ? a : ''}`;
      const rule = rules.get(key) ?? validationRule(kind, a, byName);
      rules.set(key, rule);
      if (relative) sheet.getRange(openRange(a, b)).setDataValidation(rule);
      else for (let c = a; c <= b; c++) byColumn.set(c, rule);
      counts[0]++;
    }
  }
  const ruleColumns = [...byColumn.keys()].sort((x, y) => x - y);
  for (const [a, b] of columnRuns(ruleColumns)) {
    const row = Array.from({ length: b - a + 1 }, (_, k) => byColumn.get(a + k) as DataValidation);
    sheet.getRange(2, a, t.maxRows - 1, b - a + 1).setDataValidations(Array.from({ length: t.maxRows - 1 }, () => row));
  }

  const wanted = FORMATS[spec.name];
  if (wanted) {
    const added: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
    const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
    for (const [headers, formula, color] of wanted) {
      for (const [a, b] of runs(headers)) {
        const f = formula
          .replace(/X2/g, () => `${columnLetter(a)}2`)
          .replace(/\{([^}]+)\}/g, (_, header: string) => `$${columnLetter(col(t, header))}`);
        if (t.formatFormulas.has(f)) continue;
        const a1 = openRange(a, b);
        const range = ranges.get(a1) ?? sheet.getRange(a1);
        ranges.set(a1, range);
        added.push(
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(f)
            .setBackground(color)
            .setRanges([range])
            .build(),
        );
      }
    }
    if (added.length > 0) sheet.setConditionalFormatRules(t.formatRules.concat(added));
    counts[1] += added.length;
  }

  const old = t.protections.filter((p) => OLD_COMPUTED_PROTECTION.test(p.description));
  for (const p of old) p.protection.remove();
  if (old.length > 0) {
    report.push(`${spec.name}: removed ${old.length} warnings on computed cells (they now warn only on the header)`);
  }
  if (!t.protections.some((p) => p.description === HEADER_PROTECTION)) {
    (t.headerRange ?? sheet.getRange('1:1')).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
    counts[2]++;
  }

  if (t.frozenRows === 0) {
    sheet.setFrozenRows(1);
    counts[3]++;
  }

  const byFormat = new Map<string, string[]>();
  for (const header of t.added) {
    const format = NUMBER_FORMATS[header];
    if (format) byFormat.set(format, [...(byFormat.get(format) ?? []), openRange(col(t, header))]);
  }
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
}

/** What setup read of the Score check tab: its sheet, and the formulas and values of its cells. */
interface ReportTab {
  sheet: Sheet | undefined;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly string[])[];
}

function readReportTab(sheet: Sheet | undefined): ReportTab {
  if (!sheet) return { sheet, values: [], formulas: [] };
  const range = sheet.getDataRange();
  return { sheet, values: range.getValues(), formulas: range.getFormulas() };
}

/**
 * Writes each block (title and formula) whose area is empty; a block whose formula cell holds a formula is taken as
 * there (the user may have changed it); anything else in the way is reported and left alone.
 */
function writeReportTab(
  ss: Spreadsheet,
  tab: ReportTab,
  index: number,
  blocks: readonly ReportBlock[],
  report: string[],
): void {
  const occupied = (row: number, column: number) =>
    !isBlank(tab.values[row - 1]?.[column - 1]) || Boolean(tab.formulas[row - 1]?.[column - 1]);
  const written: string[] = [];
  for (const block of blocks) {
    if (tab.formulas[block.row]?.[0]) continue;
    const cells: [number, number][] = [[block.row, 1]];
    for (let r = 0; r < block.rows; r++) for (let c = 0; c < block.columns; c++) cells.push([block.row + 1 + r, 1 + c]);
    const taken = cells.filter(([r, c]) => occupied(r, c));
    if (taken.some(([r]) => r > block.row) || (taken.length > 0 && tab.values[block.row - 1]?.[0] !== block.title)) {
      report.push(
        `${SCORE_CHECK_TAB}: A${block.row + 1} and the cells below it are not free; that block was not written`,
      );
      continue;
    }
    if (!tab.sheet) tab.sheet = ss.insertSheet(SCORE_CHECK_TAB, index);
    tab.sheet.getRange(block.row, 1, 2, 1).setValues([[block.title], [block.formula]]);
    block.formats.forEach((format, i) => {
      if (format) tab.sheet?.getRange(block.row + 2, i + 1, block.rows - 1, 1).setNumberFormat(format);
    });
    written.push(block.title.split(':')[0]);
  }
  listed(report, SCORE_CHECK_TAB, written);
}
