/**
 * Figures 4-5: service calls and custom-function cells, which must not grow with the number of rows; and round trips
 * (reads that wait for pending writes), which Google's guidance keeps few: read everything, then write everything.
 */

import { LEADS_TAB } from '../../src/shared/schema';
import { createWorkbook, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { runExecution } from '../../workbench/session/script-execution';
import { atMost, type BenchOptions, type Figure, info, sameAt } from '../measure';
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

const roundTripsOf = (workbook: Workbook, name: string, args: unknown[] = []) =>
  runExecution(workbook, name, args).execution.calls.roundTrips();

/** Setup over a Leads tab a user already filled with `count` leads (no computed columns yet). */
function setupOverLeads(count: number): { calls: number; roundTrips: number; workbook: Workbook } {
  const workbook = createWorkbook();
  workbook.insertSheet('Leads', 0);
  const headers = LEADS_TAB.headers.filter((h) => !(LEADS_TAB.computed ?? []).includes(h));
  workbook.write('Leads', 1, 1, [headers]);
  addLeads(workbook, generatedLeads(count));
  const { calls } = runExecution(workbook, 'setupWorkbook').execution;
  return { calls: calls.total(), roundTrips: calls.roundTrips(), workbook };
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
    atMost('round trips: setup on a blank workbook', roundTripsOf(createWorkbook(), 'setupWorkbook'), 'trips', 2),
    ...sizes.map((n, i) =>
      atMost(
        `round trips: setup over a filled Leads tab of ${n} leads`,
        [setupSmall, setupLarge][i].roundTrips,
        'trips',
        2,
      ),
    ),
    ...sizes.map((n, i) =>
      atMost(
        `round trips: reading Leads (leads panel) of ${n} leads`,
        roundTripsOf([small, large][i], 'getLeadsPanel'),
        'trips',
        0,
      ),
    ),
    ...sizes.map((n, i) =>
      atMost(
        `round trips: appending one lead to ${n} leads`,
        roundTripsOf([small, large][i], 'saveLead', [A_LEAD]),
        'trips',
        1,
      ),
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
