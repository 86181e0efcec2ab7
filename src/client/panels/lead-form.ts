/** The standard lead form: labelled fields, the ten factors with their meanings, a live LEADSCORE preview, Save lead. */

import { FACTOR_NAMES } from '../../core/factors';
import {
  type FieldError,
  LEAD_TEXT_FIELDS,
  type LeadChoices,
  type LeadForm,
  normaliseLead,
  type TextKey,
  textFields,
  validateLead,
} from '../../core/lead-form-rules';
import { leadScore } from '../../core/lead-score';
import { incompleteText } from '../../core/vectors';
import type { FactorInfo, LeadsPanel } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { formatNumber, h, say, statusRegion, type Tone, uid } from '../dom';
import { factorsOf } from '../panel-factors';

type TextField = (typeof LEAD_TEXT_FIELDS)[number];
type TextControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** One field of the form, found by its column header. */
interface FieldUi {
  /** Where focus goes when the field needs fixing. */
  focusTarget(): HTMLElement;
  readonly error: HTMLElement;
  /** The element carrying aria-invalid. */
  readonly control: HTMLElement;
}

/** A field's block in the form, and what the form needs of it. */
interface Built<Control> {
  readonly block: HTMLElement;
  readonly control: Control;
  readonly ui: FieldUi;
}

/** The preview of LEADSCORE for the ratings so far: a score, or `incomplete k/m rated`, or why it cannot score. */
export function previewScore(ratings: readonly (number | null)[], weights: readonly number[]): string {
  try {
    const [cell] = leadScore([ratings.map((r) => r ?? '')], [weights])[0];
    if (typeof cell === 'number') return formatNumber(cell);
    if (cell === '') return incompleteText(0, weights.filter((w) => w > 0).length);
    return String(cell);
  } catch (error) {
    return `No score: ${errorMessage(error)}`;
  }
}

function choiceControl(id: string, key: TextKey, options: readonly string[], required: boolean): TextControl {
  const attrs = { id, name: key, 'aria-describedby': `${id}-error`, 'aria-required': required ? 'true' : null };
  // An empty list allows any value (validateLead), so the rep types it.
  if (options.length === 0) return h('input', { ...attrs, type: 'text', autocomplete: 'off' });
  return h(
    'select',
    attrs,
    h('option', { value: '' }, required ? 'Choose…' : '(none)'),
    options.map((option) => h('option', { value: option }, option)),
  );
}

function textControl(id: string, { key, required, max, list, note }: TextField, choices: LeadChoices): TextControl {
  if (note) return h('textarea', { id, name: key, rows: 3, maxlength: max, 'aria-describedby': `${id}-error` });
  if (list) return choiceControl(id, key, choices[list], required);
  return h('input', {
    id,
    name: key,
    type: 'text',
    maxlength: max,
    autocomplete: 'off',
    'aria-describedby': `${id}-error`,
    'aria-required': required ? 'true' : null,
  });
}

/** A text field: its label (the column header), its control and its inline error. */
function textBlock(field: TextField, choices: LeadChoices): Built<TextControl> {
  const id = uid(`lead-${field.key}`);
  const control = textControl(id, field, choices);
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const block = h('div', { class: 'field' }, h('label', { for: id }, field.header), control, error);
  return { block, control, ui: { focusTarget: () => control, error, control } };
}

/** A factor: radios 1-5 under its name, what 1 and 5 mean, and its inline error. */
function factorBlock(name: string, factor: FactorInfo, onChange: () => void): Built<HTMLInputElement[]> {
  const id = uid('factor');
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const meaning = h(
    'p',
    { id: `${id}-meaning`, class: 'meaning' },
    h('span', null, `1: ${factor.best}`),
    h('span', null, `5: ${factor.worst}`),
  );
  const radios = [1, 2, 3, 4, 5].map((value) =>
    h('input', { type: 'radio', id: `${id}-${value}`, name: id, value, onchange: onChange }),
  );
  const block = h(
    'fieldset',
    { class: 'factor', 'aria-describedby': `${id}-meaning ${id}-error` },
    h('legend', null, name),
    h(
      'div',
      { class: 'scale' },
      radios.map((radio, i) => h('label', { for: radio.id }, radio, String(i + 1))),
    ),
    meaning,
    error,
  );
  const ui = { focusTarget: () => radios.find((r) => r.checked) ?? radios[0], error, control: block };
  return { block, control: radios, ui };
}

const checkedRating = (radios: readonly HTMLInputElement[]): number | null => {
  const checked = radios.find((r) => r.checked);
  return checked ? Number(checked.value) : null;
};

