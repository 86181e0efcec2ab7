/**
 * Improve panel: anyone raises a problem; an item is walked one why at a time (each answer becomes the next
 * question, "Why is that?"), then root cause, action, owner, due date, feedback KPI, stage and result; the items by
 * stage, oldest first; the lint of items that stall; the feedback KPI's run chart and what KPISIGNAL said since the
 * action was due. A save writes the item's row only if nobody changed it since it was opened.
 */

import {
  answeredWhys,
  type ImprovementError,
  type ImprovementWalk,
  LIMITS,
  STAGES,
  validateProblem,
  validateWalk,
  WHY_COUNT,
} from '../../core/improvement-lint';
import { signalsSince } from '../../core/kpi-run-chart';
import type { RunChartData } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { fill, h, say, statusRegion, uid } from '../dom';
import { isSignalText, runChart } from '../run-chart';
import { type ImprovementItem, type ImprovePanel, improvePanelOf } from './improve-model';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled field with its inline error; `field` is the Improvements column. */
interface Field<C extends Control = Control> {
  readonly block: HTMLElement;
  readonly control: C;
  readonly error: HTMLElement;
}

function field<C extends Control>(
  label: string,
  make: (id: string, describedBy: string) => C,
  hint?: string,
): Field<C> {
  const id = uid('improve');
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const hintEl = hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  const control = make(id, [hintEl ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const block = h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, control, error);
  return { block, control, error };
}

const textInput = (value: string, max: number) => (id: string, describedBy: string) =>
  h('input', { id, type: 'text', value, maxlength: max, autocomplete: 'off', 'aria-describedby': describedBy });

const textArea =
  (value: string, max: number, rows = 2) =>
  (id: string, describedBy: string) => {
    const area = h('textarea', { id, rows, maxlength: max, 'aria-describedby': describedBy });
    area.value = value;
    return area;
  };

/** A select of `options` (plus the current value when the list lacks it, so opening and saving loses nothing). */
const choice =
  (value: string, options: readonly string[], none: string | null) => (id: string, describedBy: string) => {
    const all = value !== '' && !options.includes(value) ? [value, ...options] : options;
    const select = h(
      'select',
      { id, 'aria-describedby': describedBy },
      none === null ? null : h('option', { value: '' }, none),
      all.map((o) => h('option', { value: o }, o)),
    );
    select.value = value;
    return select;
  };

/** Marks each field's first error, focuses the first bad field; returns the errors no field shows. */
function showErrors(fields: ReadonlyMap<string, Field>, errors: readonly ImprovementError[]): ImprovementError[] {
  for (const f of fields.values()) {
    f.error.textContent = '';
    f.control.removeAttribute('aria-invalid');
  }
  const unplaced: ImprovementError[] = [];
  let first: Field | undefined;
  for (const error of errors) {
    const f = fields.get(error.field);
    if (!f) {
      unplaced.push(error);
      continue;
    }
    if (f.error.textContent === '') f.error.textContent = error.message;
    f.control.setAttribute('aria-invalid', 'true');
    first ??= f;
  }
  first?.control.focus();
  return unplaced;
}

/** What KPISIGNAL said at each value since `since`, in one or two sentences. */
export function sinceInWords(chart: RunChartData, since: string, basis: string): string {
  if (since === '') return 'Set a due date to see what the KPI did since the action.';
  const said = signalsSince(chart.points, since);
  if (said.length === 0) return `No value logged since ${since} (${basis}) yet.`;
  const first = said.find((s) => isSignalText(s.signal));
  const count = `${said.length} ${said.length === 1 ? 'value' : 'values'} since ${since} (${basis})`;
  const now = said[said.length - 1].signal;
  if (!first) return `${count}: KPISIGNAL said ${now} at each: no sign yet that the action changed the KPI.`;
  return `${count}: KPISIGNAL first said "${first.signal}" on ${first.date}; with the latest value it says "${now}".`;
}

interface View {
  data: ImprovePanel;
  /** Says what happened, where the eye is (above the list or the item). */
  message?: { text: string; tone: 'ok' | 'error' | 'info' };
}

export function renderImprove(host: HTMLElement, data: ImprovePanel, bridge: Bridge): void {
  const view: View = { data };

  const reload = async (then: (data: ImprovePanel) => void, status: HTMLElement) => {
    try {
      view.data = improvePanelOf(await bridge.getImprovePanel());
      then(view.data);
    } catch (error) {
      say(status, `Could not reload: ${errorMessage(error)}`, 'error');
    }
  };

  /** The list; `focusId` names the item whose button takes the focus (coming back from it). */
  function listView(focusId?: string): void {
    const d = view.data;
    const status = statusRegion();
    if (view.message) say(status, view.message.text, view.message.tone);
    view.message = undefined;

    const problem = field('Problem', textArea('', LIMITS.problem, 3), 'What went wrong, in a sentence.');
    const listId = uid('raisers');
    const raisedBy = field('Raised by', (id, describedBy) =>
      h('input', {
        id,
        type: 'text',
        maxlength: LIMITS.raisedBy,
        autocomplete: 'off',
        list: listId,
        'aria-describedby': describedBy,
      }),
    );
    const fields = new Map<string, Field>([
      ['Problem', problem],
      ['Raised by', raisedBy],
    ]);
    const raiseStatus = statusRegion();
    const form = h(
      'form',
      { class: 'raise-form', 'aria-labelledby': 'raise-heading', novalidate: true },
      h('h3', { id: 'raise-heading' }, 'Raise a problem'),
      problem.block,
      raisedBy.block,
      h(
        'datalist',
        { id: listId },
        d.owners.map((o) => h('option', { value: o })),
      ),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Raise problem')),
      raiseStatus,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = { problem: problem.control.value, raisedBy: raisedBy.control.value };
      const errors = validateProblem(input);
      showErrors(fields, errors);
      if (errors.length > 0) {
        say(raiseStatus, 'Not saved: fix the fields marked.', 'error');
        return;
      }
      say(raiseStatus, 'Saving…');
      bridge
        .raiseProblem(input)
        .then((result) => {
          if (!result.ok) {
            const left = showErrors(fields, result.errors);
            say(raiseStatus, `Not saved: ${left.map((e) => e.message).join('; ') || 'fix the fields marked'}`, 'error');
            return;
          }
          void reload(() => {
            view.message = { text: `Raised ${result.id} in row ${result.row}. Now ask why.`, tone: 'ok' };
            itemView(result.id);
          }, raiseStatus);
        })
        .catch((error: unknown) => say(raiseStatus, `Not saved: ${errorMessage(error)}`, 'error'));
    });

    const byStage = STAGES.map((stage) => ({
      stage: stage as string,
      items: d.items.filter((i) => i.stage.toLowerCase() === stage.toLowerCase()),
    }));
    const other = d.items.filter((i) => !STAGES.some((s) => s.toLowerCase() === i.stage.toLowerCase()));
    if (other.length > 0) byStage.push({ stage: 'No stage', items: other });
    const linted = d.items.filter((i) => i.lint.length > 0);

    fill(
      host,
      status,
      form,
      h('h3', null, 'Items by stage'),
      d.items.length === 0
        ? h('p', { class: 'empty' }, 'No items yet: raise the first problem above.')
        : byStage
            .filter((g) => g.items.length > 0)
            .flatMap((g) => [
              h('h4', { class: 'stage-heading' }, `${g.stage} (${g.items.length})`),
              h(
                'ul',
                { class: 'rows improvements', 'aria-label': `Items at ${g.stage}` },
                g.items.map((item) =>
                  h(
                    'li',
                    null,
                    h(
                      'button',
                      { type: 'button', class: 'row-link', 'data-id': item.id, onclick: () => itemView(item.id) },
                      h('span', { class: 'row-main' }, `${item.id} ${item.problem}`),
                      h('span', { class: 'row-sub' }, itemSummary(item)),
                    ),
                  ),
                ),
              ),
            ]),
      h('h3', null, 'Improvement lint'),
      linted.length === 0
        ? h('p', { class: 'empty' }, 'No item stalls: every action has an owner and a date, and every check a KPI.')
        : h(
            'ul',
            { class: 'rows improve-lint', 'aria-label': 'Items that stall' },
            linted.map((item) =>
              h(
                'li',
                null,
                h(
                  'button',
                  { type: 'button', class: 'row-link', onclick: () => itemView(item.id) },
                  h('span', { class: 'row-main' }, `${item.id} ${item.problem}`),
                  h('span', { class: 'row-sub defect' }, item.lint.join('; ')),
                ),
              ),
            ),
          ),
    );
    if (focusId) {
      const buttons = [...host.querySelectorAll<HTMLButtonElement>('.improvements button')];
      buttons.find((b) => b.dataset.id === focusId)?.focus();
    }
  }

  function itemSummary(item: ImprovementItem): string {
    const parts = [
      `raised ${item.raised || '?'}${item.raisedBy ? ` by ${item.raisedBy}` : ''}`,
      `${answeredWhys(item.whys)} of ${WHY_COUNT} whys`,
    ];
    if (item.owner) parts.push(item.owner);
    if (item.due) parts.push(`due ${item.due}`);
    return parts.join(' · ');
  }

  function itemView(id: string): void {
    const item = view.data.items.find((i) => i.id === id);
    if (!item) {
      view.message = { text: `${id} is no longer in the Improvements tab.`, tone: 'error' };
      listView();
      return;
    }
    const d = view.data;
    const status = statusRegion();
    status.tabIndex = -1;
    if (view.message) say(status, view.message.text, view.message.tone);
    view.message = undefined;

    // The whys: answered ones are editable fields; the next question asks why of the last answer.
    // Every why up to the last one written (a gap typed in the sheet stays visible, never dropped by a save).
    const written = item.whys.map((w) => w.trim() !== '');
    const whys: string[] = item.whys.slice(0, written.lastIndexOf(true) + 1);
    const whyFields: Field<HTMLInputElement>[] = [];
    const whysBox = h('fieldset', { class: 'whys' }, h('legend', null, 'Five whys'));
    let question: HTMLInputElement | null = null;

    const collectWhys = () => {
      const values = whyFields.map((f) => f.control.value);
      const pending = question?.value.trim() ?? '';
      if (pending !== '') values.push(pending);
      return Array.from({ length: WHY_COUNT }, (_, i) => values[i] ?? '');
    };

    function drawWhys(focusQuestion: boolean): void {
      whyFields.length = 0;
      const chain = whys.map((answer, i) => {
        const f = field(`Why ${i + 1}`, textInput(answer, LIMITS.why));
        whyFields.push(f);
        return f.block;
      });
      question = null;
      let ask: HTMLElement;
      if (whys.length < WHY_COUNT) {
        const statement = whys.length === 0 ? (item?.problem ?? '') : whys[whys.length - 1];
        const label = whys.length === 0 ? 'Why does this happen?' : 'Why is that?';
        const q = field(label, textInput('', LIMITS.why), `“${statement}”`);
        question = q.control;
        q.control.classList.add('why-question');
        const answer = h('button', { type: 'submit' }, 'Answer');
        ask = h('form', { class: 'why-ask', 'aria-label': `Why ${whys.length + 1}` }, q.block, answer);
        ask.addEventListener('submit', (event) => {
          event.preventDefault();
          const value = q.control.value.trim();
          if (value === '') {
            q.error.textContent = 'Type the answer first';
            q.control.setAttribute('aria-invalid', 'true');
            q.control.focus();
            return;
          }
          // Keep edits made to earlier answers.
          whyFields.forEach((f, i) => {
            whys[i] = f.control.value;
          });
          whys.push(value);
          drawWhys(true);
        });
      } else {
        ask = h('p', { class: 'hint' }, 'Five whys asked: name the root cause below.');
      }
      fill(
        whysBox,
        h('legend', null, `Five whys (${whys.length} of ${WHY_COUNT})`),
        h('p', { class: 'hint' }, `Problem: ${item?.problem ?? ''}`),
        chain,
        ask,
      );
      if (focusQuestion) {
        if (question) question.focus();
        else rootCause.control.focus();
      }
    }

    const rootCause = field('Root cause', textArea(item.rootCause, LIMITS.text), 'Where the whys end.');
    const action = field('Action', textArea(item.action, LIMITS.text));
    const owner = field('Owner', choice(item.owner, d.owners, '(none)'));
    const due = field('Due', (id, describedBy) =>
      h('input', { id, type: 'date', value: item.due, 'aria-describedby': describedBy }),
    );
    const kpi = field('Feedback KPI', choice(item.feedbackKpi, d.kpis, '(none)'));
    const stage = field('Stage', choice(item.stage, STAGES, null));
    const result = field('Result', textArea(item.result, LIMITS.text));
    const fields = new Map<string, Field>([
      ['Root cause', rootCause],
      ['Action', action],
      ['Owner', owner],
      ['Due', due],
      ['Feedback KPI', kpi],
      ['Stage', stage],
      ['Result', result],
    ]);

    const chartBox = h('div', { class: 'feedback-chart', 'aria-live': 'polite' });
    const drawChart = () => {
      const name = kpi.control.value;
      const chart = d.charts[name];
      if (name === '' || !chart) {
        fill(chartBox, h('p', { class: 'hint' }, 'Pick a feedback KPI to see whether the action moves it.'));
        return;
      }
      const since = due.control.value || item.raised;
      const basis = due.control.value ? 'the action was due' : 'the problem was raised';
      fill(
        chartBox,
        h('h4', null, `${name}: run chart`),
        runChart(name, chart),
        h('p', { class: 'since' }, sinceInWords(chart, since, basis)),
      );
    };
    kpi.control.addEventListener('change', drawChart);
    due.control.addEventListener('change', drawChart);
    due.control.addEventListener('input', drawChart);

    const saveStatus = statusRegion();
    saveStatus.tabIndex = -1;
    const conflictBox = h('div', { class: 'conflict' });
    const walk = (): ImprovementWalk => ({
      whys: collectWhys(),
      rootCause: rootCause.control.value,
      action: action.control.value,
      owner: owner.control.value,
      due: due.control.value,
      feedbackKpi: kpi.control.value,
      stage: stage.control.value,
      result: result.control.value,
    });
    const whyErrors = (errors: readonly ImprovementError[]) => errors.filter((e) => /^Why \d$/.test(e.field));

    const form = h(
      'form',
      { class: 'walk-form', 'aria-label': `Walk ${item.id}`, novalidate: true },
      rootCause.block,
      action.block,
      owner.block,
      due.block,
      kpi.block,
      chartBox,
      stage.block,
      result.block,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save item')),
      saveStatus,
      conflictBox,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      fill(conflictBox);
      const input = walk();
      const errors = validateWalk(input, { owners: d.owners, kpis: d.kpis });
      const unplaced = showErrors(fields, errors);
      if (errors.length > 0) {
        const left = [...unplaced, ...whyErrors(errors)].filter((e, i, all) => all.indexOf(e) === i);
        say(saveStatus, `Not saved: ${left.map((e) => e.message).join('; ') || 'fix the fields marked'}`, 'error');
        return;
      }
      say(saveStatus, 'Saving…');
      bridge
        .saveImprovement({ id: item.id, version: item.version, walk: input })
        .then((answer) => {
          if (answer.ok) {
            void reload(() => {
              view.message = { text: `Saved ${answer.id} in row ${answer.row}.`, tone: 'ok' };
              itemView(answer.id);
            }, saveStatus);
            return;
          }
          if ('conflict' in answer) {
            say(saveStatus, answer.conflict, 'error');
            fill(
              conflictBox,
              h(
                'button',
                {
                  type: 'button',
                  onclick: () =>
                    void reload(() => {
                      view.message = { text: `Reloaded ${item.id} as the sheet holds it now.`, tone: 'info' };
                      itemView(item.id);
                    }, saveStatus),
                },
                'Reload item',
              ),
            );
            saveStatus.focus();
            return;
          }
          const left = showErrors(fields, answer.errors);
          say(saveStatus, `Not saved: ${left.map((e) => e.message).join('; ') || 'fix the fields marked'}`, 'error');
        })
        .catch((error: unknown) => say(saveStatus, `Not saved: ${errorMessage(error)}`, 'error'));
    });

    const heading = h('h3', { class: 'item-heading', tabindex: -1 }, `${item.id}: ${item.problem}`);
    fill(
      host,
      h(
        'div',
        { class: 'actions item-nav' },
        h('button', { type: 'button', onclick: () => listView(item.id) }, 'Back to the list'),
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              void bridge
                .goToRow('Improvements', item.row)
                .then(() => say(saveStatus, `Row ${item.row} selected in Improvements.`, 'ok'))
                .catch((error: unknown) => say(saveStatus, errorMessage(error), 'error')),
          },
          'Show in sheet',
        ),
      ),
      status,
      heading,
      h('p', { class: 'row-sub' }, `Raised ${item.raised || '?'} by ${item.raisedBy || '?'} · row ${item.row}`),
      item.lint.length > 0 && h('p', { class: 'row-sub defect' }, item.lint.join('; ')),
      whysBox,
      form,
    );
    drawWhys(false);
    drawChart();
    const asking = question as HTMLInputElement | null;
    if (asking) asking.focus();
    else heading.focus();
  }

  listView();
}
