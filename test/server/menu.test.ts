import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../workbench/emulator/apps-script-emulator';
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