/** The inline errors of the fields, by column header. */
function inlineErrors(fields: ReadonlyMap<string, FieldUi>) {
  function clear(): void {
    for (const field of fields.values()) {
      field.error.textContent = '';
      field.control.removeAttribute('aria-invalid');
    }
  }
  /** Marks each field's first error and focuses the first bad field; returns the errors no field shows. */
  function show(errors: readonly FieldError[]): FieldError[] {
    clear();
    const unplaced: FieldError[] = [];
    let first: FieldUi | undefined;
    for (const error of errors) {
      const field = fields.get(error.field);
      if (!field) {
        unplaced.push(error);
        continue;
      }
      if (field.error.textContent === '') field.error.textContent = error.message;
      field.control.setAttribute('aria-invalid', 'true');
      first ??= field;
    }
    first?.focusTarget().focus();
    return unplaced;
  }
  return { clear, show };
}

const REQUIRED_FIELDS = LEAD_TEXT_FIELDS.filter((f) => f.required).map((f) => f.header);

interface Submission {
  readonly choices: LeadChoices;
  readForm(): LeadForm;
  readonly errors: ReturnType<typeof inlineErrors>;
  report(text: string, tone: Tone): void;
  /** What follows a save: the new lead's id and its sheet row. */
  saved(lead: string, row: number): void;
}

/**
 * Save lead: nothing is sent while validateLead finds a wrong field; every error, the browser's or the server's,
 * keeps what the rep typed.
 */
function handleSubmit(form: HTMLFormElement, bridge: Bridge, { choices, readForm, errors, report, saved }: Submission) {
  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    const lead = readForm();
    const problems = validateLead(lead, choices);
    if (problems.length > 0) {
      errors.show(problems);
      report(`Not saved: fix ${problems.length === 1 ? '1 field' : `${problems.length} fields`} first.`, 'error');
      return;
    }
    errors.clear();
    saving = true;
    report('Saving…', 'info');
    bridge
      .saveLead(normaliseLead(lead))
      .then((result) => {
        if (result.ok) {
          saved(result.lead, result.row);
          return;
        }
        const unplaced = errors.show(result.errors);
        const extra = unplaced.map((e) => e.message).join(' ');
        report(`Not saved: the sheet did not accept the lead. ${extra}`.trim(), 'error');
      })
      .catch((error: unknown) => report(`Not saved: ${errorMessage(error)}`, 'error'))
      .finally(() => {
        saving = false;
      });
  });
}

/** The form for `data`'s factors and lists, checked and saved as handleSubmit says. */
export function leadForm(data: LeadsPanel, bridge: Bridge, onSaved: () => void): HTMLFormElement {
  const factors = factorsOf(data.factors);
  const weights = factors.map((f) => f.weight);
  const preview = h('output', { class: 'score-value', 'aria-live': 'polite' });
  const texts = LEAD_TEXT_FIELDS.map((field) => ({ field, ...textBlock(field, data) }));
  const ratings = factors.map((factor, i) => factorBlock(FACTOR_NAMES[i], factor, () => updatePreview()));
  const readRatings = () => ratings.map(({ control }) => checkedRating(control));
  const updatePreview = () => {
    preview.textContent = previewScore(readRatings(), weights);
  };
  const readForm = (): LeadForm => ({
    ...textFields((key) => texts.find(({ field }) => field.key === key)?.control.value ?? ''),
    ratings: readRatings(),
  });
  const errors = inlineErrors(
    new Map([
      ...texts.map(({ field, ui }) => [field.header, ui] as const),
      ...ratings.map(({ ui }, i) => [FACTOR_NAMES[i], ui] as const),
    ]),
  );
  const formStatus = statusRegion();
  const report = (text: string, tone: Tone) => say(formStatus, text, tone);
  const form = h(
    'form',
    { class: 'lead-form', novalidate: true, 'aria-label': 'New lead' },
    h(
      'p',
      { class: 'hint' },
      `${REQUIRED_FIELDS.join(', ')} and all ten factors are required. 1 is always the best rating.`,
    ),
    texts.filter(({ field }) => !field.note).map(({ block }) => block),
    h('h3', null, 'Factors'),
    ratings.map(({ block }) => block),
    texts.filter(({ field }) => field.note).map(({ block }) => block),
    h('p', { class: 'score' }, 'Score preview: ', preview),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save lead')),
    formStatus,
  );
  const saved = (lead: string, row: number) => {
    form.reset();
    updatePreview();
    report(`Saved ${lead} in row ${row}`, 'ok');
    texts[0].control.focus(); // the first field, ready for the next lead
    onSaved();
  };
  handleSubmit(form, bridge, { choices: data, readForm, errors, report, saved });
  updatePreview();
  return form;
}
