/**
 * Spilled arrays recomputed without copies: VSTACK over a custom function's result, the room check of an array, and a
 * result made of the script's own input rows, all giving what Sheets shows.
 */

import { describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import type { CustomFunctionHost } from '../../../workbench/engine/custom-functions';
import { attachedEngines } from './attached-engines';

const attach = attachedEngines();

const column = (workbook: Workbook, col: number, rows: number) =>
  Array.from({ length: rows }, (_, r) => workbook.sheet('Sheet1').values.get(r, col - 1));

describe('a custom function stacked under a header', () => {
  it('follows every rating edit, the header staying put', () => {
    const workbook = createWorkbook();
    workbook.write('Sheet1', 2, 1, [
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ]);
    workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J3)}']]);
    attach(workbook);
    expect(column(workbook, 11, 3)).toEqual(['Score', 100, 0]);
    workbook.write('Sheet1', 3, 1, [[1]]);
    workbook.write('Sheet1', 2, 10, [[5]]);
    expect(column(workbook, 11, 3)).toEqual(['Score', 90, 10]);
  });

  it('is blocked by a value typed into its area and spills again when it is cleared', () => {
    const workbook = createWorkbook();
    workbook.write('Sheet1', 2, 1, [[2, 2, 2, 2, 2, 2, 2, 2, 2, 2]]);
    workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J2)}']]);
    const engine = attach(workbook);
    workbook.write('Sheet1', 2, 11, [['typed']]);
    expect(column(workbook, 11, 1)).toEqual(['#REF!']);
    expect(engine.errorAt('Sheet1', 1, 11)?.message).toMatch(/would overwrite data in K2/);
    workbook.write('Sheet1', 2, 11, [['']]);
    workbook.write('Sheet1', 2, 1, [[1]]);
    expect(column(workbook, 11, 2)).toEqual(['Score', 77.5]);
  });
});

describe('VSTACK over ranges', () => {
  it('pads a narrower range with #N/A and follows edits of its ranges, as Sheets does', () => {
    const workbook = createWorkbook();
    workbook.write('Sheet1', 1, 1, [
      [1, 2],
      [3, 4],
    ]);
    workbook.write('Sheet1', 1, 3, [[5], [6]]);
    workbook.write('Sheet1', 1, 5, [['=VSTACK(A1:B2, C1:C2)']]);
    attach(workbook);
    const stacked = () =>
      workbook
        .values('Sheet1')
        .slice(0, 4)
        .map((row) => row.slice(4, 6));
    expect(stacked()).toEqual([
      [1, 2],
      [3, 4],
      [5, '#N/A'],
      [6, '#N/A'],
    ]);
    workbook.write('Sheet1', 2, 2, [[40]]);
    expect(stacked()[1]).toEqual([3, 40]);
  });
});

describe('a result made of the rows the script was given', () => {
  /** ECHO gives back its argument as is: the frozen rows of a converted range. */
  const echoHost: CustomFunctionHost = {
    table: [{ name: 'ECHO', params: [{ name: 'range' }], outputShape: ([range]) => range ?? { rows: 1, cols: 1 } }],
    call: (_name, [range]) => range,
  };

  it('shows the rows, follows their edits and survives a column inserted through its spill area', () => {
    const workbook = createWorkbook();
    workbook.write('Sheet1', 2, 1, [
      [1, 2],
      [3, 4],
    ]);
    workbook.write('Sheet1', 1, 4, [['={"Echo", "x"; ECHO(A2:B3)}']]);
    attach(workbook, echoHost);
    workbook.write('Sheet1', 2, 1, [[10]]);
    expect(
      workbook
        .values('Sheet1')
        .slice(0, 3)
        .map((row) => row.slice(3, 5)),
    ).toEqual([
      ['Echo', 'x'],
      [10, 2],
      [3, 4],
    ]);
    workbook.insertColumns(workbook.sheet('Sheet1'), 5, 1);
    workbook.write('Sheet1', 3, 2, [[40]]);
    const values = workbook.values('Sheet1');
    expect([values[1].slice(3, 5), values[2].slice(3, 5)]).toEqual([
      [10, 2],
      [3, 40],
    ]);
  });
});
