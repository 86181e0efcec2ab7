/** Opens the sidebar: `dist/Sidebar.html`, one self-contained page. */

export const SIDEBAR_TITLE = 'Lean Sales';

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}
