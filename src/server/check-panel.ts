/**
 * The Check panel (part of SidebarApi): does the score rank won leads above lost ones, and would the weights the
 * closed leads suggest do better? Computed by the cores of SCOREBANDS, SCOREAUC, LEADSCORE and the cross-validation
 * over the Leads ratings and statuses and the Factors weights, each table read once. Applying the suggestion writes
 * the Factors weights and one Improvements row under the document lock, and only while the numbers still give what
 * the panel showed.
 */

import type { OutGrid } from '../core/cells';
import { checkWeights } from '../core/cross-validation';
import { FACTOR_NAMES } from '../core/factors';
import { leadScore } from '../core/lead-score';
import { scoreAuc } from '../core/score-auc';
import { scoreBands } from '../core/score-bands';
import { FACTORS_TAB, headerKey, IMPROVEMENTS_TAB, LEADS_TAB } from '../shared/schema';
import type { ApplyWeightsResult, CheckPanel, ScoreBand, WeightsCheck } from '../shared/sidebar-api';
import { columnRuns } from './a1';
import { isoToday } from './dates';
import { IMPROVEMENT_IDS } from './improvements';
import { literalText } from './literal-text';
import { factorInfo, type Rows } from './panel-data';
import { appendNumbered, cell, readTable, type Table, withDocumentLock } from './store';

const LEAD_COLUMNS = [...FACTOR_NAMES, 'Status'];
const FACTOR_COLUMNS = ['Factor', 'Weight'];
const IMPROVEMENT_COLUMNS = ['ID', 'Raised', 'Raised by', 'Problem', 'Action', 'Stage', 'Result'];

const CHANGED = 'The numbers changed since you looked, so nothing was written. The panel now shows them as they are.';
const NOTHING_TO_APPLY =
  'The current weights are as good as the data can tell, so nothing was written. The panel now shows why.';
const PROBLEM = 'Factor weights did not match what wins';
/** Who raised the Improvements row when Apps Script does not tell the user's email (the add-on asks no such scope). */
const ADD_ON = 'Lean Sales';
const STAGE = 'Check';
/** Weights are written with two decimals, as the Score check tab shows them. */
const WEIGHT_DECIMALS = 100;

const blankOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const round = (weight: number) => Math.round(weight * WEIGHT_DECIMALS) / WEIGHT_DECIMALS;
const two = (value: number | null) => (value === null ? 'none' : value.toFixed(2));

function bandsOf(grid: OutGrid): ScoreBand[] {
  return grid.map(([band, closed, won, rate, low, high]) => ({
    band: String(band),
    closed: Number(closed),
    won: Number(won),
    rate: blankOr(rate),
    low: blankOr(low),
    high: blankOr(high),
  }));
}

/** The panel's numbers from the Leads rows (ratings and Status) and the ten weights. */
function checkOf(leads: Rows, weights: readonly number[], factors: readonly string[]): CheckPanel {
  // No lead at all is one blank row: blank rows are skipped by every core, so the panel says "none yet".
  const rows = leads.rows.length > 0 ? leads.rows : [[]];
  const ratings = rows.map((row) => FACTOR_NAMES.map((name) => cell(leads, row, name) ?? ''));
  const outcomes = rows.map((row) => [cell(leads, row, 'Status') ?? '']);
  const weightColumn = weights.map((w) => [w]);
  // The Score column's formula, LEADSCORE(ratings, weights), computed here: the panel stays right while a typed
  // value blocks that column's spill, and after Apply it is redrawn without waiting for Sheets to recompute.
  const scores = leadScore(ratings, weightColumn);
  const [auc, low, high, won, lost] = scoreAuc(scores, outcomes)[0];
  const check = checkWeights(ratings, outcomes, weightColumn);
  const shown: WeightsCheck = {
    status: check.status,
    message: check.message,
    won: check.won,
    lost: check.lost,
    minimum: check.minimum,
    folds: check.folds,
    current: check.current,
    currentAuc: check.currentAuc,
    suggested: check.suggested,
    suggestedAuc: check.suggestedAuc,
    better: check.better,
  };
  return {
    factors,
    bands: bandsOf(scoreBands(scores, outcomes)),
    ranking: { auc: blankOr(auc), low: blankOr(low), high: blankOr(high), won: Number(won), lost: Number(lost) },
    weights: shown,
    // What a decision to apply rests on: the counts, both weight sets and both cross-validated AUCs.
    fingerprint: JSON.stringify(shown),
  };
}

/** The panel from the two tables as read (Factors found by factor name, wherever its rows are). */
function checkPanelOf(leads: Rows, factors: Rows): CheckPanel {
  const info = factorInfo(factors);
  return checkOf(
    leads,
    info.map((f) => f.weight),
    info.map((f) => f.name),
  );
}

export function getCheckPanel(): CheckPanel {
  return checkPanelOf(readTable(LEADS_TAB, LEAD_COLUMNS), readTable(FACTORS_TAB, FACTOR_COLUMNS));
}

