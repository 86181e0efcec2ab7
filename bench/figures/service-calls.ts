/** Figures 4-5: service round trips and custom-function cells, which must not grow with the number of rows. */

import { LEADS_TAB } from '../../src/shared/schema';
import { createWorkbook, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { runExecution } from '../../workbench/session/script-execution';
import { type BenchOptions, type Figure, info, sameAt } from '../measure';
import { addLeads, generatedLeads, workbookWithLeads } from '../workbooks';

const A_LEAD = {
  company: 'Nordic Pumps AB',
  contact: 'Eva Berg',
  owner: 'Anna Berg',
  segment: '',
  campaign: '',
  notes: '',
  ratings: [2, 2, 1, 3, 2, 1, 2, 3, 2, 1],
};

const callsOf = (workbook: Workbook, name: string, args: unknown[] = []) =>
  runExecution(workbook, name, args).execution.calls.total();

/** Setup over a Leads tab a user already filled with `count` leads (no computed columns yet). */
function setupOverLeads(count: number): { calls: number; workbook: Workbook } {
  const workbook = createWorkbook();
  workbook.insertSheet('Leads', 0);
  const headers = LEADS_TAB.headers.filter((h) => !(LEADS_TAB.computed ?? []).includes(h));
  workbook.write('Leads', 1, 1, [headers]);
  addLeads(workbook, generatedLeads(count));
  return { calls: callsOf(workbook, 'setupWorkbook'), workbook };
}

const CUSTOM = /\b(LEADSCORE|PROFILEGAP|SWEETSPOT|HITRATE|KPISTATUS)\s*\(/;

/** Formula cells of the workbook that call one of the add-on's custom functions. */
function customFunctionCells(workbook: Workbook): number {
  let count = 0;
  for (const name of workbook.sheetNames()) {
    for (const row of workbook.formulas(name)) for (const formula of row) if (CUSTOM.test(formula)) count++;
  }
  return count;
}

export function serviceCallFigures({ quick }: BenchOptions): Figure[] {
  const sizes: [number, number] = [10, quick ? 1_000 : 10_000];
  const [small, large] = sizes.map((n) => workbookWithLeads(n));
  const [setupSmall, setupLarge] = sizes.map((n) => setupOverLeads(n));
  return [
    info('service calls: setup on a blank workbook', callsOf(createWorkbook(), 'setupWorkbook'), 'calls'),
    ...sameAt('service calls: setup over a filled Leads tab', setupSmall.calls, setupLarge.calls, sizes),
    ...sameAt(
      'service calls: reading Leads (leads panel)',
      callsOf(small, 'getLeadsPanel'),
      callsOf(large, 'getLeadsPanel'),
      sizes,
    ),
    ...sameAt(
      'service calls: appending one lead',
      callsOf(small, 'saveLead', [A_LEAD]),
      callsOf(large, 'saveLead', [A_LEAD]),
      sizes,
    ),
    ...sameAt(
      'custom-function cells written by setup',
      customFunctionCells(setupSmall.workbook),
      customFunctionCells(setupLarge.workbook),
      sizes,
      'cells',
    ),
  ];
}
