/**
 * Editing a lead from the sidebar: find it (by id or company, or the selected row), load every field, and write the
 * changes into its row under the document lock, only if the row, found again by its Lead id wherever sorts or
 * inserts moved it, still holds what was loaded.
 */

import { isBlank, isDate, toNumber } from '../core/cells';
import { FACTOR_NAMES } from '../core/factors';
import {
  anyRated,
  LEAD_TEXT_FIELDS,
  type LeadEditForm,
  normaliseLeadEdit,
  validateLeadEdit,
} from '../core/lead-form-rules';
import { CLOSED_LEAD_STATUSES } from '../core/lead-statuses';
import { isWholeRating } from '../core/vectors';
import { headerKey, inputHeaders, LEADS_TAB } from '../shared/schema';
import type {
  EditLeadResult,
  FieldChange,
  LeadEditRequest,
  LeadMatch,
  LeadRecord,
  LoadLeadResult,
} from '../shared/sidebar-api';
import { isoDay, isoToday, wireValue } from './dates';
import { literalText } from './literal-text';
import { formCells, leadChoices, leadMatch, noLead } from './save-lead';
import { cell, readTable, type Table, text, timeZone, updateRecord, withDocumentLock } from './store';

const CLOSED = new Set(CLOSED_LEAD_STATUSES.map(headerKey));

/** A date cell as YYYY-MM-DD, '' when blank, else its text (someone typed something that is not a date). */
function dayText(value: unknown, zone: string): string {
  if (isBlank(value)) return '';
  return isDate(value) ? isoDay(value, zone) : String(value).trim();
}

/** The index of the one row of the table holding Lead id `lead`, or why there is not one: gone, or in two rows. */
function onlyRow(table: Table, lead: string): number | string {
  const found = table.rows.flatMap((row, i) => (text(cell(table, row, 'Lead')) === lead ? [i] : []));
  if (found.length === 1) return found[0];
  return found.length === 0
    ? `${lead} is no longer in the Leads tab: its row was deleted or its Lead id changed since it was loaded.`
    : `${lead} is in rows ${found.map((i) => i + 2).join(' and ')} of the Leads tab; give each lead its own id first.`;
}

/** Every input column of a row, as plain JSON: what a save compares with what was loaded. */
function rowCells(table: Table, row: readonly unknown[], zone: string): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  for (const header of inputHeaders(LEADS_TAB)) {
    if (table.columns.has(headerKey(header))) cells[header] = wireValue(cell(table, row, header), zone);
  }
  return cells;
}

function rating(value: unknown): number | null {
  const n = toNumber(value);
  return n !== undefined && isWholeRating(n) ? n : null;
}

function recordOf(table: Table, index: number, zone: string): LeadRecord {
  const row = table.rows[index];
  const get = (header: string) => cell(table, row, header);
  const texts = Object.fromEntries(LEAD_TEXT_FIELDS.map(({ key, header }) => [key, text(get(header))]));
  return {
    ...(texts as Pick<LeadEditForm, (typeof LEAD_TEXT_FIELDS)[number]['key']>),
    ratings: FACTOR_NAMES.map((name) => rating(get(name))),
    status: text(get('Status')),
    closed: dayText(get('Closed'), zone),
    row: index + 2,
    lead: text(get('Lead')),
    rated: dayText(get('Rated'), zone),
    cells: rowCells(table, row, zone),
  };
}

function load(table: Table, lead: string): LoadLeadResult {
  const index = onlyRow(table, lead);
  return typeof index === 'string'
    ? { ok: false, message: index }
    : { ok: true, lead: recordOf(table, index, timeZone()) };
}

/** Leads whose id or company contains `query` (any case): an exact id first, then in sheet order, at most 20. */
export function findLeads(query: string): LeadMatch[] {
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  if (q === '') return [];
  const table = readTable(LEADS_TAB, ['Lead', 'Company', 'Status']);
  const matches: LeadMatch[] = [];
  table.rows.forEach((row, i) => {
    const match = leadMatch(table, row, i);
    const lead = match.lead.toLowerCase();
    if (lead === '' && match.company === '') return;
    if (!lead.includes(q) && !match.company.toLowerCase().includes(q)) return;
    if (lead === q) matches.unshift(match);
    else matches.push(match);
  });
  return matches.slice(0, 20);
}

/** A lead by its id, wherever its row is now. */
export function getLead(lead: string): LoadLeadResult {
  const id = String(lead ?? '').trim();
  if (id === '') return { ok: false, message: 'Give a Lead id, such as L-0012.' };
  return load(readTable(LEADS_TAB), id);
}

