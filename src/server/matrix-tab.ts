/**
 * The Webgraph panel's `Insert as formula`: the campaign-by-profile match matrix as PROFILEGAP formulas on a new tab
 * of its own (no validation or data there to reject or cover the results), with the best profile per campaign.
 */

import { FACTOR_NAMES } from '../core/factors';
import { CAMPAIGNS_TAB, FACTORS_TAB, headerKey, PROFILES_TAB } from '../shared/schema';
import type { MatrixResult } from '../shared/sidebar-api';
import { columnsArgument } from './a1';
import { factorColumnArgument } from './formulas';
import { cell, readTable, type Table, text, withDocumentLock } from './store';

const MATRIX_TAB = 'Matrix';
const MATRIX_NOTE =
  'Rows: campaigns. Columns: profiles. Match 0-100, 100 = identical (PROFILEGAP). Best profile: the closest one. ' +
  'Written from the Webgraph panel for the campaigns and profiles there were then: extend the ranges for new rows.';

/** The rows 2..last of `headers`' columns of `table`, bounded: `Profiles!C2:L5`, or `{...}` joining runs. */
const bounded = (table: Table, headers: readonly string[], last: number) =>
  columnsArgument(
    headers.map((h) => (table.columns.get(headerKey(h)) as number) + 1),
    table.tab.name,
    last,
  );

/** The last sheet row holding a name in `table`'s first column, or 0. */
function lastNamed(table: Table, header: string): number {
  let last = 0;
  table.rows.forEach((row, i) => {
    if (text(cell(table, row, header)) !== '') last = i + 2;
  });
  return last;
}

/** A free name: `Matrix`, else `Matrix 2`, `Matrix 3`, ... */
function freeName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  if (!ss.getSheetByName(MATRIX_TAB)) return MATRIX_TAB;
  let n = 2;
  while (ss.getSheetByName(`${MATRIX_TAB} ${n}`)) n++;
  return `${MATRIX_TAB} ${n}`;
}

/** The formulas for the profiles and campaigns up to their last named rows, on a new tab. */
export function insertMatrixFormula(): MatrixResult {
  const profiles = readTable(PROFILES_TAB, ['Profile', ...FACTOR_NAMES]);
  const campaigns = readTable(CAMPAIGNS_TAB, ['Campaign', ...FACTOR_NAMES]);
  const factors = readTable(FACTORS_TAB, ['Factor', 'Weight']);
  const lastProfile = lastNamed(profiles, 'Profile');
  const lastCampaign = lastNamed(campaigns, 'Campaign');
  if (lastProfile === 0) throw new Error('No profiles yet: add ideal lead profiles in the Profiles tab.');
  if (lastCampaign === 0) throw new Error('No campaigns yet: add them in the Campaigns tab.');
  const factorRows = FACTOR_NAMES.map((f) => {
    const i = factors.rows.findIndex((row) => headerKey(cell(factors, row, 'Factor')) === headerKey(f));
    if (i < 0) throw new Error(`The Factors tab has no ${f} row.`);
    return i + 2;
  });
  const weights = factorColumnArgument((factors.columns.get(headerKey('Weight')) as number) + 1, factorRows);
  const names = bounded(profiles, ['Profile'], lastProfile);
  const profileVectors = bounded(profiles, FACTOR_NAMES, lastProfile);
  const campaignVectors = bounded(campaigns, FACTOR_NAMES, lastCampaign);
  const matrix = `=PROFILEGAP(${campaignVectors}, ${profileVectors}, ${weights})`;
  const [profileCount, campaignCount] = [lastProfile - 1, lastCampaign - 1];
  const width = profileCount + 2;
  const cells: [number, number, string][] = [
    [1, 1, 'Campaign'],
    [1, 2, `=TRANSPOSE(${names})`],
    [1, width, 'Best profile'],
    [2, 1, `=ARRAYFORMULA(${bounded(campaigns, ['Campaign'], lastCampaign)})`],
    [2, 2, matrix],
    [2, width, `=PROFILEGAP(${campaignVectors}, {${names}, ${profileVectors}}, ${weights}, "best")`],
  ];
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const name = freeName(ss);
    const sheet = ss.insertSheet(name, ss.getNumSheets());
    const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
    if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
    if (maxRows < campaignCount + 3) sheet.insertRowsAfter(maxRows, campaignCount + 3 - maxRows);
    for (const [row, column, value] of cells) {
      const range = sheet.getRange(row, column);
      if (value.startsWith('=')) range.setFormula(value);
      else range.setValue(value);
    }
    sheet.getRange(2, 2, campaignCount, profileCount).setNumberFormat('0');
    sheet.getRange(campaignCount + 3, 1).setValue(MATRIX_NOTE);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(1);
    return { sheet: name, cell: 'B2', formula: matrix };
  });
}
