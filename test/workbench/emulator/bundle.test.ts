import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook, EMULATOR_MARK } from '../../../workbench/emulator/apps-script-emulator';
import { callTopLevel, DIST_DIR, loadBundle, readBundle } from '../../../workbench/session/script-bundle';

describe('the emulator and the built add-on', () => {
  it('dist/Code.js contains none of the emulator', () => {
    const code = readBundle();
    for (const identifier of [EMULATOR_MARK, 'EmulatedRange', 'EmulatedSpreadsheetApp', 'UiRecorder', 'LockRegistry']) {
      expect(code).not.toContain(identifier);
    }
  });

  it('runs the real onOpen under AuthMode.NONE: the menu is built and nothing else is touched', () => {
    const workbook = createWorkbook();
    const before = workbook.snapshot();
    const execution = createServices(workbook, { authMode: 'NONE' });
    const context = loadBundle(execution.globals);
    callTopLevel(context, 'onOpen', { authMode: 'NONE' });
    const menu = execution.ui.addonMenu();
    expect(menu?.entries.length).toBeGreaterThan(0);
    expect(
      menu?.entries.every((entry) => entry.kind !== 'item' || typeof context[entry.functionName] === 'function'),
    ).toBe(true);
    expect(
      Object.keys(execution.calls.byMethod()).every((method) =>
        /^(SpreadsheetApp\.getUi|Ui\.create|Menu\.)/.test(method),
      ),
    ).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('runs the real showSidebar: the sidebar shows dist/Sidebar.html', () => {
    const execution = createServices(createWorkbook());
    callTopLevel(loadBundle(execution.globals), 'showSidebar');
    expect(execution.ui.sidebars).toHaveLength(1);
    expect(execution.ui.sidebars[0].html).toBe(readFileSync(path.join(DIST_DIR, 'Sidebar.html'), 'utf8'));
  });
});
