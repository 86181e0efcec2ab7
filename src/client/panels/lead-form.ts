/**
 * The standard lead form: labelled fields, the ten factors with their meanings, live LEADSCORE and QUALIFY previews,
 * Save lead; or, for a lead picked to edit, every field loaded, Status and Closed, and Save changes.
 */

import { FACTOR_NAMES } from '../../core/factors';
import {
  type FieldError,
  LEAD_TEXT_FIELDS,
  type LeadChoices,
  type LeadEditForm,
  type LeadForm,
  normaliseLead,
  normaliseLeadEdit,
  type TextKey,
  textFields,
  validateLead,
  validateLeadEdit,
} from '../../core/lead-form-rules';
import { leadScore } from '../../core/lead-score';
import { LEAD_STATUSES } from '../../core/lead-statuses';
import { qualifyLead } from '../../core/qualify';
import { deviationOf } from '../../core/rule-deviations';
import { incompleteText } from '../../core/vectors';
import type { FactorInfo, LeadMatch, LeadRecord, LeadsPanel, RuleInfo } from '../../shared/sidebar-api';
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
    if (cell === '') {
      const weighted = FACTOR_NAMES.filter((_, i) => weights[i] > 0);
      return incompleteText(0, weighted.length, weighted);
    }
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

/** The rule's verdict on the ratings so far, by QUALIFY's own core; `rate ...` while none is given. */
function previewRule(
  ratings: readonly (number | null)[],
  rule: RuleInfo | null,
  weights: readonly number[],
  status = '',
): string {
  if (!rule) return 'No rule to apply (see the notice above the form).';
  try {
    const verdict = qualifyLead(
      ratings.map((r) => r ?? ''),
      { minScore: rule.minScore, gates: rule.gates, weights },
    );
    if (verdict === '') return 'rate the ten factors to see it';
    const deviation = deviationOf(status, verdict);
    return deviation ? `${verdict}. ${deviation}.` : String(verdict);
  } catch (error) {
    return `No verdict: ${errorMessage(error)}`;
  }
}

/** What the form needs to save: a new lead, or the changes to the lead it is editing. */
interface Submission {
  readonly choices: LeadChoices;
  readForm(): LeadEditForm;
  /** The lead being edited, or null for a new lead. */
  editing(): LeadRecord | null;
  readonly errors: ReturnType<typeof inlineErrors>;
  report(text: string, tone: Tone): void;
  /** What follows a save: the lead's id, its sheet row and, for an edit, what the server wrote. */
  saved(lead: string, row: number, edit?: { rated: string; closed: string }): void;
  /** The row changed or went away since the lead was loaded: the form keeps what was typed. */
  conflict(text: string): void;
  /** The company is already a lead: nothing was saved; the rep may Save anyway or change the company. */
  duplicate(match: LeadMatch): void;
}

function sendEdit(bridge: Bridge, loaded: LeadRecord, form: LeadEditForm, s: Submission): Promise<void> {
  return bridge.saveLeadChanges({ loaded, form: normaliseLeadEdit(form) }).then((result) => {
    if (result.ok) {
      s.saved(result.lead, result.row, { rated: result.rated, closed: result.closed });
    } else if ('conflict' in result) {
      s.conflict(result.conflict);
    } else {
      const extra = s.errors
        .show(result.errors)
        .map((e) => e.message)
        .join(' ');
      s.report(`Not saved: the sheet did not accept the changes. ${extra}`.trim(), 'error');
    }
  });
}

function sendNew(bridge: Bridge, form: LeadForm, s: Submission, allowDuplicate = false): Promise<void> {
  const sent = normaliseLead(form);
  const call = allowDuplicate ? bridge.saveLead(sent, { allowDuplicate: true }) : bridge.saveLead(sent);
  return call.then((result) => {
    if (result.ok) {
      s.saved(result.lead, result.row);
      return;
    }
    if ('duplicate' in result) {
      s.duplicate(result.duplicate);
      return;
    }
    const unplaced = s.errors.show(result.errors);
    const extra = unplaced.map((e) => e.message).join(' ');
    s.report(`Not saved: the sheet did not accept the lead. ${extra}`.trim(), 'error');
  });
}

