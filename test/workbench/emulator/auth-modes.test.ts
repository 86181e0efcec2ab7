import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { loadScript, services } from './helpers';

const none = () => createServices(createWorkbook(), { authMode: 'NONE' });
const app = (execution: ReturnType<typeof createServices>) =>
  services<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(execution, 'SpreadsheetApp');

describe('AuthMode.NONE (an add-on onOpen before the user authorized it)', () => {
  it('allows building and adding menus', () => {
    const execution = none();
    const ui = app(execution).getUi();
    ui.createAddonMenu().addItem('Set up', 'setup').addSeparator().addSubMenu(ui.createMenu('More')).addToUi();
    ui.createMenu('Lean Sales').addItem('Open', 'open').addToUi();
    expect(execution.ui.menus).toHaveLength(2);
  });

  it('forbids any document access, with Google text', () => {
    const execution = none();
    const denied =
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly';
    expect(() => app(execution).getActiveSpreadsheet()).toThrow(denied);
    expect(() => app(execution).getActive()).toThrow('SpreadsheetApp.getActive.');
    expect(() => app(execution).getActiveSheet()).toThrow('SpreadsheetApp.getActiveSheet.');
    expect(() => app(execution).getActiveRange()).toThrow('SpreadsheetApp.getActiveRange.');
    expect(() => app(execution).openById('x')).toThrow('You do not have permission to call SpreadsheetApp.openById.');
  });

  it('forbids properties and locks', () => {
    const execution = none();
    const properties = services<GoogleAppsScript.Properties.PropertiesService>(execution, 'PropertiesService');
    const locks = services<GoogleAppsScript.Lock.LockService>(execution, 'LockService');
    expect(() => properties.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties. Required permissions: https://www.googleapis.com/auth/script.storage',
    );
    expect(() => properties.getUserProperties()).toThrow('PropertiesService.getUserProperties');
    expect(() => locks.getDocumentLock()).toThrow('You do not have permission to call LockService.getDocumentLock.');
  });

  it('forbids UI other than menus, and HtmlService', () => {
    const execution = none();
    const ui = app(execution).getUi();
    const html = services<GoogleAppsScript.HTML.HtmlService>(execution, 'HtmlService');
    expect(() => ui.alert('hi')).toThrow(
      'You do not have permission to call Ui.alert. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(() => html.createHtmlOutput('x')).toThrow(
      'You do not have permission to call HtmlService.createHtmlOutput.',
    );
    expect(() => html.createHtmlOutputFromFile('Sidebar')).toThrow('HtmlService.createHtmlOutputFromFile');
    expect(execution.ui.alerts).toEqual([]);
  });

  it('forbids reading who the user is', () => {
    const session = services<GoogleAppsScript.Base.Session>(none(), 'Session');
    expect(() => session.getActiveUser()).toThrow('You do not have permission to call Session.getActiveUser.');
  });

  it('an onOpen that reads the sheet fails there and adds no menu', () => {
    const execution = none();
    const context = loadScript(
      execution,
      `function onOpen() {
        var menu = SpreadsheetApp.getUi().createAddonMenu();
        if (SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads')) menu.addItem('Leads', 'leads');
        menu.addToUi();
      }`,
    );
    expect(() => context.onOpen()).toThrow('SpreadsheetApp.getActiveSpreadsheet');
    expect(execution.ui.menus).toEqual([]);
  });

  it('FULL, the default, allows all of it', () => {
    const execution = createServices(createWorkbook());
    expect(() => app(execution).getActiveSpreadsheet()).not.toThrow();
    expect(() => app(execution).getUi().alert('hi')).not.toThrow();
  });
});

describe('AuthMode.LIMITED (a simple trigger in a document where the add-on is enabled)', () => {
  const limited = () => createServices(createWorkbook(), { authMode: 'LIMITED', user: 'ann@example.com' });

  it('allows reading and writing the bound spreadsheet, properties and locks, and building menus', () => {
    const execution = limited();
    const sheet = app(execution).getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1').setValue('ok');
    expect(sheet.getRange('A1').getValue()).toBe('ok');
    services<GoogleAppsScript.Properties.PropertiesService>(execution, 'PropertiesService')
      .getDocumentProperties()
      .setProperty('k', 'v');
    expect(services<GoogleAppsScript.Lock.LockService>(execution, 'LockService').getDocumentLock().tryLock(0)).toBe(
      true,
    );
    app(execution).getUi().createAddonMenu().addItem('Set up', 'setup').addToUi();
    expect(execution.ui.menus).toHaveLength(1);
    execution.finish();
  });

  it('forbids alerts, prompts, sidebars and dialogs: user interface is adding menu items only', () => {
    const execution = limited();
    const ui = app(execution).getUi();
    const html = services<GoogleAppsScript.HTML.HtmlService>(execution, 'HtmlService').createHtmlOutput('<p>x</p>');
    expect(() => ui.alert('hi')).toThrow(
      'You do not have permission to call Ui.alert. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(() => ui.prompt('name?')).toThrow('Ui.prompt');
    expect(() => ui.showSidebar(html)).toThrow('You do not have permission to call Ui.showSidebar.');
    expect(() => ui.showModalDialog(html, 'x')).toThrow('Ui.showModalDialog');
    expect(() => ui.showModelessDialog(html, 'x')).toThrow('Ui.showModelessDialog');
    expect(execution.ui.sidebars).toEqual([]);
  });

  it('gives the locale but not who the user is: an empty email', () => {
    const session = services<GoogleAppsScript.Base.Session>(limited(), 'Session');
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('');
    expect(session.getActiveUserLocale()).toBe('en');
    const full = services<GoogleAppsScript.Base.Session>(
      createServices(createWorkbook(), { user: 'ann@example.com' }),
      'Session',
    );
    expect(full.getActiveUser().getEmail()).toBe('ann@example.com');
  });
});
