import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { loadScript } from './helpers';

/** A save as add-on code writes it: find the first free row, then write one row there (two round trips). */
const SCRIPT = `
function appendUnlocked(label) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
  var row = sheet.getLastRow() + 1;
  sheet.getRange(row, 1, 1, 2).setValues([[label, row]]);
}

function appendLocked(label) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(10000);
  try {
    appendUnlocked(label);
  } finally {
    lock.releaseLock();
  }
}
`;

type Save = 'appendUnlocked' | 'appendLocked';

function newLog(): Workbook {
  const workbook = createWorkbook();
  workbook.insertSheet('Log');
  workbook.write('Log', 1, 1, [['Label', 'Row']]);
  return workbook;
}

/**
 * Execution A saves; on A's `k`-th service call, execution B runs its whole save first. A save that fails (B's wait
 * for the lock) is retried once A is done, as a user would click again.
 */
function interleave(workbook: Workbook, save: Save, k: number): { retried: string[] } {
  const retried: string[] = [];
  let calls = 0;
  const runB = () => {
    const context = loadScript(createServices(workbook), SCRIPT);
    try {
      context[save]('B');
    } catch (error) {
      retried.push(String(error));
    }
  };
  const a = createServices(workbook, {
    onServiceCall: () => {
      if (++calls === k) runB();
    },
  });
  loadScript(a, SCRIPT)[save]('A');
  a.finish();
  if (retried.length > 0) loadScript(createServices(workbook), SCRIPT)[save]('B');
  return { retried };
}

const labels = (workbook: Workbook) =>
  workbook
    .values('Log')
    .slice(1)
    .map((line) => line[0]);

describe('interleaved executions', () => {
  it('without the lock, a save run between the read of the last row and the write loses a row', () => {
    const workbook = newLog();
    // A's calls: getActiveSpreadsheet, getSheetByName, getLastRow, getRange, setValues: B runs before A's getRange.
    interleave(workbook, 'appendUnlocked', 4);
    expect(labels(workbook)).toEqual(['A']);
  });

  it('with the document lock, B waits in vain, retries after A, and no row is lost', () => {
    for (let k = 1; k <= 8; k++) {
      const workbook = newLog();
      const { retried } = interleave(workbook, 'appendLocked', k);
      expect(labels(workbook).sort()).toEqual(['A', 'B']);
      // From A's third call (after waitLock) to its last (before releaseLock runs), A holds the lock.
      expect(retried).toEqual(
        k < 3 ? [] : ['Exception: Lock timeout: another process was holding the lock for too long.'],
      );
    }
  });

  it('onServiceCall hears each call by name, before it runs', () => {
    const heard: string[] = [];
    const workbook = newLog();
    const execution = createServices(workbook, { onServiceCall: (method) => heard.push(method) });
    loadScript(execution, SCRIPT).appendLocked('A');
    expect(heard).toEqual([
      'LockService.getDocumentLock',
      'Lock.waitLock',
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getLastRow',
      'Sheet.getRange',
      'Range.setValues',
      'Lock.releaseLock',
    ]);
  });
});