/**
 * Save lead / Save changes: nothing is sent while the rules find a wrong field; every error, the browser's or the
 * server's, and every conflict keeps what the rep typed.
 */
function handleSubmit(form: HTMLFormElement, bridge: Bridge, s: Submission) {
  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    const lead = s.readForm();
    const loaded = s.editing();
    const problems = loaded ? validateLeadEdit(lead, s.choices, loaded) : validateLead(lead, s.choices);
    if (problems.length > 0) {
      s.errors.show(problems);
      s.report(`Not saved: fix ${problems.length === 1 ? '1 field' : `${problems.length} fields`} first.`, 'error');
      return;
    }
    s.errors.clear();
    saving = true;
    s.report('Saving…', 'info');
    (loaded ? sendEdit(bridge, loaded, lead, s) : sendNew(bridge, lead, s))
      .catch((error: unknown) => s.report(`Not saved: ${errorMessage(error)}`, 'error'))
      .finally(() => {
        saving = false;
      });
  });
}

/** Status and Closed: shown only while a lead is edited (a new lead is New, and not closed). */
function statusBlocks() {
  const statusId = uid('lead-status');
  const closedId = uid('lead-closed');
  const status = h(
    'select',
    { id: statusId, name: 'status', 'aria-describedby': `${statusId}-error` },
    h('option', { value: '' }, '(blank)'),
    LEAD_STATUSES.map((option) => h('option', { value: option }, option)),
  );
  const closed = h('input', {
    id: closedId,
    name: 'closed',
    type: 'date',
    class: 'closed-date',
    'aria-describedby': `${closedId}-hint ${closedId}-error`,
  });
  const statusError = h('p', { id: `${statusId}-error`, class: 'field-error' });
  const closedError = h('p', { id: `${closedId}-error`, class: 'field-error' });
  const block = h(
    'div',
    { class: 'edit-only', hidden: true },
    h('div', { class: 'field' }, h('label', { for: statusId }, 'Status'), status, statusError),
    h(
      'div',
      { class: 'field' },
      h('label', { for: closedId }, 'Closed'),
      closed,
      h(
        'p',
        { id: `${closedId}-hint`, class: 'meaning' },
        'Left blank, closing a lead as Won, Lost or Disqualified dates it today.',
      ),
      closedError,
    ),
  );
  const ui = (control: HTMLElement, error: HTMLElement): FieldUi => ({ focusTarget: () => control, error, control });
  return {
    block,
    status,
    closed,
    uis: [
      ['Status', ui(status, statusError)],
      ['Closed', ui(closed, closedError)],
    ] as const,
  };
}

/** Sets a select to `value`, adding it as an option when the list lacks it (a rep who left the Team tab). */
function choose(control: TextControl | HTMLSelectElement, value: string): void {
  if (control instanceof HTMLSelectElement && value !== '' && ![...control.options].some((o) => o.value === value)) {
    control.append(h('option', { value }, value));
  }
  control.value = value;
}

/** What the rep has typed and not saved: the form's values, and the lead being edited (null for a new lead). */
export interface LeadDraft {
  readonly values: LeadEditForm;
  readonly editing: LeadRecord | null;
}

/** The lead form: a new lead, or (after edit) the lead it loaded, with live score and rule previews. */
export interface LeadEditor {
  readonly form: HTMLFormElement;
  /** Loads every field and rating of `lead`; Save changes then updates its row. */
  edit(lead: LeadRecord): void;
  /** What the form holds now. */
  draft(): LeadDraft;
  /** Puts a draft back, as typed (a panel redrawn, or shown again, keeps what the rep typed). */
  restore(draft: LeadDraft): void;
}

/** What the form tells whoever keeps its draft: changed (typed into), or done (saved or cleared). */
export interface LeadFormEvents {
  readonly onSaved: () => void;
  readonly onChange?: () => void;
  readonly onDone?: () => void;
}

