/**
 * `Set up workbook`: reads every tab once, then writes what is missing in one pass (one round trip to the sheet);
 * changes no cell that holds data, and run twice it changes nothing.
 */

import { SCORE_CHECK_TAB, TABS } from '../shared/schema';
import { isoToday } from './dates';
import { scoreCheckBlocks } from './formulas';
import type { RuleKind } from './guards';
import { readReportTab, writeReportTab } from './score-check-tab';
import { planFormulas, writeHeaderRow } from './setup-computed';
import { guard } from './setup-guardrails';
import { addFactors, addSample, addSettings } from './setup-rows';
import { layoutOf, listed, planHeaders, readTab, type Tab } from './setup-tab';
import { withDocumentLock } from './store';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

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
    const created = tabs.filter((t) => !t.sheet);
    created.forEach((t, i) => {
      t.sheet = ss.insertSheet(t.spec.name, sheets.length + i);
    });
    listed(
      report,
      'Tabs created',
      created.map((t) => t.spec.name),
    );
    for (const t of tabs) planHeaders(t, byName, report);
    const factorRows = addFactors(byName.Factors, withSample, report);
    addSettings(ss, byName.Settings, namedRanges, report);
    if (withSample) addSample(byName, today, report);
    const formulas = planFormulas(byName, factorRows, report);
    for (const t of tabs)
      writeHeaderRow(
        t,
        formulas.filter((f) => f.tab === t.spec.name),
        report,
      );
    const blocks = scoreCheckBlocks(layoutOf(byName), factorRows);
    writeReportTab(ss, scoreCheck, sheets.length + created.length, blocks, report);
    const counts = [0, 0, 0, 0];
    const rules = new Map<RuleKind, DataValidation>();
    for (const t of tabs) guard(t, byName, rules, counts, report);
    const names = ['validation rules', 'conditional formats', 'protected ranges', 'frozen header rows'];
    listed(report, 'Guardrails', names.map((name, i) => (counts[i] ? `${counts[i]} ${name}` : '')).filter(Boolean));
  });
  const ui = SpreadsheetApp.getUi();
  const summary = report.length > 0 ? report.join('\n') : 'The workbook was already set up; nothing changed.';
  ui.alert(TITLE, summary, ui.ButtonSet.OK);
}
