// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../workbench/emulator/apps-script-emulator';
import { DIST_DIR, ROOT } from '../../workbench/session/project-paths';
import { run } from './harness';

describe('onOpen', () => {
  it('builds the add-on menu under AuthMode.NONE and touches nothing else', () => {
    const workbook = createWorkbook();
    const before = workbook.snapshot();
    const { execution } = run(workbook, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    expect(execution.ui.addonMenu()?.entries).toEqual([
      { kind: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
      { kind: 'item', caption: 'Set up workbook', functionName: 'setupWorkbook' },
      { kind: 'item', caption: 'Set up workbook with sample data', functionName: 'setupWorkbookWithSampleData' },
      { kind: 'item', caption: 'Help', functionName: 'showHelp' },
    ]);
    expect(Object.keys(execution.calls.byMethod()).sort()).toEqual([
      'Menu.addItem',
      'Menu.addToUi',
      'SpreadsheetApp.getUi',
      'Ui.createAddonMenu',
    ]);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('names only functions the script declares at the top level', () => {
    const workbook = createWorkbook();
    const { execution } = run(workbook, 'onOpen');
    for (const entry of execution.ui.addonMenu()?.entries ?? []) {
      if (entry.kind !== 'item') continue;
      expect(() => run(createWorkbook(), entry.functionName), entry.functionName).not.toThrow();
    }
  });
});

describe('Help', () => {
  it('shows a dialog saying what each tab and function is for, with a link to the How to', () => {
    const workbook = createWorkbook();
    const before = workbook.snapshot();
    const { execution } = run(workbook, 'showHelp');
    const [dialog] = execution.ui.dialogs;
    expect(dialog.kind).toBe('modal');
    expect(dialog.title).toBe('Lean Sales help');
    const page = new DOMParser().parseFromString(dialog.html, 'text/html');
    const items = [...page.querySelectorAll('li')].map((li) => li.textContent ?? '');
    for (const tab of ['Leads', 'Profiles', 'Campaigns', 'Segments', 'Team', 'Improvements', 'Score check']) {
      expect(
        items.some((item) => item.startsWith(`${tab}`)),
        tab,
      ).toBe(true);
    }
    for (const fn of ['LEADSCORE', 'PROFILEGAP', 'SWEETSPOT', 'HITRATE', 'QUALIFY']) {
      expect(
        items.some((item) => item.includes(fn)),
        fn,
      ).toBe(true);
    }
    const link = page.querySelector('a');
    expect(link?.textContent).toContain('How to');
    expect(link?.getAttribute('href')).toMatch(/#how-to$/);
    expect(page.querySelector('script')).toBeNull();
    expect(workbook.snapshot()).toEqual(before);
  });

  it('shows dist/Help.html as built from src/server/help.html, so Code.js carries none of its text', () => {
    const { execution } = run(createWorkbook(), 'showHelp');
    const help = readFileSync(path.join(DIST_DIR, 'Help.html'), 'utf8');
    expect(help).toBe(readFileSync(path.join(ROOT, 'src/server/help.html'), 'utf8'));
    expect(execution.ui.dialogs[0]).toMatchObject({ html: help, width: 560, height: 560 });
    const code = readFileSync(path.join(DIST_DIR, 'Code.js'), 'utf8');
    for (const text of ['Step-by-step recipes', 'The functions you can type in a cell']) {
      expect(code.includes(text), text).toBe(false);
    }
  });
});

describe('onInstall', () => {
  it("adds the menu and welcomes the user in the menu's words, naming no function", () => {
    const { execution } = run(createWorkbook(), 'onInstall', [{ authMode: 'FULL' }]);
    expect(execution.ui.addonMenu()?.entries).toHaveLength(4);
    const [toast] = execution.ui.toasts;
    expect(toast.message).toContain('Extensions > Lean Sales > Set up workbook with sample data');
    expect(toast.message).toContain('Help');
    expect(toast.message).not.toMatch(/[a-z][A-Z]|\(\)|[A-Z]{5,}/);
  });

  it('only adds the menu under AuthMode.NONE', () => {
    const { execution } = run(createWorkbook(), 'onInstall', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    expect(execution.ui.addonMenu()?.entries).toHaveLength(4);
    expect(execution.ui.toasts).toEqual([]);
  });
});
