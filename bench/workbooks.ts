/** Workbooks of a chosen size for the benchmarks: set up by the add-on, then filled with generated leads. */

import { FACTOR_COUNT } from '../src/core/factors';
import { LEAD_STATUSES, LEADS_TAB } from '../src/shared/schema';
import { createWorkbook, type Workbook } from '../workbench/emulator/apps-script-emulator';
import { runExecution } from '../workbench/session/script-execution';
import { seeded } from './measure';

const REPS = ['Anna Berg', 'Jonas Lind', 'Maria Holm', 'Erik Sand', 'Sara Nord'];
const SEGMENTS = ['S1', 'S2', 'S3', 'S4'];
const CAMPAIGNS = ['A1', 'A2', 'A3', 'A4'];
/** Rows left free below the leads, so an append never has to grow the sheet (that extra call is not the point). */
const HEADROOM = 100;

/** `count` leads as rows under the Leads headers, by header name; computed columns stay empty. */
export function generatedLeads(count: number, seed = 7): Record<string, unknown>[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const lead: Record<string, unknown> = {
      Lead: `L-${String(i + 1).padStart(5, '0')}`,
      Company: `Company ${i + 1}`,
      Contact: `Contact ${i + 1}`,
      Owner: REPS[i % REPS.length],
      Segment: pick(SEGMENTS),
      Campaign: pick(CAMPAIGNS),
      Created: '2026-01-15',
      Status: pick(LEAD_STATUSES),
    };
    for (let f = 0; f < FACTOR_COUNT; f++) lead[LEADS_TAB.headers[7 + f]] = 1 + Math.floor(random() * 5);
    return lead;
  });
}

/** Writes leads under the header row of the workbook's Leads tab, growing the sheet as a user would. */
export function addLeads(workbook: Workbook, leads: readonly Record<string, unknown>[]): void {
  const sheet = workbook.sheet('Leads');
  const headers = workbook.values('Leads')[0].map(String);
  const rowsNeeded = leads.length + 1 + HEADROOM;
  if (rowsNeeded > sheet.maxRows) workbook.insertRows(sheet, sheet.maxRows + 1, rowsNeeded - sheet.maxRows);
  const inputs = headers.map((h, i) => ({ h, i })).filter(({ h }) => !(LEADS_TAB.computed ?? []).includes(h));
  // One block per input column run, so the Score and Best profile spills stay untouched.
  let start = 0;
  while (start < inputs.length) {
    let end = start;
    while (end + 1 < inputs.length && inputs[end + 1].i === inputs[end].i + 1) end++;
    const run = inputs.slice(start, end + 1);
    workbook.write(
      'Leads',
      2,
      run[0].i + 1,
      leads.map((lead) => run.map(({ h }) => lead[h] ?? '')),
    );
    start = end + 1;
  }
}

/** A workbook the add-on set up with its sample profiles, campaigns and team, holding `count` generated leads. */
export function workbookWithLeads(count: number): Workbook {
  const workbook = createWorkbook();
  runExecution(workbook, 'setupWorkbookWithSampleData');
  addLeads(workbook, generatedLeads(count));
  return workbook;
}
