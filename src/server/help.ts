/** Lean Sales > Help: what each tab and function is for, in a dialog, and the welcome said once on install. */

/** The dialog's page is the project file Help.html (src/server/help.html), kept out of Code.js. */
export function showHelp(): void {
  const page = HtmlService.createHtmlOutputFromFile('Help').setWidth(560).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(page, 'Lean Sales help');
}

/** What a user reads right after installing: what to do next, in the menu's words. */
const WELCOME =
  'Lean Sales is ready. To try it on example leads, choose Extensions > Lean Sales > Set up workbook with sample ' +
  'data. To start with your own, choose Set up workbook. Help in the same menu explains each tab.';

/** Shows the welcome once, where a dialog may be shown (not under AuthMode.NONE). */
export function welcome(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(WELCOME, 'Lean Sales', 15);
}
