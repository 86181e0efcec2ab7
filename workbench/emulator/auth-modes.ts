/** What each authorization mode lets a script call; AuthMode.NONE is an add-on's onOpen before the user authorized it. */

import { gasError, MESSAGES } from './apps-script-errors';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/**
 * Under NONE an add-on may build its menu and nothing else that touches the user's data or screen. Apps Script's
 * trigger guide says editor add-ons may run onEdit(e), not only onOpen(e), in this no-authorization mode (installed
 * by the user, not yet used in this document): the same rules apply, so an onEdit under NONE can read no cell.
 */
const ALLOWED_UNDER_NONE = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/**
 * LIMITED is a simple trigger (onOpen, onEdit) in a document where the add-on is enabled. Google's authorization
 * table for editor add-ons: access to the document, yes; to properties, yes; to user data, the locale only; to the
 * user interface, adding menu items only (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 * So under LIMITED the script may read and write the bound spreadsheet, use properties and locks, and build menus, but
 * not show alerts, prompts, sidebars or dialogs; Session's users have an empty email (see base-services.ts).
 */
const DENIED_UNDER_LIMITED = new Set([
  'Ui.alert',
  'Ui.prompt',
  'Ui.showSidebar',
  'Ui.showModalDialog',
  'Ui.showModelessDialog',
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

/** Throws Apps Script's permission error when `authMode` does not allow the call. */
export function assertAllowed(authMode: AuthMode, className: string, method: string): void {
  if (authMode === 'FULL') return;
  const name = `${className}.${method}`;
  if (authMode === 'LIMITED') {
    if (DENIED_UNDER_LIMITED.has(name)) throw gasError(MESSAGES.noPermission(name, SCOPE_OF[className]));
    return;
  }
  if (ALLOWED_UNDER_NONE.has(name) || UNSECURED.has(className)) return;
  const scope = className in SCOPE_OF ? SCOPE_OF[className] : SPREADSHEET_SCOPE;
  throw gasError(MESSAGES.noPermission(name, scope));
}
