/**
 * The peer, side by side: the Score column of the same workbook (a Factors tab of ten weights, a Leads tab of ratings
 * in H:Q) built three ways in the workbench's own formula engine, as a Sheets user could build it:
 *
 * - one spilled LEADSCORE in the header cell, `={"Score"; LEADSCORE(H2:Q, Factors!B2:B11)}` (what the add-on writes);
 * - a native formula per row, `=100*SUMPRODUCT(Factors!$B$2:$B$11, 5-TRANSPOSE(H2:Q2))/(4*SUM(Factors!$B$2:$B$11))`
 *   copied down;
 * - LEADSCORE per row, `=LEADSCORE(H2:Q2, Factors!$B$2:$B$11)` copied down.
 *
 * Each is measured in the same run: the time to load and compute the workbook, the time of one rating edit, and the
 * custom-function invocations at the build and per edit (in Sheets each invocation is a round trip to Apps Script).
 * The three must give the same scores, or the comparison says nothing.
 */

import { performance } from 'node:perf_hooks';
import { createWorkbook, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';
import { type BenchOptions, type Figure, info, median, ratingGrid, seeded } from '../measure';

const WEIGHTS = [3, 2, 2, 1, 1, 2, 1, 1, 2, 1];
const EDITS = 7;

interface Way {
  readonly name: string;
  /** The Score column's formulas: cells from R1 down. */
  formulas(leads: number): string[][];
}

const WAYS: readonly Way[] = [
  {
    name: 'one spilled LEADSCORE',
    formulas: () => [['={"Score"; LEADSCORE(H2:Q, Factors!B2:B11)}']],
  },
  {
    name: 'per-row SUMPRODUCT',
    formulas: (leads) => [
      ['Score'],
      ...Array.from({ length: leads }, (_, i) => [
        `=100*SUMPRODUCT(Factors!$B$2:$B$11, 5-TRANSPOSE(H${i + 2}:Q${i + 2}))/(4*SUM(Factors!$B$2:$B$11))`,
      ]),
    ],
  },
  {
    name: 'per-row LEADSCORE',
    formulas: (leads) => [
      ['Score'],
      ...Array.from({ length: leads }, (_, i) => [`=LEADSCORE(H${i + 2}:Q${i + 2}, Factors!$B$2:$B$11)`]),
    ],
  },
];

interface Measured {
  buildMs: number;
  editMs: number;
  buildCalls: number;
  callsPerEdit: number;
  scores: unknown[];
}

function workbookOf(leads: number, way: Way): Workbook {
  const workbook = createWorkbook();
  workbook.insertSheet('Factors', 1);
  workbook.write('Factors', 1, 1, [['Factor', 'Weight']]);
  workbook.write(
    'Factors',
    2,
    2,
    WEIGHTS.map((w) => [w]),
  );
  const leadsSheet = workbook.insertSheet('Leads', 0);
  const rows = leads + 1;
  if (rows > leadsSheet.maxRows) workbook.insertRows(leadsSheet, leadsSheet.maxRows + 1, rows - leadsSheet.maxRows);
  workbook.write('Leads', 2, 8, ratingGrid(leads, seeded(11)));
  workbook.write('Leads', 1, 18, way.formulas(leads));
  return workbook;
}

function measure(leads: number, way: Way, context: ReturnType<typeof loadBundle>): Measured {
  const workbook = workbookOf(leads, way);
  let calls = 0;
  const host = {
    table: context.LeanSales.functionTable,
    call: (name: string, args: unknown[]) => {
      calls++;
      return callTopLevel(context, name, ...args);
    },
  };
  (globalThis as { gc?: () => void }).gc?.();
  let start = performance.now();
  const engine = FormulaEngine.attach(workbook, { host });
  const buildMs = performance.now() - start;
  const buildCalls = calls;
  calls = 0;
  const edits: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const row = 2 + Math.floor((leads * i) / EDITS);
    const current = workbook.sheet('Leads').values.get(row - 1, 12) as number;
    start = performance.now();
    // A rep re-rates one lead's Interest (column M).
    workbook.write('Leads', row, 13, [[(current % 5) + 1]]);
    edits.push(performance.now() - start);
  }
  const callsPerEdit = calls / EDITS;
  const scores = workbook
    .values('Leads')
    .slice(1, leads + 1)
    .map((line) => line[17]);
  engine.detach();
  return { buildMs, editMs: median(edits), buildCalls, callsPerEdit, scores };
}

function sameScores(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => typeof x === 'number' && Math.abs(x - (b[i] as number)) < 1e-9);
}

export function peerFigures({ quick }: BenchOptions): Figure[] {
  const context = loadBundle();
  const figures: Figure[] = [];
  for (const leads of quick ? [100, 1_000] : [1_000, 10_000]) {
    const results = WAYS.map((way) => measure(leads, way, context));
    for (const [i, result] of results.entries()) {
      if (!sameScores(result.scores, results[0].scores)) {
        throw new Error(`bench: ${WAYS[i].name} gives other scores than ${WAYS[0].name} at ${leads} leads`);
      }
    }
    const [spilled] = results;
    for (const [i, result] of results.entries()) {
      const name = `peer ${leads} leads, ${WAYS[i].name}`;
      figures.push(
        info(`${name}: build (load and compute)`, result.buildMs, 'ms'),
        info(`${name}: one rating edit (median of ${EDITS})`, result.editMs, 'ms'),
        info(`${name}: custom-function invocations at build`, result.buildCalls, 'calls'),
        info(`${name}: custom-function invocations per edit`, result.callsPerEdit, 'calls'),
      );
      if (i > 0) {
        figures.push(
          info(`${name}: build time / spilled`, result.buildMs / spilled.buildMs, 'x'),
          info(`${name}: edit time / spilled`, result.editMs / spilled.editMs, 'x'),
        );
      }
    }
  }
  return figures;
}
