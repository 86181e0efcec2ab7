import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { Area } from '../../../workbench/emulator/sheet-model';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
};

/** A Settings tab with its value in B2, named as setup names it, and a formula on another tab that reads the name. */
function workbookWithName(nameFirst: boolean) {
  const workbook = createWorkbook();
  workbook.insertSheet('Settings', 1);
  workbook.write('Settings', 2, 1, [['Qualify at score', 60]]);
  const name = () => workbook.namedRanges.set('QualifyAtScore', new Area(workbook.sheet('Settings'), 2, 2, 1, 1));
  if (nameFirst) name();
  const engine = FormulaEngine.attach(workbook, { host });
  workbook.write('Sheet1', 1, 1, [['=QualifyAtScore+1']]);
  if (!nameFirst) name();
  return { workbook, engine, value: () => workbook.sheet('Sheet1').values.get(0, 0) };
}

describe('named ranges in the workbench engine, as Sheets evaluates them', () => {
  it('reads a named range defined before the engine loads, and follows its cell', () => {
    const { workbook, engine, value } = workbookWithName(true);
    expect(value()).toBe(61);
    workbook.write('Settings', 2, 2, [[70]]);
    expect(value()).toBe(71);
    engine.detach();
  });

  it('picks up a name set while it runs, at the next change, and formulas using it recompute', () => {
    const { workbook, engine, value } = workbookWithName(false);
    expect(value()).toBe('#NAME?');
    workbook.write('Settings', 2, 3, [['any change']]);
    expect(value()).toBe(61);
    engine.detach();
  });
});
