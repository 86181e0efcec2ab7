/**
 * `Insert chart`: a native radar chart of a profile against a campaign or a lead, drawn from a data block on a Charts
 * tab. The block holds 6 minus each rating, so 1 (best) is plotted outermost as the sidebar's webgraph draws it.
 */

import { toNumber } from '../core/cells';
import { FACTOR_NAMES, WORST_RATING } from '../core/factors';
import { CAMPAIGNS_TAB, LEADS_TAB, PROFILES_TAB } from '../shared/schema';
import type { ChartRequest, ChartResult } from '../shared/sidebar-api';
import { literalText } from './literal-text';
import { leadName } from './panel-data';
import { cell, readTable, text, withDocumentLock } from './store';

const CHARTS_TAB = 'Charts';
/** Each comparison gets its own slot of rows, so its chart (about 18 rows tall) never covers another block. */
const SLOT = 20;
/** What the block plots instead of a rating: 1 (best) becomes 5, the outermost ring; 5 (worst) becomes 1. */
const PLOTTED = (rating: number | '') => (rating === '' ? '' : WORST_RATING + 1 - rating);
const CHART_EXPLANATION =
  'Plotted as 6 - rating, so 1 (best) is the outer ring and 5 (worst) the centre: the bigger the shape, the better.';

/** The ten values of the row `nameOf` calls `name`: numbers, '' where blank or not a number. */
function findVector(
  tab: typeof PROFILES_TAB,
  name: string,
  nameOf?: (t: ReturnType<typeof readTable>, row: readonly unknown[]) => string,
) {
  const table = readTable(tab, [tab.headers[0], ...FACTOR_NAMES]);
  const of = nameOf ?? ((t, row) => text(cell(t, row, tab.headers[0])));
  const row = table.rows.find((r) => of(table, r) === name);
  if (!row) throw new Error(`The ${tab.name} tab has no ${name === '' ? 'row without a name' : `"${name}"`}.`);
  return FACTOR_NAMES.map((f) => toNumber(cell(table, row, f)) ?? '');
}

export function insertChart(request: ChartRequest): ChartResult {
  const profile = String(request?.profile ?? '');
  const target = request?.target;
  const isLead = target?.kind === 'lead';
  if (!target || (!isLead && target.kind !== 'campaign')) throw new Error('Pick a campaign or a lead to compare with.');
  const name = String(target.name ?? '');
  const first = findVector(PROFILES_TAB, profile);
  const second = isLead ? findVector(LEADS_TAB, name, leadName) : findVector(CAMPAIGNS_TAB, name);
  const block = [
    ['Factor', ...[profile, name].map((n) => literalText(`${n} (6 - rating)`))],
    ...FACTOR_NAMES.map((f, i) => [f, PLOTTED(first[i]), PLOTTED(second[i])]),
  ];
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName(CHARTS_TAB) ?? ss.insertSheet(CHARTS_TAB, ss.getNumSheets());
    const row = Math.ceil(sheet.getLastRow() / SLOT) * SLOT + 1;
    const maxRows = sheet.getMaxRows();
    if (row + SLOT > maxRows) sheet.insertRowsAfter(maxRows, row + SLOT - maxRows);
    const range = sheet.getRange(row, 1, block.length, 3);
    range.setValues(block);
    sheet.getRange(row + block.length, 1).setValue(CHART_EXPLANATION);
    const placed = { sheet: CHARTS_TAB, range: `A${row}:C${row + block.length - 1}` };
    const insert = (type: GoogleAppsScript.Charts.ChartType) =>
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType(type)
          .addRange(range)
          .setNumHeaders(1)
          .setPosition(row, 5, 0, 0)
          .setOption('title', `${profile} vs ${name} (outer ring = 1, best)`)
          .build(),
      );
    // Where Sheets refuses a radar chart (radar is not among the embedded chart types its documentation lists for
    // every spreadsheet), a line chart of the same data, and a note saying so.
    try {
      insert(Charts.ChartType.RADAR);
      return placed;
    } catch {
      insert(Charts.ChartType.LINE);
      return { ...placed, note: 'Sheets could not draw a radar chart here, so it drew a line chart of the same data.' };
    }
  });
}
