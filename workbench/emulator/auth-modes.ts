/** What each authorization mode lets a script call; AuthMode.NONE is an add-on's onOpen before the user authorized it. */

import { gasError, MESSAGES } from './apps-script-errors';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** Under NONE an add-on may build its menu and nothing else that touches the user's data or screen. */
const ALLOWED_UNDER_NONE = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/** Services that need no authorization at all. */
const UNSECURED = new Set(['Logger', 'Utilities', 'ScriptApp']);

const SCOPE_OF: Record<string, string | undefined> = {
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
  Menu: 'https://www.googleapis.com/auth/script.container.ui',
  HtmlService: 'https://www.googleapis.com/auth/script.container.ui',
  HtmlOutput: 'https://www.googleapis.com/auth/script.container.ui',
  PropertiesService: 'https://www.googleapis.com/auth/script.storage',
  Properties: 'https://www.googleapis.com/auth/script.storage',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
  User: 'https://www.googleapis.com/auth/userinfo.email',
  LockService: undefined,
  Lock: undefined,
};

const SPREADSHEET_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

/**
 * Throws Apps Script's permission error when `authMode` does not allow the call. LIMITED (a simple trigger in a
 * document that uses the add-on) allows every service this emulator models, as FULL does.
 */
export function assertAllowed(authMode: AuthMode, className: string, method: string): void {
  if (authMode !== 'NONE') return;
  const name = `${className}.${method}`;
  if (ALLOWED_UNDER_NONE.has(name) || UNSECURED.has(className)) return;
  const scope = className in SCOPE_OF ? SCOPE_OF[className] : SPREADSHEET_SCOPE;
  throw gasError(MESSAGES.noPermission(name, scope));
}