/** Each factor's index among the Factors rows, in factor order (the same row factorInfo reads its weight from). */
function factorRowIndexes(factors: Rows): number[] {
  const byName = new Map(factors.rows.map((row, i) => [headerKey(cell(factors, row, 'Factor')), i]));
  return FACTOR_NAMES.map((name) => byName.get(headerKey(name)) as number);
}

/**
 * Writes the ten weights into the Weight cells of their factors' rows, one setValues per run of adjacent factor
 * rows (rows of anyone's own between them are not touched). People hold no lock: a sort of the Factors tab between
 * the read and the write would put a weight on another factor's row. So the tab is read back: each factor's row is
 * found again by name, any weight that landed on the wrong factor is put back as `factors` read it, and the weights
 * are written again where the factors are now.
 */
function writeWeights(factors: Table, weights: readonly number[]): void {
  const column = factors.columns.get(headerKey('Weight')) as number;
  const nameColumn = factors.columns.get(headerKey('Factor')) as number;
  const before = new Map(factors.rows.map((row) => [headerKey(row[nameColumn]), row[column]]));
  let indexes = factorRowIndexes(factors);
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = FACTOR_NAMES.map((_, i) => i).sort((a, b) => indexes[a] - indexes[b]);
    const rows = order.map((i) => indexes[i] + 2);
    for (const [first, last] of columnRuns(rows)) {
      const run = order.filter((i) => indexes[i] + 2 >= first && indexes[i] + 2 <= last);
      factors.sheet.getRange(first, column + 1, last - first + 1, 1).setValues(run.map((i) => [weights[i]]));
    }
    let now = readTable(FACTORS_TAB, FACTOR_COLUMNS);
    // An insert between taking the range and reading it leaves the last row out of the read: read again.
    if (factorRowIndexes(now).some((i) => i === undefined)) now = readTable(FACTORS_TAB, FACTOR_COLUMNS);
    const moved = rows.filter(
      (row, k) => headerKey(now.rows[row - 2]?.[nameColumn]) !== headerKey(FACTOR_NAMES[order[k]]),
    );
    if (moved.length === 0) return;
    for (const row of moved) {
      const there = headerKey(now.rows[row - 2]?.[nameColumn]);
      if (before.has(there)) factors.sheet.getRange(row, column + 1).setValue(before.get(there));
    }
    indexes = factorRowIndexes(now);
  }
  throw new Error('The Factors tab kept changing while the weights were written; try again.');
}

/** The effective user's email when Apps Script tells it (it needs a scope the add-on does not ask), else the add-on. */
function raisedBy(): string {
  try {
    const email = Session.getEffectiveUser().getEmail();
    if (typeof email === 'string' && email.trim() !== '') return email.trim();
  } catch {
    // No permission to know the user: the add-on raised it.
  }
  return ADD_ON;
}

function weightChanges(factors: readonly string[], before: readonly number[], after: readonly number[]): string {
  const changes = factors.map((name, i) => `${name} ${before[i]} → ${after[i]}`);
  return `Factors weights set to the suggested ones (Check panel): ${changes.join(', ')}`;
}

function aucResult(check: WeightsCheck): string {
  return (
    `Cross-validated AUC (${check.folds} folds, ${check.won} won and ${check.lost} lost leads): ` +
    `current weights ${two(check.currentAuc)}, suggested weights ${two(check.suggestedAuc)}`
  );
}

/**
 * Applies FACTORWEIGHTS' suggestion (SidebarApi): under the document lock, re-reads Leads, Factors and Improvements,
 * recomputes, and writes nothing when the numbers no longer give `fingerprint` (what the panel showed) or the
 * suggestion does not beat the current weights. Otherwise writes the ten weights (two decimals) into Factors in one
 * batch and appends one Improvements row recording the change. Either way the panel comes back as it now is.
 */
export function applySuggestedWeights(fingerprint: string): ApplyWeightsResult {
  if (typeof fingerprint !== 'string') throw new Error('No panel was sent: open the Check panel again.');
  const today = isoToday(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  const by = raisedBy();
  return withDocumentLock(() => {
    const leads = readTable(LEADS_TAB, LEAD_COLUMNS);
    const factors = readTable(FACTORS_TAB, FACTOR_COLUMNS);
    // Before anything is written: a missing Improvements tab or column stops the apply here, not half-way.
    readTable(IMPROVEMENTS_TAB, IMPROVEMENT_COLUMNS);
    const panel = checkPanelOf(leads, factors);
    if (panel.fingerprint !== fingerprint) return { ok: false, message: CHANGED, panel };
    const { suggested, current } = panel.weights;
    if (!panel.weights.better || suggested === null) return { ok: false, message: NOTHING_TO_APPLY, panel };
    const weights = suggested.map(round);
    writeWeights(factors, weights);
    const { row, id } = appendNumbered(
      IMPROVEMENTS_TAB,
      {
        Raised: today,
        'Raised by': literalText(by),
        Problem: PROBLEM,
        Action: weightChanges(panel.factors, current, weights),
        'Feedback KPI': '',
        Stage: STAGE,
        Result: aucResult(panel.weights),
      },
      IMPROVEMENT_IDS,
      IMPROVEMENT_COLUMNS,
    );
    return { ok: true, improvement: id, row, panel: checkOf(leads, weights, panel.factors) };
  });
}
