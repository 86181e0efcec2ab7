import { headerKey } from '../shared/schema';
import { headerColumns } from './store';

/** The sidebar's window on the sheet: opens `dist/Sidebar.html`, one self-contained page, and selects rows for it. */

const SIDEBAR_TITLE = 'Lean Sales';

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Selects a row of a tab, so the user sees the lead or KPI the sidebar pointed at. */
export function goToRow(tab: string, row: number): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(String(tab));
  if (!sheet) throw new Error(`There is no ${tab} tab.`);
  if (!Number.isInteger(row) || row < 1 || row > sheet.getMaxRows()) throw new Error(`${tab} has no row ${row}.`);
  sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
}

/**
 * Selects one cell of a tab: the row's cell under the column headed `header` (found by its header text, so a moved
 * column is still found), which Sheets scrolls into view. A tab without that column selects the whole row.
 */
export function goToCell(tab: string, row: number, header: string): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(String(tab));
  if (!sheet) throw new Error(`There is no ${tab} tab.`);
  if (!Number.isInteger(row) || row < 1 || row > sheet.getMaxRows()) throw new Error(`${tab} has no row ${row}.`);
  const width = Math.max(1, sheet.getLastColumn());
  const column = headerColumns(sheet.getRange(1, 1, 1, width).getValues()[0]).get(headerKey(header));
  if (column === undefined) {
    sheet.getRange(row, 1, 1, width).activate();
    return;
  }
  sheet.getRange(row, column + 1).activate();
}
