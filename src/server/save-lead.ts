/** Saving a lead from the standard form: validated, numbered and appended under the document lock. */

import { FACTOR_NAMES } from '../core/factors';
import {
  anyRated,
  LEAD_TEXT_FIELDS,
  type LeadChoices,
  type LeadForm,
  normaliseLead,
  validateLead,
} from '../core/lead-form-rules';
import { sameCompany } from '../core/lead-quality';
import { LEAD_STATUS } from '../core/lead-statuses';
import { CAMPAIGNS_TAB, LEADS_TAB, SEGMENTS_TAB, TEAM_TAB } from '../shared/schema';
import type { LeadMatch, SaveLeadResult } from '../shared/sidebar-api';
import { isoToday } from './dates';
import { literalText } from './literal-text';
import {
  appendNumbered,
  cell,
  columnTexts,
  type IdScheme,
  readTable,
  type Table,
  text,
  timeZone,
  withDocumentLock,
} from './store';

/** Lead ids as the Lead column holds them: `L-0001`, `L-0002`, ... */
export const LEAD_IDS: IdScheme = { header: 'Lead', prefix: 'L-', digits: 4 };

/** The values the form's lists allow: reps of the Team tab, segments and campaigns (a Campaigns table read already may be given). */
export function leadChoices(
  campaigns: Pick<Table, 'columns' | 'rows'> = readTable(CAMPAIGNS_TAB, ['Campaign']),
): LeadChoices {
  return {
    owners: columnTexts(readTable(TEAM_TAB, ['Rep']), 'Rep'),
    segments: columnTexts(readTable(SEGMENTS_TAB, ['Segment']), 'Segment'),
    campaigns: columnTexts(campaigns, 'Campaign'),
  };
}

/** A request that holds no lead at all. */
export const noLead = () => ({ ok: false as const, errors: [{ field: 'Company', message: 'No lead was sent' }] });

/** The Leads cells a form fills: its text fields (through `asText`) and its ratings, '' where not rated. */
export function formCells(form: LeadForm, asText = (text: string) => text): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  for (const { key, header } of LEAD_TEXT_FIELDS) cells[header] = asText(form[key]);
  FACTOR_NAMES.forEach((name, i) => {
    cells[name] = form.ratings[i] ?? '';
  });
  return cells;
}

/** Thrown by the duplicate check inside appendNumbered: the company is already a lead. */
class Duplicate extends Error {
  // Declared, not a parameter property: a defined class field would bring esbuild's __publicField helper along.
  declare readonly match: LeadMatch;
  constructor(match: LeadMatch) {
    super(`${match.company} is already lead ${match.lead}`);
    this.match = match;
  }
}

/** A row of the Leads table as a match: its sheet row, id, company and status. */
export const leadMatch = (leads: Pick<Table, 'columns'>, row: readonly unknown[], index: number): LeadMatch => ({
  row: index + 2,
  lead: text(cell(leads, row, 'Lead')),
  company: text(cell(leads, row, 'Company')),
  status: text(cell(leads, row, 'Status')),
});

/** The lead recorded for `company` (case and spacing aside) in the Leads table as appendNumbered just read it. */
function refuseDuplicate(company: string) {
  return (leads: Pick<Table, 'columns' | 'rows'>): void => {
    const match = sameCompany(
      company,
      leads.rows.map((row, i) => leadMatch(leads, row, i)),
    );
    if (match) throw new Duplicate(match);
  };
}

/**
 * Validates the form, then appends it as a New lead, created today (rated today when any factor is rated), with the
 * next id; field errors are returned, not thrown. A company the Leads tab already holds is not saved unless the rep
 * confirmed it (`allowDuplicate`): the answer names the lead that has it.
 */
export function saveLead(input: LeadForm, options?: { readonly allowDuplicate?: boolean }): SaveLeadResult {
  if (typeof input !== 'object' || input === null) return noLead();
  const errors = validateLead(input, leadChoices());
  if (errors.length > 0) return { ok: false, errors };
  const lead = normaliseLead(input);
  const today = isoToday(timeZone());
  return withDocumentLock((): SaveLeadResult => {
    // Ratings given are dated today; a lead saved with no factor rated has no Rated date (never rated).
    const record: Record<string, unknown> = {
      Created: today,
      Status: LEAD_STATUS.new,
      Closed: '',
      Rated: anyRated(lead.ratings) ? today : '',
      ...formCells(lead, literalText),
    };
    // Numbered from the ids on the sheet at the moment of writing, not when the table was read.
    // The duplicate check reads the table appendNumbered reads anyway, right before writing.
    const check = options?.allowDuplicate === true ? undefined : refuseDuplicate(lead.company);
    try {
      const { row, id } = appendNumbered(LEADS_TAB, record, LEAD_IDS, undefined, check);
      return { ok: true, row, lead: id };
    } catch (error) {
      if (error instanceof Duplicate) return { ok: false, duplicate: error.match };
      throw error;
    }
  });
}
