/**
 * Set up workbook, Insert matrix formula and Insert chart, compiled only when one of them runs. Their code (about a
 * fifth of the add-on's) is dist/Setup.html, not Code.js: Apps Script loads every script file on every custom-function
 * call, thousands a day, and these actions run a few times in a workbook's life. HTML files are never run by Apps
 * Script; this reads the file (HtmlService needs no authorization) and runs it once per execution.
 */

import type * as Actions from './setup-actions';

/** The project file holding the actions: one JavaScript expression whose value is setup-actions.ts's exports. */
const SETUP_FILE = 'Setup';

/**
 * eval called by another name (an indirect eval) runs code in the global scope, as Apps Script runs Code.js, and gives
 * its value. The code is the add-on's own project file, built from src/ by tools/build.ts; nothing a user typed.
 */
// biome-ignore lint/security/noGlobalEval: see above.
const runInGlobalScope: (code: string) => unknown = eval;

let actions: typeof Actions | undefined;

function loaded(): typeof Actions {
  actions ??= runInGlobalScope(HtmlService.createHtmlOutputFromFile(SETUP_FILE).getContent()) as typeof Actions;
  return actions;
}

export const setupWorkbook: typeof Actions.setupWorkbook = () => loaded().setupWorkbook();
export const setupWorkbookWithSampleData: typeof Actions.setupWorkbookWithSampleData = () =>
  loaded().setupWorkbookWithSampleData();
export const insertMatrixFormula: typeof Actions.insertMatrixFormula = () => loaded().insertMatrixFormula();
export const insertComparisonChart: typeof Actions.insertComparisonChart = (request) =>
  loaded().insertComparisonChart(request);
