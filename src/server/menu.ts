/** The add-on menu. Runs under AuthMode.NONE too, so it only adds menu items and reads nothing. */

import { welcome } from './help';

const MENU_ITEMS: readonly { readonly caption: string; readonly handler: string }[] = [
  { caption: 'Open sidebar', handler: 'showSidebar' },
  { caption: 'Set up workbook', handler: 'setupWorkbook' },
  { caption: 'Set up workbook with sample data', handler: 'setupWorkbookWithSampleData' },
  { caption: 'Help', handler: 'showHelp' },
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.handler);
  menu.addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
  // Installed from the Marketplace, the add-on may run without access to the document: then only the menu.
  if (String(event?.authMode ?? '') !== 'NONE') welcome();
}
