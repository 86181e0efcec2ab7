import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('Ui menus', () => {
  it('records the add-on menu: items with their handlers, separators, submenus', () => {
    const { app, execution } = session();
    const ui = app.getUi();
    ui.createAddonMenu()
      .addItem('Set up workbook', 'setupWorkbook')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Open sidebar', 'showSidebar'))
      .addToUi();
    expect(execution.ui.addonMenu()).toEqual({
      title: null,
      addon: true,
      entries: [
        { kind: 'item', caption: 'Set up workbook', functionName: 'setupWorkbook' },
        { kind: 'separator' },
        {
          kind: 'submenu',
          menu: {
            title: 'More',
            addon: false,
            entries: [{ kind: 'item', caption: 'Open sidebar', functionName: 'showSidebar' }],
          },
        },
      ],
    });
  });

  it('a menu is shown only once addToUi is called, and adding it again replaces it', () => {
    const { app, execution } = session();
    const menu = app.getUi().createMenu('Lean Sales').addItem('One', 'one');
    expect(execution.ui.menus).toEqual([]);
    menu.addToUi();
    menu.addItem('Two', 'two').addToUi();
    expect(execution.ui.menus).toHaveLength(1);
    expect(execution.ui.menus[0].entries).toHaveLength(2);
  });

  it('addItem needs a caption and a function name', () => {
    const { app } = session();
    const addItem = app.getUi().createMenu('M').addItem as unknown as (...args: unknown[]) => unknown;
    expect(() => addItem('Only a caption')).toThrow(
      "The parameters (String,null) don't match the method signature for Menu.addItem.",
    );
  });
});

describe('Ui alerts and prompts', () => {
  it('alert(message) shows an OK box and returns Button.OK', () => {
    const { app, execution } = session();
    const ui = app.getUi();
    expect(ui.alert('Setup finished')).toBe(ui.Button.OK);
    expect(execution.ui.alerts).toEqual([
      { kind: 'alert', title: '', prompt: 'Setup finished', buttons: 'OK', response: 'OK' },
    ]);
  });

  it('alert(title, prompt, buttons) is recorded whole; the user answer can be set beforehand', () => {
    const { app, execution } = session();
    const ui = app.getUi();
    execution.ui.respond('NO');
    expect(ui.alert('Replace data?', 'The Leads tab has rows.', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Again?', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(execution.ui.alerts[0]).toEqual({
      kind: 'alert',
      title: 'Replace data?',
      prompt: 'The Leads tab has rows.',
      buttons: 'YES_NO',
      response: 'NO',
    });
  });

  it('prompt returns the button and the text the user typed', () => {
    const { app, execution } = session();
    execution.ui.respond('OK', 'Acme');
    const response = app.getUi().prompt('Company?');
    expect([String(response.getSelectedButton()), response.getResponseText()]).toEqual(['OK', 'Acme']);
  });
});

describe('Ui sidebars and dialogs', () => {
  it('showSidebar records the title and the HTML content', () => {
    const { app, execution } = session();
    const html = (execution.globals.HtmlService as GoogleAppsScript.HTML.HtmlService)
      .createHtmlOutput('<p>Hi</p>')
      .setTitle('Lean Sales');
    app.getUi().showSidebar(html);
    expect(execution.ui.sidebars).toEqual([
      { kind: 'sidebar', title: 'Lean Sales', html: '<p>Hi</p>', width: undefined },
    ]);
  });

  it('showModalDialog records the dialog with its title and size', () => {
    const { app, execution } = session();
    const html = (execution.globals.HtmlService as GoogleAppsScript.HTML.HtmlService)
      .createHtmlOutput('<b>chart</b>')
      .setWidth(600)
      .setHeight(400);
    app.getUi().showModalDialog(html, 'Webgraph');
    expect(execution.ui.dialogs).toEqual([
      { kind: 'modal', title: 'Webgraph', html: '<b>chart</b>', width: 600, height: 400 },
    ]);
  });

  it('only an HtmlOutput can be shown', () => {
    const { app } = session();
    const showSidebar = app.getUi().showSidebar as unknown as (value: unknown) => unknown;
    expect(() => showSidebar('<p>raw</p>')).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });
});
