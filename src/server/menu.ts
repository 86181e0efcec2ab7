/** The add-on menu. Runs under AuthMode.NONE too, so it only adds menu items and reads nothing. */

import { welcome } from './help';

/** Each item's caption and the function it runs. */
const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ['Open sidebar', 'showSidebar'],
  ['Set up workbook', 'setupWorkbook'],
  ['Set up workbook with sample data', 'setupWorkbookWithSampleData'],
  ['Help', 'showHelp'],
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [caption, handler] of MENU_ITEMS) menu.addItem(caption, handler);
  menu.addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
  // Installed from the Marketplace, the add-on may run without access to the document: then only the menu.
  if (String(event?.authMode ?? '') !== 'NONE') welcome();
}
