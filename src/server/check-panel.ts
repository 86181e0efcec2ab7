/**
 * The Check panel's server side (part of SidebarApi): the closed leads' ratings and outcomes and the Factors weights,
 * each table read once, for the sidebar to compute the score bands, the AUC and the cross-validated weights in the
 * browser (src/client/panels/check-model.ts). Applying the suggestion writes the Factors weights and one
 * Improvements row under the document lock, and only while the data still are what the panel was computed from.
 */

import { isBlank, toNumber } from '../core/cells';
import { FOLDS } from '../core/cross-validation';
import { factorWeights } from '../core/factor-weights';
import { FACTOR_NAMES } from '../core/factors';
import { LOST, OPEN, readOutcome } from '../core/outcomes';
import { isWholeRating } from '../core/vectors';
import { FACTORS_TAB, headerKey, IMPROVEMENTS_TAB, LEADS_TAB } from '../shared/schema';
import type { ApplyWeightsRequest, ApplyWeightsResult, CheckData } from '../shared/sidebar-api';
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
/** A closed lead with all ten ratings valid: the leads the suggestion and its cross-validation rest on. */
const ELIGIBLE = /^.[1-5]{10}$/;

const round = (weight: number) => Math.round(weight * WEIGHT_DECIMALS) / WEIGHT_DECIMALS;
const two = (value: number) => value.toFixed(2);

/**
 * A rating cell as one character that every core reads the same way as the cell: its rating 1-5 (a number or text
 * spelling one), `-` when blank (a zero-weight factor may be), `x` for anything else (the lead has a defect).
 */
function ratingChar(value: unknown): string {
  const n = typeof value === 'number' ? value : toNumber(value);
  if (n !== undefined && isWholeRating(n)) return String(n);
  return isBlank(value) ? '-' : 'x';
}

/** Each closed lead in sheet order as `W` or `L` and its ten rating characters; open leads are left out. */
function closedLeads(leads: Rows): string[] {
  const closed: string[] = [];
  for (const row of leads.rows) {
    const outcome = readOutcome(cell(leads, row, 'Status'));
    if (outcome === OPEN) continue;
    closed.push(
      (outcome === LOST ? 'L' : 'W') + FACTOR_NAMES.map((name) => ratingChar(cell(leads, row, name))).join(''),
    );
  }
  return closed;
}

/** A 53-bit hash of `text` (cyrb53) as base-36 text: the fingerprint of the data a panel was computed from. */
function hashOf(text: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
}

/** The panel's data, with the fingerprint of what the panel computes from: the weights and the closed leads. */
function checkData(factors: readonly string[], weights: readonly number[], closed: readonly string[]): CheckData {
  return { factors, weights, closed, fingerprint: hashOf(JSON.stringify([weights, closed])) };
}

/** The panel's data from the two tables as read (Factors found by factor name, wherever its rows are). */
function checkDataOf(leads: Rows, factors: Rows): CheckData {
  const info = factorInfo(factors);
  return checkData(
    info.map((f) => f.name),
    info.map((f) => f.weight),
    closedLeads(leads),
  );
}

export function getCheckPanel(): CheckData {
  return checkDataOf(readTable(LEADS_TAB, LEAD_COLUMNS), readTable(FACTORS_TAB, FACTOR_COLUMNS));
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

/** What the Improvements row's Result says: the cross-validated AUCs the panel showed, and what they rest on. */
function aucResult(closed: readonly string[], request: ApplyWeightsRequest): string {
  const eligible = closed.filter((lead) => ELIGIBLE.test(lead));
  const won = eligible.filter((lead) => lead[0] === 'W').length;
  return (
    `Cross-validated AUC (${FOLDS} folds, ${won} won and ${eligible.length - won} lost leads): ` +
    `current weights ${two(request.currentAuc)}, suggested weights ${two(request.suggestedAuc)}`
  );
}

const isAuc = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;

/** FACTORWEIGHTS over the leads (ten weights summing to 10), or null when it suggests none (too few, no separation). */
function suggestionOf(leads: Rows): number[] | null {
  const rows = leads.rows.length > 0 ? leads.rows : [[]];
  const weights = factorWeights(
    rows.map((row) => FACTOR_NAMES.map((name) => cell(leads, row, name) ?? '')),
    rows.map((row) => [cell(leads, row, 'Status') ?? '']),
  ).map(([w]) => w);
  return weights.every((w) => typeof w === 'number') ? (weights as number[]) : null;
}

/**
 * Applies FACTORWEIGHTS' suggestion (SidebarApi): under the document lock, re-reads Leads, Factors and Improvements
 * and writes nothing when the data are no longer what the panel was computed from (`fingerprint`), when FACTORWEIGHTS
 * no longer gives the weights the panel suggested, or when the cross-validated AUCs the panel showed do not favour
 * them. The browser computed those AUCs with the core code from exactly the data the fingerprint covers, so they are
 * taken as shown rather than cross-validated again here. Otherwise writes the ten weights (two decimals) into Factors
 * in one batch and appends one Improvements row recording the change. Either way the panel's data come back as they
 * now are.
 */
export function applySuggestedWeights(request: ApplyWeightsRequest): ApplyWeightsResult {
  if (typeof request !== 'object' || request === null || typeof request.fingerprint !== 'string') {
    throw new Error('No panel was sent: open the Check panel again.');
  }
  const today = isoToday(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  const by = raisedBy();
  return withDocumentLock(() => {
    const leads = readTable(LEADS_TAB, LEAD_COLUMNS);
    const factors = readTable(FACTORS_TAB, FACTOR_COLUMNS);
    // Before anything is written: a missing Improvements tab or column stops the apply here, not half-way.
    readTable(IMPROVEMENTS_TAB, IMPROVEMENT_COLUMNS);
    const panel = checkDataOf(leads, factors);
    if (panel.fingerprint !== request.fingerprint) return { ok: false, message: CHANGED, panel };
    const suggested = suggestionOf(leads);
    const { currentAuc, suggestedAuc } = request;
    if (suggested === null || !isAuc(currentAuc) || !isAuc(suggestedAuc) || !(suggestedAuc > currentAuc)) {
      return { ok: false, message: NOTHING_TO_APPLY, panel };
    }
    const shown = Array.isArray(request.suggested) ? request.suggested : [];
    if (suggested.some((w, i) => w !== shown[i])) return { ok: false, message: CHANGED, panel };
    const weights = suggested.map(round);
    writeWeights(factors, weights);
    const { row, id } = appendNumbered(
      IMPROVEMENTS_TAB,
      {
        Raised: today,
        'Raised by': literalText(by),
        Problem: PROBLEM,
        Action: weightChanges(panel.factors, panel.weights, weights),
        'Feedback KPI': '',
        Stage: STAGE,
        Result: aucResult(panel.closed, request),
      },
      IMPROVEMENT_IDS,
      IMPROVEMENT_COLUMNS,
    );
    return { ok: true, improvement: id, row, panel: checkData(panel.factors, weights, panel.closed) };
  });
}
