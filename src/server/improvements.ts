/**
 * The improvement loop's server side: the Improve panel's data (the Improvements rows as read, which the sidebar
 * lints and orders), raising a problem (a new row under the lock) and saving a walk of an item (its row, found by
 * id, written only while it still holds what the walker opened).
 */

import { normaliseWalk, type ProblemForm, validateProblem, validateWalk, WHY_COUNT } from '../core/improvement-lint';
import { IMPROVEMENTS_TAB, inputHeaders, KPI_LOG_TAB, KPIS_TAB, TEAM_TAB } from '../shared/schema';
import type {
  ImproveData,
  RaiseProblemResult,
  SaveImprovementRequest,
  SaveImprovementResult,
} from '../shared/sidebar-api';
import { isoToday, wireValue } from './dates';
import { literalText } from './literal-text';
import { runChartsOf } from './run-charts';
import {
  appendNumbered,
  cell,
  columnTexts,
  type IdScheme,
  readTable,
  type Table,
  text,
  updateRecord,
  withDocumentLock,
} from './store';

/** Improvement ids as the ID column holds them: `I-001`, `I-002`, ... */
export const IMPROVEMENT_IDS: IdScheme = { header: 'ID', prefix: 'I-', digits: 3 };

const WHY_HEADERS = Array.from({ length: WHY_COUNT }, (_, i) => `Why ${i + 1}`);
const HEADERS = inputHeaders(IMPROVEMENTS_TAB);

const timeZone = () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();

type Rows = Pick<Table, 'columns' | 'rows'>;

/** The row's input cells in HEADERS order, dates as days: what the panel reads the item from. */
function cellsOf(table: Rows, row: readonly unknown[], zone: string): (number | string)[] {
  return HEADERS.map((h) => wireValue(cell(table, row, h), zone));
}

/** The row's cells as JSON: what a save compares, so any change since opening is seen (ImproveData's `version`). */
function versionOf(table: Rows, row: readonly unknown[], zone: string): string {
  return JSON.stringify(cellsOf(table, row, zone));
}

const choices = () => ({
  owners: columnTexts(readTable(TEAM_TAB, ['Rep']), 'Rep'),
  kpis: columnTexts(readTable(KPIS_TAB, ['KPI']), 'KPI'),
});

export function getImprovePanel(): ImproveData {
  const zone = timeZone();
  const { owners, kpis } = choices();
  const log = readTable(KPI_LOG_TAB, ['Date', 'KPI', 'Value']);
  const charts = runChartsOf(kpis, log, zone);
  const table = readTable(IMPROVEMENTS_TAB, HEADERS);
  return {
    headers: HEADERS,
    rows: table.rows.map((row) => cellsOf(table, row, zone)),
    owners,
    kpis,
    charts: Object.fromEntries(kpis.map((k, i) => [k, charts[i]])),
    today: isoToday(zone),
  };
}

/** Appends the problem as a new item at Plan, raised today by whoever says so, with the next id. */
export function raiseProblem(input: ProblemForm): RaiseProblemResult {
  const errors = validateProblem(input);
  if (errors.length > 0) return { ok: false, errors };
  const today = isoToday(timeZone());
  return withDocumentLock(() => {
    // Numbered from the ids on the sheet at the moment of writing.
    const { row, id } = appendNumbered(
      IMPROVEMENTS_TAB,
      {
        Raised: today,
        'Raised by': literalText(input.raisedBy.trim()),
        Problem: literalText(input.problem.trim()),
        Stage: 'Plan',
      },
      IMPROVEMENT_IDS,
      HEADERS,
    );
    return { ok: true, row, id };
  });
}

/** The 0-based rows whose ID is `id` (trimmed, any case). */
function rowsWithId(table: Rows, id: string): number[] {
  const key = id.trim().toLowerCase();
  const found: number[] = [];
  table.rows.forEach((row, i) => {
    if (text(cell(table, row, 'ID')).toLowerCase() === key) found.push(i);
  });
  return found;
}

const CHANGED =
  'changed in the sheet since you opened it; nothing was saved. Reload it to see what changed (what you typed stays here).';

/** Validates the walk, then under the lock writes it into the item's row if that row is unchanged since opening. */
export function saveImprovement(request: SaveImprovementRequest): SaveImprovementResult {
  if (typeof request !== 'object' || request === null || typeof request.id !== 'string') {
    return { ok: false, errors: [{ field: 'ID', message: 'No item was sent' }] };
  }
  if (request.id.trim() === '') {
    return {
      ok: false,
      conflict: 'This item has no ID: give it one in the Improvements tab, then reload; nothing was saved.',
    };
  }
  const walk = request.walk;
  const errors = validateWalk(walk, choices());
  if (errors.length > 0) return { ok: false, errors };
  const clean = normaliseWalk(walk);
  const zone = timeZone();
  return withDocumentLock(() => {
    const table = readTable(IMPROVEMENTS_TAB, HEADERS);
    const found = rowsWithId(table, request.id);
    if (found.length === 0) {
      return { ok: false, conflict: `${request.id} is no longer in the Improvements tab; nothing was saved.` };
    }
    if (found.length > 1) {
      const rows = found.map((i) => i + 2).join(' and ');
      return { ok: false, conflict: `Rows ${rows} of Improvements both have ID ${request.id}; nothing was saved.` };
    }
    const index = found[0];
    if (versionOf(table, table.rows[index], zone) !== request.version) {
      return { ok: false, conflict: `${request.id} was ${CHANGED}` };
    }
    const record: Record<string, unknown> = {
      'Root cause': literalText(clean.rootCause),
      Action: literalText(clean.action),
      Owner: literalText(clean.owner),
      Due: clean.due,
      'Feedback KPI': literalText(clean.feedbackKpi),
      Stage: clean.stage,
      Result: literalText(clean.result),
    };
    WHY_HEADERS.forEach((h, i) => {
      record[h] = literalText(clean.whys[i]);
    });
    const id = text(cell(table, table.rows[index], 'ID'));
    return { ok: true, row: updateRecord(table, index, 'ID', id, record), id };
  });
}
