/** The standard lead form: labelled fields, the ten factors with their meanings, a live LEADSCORE preview, Save lead. */

import { FACTORS } from '../../core/factors';
import { type FieldError, type LeadForm, normaliseLead, TEXT_FIELDS, validateLead } from '../../core/lead-form-rules';
import { leadScore } from '../../core/lead-score';
import { incompleteText } from '../../core/vectors';
import type { LeadsPanel } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { formatNumber, h, say, statusRegion, type Tone, uid } from '../dom';
import { factorsOf } from '../panel-factors';

type TextKey = (typeof TEXT_FIELDS)[number]['key'];

/** One field of the form, found by its column header. */
interface FieldUi {
  /** Where focus goes when the field needs fixing. */
  focusTarget(): HTMLElement;
  readonly error: HTMLElement;
  /** The element carrying aria-invalid. */
  readonly control: HTMLElement;
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

function choiceControl(id: string, key: TextKey, options: readonly string[], required: boolean): HTMLElement {
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

/**
 * The form for `data`'s factors and lists. Save lead checks it with validateLead first (nothing is sent while a
 * field is wrong), then calls saveLead; every error, the browser's or the server's, keeps what the rep typed.
 */
export function leadForm(data: LeadsPanel, bridge: Bridge, onSaved: () => void): HTMLFormElement {
  const factors = factorsOf(data.factors);
  const weights = factors.map((f) => f.weight);
  const choices = { owners: data.owners, segments: data.segments, campaigns: data.campaigns };
  const lists: Record<string, readonly string[]> = {
    owner: data.owners,
    segment: data.segments,
    campaign: data.campaigns,
  };
  const fields = new Map<string, FieldUi>();
  const textControls = new Map<TextKey, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const radios: HTMLInputElement[][] = [];

  const textBlocks = TEXT_FIELDS.map(({ key, header, required, max }) => {
    const id = uid(`lead-${key}`);
    const control =
      key === 'notes'
        ? h('textarea', { id, name: key, rows: 3, maxlength: max, 'aria-describedby': `${id}-error` })
        : key in lists
          ? choiceControl(id, key, lists[key], required)
          : h('input', {
              id,
              name: key,
              type: 'text',
              maxlength: max,
              autocomplete: 'off',
              'aria-describedby': `${id}-error`,
              'aria-required': required ? 'true' : null,
            });
    const error = h('p', { id: `${id}-error`, class: 'field-error' });
    textControls.set(key, control as HTMLInputElement);
    fields.set(header, { focusTarget: () => control, error, control });
    return h('div', { class: 'field' }, h('label', { for: id }, header), control, error);
  });

  const preview = h('output', { class: 'score-value', 'aria-live': 'polite' });
  const updatePreview = () => {
    preview.textContent = previewScore(readRatings(), weights);
  };

  const factorBlocks = factors.map((factor, index) => {
    const id = uid('factor');
    const error = h('p', { id: `${id}-error`, class: 'field-error' });
    const meaning = h(
      'p',
      { id: `${id}-meaning`, class: 'meaning' },
      h('span', null, `1: ${factor.best}`),
      h('span', null, `5: ${factor.worst}`),
    );
    const group = [1, 2, 3, 4, 5].map((value) =>
      h('input', { type: 'radio', id: `${id}-${value}`, name: id, value, onchange: updatePreview }),
    );
    radios.push(group);
    const fieldset = h(
      'fieldset',
      { class: 'factor', 'aria-describedby': `${id}-meaning ${id}-error` },
      h('legend', null, FACTORS[index].name),
      h(
        'div',
        { class: 'scale' },
        group.map((radio, i) => h('label', { for: radio.id }, radio, String(i + 1))),
      ),
      meaning,
      error,
    );
    fields.set(FACTORS[index].name, {
      focusTarget: () => group.find((r) => r.checked) ?? group[0],
      error,
      control: fieldset,
    });
    return fieldset;
  });

  function readRatings(): (number | null)[] {
    return radios.map((group) => {
      const checked = group.find((r) => r.checked);
      return checked ? Number(checked.value) : null;
    });
  }

  function readForm(): LeadForm {
    const text = (key: TextKey) => textControls.get(key)?.value ?? '';
    return {
      company: text('company'),
      contact: text('contact'),
      owner: text('owner'),
      segment: text('segment'),
      campaign: text('campaign'),
      notes: text('notes'),
      ratings: readRatings(),
    };
  }

  function clearErrors(): void {
    for (const field of fields.values()) {
      field.error.textContent = '';
      field.control.removeAttribute('aria-invalid');
    }
  }

  /** Marks each field's first error inline and focuses the first bad field; returns the errors no field shows. */
  function showErrors(errors: readonly FieldError[]): FieldError[] {
    clearErrors();
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

  const formStatus = statusRegion();
  const report = (text: string, tone: Tone) => say(formStatus, text, tone);
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save lead');
  let saving = false;

  const form = h(
    'form',
    { class: 'lead-form', novalidate: true, 'aria-label': 'New lead' },
    h('p', { class: 'hint' }, 'Company, Owner and all ten factors are required. 1 is always the best rating.'),
    textBlocks.slice(0, 5),
    h('h3', null, 'Factors'),
    factorBlocks,
    textBlocks[5],
    h('p', { class: 'score' }, 'Score preview: ', preview),
    h('div', { class: 'actions' }, save),
    formStatus,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    const lead = readForm();
    const errors = validateLead(lead, choices);
    if (errors.length > 0) {
      showErrors(errors);
      report(`Not saved: fix ${errors.length === 1 ? '1 field' : `${errors.length} fields`} first.`, 'error');
      return;
    }
    clearErrors();
    saving = true;
    report('Saving…', 'info');
    bridge
      .saveLead(normaliseLead(lead))
      .then((result) => {
        if (result.ok) {
          form.reset();
          updatePreview();
          report(`Saved ${result.lead} in row ${result.row}`, 'ok');
          textControls.get('company')?.focus();
          onSaved();
          return;
        }
        const unplaced = showErrors(result.errors);
        const extra = unplaced.map((e) => e.message).join(' ');
        report(`Not saved: the sheet did not accept the lead. ${extra}`.trim(), 'error');
      })
      .catch((error: unknown) => report(`Not saved: ${errorMessage(error)}`, 'error'))
      .finally(() => {
        saving = false;
      });
  });

  updatePreview();
  return form;
}
