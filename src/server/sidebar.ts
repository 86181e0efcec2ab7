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
