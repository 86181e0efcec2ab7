/** The actions that build the workbook: the entry of dist/Setup.html, which setup-loader.ts runs when one is called. */

export { insertChart as insertComparisonChart } from './chart';
export { insertMatrixFormula } from './matrix-tab';
export { setupWorkbook, setupWorkbookWithSampleData } from './setup';
