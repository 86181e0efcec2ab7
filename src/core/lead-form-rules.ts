/** The standard lead form's fields and rules, shared by the sidebar (checks as the rep types) and the server (checks again). */

import { FACTOR_COUNT, FACTOR_NAMES } from './factors';
import { LEAD_STATUSES } from './lead-statuses';
import { dayNumber } from './stale-ratings';
import { type FieldError, listError, textFieldError } from './text-fields';

export type { FieldError } from './text-fields';

import { isWholeRating } from './vectors';

/** The values the lists of the form allow; an empty list allows any value. */
export interface LeadChoices {
  readonly owners: readonly string[];
  readonly segments: readonly string[];
  readonly campaigns: readonly string[];
}

interface TextField<Key extends string = string> {
  /** The header in lower case. */
  readonly key: Key;
  /** The Leads column the field fills, and its label in the form and in messages. */
  readonly header: string;
  readonly required: boolean;
  /** Most characters allowed. */
  readonly max: number;
  /** The list of LeadChoices the value must be in. */
  readonly list?: keyof LeadChoices;
  /** Free text of several lines, shown after the ratings as Notes follows them in the Leads tab. */
  readonly note?: boolean;
}

const FIELDS = [
  { header: 'Company', required: true, max: 200 },
  { header: 'Contact', max: 200 },
  { header: 'Owner', required: true, max: 100, list: 'owners' },
  { header: 'Segment', max: 100, list: 'segments' },
  { header: 'Campaign', max: 100, list: 'campaigns' },
  { header: 'Notes', max: 5000, note: true },
] as const;

export type TextKey = Lowercase<(typeof FIELDS)[number]['header']>;

/** The form's text fields in the order the form shows them: the one list the form, its checks and the saved row follow. */
export const LEAD_TEXT_FIELDS: readonly TextField<TextKey>[] = FIELDS.map((f) => ({
  required: false,
  ...f,
  key: f.header.toLowerCase() as TextKey,
}));

/** A lead as the rep filled in the form: each text field under its key, and ten ratings, `null` where not rated. */
export type LeadForm = { readonly [Key in TextKey]: string } & { readonly ratings: readonly (number | null)[] };

/** Every text field of the form, each holding what `value` gives for its key. */
export function textFields(value: (key: TextKey) => string): { [Key in TextKey]: string } {
  return Object.fromEntries(LEAD_TEXT_FIELDS.map(({ key }) => [key, value(key)])) as { [Key in TextKey]: string };
}

/**
 * Every problem with the form: the text fields' in field order, then the lists', then the ratings'; empty when the
 * lead may be saved. A factor may be left unrated (a first contact rarely tells all ten): the lead then shows as
 * incomplete, as LEADSCORE says in the sheet, until it is rated; a rating that is given is a whole number 1-5.
 */
export function validateLead(form: LeadForm, choices: LeadChoices): FieldError[] {
  const texts: (FieldError | undefined)[] = [];
  const lists: (FieldError | undefined)[] = [];
  for (const { key, header, required, max, list } of LEAD_TEXT_FIELDS) {
    const value = form[key];
    texts.push(textFieldError(header, value, max, required));
    if (list && typeof value === 'string') lists.push(listError(header, value.trim(), choices[list]));
  }
  const errors = [...texts, ...lists].filter((error): error is FieldError => error !== undefined);
  const ratings = Array.isArray(form.ratings) ? form.ratings : [];
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const rating = ratings[i];
    const field = FACTOR_NAMES[i];
    if (rating === null || rating === undefined) continue;
    if (typeof rating !== 'number' || !isWholeRating(rating)) {
      errors.push({ field, message: `${field} must be a whole number from 1 to 5` });
    }
  }
  return errors;
}

/** Whether any of the ten factors is rated: only then does a saved lead get a Rated date. */
export function anyRated(ratings: readonly (number | null)[]): boolean {
  return ratings.some((r) => r !== null && r !== undefined);
}

/** The form with its text trimmed, as it is stored. */
export function normaliseLead(form: LeadForm): LeadForm {
  return { ...textFields((key) => form[key].trim()), ratings: [...form.ratings] };
}

/** A lead being edited: the form's fields, and its Status and Closed date (`YYYY-MM-DD`, or '' for none). */
export type LeadEditForm = LeadForm & { readonly status: string; readonly closed: string };

/**
 * Every problem with an edited lead: validateLead's, then Status (blank or one of the statuses) and Closed (blank
 * or a real day as YYYY-MM-DD). A list value the lead already held (`loaded`) stays allowed, so a lead whose rep has
 * left the Team tab can still be re-rated.
 */
export function validateLeadEdit(
  form: LeadEditForm,
  choices: LeadChoices,
  loaded: Partial<Record<TextKey, string>> = {},
): FieldError[] {
  const allowed = { ...choices };
  for (const { key, list } of LEAD_TEXT_FIELDS) {
    const was = (loaded[key] ?? '').trim();
    if (list && was !== '' && choices[list].length > 0) allowed[list] = [...choices[list], was];
  }
  const errors = validateLead(form, allowed);
  const status =
    typeof form.status === 'string'
      ? listError('Status', form.status.trim(), LEAD_STATUSES)
      : { field: 'Status', message: 'Status must be text' };
  if (status) errors.push(status);
  const closed = typeof form.closed === 'string' ? form.closed.trim() : undefined;
  if (closed === undefined || (closed !== '' && dayNumber(closed) === undefined)) {
    errors.push({ field: 'Closed', message: 'Closed must be a date as YYYY-MM-DD, or blank' });
  }
  return errors;
}

/** The edited lead with its text trimmed, as it is stored. */
export function normaliseLeadEdit(form: LeadEditForm): LeadEditForm {
  return { ...normaliseLead(form), status: form.status.trim(), closed: form.closed.trim() };
}