/** The form for `data`'s factors and lists, checked and saved as handleSubmit says. */
export function leadForm(data: LeadsPanel, bridge: Bridge, events: LeadFormEvents): LeadEditor {
  const { onSaved, onChange, onDone } = events;
  const factors = factorsOf(data.factors);
  const weights = factors.map((f) => f.weight);
  const preview = h('output', { class: 'score-value', 'aria-live': 'polite' });
  const rulePreview = h('output', { class: 'rule-value', 'aria-live': 'polite' });
  const texts = LEAD_TEXT_FIELDS.map((field) => ({ field, ...textBlock(field, data) }));
  const ratings = factors.map((factor, i) => factorBlock(FACTOR_NAMES[i], factor, () => updatePreview()));
  const extra = statusBlocks();
  let editing: LeadRecord | null = null;
  const readRatings = () => ratings.map(({ control }) => checkedRating(control));
  const updatePreview = () => {
    preview.textContent = previewScore(readRatings(), weights);
    rulePreview.textContent = previewRule(readRatings(), data.rule, weights, editing ? extra.status.value : '');
  };
  extra.status.addEventListener('change', () => updatePreview());
  const textControl = (key: TextKey) => texts.find(({ field }) => field.key === key)?.control;
  const readForm = (): LeadEditForm => ({
    ...textFields((key) => textControl(key)?.value ?? ''),
    ratings: readRatings(),
    status: extra.status.value,
    closed: extra.closed.value,
  });
  const errors = inlineErrors(
    new Map<string, FieldUi>([
      ...texts.map(({ field, ui }) => [field.header, ui] as const),
      ...ratings.map(({ ui }, i) => [FACTOR_NAMES[i], ui] as const),
      ...extra.uis,
    ]),
  );
  // Focus moves here after a save, so the confirmation is where the eye (and a screen reader) is.
  const formStatus = statusRegion();
  formStatus.tabIndex = -1;
  const report = (text: string, tone: Tone) => say(formStatus, text, tone);
  const heading = h('p', { class: 'editing', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save lead');
  const reload = h('button', { type: 'button', hidden: true, onclick: () => reloadLead() }, 'Reload the lead');
  const cancel = h('button', { type: 'button', hidden: true, onclick: () => newLead() }, 'New lead instead');
  const clear = h('button', { type: 'button', onclick: () => newLead() }, 'Clear form');
  const confirmText = h('p', { class: 'confirm-text' });
  const saveAnyway = h('button', { type: 'button', onclick: () => sendAnyway() }, 'Save anyway');
  const confirmBox = h(
    'div',
    { class: 'notice warning confirm', hidden: true, role: 'group', 'aria-label': 'Company already recorded' },
    confirmText,
    saveAnyway,
  );
  const form = h(
    'form',
    { class: 'lead-form', novalidate: true, 'aria-label': 'New lead' },
    heading,
    h(
      'p',
      { class: 'hint' },
      `${REQUIRED_FIELDS.join(' and ')} are required. Rate what you know: a lead with factors unrated is saved as incomplete until rated. 1 is always the best rating.`,
    ),
    texts.filter(({ field }) => !field.note).map(({ block }) => block),
    extra.block,
    h('h3', null, 'Factors'),
    ratings.map(({ block }) => block),
    texts.filter(({ field }) => field.note).map(({ block }) => block),
    h('p', { class: 'score' }, 'Score preview: ', preview),
    h(
      'p',
      { class: 'meaning score-scale' },
      'Score runs 0 to 100 (higher is better); in the Leads tab 70 or more is green, 40 to under 70 yellow, under 40 red, and a defect amber.',
    ),
    h('p', { class: 'rule' }, 'Qualification rule: ', rulePreview),
    h('div', { class: 'actions' }, submit, reload, cancel, clear),
    confirmBox,
    formStatus,
  );
  const setMode = (lead: LeadRecord | null) => {
    editing = lead;
    const on = lead !== null;
    heading.hidden = !on;
    extra.block.hidden = !on;
    cancel.hidden = !on;
    clear.hidden = on;
    reload.hidden = true;
    confirmBox.hidden = true;
    submit.textContent = on ? 'Save changes' : 'Save lead';
    form.setAttribute('aria-label', on ? `Edit lead ${lead.lead}` : 'New lead');
    if (lead) {
      heading.textContent = `Editing ${lead.lead} (row ${lead.row}), ${lead.rated ? `rated ${lead.rated}` : 'never rated'}.`;
    }
  };
  function newLead(): void {
    form.reset();
    setMode(null);
    errors.clear();
    updatePreview();
    report('', 'info');
    onDone?.();
    textControl('company')?.focus();
  }
  function fillValues(values: LeadEditForm): void {
    for (const { field, control } of texts) choose(control, values[field.key]);
    ratings.forEach(({ control }, i) => {
      for (const radio of control) radio.checked = Number(radio.value) === values.ratings[i];
    });
    choose(extra.status, values.status);
    extra.closed.value = /^\d{4}-\d{2}-\d{2}$/.test(values.closed) ? values.closed : '';
  }
  function restore(draft: LeadDraft): void {
    form.reset();
    errors.clear();
    setMode(draft.editing);
    fillValues(draft.values);
    updatePreview();
    onChange?.();
    report(
      draft.editing
        ? `Your unsaved changes to ${draft.editing.lead} are still here.`
        : 'Your unsaved lead is still here: Save lead, or Clear form.',
      'info',
    );
  }
  function edit(lead: LeadRecord): void {
    form.reset();
    errors.clear();
    setMode(lead);
    fillValues(lead);
    updatePreview();
    report(`${lead.lead} loaded: change what you need, then Save changes.`, 'info');
    onChange?.(); // a lead being edited is kept like one being typed
    textControl('company')?.focus();
  }
  function reloadLead(): void {
    const id = editing?.lead;
    if (!id) return;
    bridge
      .getLead(id)
      .then((result) => {
        if (!result.ok) {
          report(result.message, 'error');
          return;
        }
        edit(result.lead as LeadRecord);
        report(`Reloaded ${id} as the sheet holds it now: make your changes again, then Save changes.`, 'info');
      })
      .catch((error: unknown) => report(`Not reloaded: ${errorMessage(error)}`, 'error'));
  }
  const saved = (lead: string, row: number, change?: { rated: string; closed: string }) => {
    form.reset();
    setMode(null);
    updatePreview();
    const dates = change ? `; rated ${change.rated || 'never'}${change.closed ? `, closed ${change.closed}` : ''}` : '';
    report(`${change ? 'Saved changes to' : 'Saved'} ${lead} in row ${row}${dates}`, 'ok');
    onDone?.();
    // The confirmation is beside the Save button: focus goes to it and it is scrolled into view.
    formStatus.focus();
    formStatus.scrollIntoView?.({ block: 'nearest' });
    onSaved();
  };
  const duplicate = (match: LeadMatch) => {
    const where = [match.status, `row ${match.row}`].filter(Boolean).join(', ');
    confirmText.textContent = `${match.company} is already lead ${match.lead} (${where}). Change the company, or Save anyway to record it twice.`;
    confirmBox.hidden = false;
    report(`Not saved yet: ${match.company} is already lead ${match.lead}.`, 'error');
    saveAnyway.focus();
  };
  let sendingAnyway = false;
  function sendAnyway(): void {
    if (sendingAnyway || editing) return;
    const values = readForm();
    const problems = validateLead(values, data);
    if (problems.length > 0) {
      confirmBox.hidden = true;
      errors.show(problems);
      report(`Not saved: fix ${problems.length === 1 ? '1 field' : `${problems.length} fields`} first.`, 'error');
      return;
    }
    sendingAnyway = true;
    confirmBox.hidden = true;
    report('Saving…', 'info');
    sendNew(bridge, values, submission, true)
      .catch((error: unknown) => report(`Not saved: ${errorMessage(error)}`, 'error'))
      .finally(() => {
        sendingAnyway = false;
      });
  }
  const conflict = (text: string) => {
    reload.hidden = false;
    report(
      `${text} What you typed is still in the form: Reload the lead to start again from the sheet's values.`,
      'error',
    );
  };
  const submission: Submission = {
    choices: data,
    readForm,
    editing: () => editing,
    errors,
    report,
    saved,
    conflict,
    duplicate,
  };
  handleSubmit(form, bridge, submission);
  // Typing after a duplicate warning means the rep is changing the company: the question no longer stands.
  const changed = () => {
    confirmBox.hidden = true;
    onChange?.();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // A reset empties the form, so nothing is kept; filling it again after a reset (edit, restore) keeps it anew.
  form.addEventListener('reset', () => onDone?.());
  updatePreview();
  return { form, edit, draft: () => ({ values: readForm(), editing }), restore };
}
