/** The add-on menu. Runs under AuthMode.NONE too, so it only adds menu items and reads nothing. */

const MENU_ITEMS: readonly { readonly caption: string; readonly handler: string }[] = [
  { caption: 'Open sidebar', handler: 'showSidebar' },
  { caption: 'Set up workbook', handler: 'setupWorkbook' },
  { caption: 'Set up workbook with sample data', handler: 'setupWorkbookWithSampleData' },
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.handler);
  menu.addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
