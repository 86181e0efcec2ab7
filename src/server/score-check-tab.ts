/** The Score check tab: blocks of analysis, each a title and one formula, written where their cells are free. */

import { isBlank } from '../core/cells';
import { SCORE_CHECK_TAB } from '../shared/schema';
import { openRange } from './a1';
import type { ReportBlock } from './formulas';
import { listed, setNumberFormats } from './setup-tab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What setup read of the Score check tab: its sheet, and the formulas and values of its cells. */
export interface ReportTab {
  sheet: Sheet | undefined;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly string[])[];
}

export function readReportTab(sheet: Sheet | undefined): ReportTab {
  const range = sheet?.getDataRange();
  return { sheet, values: range?.getValues() ?? [], formulas: range?.getFormulas() ?? [] };
}

/**
 * Writes each block (title and formula) whose area is empty; a block whose formula cell holds a formula is taken as
 * there (the user may have changed it); anything else in the way is reported and left alone.
 */
export function writeReportTab(
  ss: Spreadsheet,
  tab: ReportTab,
  index: number,
  blocks: readonly ReportBlock[],
  report: string[],
): void {
  const occupied = (row: number, column: number) =>
    !isBlank(tab.values[row - 1]?.[column - 1]) || Boolean(tab.formulas[row - 1]?.[column - 1]);
  const written: string[] = [];
  const formats: [string, string][] = [];
  for (const block of blocks) {
    if (tab.formulas[block.row]?.[0]) continue;
    // Free: the title cell empty or holding the title, and every cell of the block's area below it empty.
    let free = !occupied(block.row, 1) || tab.values[block.row - 1]?.[0] === block.title;
    for (let r = 1; r <= block.rows; r++) {
      for (let c = 1; c <= block.formats.length; c++) if (occupied(block.row + r, c)) free = false;
    }
    if (!free) {
      report.push(
        `${SCORE_CHECK_TAB}: A${block.row + 1} and the cells below it are not free; that block was not written`,
      );
      continue;
    }
    if (!tab.sheet) tab.sheet = ss.insertSheet(SCORE_CHECK_TAB, index);
    tab.sheet.getRange(block.row, 1, 2, 1).setValues([[block.title], [block.formula]]);
    block.formats.forEach((format, i) => {
      formats.push([openRange(i + 1, i + 1, block.row + 2) + (block.row + block.rows), format]);
    });
    written.push(block.title.split(':')[0]);
  }
  // One call per format for all blocks, as setup formats the other tabs.
  if (tab.sheet) setNumberFormats(tab.sheet, formats);
  listed(report, SCORE_CHECK_TAB, written);
}
