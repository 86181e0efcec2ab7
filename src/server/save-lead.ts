/** Saving a lead from the standard form: validated, numbered and appended under the document lock. */

import { FACTOR_NAMES } from '../core/factors';
import {
  LEAD_TEXT_FIELDS,
  type LeadChoices,
  type LeadForm,
  normaliseLead,
  validateLead,
} from '../core/lead-form-rules';
import { LEAD_STATUS } from '../core/lead-statuses';
import { CAMPAIGNS_TAB, inputHeaders, LEADS_TAB, SEGMENTS_TAB, TEAM_TAB } from '../shared/schema';
import type { SaveLeadResult } from '../shared/sidebar-api';
import { isoToday } from './dates';
import { literalText } from './literal-text';
import { appendRecord, columnTexts, readTable, withDocumentLock } from './store';

/** The values the form's lists allow: reps of the Team tab, segments and campaigns. */
export function leadChoices(): LeadChoices {
  return {
    owners: columnTexts(readTable(TEAM_TAB, ['Rep']), 'Rep'),
    segments: columnTexts(readTable(SEGMENTS_TAB, ['Segment']), 'Segment'),
    campaigns: columnTexts(readTable(CAMPAIGNS_TAB, ['Campaign']), 'Campaign'),
  };
}

/** The id after the highest `L-<number>` among `ids`: `L-0001` for the first lead. */
function nextLeadId(ids: readonly string[]): string {
  let max = 0;
  for (const id of ids) {
    const match = /^L-(\d+)$/.exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `L-${String(max + 1).padStart(4, '0')}`;
}

/** Validates the form, then appends it as a New lead, created and rated today, with the next id; field errors are returned, not thrown. */
export function saveLead(input: LeadForm): SaveLeadResult {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [{ field: 'Company', message: 'No lead was sent' }] };
  }
  const errors = validateLead(input, leadChoices());
  if (errors.length > 0) return { ok: false, errors };
  const lead = normaliseLead(input);
  const today = isoToday(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  return withDocumentLock(() => {
    const table = readTable(LEADS_TAB, inputHeaders(LEADS_TAB));
    const id = nextLeadId(columnTexts(table, 'Lead'));
    // Every new lead is fully rated (validateLead), so its ratings are dated today.
    const record: Record<string, unknown> = {
      Lead: id,
      Created: today,
      Status: LEAD_STATUS.new,
      Closed: '',
      Rated: today,
    };
    for (const { key, header } of LEAD_TEXT_FIELDS) record[header] = literalText(lead[key]);
    FACTOR_NAMES.forEach((name, i) => {
      record[name] = lead.ratings[i];
    });
    return { ok: true, row: appendRecord(table, record), lead: id };
  });
}