/** The lead in the row selected in the Leads tab. */
export function getSelectedLead(): LoadLeadResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  if (sheet.getName() !== LEADS_TAB.name) {
    return { ok: false, message: "Select a lead's row in the Leads tab first." };
  }
  const row = spreadsheet.getActiveRange()?.getRow() ?? 0;
  if (row < 2) return { ok: false, message: "Select a lead's row in the Leads tab, below the header." };
  const table = readTable(LEADS_TAB);
  const lead = row - 2 < table.rows.length ? text(cell(table, table.rows[row - 2], 'Lead')) : '';
  if (lead === '') return { ok: false, message: `Row ${row} of the Leads tab holds no Lead id.` };
  return load(table, lead);
}

const same = (a: unknown, b: unknown) => a === b || String(a ?? '') === String(b ?? '');
const shown = (value: string | number) => (value === '' ? '(blank)' : `"${value}"`);

/** What differs between the row now and the row as loaded, in column order. */
function changesSince(now: Readonly<Record<string, string | number>>, then: Readonly<Record<string, unknown>>) {
  const changes: FieldChange[] = [];
  for (const header of inputHeaders(LEADS_TAB)) {
    const was = then[header];
    const is = now[header] ?? '';
    if (!same(is, was))
      changes.push({ field: header, was: typeof was === 'number' ? was : String(was ?? ''), now: is });
  }
  return changes;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isRequest(value: unknown): value is LeadEditRequest {
  const r = value as LeadEditRequest;
  return (
    isObject(r) &&
    isObject(r.loaded) &&
    typeof r.loaded.lead === 'string' &&
    isObject(r.loaded.cells) &&
    isObject(r.form)
  );
}

/**
 * Saves an edited lead into its row. Refused, with nothing written, when a field is wrong, when the lead is gone, or
 * when its row no longer holds what was loaded (the changes are named). Rated becomes today when a rating changed;
 * Closed becomes today when the lead is closed (Won, Lost, Disqualified) and Closed is blank.
 */
export function saveLeadChanges(request: LeadEditRequest): EditLeadResult {
  if (!isRequest(request)) return noLead();
  const { loaded } = request;
  const errors = validateLeadEdit(request.form, leadChoices(), loaded);
  if (errors.length > 0) return { ok: false, errors };
  const edit = normaliseLeadEdit(request.form);
  const zone = timeZone();
  const today = isoToday(zone);
  return withDocumentLock(() => {
    const table = readTable(LEADS_TAB);
    const index = onlyRow(table, loaded.lead);
    if (typeof index === 'string') return { ok: false, conflict: `Not saved: ${index}`, changes: [] };
    const row = table.rows[index];
    const now = rowCells(table, row, zone);
    const changes = changesSince(now, loaded.cells);
    if (changes.length > 0) {
      const list = changes.map((c) => `${c.field} ${shown(c.was)} is now ${shown(c.now)}`).join('; ');
      return {
        ok: false,
        conflict: `Not saved: someone changed ${loaded.lead} in the sheet since you loaded it (${list}).`,
        changes,
      };
    }
    const ratingChanged = FACTOR_NAMES.some((name, i) => rating(cell(table, row, name)) !== edit.ratings[i]);
    const closing = CLOSED.has(headerKey(edit.status)) && edit.closed === '';
    const wanted: Record<string, string | number> = {
      ...formCells(edit),
      Status: edit.status,
      Closed: closing ? today : edit.closed,
    };
    // Ratings changed are dated today; every rating cleared leaves the lead never rated, as a new one with none.
    const rated = ratingChanged ? (anyRated(edit.ratings) ? today : '') : dayText(cell(table, row, 'Rated'), zone);
    if (ratingChanged) wanted.Rated = rated;
    // Only the cells whose value changes are written; text goes in as literal text.
    const headers = Object.keys(wanted).filter((h) => table.columns.has(headerKey(h)) && !same(wanted[h], now[h]));
    const literal = formCells(edit, literalText);
    const written =
      headers.length > 0
        ? updateRecord(
            table,
            index,
            'Lead',
            loaded.lead,
            Object.fromEntries(headers.map((h) => [h, literal[h] ?? wanted[h]])),
          )
        : index + 2;
    return { ok: true, row: written, lead: loaded.lead, rated, closed: String(wanted.Closed) };
  });
}
