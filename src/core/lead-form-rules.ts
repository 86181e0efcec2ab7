/** The standard lead form's rules, shared by the sidebar (checks as the rep types) and the server (checks again). */

import { FACTOR_COUNT, FACTOR_NAMES } from './factors';

/** A lead as the rep filled in the form; `ratings` holds ten entries, `null` where not rated. */
export interface LeadForm {
  readonly company: string;
  readonly contact: string;
  readonly owner: string;
  readonly segment: string;
  readonly campaign: string;
  readonly notes: string;
  readonly ratings: readonly (number | null)[];
}

/** A problem with one field; `field` is the column header it belongs to (`Company`, `Interest`, ...). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The values the lists of the form allow; an empty list allows any value. */
export interface LeadChoices {
  readonly owners: readonly string[];
  readonly segments: readonly string[];
  readonly campaigns: readonly string[];
}

export const TEXT_FIELDS = [
  { key: 'company', header: 'Company', required: true, max: 200 },
  { key: 'contact', header: 'Contact', required: false, max: 200 },
  { key: 'owner', header: 'Owner', required: true, max: 100 },
  { key: 'segment', header: 'Segment', required: false, max: 100 },
  { key: 'campaign', header: 'Campaign', required: false, max: 100 },
  { key: 'notes', header: 'Notes', required: false, max: 5000 },
] as const;

function listError(field: string, value: string, allowed: readonly string[]): FieldError | undefined {
  if (value === '' || allowed.length === 0 || allowed.includes(value)) return undefined;
  return { field, message: `${field} "${value}" is not in the list; pick one of ${allowed.join(', ')}` };
}

/**
 * Every problem with the form, in the order the fields appear; empty when the lead may be saved.
 * The standard asks for all ten ratings: a lead is qualified on the same criteria every time.
 */
export function validateLead(form: LeadForm, choices: LeadChoices): FieldError[] {
  const errors: FieldError[] = [];
  for (const { key, header, required, max } of TEXT_FIELDS) {
    const value = form[key];
    if (typeof value !== 'string') {
      errors.push({ field: header, message: `${header} must be text` });
    } else if (required && value.trim() === '') {
      errors.push({ field: header, message: `${header} is required` });
    } else if (value.length > max) {
      errors.push({ field: header, message: `${header} is ${value.length} characters long; the limit is ${max}` });
    }
  }
  const lists: [string, string, readonly string[]][] = [
    ['Owner', form.owner, choices.owners],
    ['Segment', form.segment, choices.segments],
    ['Campaign', form.campaign, choices.campaigns],
  ];
  for (const [field, value, allowed] of lists) {
    const error = typeof value === 'string' ? listError(field, value.trim(), allowed) : undefined;
    if (error) errors.push(error);
  }
  const ratings = Array.isArray(form.ratings) ? form.ratings : [];
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const rating = ratings[i];
    const field = FACTOR_NAMES[i];
    if (rating === null || rating === undefined) {
      errors.push({ field, message: `Rate ${field} from 1 to 5` });
    } else if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
      errors.push({ field, message: `${field} must be a whole number from 1 to 5` });
    }
  }
  return errors;
}

/** The form with its text trimmed, as it is stored. */
export function normaliseLead(form: LeadForm): LeadForm {
  return {
    company: form.company.trim(),
    contact: form.contact.trim(),
    owner: form.owner.trim(),
    segment: form.segment.trim(),
    campaign: form.campaign.trim(),
    notes: form.notes.trim(),
    ratings: [...form.ratings],
  };
}
