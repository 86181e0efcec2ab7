/** Engines a test attaches with the bundle's functions: detached after each test, which fails on an engine failure. */

import { afterEach, expect } from 'vitest';
import type { Workbook } from '../../../workbench/emulator/apps-script-emulator';
import type { CustomFunctionHost } from '../../../workbench/engine/custom-functions';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const bundleHost: CustomFunctionHost = {
  table: context.LeanSales.functionTable,
  call: (name, args) => callTopLevel(context, name, ...args),
};

/**
 * The `attach` of a test file. An engine failure makes the engine rebuild itself from the workbook, which hides the
 * fault from the values a test reads, so each one reported fails the test.
 */
export function attachedEngines(): (workbook: Workbook, host?: CustomFunctionHost) => FormulaEngine {
  let engines: FormulaEngine[] = [];
  let failures: string[] = [];
  afterEach(() => {
    for (const engine of engines) engine.detach();
    engines = [];
    expect(failures).toEqual([]);
    failures = [];
  });
  return (workbook, host = bundleHost) => {
    const engine = FormulaEngine.attach(workbook, { host, onFailure: (message) => failures.push(message) });
    engines.push(engine);
    return engine;
  };
}
