/**
 * An array's room for its spill: checked cell by cell only when something may have moved into its cells since its
 * last check. Whatever the workbook's change, the array is blocked exactly when Sheets would block it.
 */

import { describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import type { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { attachedEngines } from './attached-engines';

const attach = attachedEngines();

/** Ratings in A2:J4 and their scores spilled from K1 under a header, as the add-on writes them. */
function scored(): { workbook: Workbook; engine: FormulaEngine } {
  const workbook = createWorkbook();
  workbook.write('Sheet1', 2, 1, [
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  ]);
  workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J4)}']]);
  return { workbook, engine: attach(workbook) };
}

const scores = (workbook: Workbook) => [1, 2, 3, 4].map((row) => workbook.sheet('Sheet1').values.get(row - 1, 10));
const rate = (workbook: Workbook, row: number, value: number) => workbook.write('Sheet1', row, 1, [[value]]);

describe('an array recomputed after edits', () => {
  it('is blocked by a value typed into its cells between two edits, and spills again once it is cleared', () => {
    const { workbook, engine } = scored();
    rate(workbook, 2, 2);
    rate(workbook, 2, 1);
    workbook.write('Sheet1', 4, 11, [['typed']]);
    rate(workbook, 3, 4);
    expect(scores(workbook)[0]).toBe('#REF!');
    expect(engine.errorAt('Sheet1', 1, 11)?.message).toMatch(/would overwrite data in K4/);
    workbook.write('Sheet1', 4, 11, [['']]);
    rate(workbook, 3, 5);
    expect(scores(workbook)).toEqual(['Score', 100, 0, 50]);
  });

  it('is blocked by a formula typed into its cells', () => {
    const { workbook } = scored();
    rate(workbook, 2, 2);
    workbook.write('Sheet1', 3, 11, [['=1+1']]);
    rate(workbook, 2, 1);
    expect(scores(workbook)[0]).toBe('#REF!');
  });

  it('keeps its room when rows are inserted above the values under it, and is blocked by what moves into it', () => {
    const { workbook } = scored();
    workbook.write('Sheet1', 6, 11, [['below']]);
    rate(workbook, 2, 2);
    // Deleting row 5 brings the text up to K5, still below the spill (K1:K4).
    workbook.deleteRows(workbook.sheet('Sheet1'), 5, 1);
    rate(workbook, 2, 1);
    expect(scores(workbook)).toEqual(['Score', 100, 0, 50]);
    // One more lead: the spill needs K5, where the text now is.
    workbook.write('Sheet1', 5, 1, [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J5)}']]);
    expect(scores(workbook)[0]).toBe('#REF!');
  });

  it('is not looked at cell by cell when a rating edit cannot have put anything in its way', () => {
    const { workbook, engine } = scored();
    rate(workbook, 2, 2);
    const graph = (engine as unknown as { hf: { dependencyGraph: { addressMapping: object } } }).hf.dependencyGraph;
    const mapping = graph.addressMapping as { getCell: (address: { col: number; row: number }) => unknown };
    const getCell = mapping.getCell;
    /** Rows of the spill's column, K, looked up (0-based). */
    const looked = new Set<number>();
    mapping.getCell = function (this: unknown, address: { col: number; row: number }) {
      if (address.col === 10) looked.add(address.row);
      return getCell.call(this, address);
    };
    try {
      rate(workbook, 2, 3);
      expect(scores(workbook)[1]).toBe(95);
      // Only the one score that changed is read, to be written back; K1, K3 and K4 are not looked at.
      expect([...looked]).toEqual([1]);
      looked.clear();
      workbook.write('Sheet1', 3, 11, [['typed']]);
      expect([...looked].sort()).toEqual([0, 1, 2, 3]);
    } finally {
      mapping.getCell = getCell;
    }
    expect(scores(workbook)[0]).toBe('#REF!');
  });
});
