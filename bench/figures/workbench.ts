/** Figure 6: the local workbench loading and recalculating a big workbook, and recomputing after one edit. */

import { performance } from 'node:perf_hooks';
import { FormulaEngine } from '../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';
import { atMost, type BenchOptions, type Figure, median } from '../measure';
import { workbookWithLeads } from '../workbooks';

export function workbenchFigures({ quick }: BenchOptions): Figure[] {
  const leads = quick ? 1_000 : 10_000;
  const workbook = workbookWithLeads(leads);
  const context = loadBundle();
  const host = {
    table: context.LeanSales.functionTable,
    call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
  };
  let start = performance.now();
  const engine = FormulaEngine.attach(workbook, { host });
  const attachMs = performance.now() - start;
  const loads = [attachMs];
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    start = performance.now();
    engine.recalculate();
    loads.push(performance.now() - start);
  }
  const headers = workbook.values('Leads')[0];
  const interest = headers.indexOf('Interest') + 1;
  const edits: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    // A rep re-rates one lead: its Score and Best profile, and the Team and Segments counts, are recomputed.
    workbook.write('Leads', 2 + i, interest, [[(i % 5) + 1]]);
    edits.push(performance.now() - start);
  }
  engine.detach();
  return [
    atMost(`workbench: load and recalculate ${leads} leads (median)`, median(loads), 'ms', 5_000),
    atMost(`workbench: recompute after one rating edit, ${leads} leads (median)`, median(edits), 'ms', 250),
  ];
}
