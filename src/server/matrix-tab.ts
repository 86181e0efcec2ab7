/**
 * The Webgraph panel's `Insert as formula`: the campaign-by-profile match matrix as PROFILEGAP formulas on a new tab
 * of its own (no validation or data there to reject or cover the results), with the best profile per campaign.
 */

import { FACTOR_NAMES } from '../core/factors';
import { CAMPAIGNS_TAB, FACTORS_TAB, headerKey, PROFILES_TAB } from '../shared/schema';
import type { MatrixResult } from '../shared/sidebar-api';
import { columnLetter, columnRuns, sheetPrefix } from './a1';
import { factorColumnArgument } from './formulas';
import { cell, readTable, type Table, text, withDocumentLock } from './store';

const MATRIX_TAB = 'Matrix';
const MATRIX_NOTE =
  'Rows: campaigns. Columns: profiles. Match 0-100, 100 = identical (PROFILEGAP). Best profile: the closest one. ' +
  'Written from the Webgraph panel for the campaigns and profiles there were then: extend the ranges for new rows.';

/** The rows 2..last of `headers`' columns of `table`, bounded: `Profiles!C2:L5`, or `{...}` joining runs. */
function bounded(table: Table, headers: readonly string[], last: number): string {
  const columns = headers.map((h) => (table.columns.get(headerKey(h)) as number) + 1);
  const p = sheetPrefix(table.tab.name);
  const parts = columnRuns(columns).map(([a, b]) => `${p}${columnLetter(a)}2:${columnLetter(b)}${last}`);
  return parts.length === 1 ? parts[0] : `{${parts.join(', ')}}`;
}

/** The last sheet row holding a name in `table`'s first column, or 0. */
function lastNamed(table: Table, header: string): number {
  let last = 0;
  table.rows.forEach((row, i) => {
    if (text(cell(table, row, header)) !== '') last = i + 2;
  });
  return last;
}

/** The formulas, by cell, for `profiles` and `campaigns` up to their last named rows. */
function matrixFormulas(profiles: Table, campaigns: Table, factors: Table) {
  const lastProfile = lastNamed(profiles, 'Profile');
  const lastCampaign = lastNamed(campaigns, 'Campaign');
  if (lastProfile === 0) throw new Error('No profiles yet: add ideal lead profiles in the Profiles tab.');
  if (lastCampaign === 0) throw new Error('No campaigns yet: add them in the Campaigns tab.');
  const factorRows = FACTOR_NAMES.map((f) => {
    const i = factors.rows.findIndex((row) => headerKey(cell(factors, row, 'Factor')) === headerKey(f));
    if (i < 0) throw new Error(`The Factors tab has no ${f} row.`);
    return i + 2;
  });
  const layout = { [FACTORS_TAB.name]: new Map([...factors.columns].map(([k, i]) => [k, i + 1])) };
  const weights = factorColumnArgument(layout, factorRows, 'Weight');
  const profileNames = bounded(profiles, ['Profile'], lastProfile);
  const profileVectors = bounded(profiles, FACTOR_NAMES, lastProfile);
  const campaignVectors = bounded(campaigns, FACTOR_NAMES, lastCampaign);
  const profileCount = lastProfile - 1;
  return {
    names: `=TRANSPOSE(${profileNames})`,
    campaigns: `=ARRAYFORMULA(${bounded(campaigns, ['Campaign'], lastCampaign)})`,
    matrix: `=PROFILEGAP(${campaignVectors}, ${profileVectors}, ${weights})`,
    best: `=PROFILEGAP(${campaignVectors}, {${profileNames}, ${profileVectors}}, ${weights}, "best")`,
    profileCount,
    campaignCount: lastCampaign - 1,
  };
}

/** A free name: `Matrix`, else `Matrix 2`, `Matrix 3`, ... */
function freeName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  if (!ss.getSheetByName(MATRIX_TAB)) return MATRIX_TAB;
  let n = 2;
  while (ss.getSheetByName(`${MATRIX_TAB} ${n}`)) n++;
  return `${MATRIX_TAB} ${n}`;
}

export function insertMatrixFormula(): MatrixResult {
  const profiles = readTable(PROFILES_TAB, ['Profile', ...FACTOR_NAMES]);
  const campaigns = readTable(CAMPAIGNS_TAB, ['Campaign', ...FACTOR_NAMES]);
  const factors = readTable(FACTORS_TAB, ['Factor', 'Weight']);
  const f = matrixFormulas(profiles, campaigns, factors);
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const name = freeName(ss);
    const width = f.profileCount + 2;
    const sheet = ss.insertSheet(name, ss.getNumSheets());
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (sheet.getMaxRows() < f.campaignCount + 3) {
      sheet.insertRowsAfter(sheet.getMaxRows(), f.campaignCount + 3 - sheet.getMaxRows());
    }
    sheet.getRange(1, 1).setValue('Campaign');
    sheet.getRange(1, 2).setFormula(f.names);
    sheet.getRange(1, width).setValue('Best profile');
    sheet.getRange(2, 1).setFormula(f.campaigns);
    sheet.getRange(2, 2).setFormula(f.matrix);
    sheet.getRange(2, width).setFormula(f.best);
    sheet.getRange(2, 2, f.campaignCount, f.profileCount).setNumberFormat('0');
    sheet.getRange(f.campaignCount + 3, 1).setValue(MATRIX_NOTE);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(1);
    return { sheet: name, cell: 'B2', formula: f.matrix };
  });
}
