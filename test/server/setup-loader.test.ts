/**
 * The workbook-building actions live in dist/Setup.html, not Code.js: every custom-function call loads Code.js whole,
 * and these run a few times in a workbook's life. The add-on reads and runs the file only when one of them is called.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../workbench/emulator/apps-script-emulator';
import { DIST_DIR } from '../../workbench/session/project-paths';
import { run, sampleWorkbook } from './harness';

const code = readFileSync(path.join(DIST_DIR, 'Code.js'), 'utf8');
const setup = readFileSync(path.join(DIST_DIR, 'Setup.html'), 'utf8');
const ACTIONS = ['insertComparisonChart', 'insertMatrixFormula', 'setupWorkbook', 'setupWorkbookWithSampleData'];

describe('dist/Setup.html', () => {
  it('holds the setup code that Code.js leaves out (the computed columns formulas, for one)', () => {
    expect(setup).toContain('no deal won');
    expect(code).not.toContain('no deal won');
  });

  it('is one expression whose value is the four actions, and touches no service while loading', () => {
    // A bare context: any service call while loading would throw there.
    const actions = vm.runInContext(setup, vm.createContext({})) as Record<string, unknown>;
    expect(Object.keys(actions).sort()).toEqual(ACTIONS);
    for (const name of ACTIONS) expect(typeof actions[name]).toBe('function');
  });
});

describe('the actions through Code.js', () => {
  const filesRead = (calls: Record<string, number>) => calls['HtmlService.createHtmlOutputFromFile'] ?? 0;

  it('read Setup.html once per run: set up reads it, set up with sample data reads it and the sample', () => {
    const blank = run(createWorkbook(), 'setupWorkbook');
    expect(filesRead(blank.execution.calls.byMethod())).toBe(1);
    const sample = run(createWorkbook(), 'setupWorkbookWithSampleData');
    expect(filesRead(sample.execution.calls.byMethod())).toBe(2);
  });

  it('are not read when the sidebar loads its panels', () => {
    const workbook = sampleWorkbook();
    for (const name of ['getLeadsPanel', 'getCheckPanel']) {
      expect(filesRead(run(workbook, name).execution.calls.byMethod()), name).toBe(0);
    }
  });
});
