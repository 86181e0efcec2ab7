/**
 * Leads panel: pick a lead to edit (search, the selected row, or any list below), the standard lead form, then the
 * top leads by score with their rating age, and the leads with defects: rating defects, stale ratings and Status
 * against the qualification rule, each a way to its row and to editing it.
 */

import type { LeadRecord, LeadsPanel, LoadLeadResult } from '../../shared/sidebar-api';
import { type Bridge, errorMessage, type Wire } from '../bridge';
import { type Child, fill, formatNumber, h, say, statusRegion, uid } from '../dom';
import { type LeadDraft, type LeadEditor, leadForm } from './lead-form';

interface Listed {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly owner?: string;
  /** The header of the cell to select: the defective one. */
  readonly column?: string;
}

/** How many top leads the panel shows (for everyone, or for one owner). */
const TOP_SHOWN = 10;

/**
 * What the Leads panel keeps while other panels are shown, one per sidebar (its bridge): the lead form's unsaved
 * draft (until saved or cleared) and the owner the lists are filtered by ('' for everyone).
 */
interface KeptState {
  draft?: LeadDraft;
  owner: string;
}
const kept = new WeakMap<Bridge, KeptState>();
function keptFor(bridge: Bridge): KeptState {
  let state = kept.get(bridge);
  if (!state) {
    state = { owner: '' };
    kept.set(bridge, state);
  }
  return state;
}

/** The score's scale and colour bands, as setup's conditional formats colour the Score column. */
function scoreLegend(): HTMLElement {
  const band = (tone: string, text: string) =>
    h('li', null, h('span', { class: `band-chip band-${tone}`, 'aria-hidden': 'true' }), text);
  return h(
    'div',
    { class: 'score-legend' },
    h('p', { class: 'meaning' }, 'Score: 0 to 100 from the ten weighted ratings; the higher, the sooner to call.'),
    h(
      'ul',
      { class: 'score-bands', 'aria-label': 'Score colours in the Leads tab' },
      band('green', 'green: 70 or more'),
      band('yellow', 'yellow: 40 to under 70'),
      band('red', 'red: under 40'),
      band('amber', 'amber: a defect (incomplete or invalid ratings)'),
    ),
  );
}

/** The search for a lead to edit: by id or company, or the row selected in the sheet. */
function leadPicker(bridge: Bridge, open: (load: () => Promise<Wire<LoadLeadResult>>) => void): HTMLElement {
  const id = uid('find-lead');
  const input = h('input', {
    id,
    type: 'search',
    name: 'query',
    class: 'find-query',
    autocomplete: 'off',
    'aria-describedby': `${id}-hint`,
  });
  const results = h('div', { class: 'picker-results' });
  const status = statusRegion();
  const search = (event: Event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query === '') {
      say(status, 'Type a Lead id or part of a company name.', 'error');
      return;
    }
    bridge
      .findLeads(query)
      .then((matches) => {
        say(status, matches.length === 0 ? `No lead matches "${query}".` : `${matches.length} found.`, 'info');
        fill(
          results,
          matches.length === 0
            ? []
            : h(
                'ul',
                { class: 'rows' },
                matches.map((m) =>
                  h(
                    'li',
                    null,
                    h(
                      'button',
                      { type: 'button', class: 'row-link', onclick: () => open(() => bridge.getLead(m.lead)) },
                      h('span', { class: 'row-main' }, `Edit ${m.lead} ${m.company}`),
                      h('span', { class: 'row-sub' }, [m.status, `row ${m.row}`].filter(Boolean).join(' · ')),
                    ),
                  ),
                ),
              ),
        );
      })
      .catch((error: unknown) => say(status, errorMessage(error), 'error'));
  };
  return h(
    'section',
    { class: 'lead-picker', 'aria-label': 'Edit a lead' },
    h('h3', null, 'Edit a lead'),
    h(
      'form',
      { class: 'find', role: 'search', onsubmit: search },
      h('label', { for: id }, 'Lead id or company'),
      h('div', { class: 'find-row' }, input, h('button', { type: 'submit' }, 'Find')),
      h('p', { id: `${id}-hint`, class: 'meaning' }, 'Or pick a lead from the lists below.'),
    ),
    h(
      'button',
      { type: 'button', onclick: () => open(() => bridge.getSelectedLead()) },
      'Edit the lead in the selected row',
    ),
    results,
    status,
  );
}

/** What the sidebar can do with a drawn Leads panel: refresh its lists with new data, keeping the form as typed. */
export interface LeadsHandle {
  update(data: LeadsPanel): void;
}

export function renderLeads(host: HTMLElement, data: LeadsPanel, bridge: Bridge): LeadsHandle {
  const state = keptFor(bridge);
  const listStatus = statusRegion();
  const problems = h('div', { class: 'list-host' });
  const topList = h('div', { class: 'list-host' });
  const defectList = h('div', { class: 'list-host' });
  const staleList = h('div', { class: 'list-host' });
  const deviationList = h('div', { class: 'list-host' });
  const staleHeading = h('h4', null);
  let editor: LeadEditor | undefined;

  const goTo = (row: number, column?: string) => {
    (column ? bridge.goToCell('Leads', row, column) : bridge.goToRow('Leads', row))
      .then(() =>
        say(listStatus, column ? `${column} of row ${row} selected in Leads.` : `Row ${row} selected in Leads.`, 'ok'),
      )
      .catch((error: unknown) => say(listStatus, errorMessage(error), 'error'));
  };
  /** Loads a lead into the form; a lead that cannot be loaded is said where the rep looked. */
  const open = (load: () => Promise<Wire<LoadLeadResult>>, where: HTMLElement = listStatus) => {
    say(where, 'Loading the lead…', 'info');
    load()
      .then((result) => {
        if (!result.ok) {
          say(where, result.message, 'error');
          return;
        }
        say(where, '', 'info');
        editor?.edit(result.lead as LeadRecord);
        editor?.form.scrollIntoView?.({ block: 'start' });
      })
      .catch((error: unknown) => say(where, errorMessage(error), 'error'));
  };
  const rowItem = (lead: Listed, ...parts: Child[]) =>
    h(
      'li',
      { class: 'row-item' },
      h('button', { type: 'button', class: 'row-link', onclick: () => goTo(lead.row, lead.column) }, parts),
      h(
        'button',
        {
          type: 'button',
          class: 'row-edit',
          'aria-label': `Edit ${lead.lead} ${lead.company}`.trim(),
          onclick: () => open(() => bridge.getLead(lead.lead)),
        },
        'Edit',
      ),
    );
  const main = (lead: Listed) => h('span', { class: 'row-main' }, `${lead.lead} ${lead.company}`);

  let current = data;
  const ownerId = uid('lead-owner-filter');
  const ownerFilter = h(
    'select',
    { id: ownerId, name: 'owner-filter', class: 'owner-filter' },
    h('option', { value: '' }, 'Everyone'),
    data.owners.map((owner) => h('option', { value: owner }, owner)),
  );
  if (state.owner !== '' && !data.owners.includes(state.owner))
    ownerFilter.append(h('option', { value: state.owner }, state.owner));
  ownerFilter.value = state.owner;
  ownerFilter.addEventListener('change', () => {
    state.owner = ownerFilter.value;
    renderLists(current);
  });
  const mine = <T extends { readonly owner?: string }>(list: readonly T[]): T[] =>
    state.owner === ''
      ? [...list]
      : list.filter((lead) => (lead.owner ?? '').trim().toLowerCase() === state.owner.trim().toLowerCase());

  function renderLists(whole: LeadsPanel): void {
    current = whole;
    const panel = {
      ...whole,
      top: mine(whole.top).slice(0, TOP_SHOWN),
      defects: mine(whole.defects),
      stale: mine(whole.stale),
      deviations: mine(whole.deviations),
    };
    const whose = state.owner === '' ? '' : ` of ${state.owner}`;
    fill(
      problems,
      panel.problems.length === 0
        ? []
        : h(
            'div',
            { class: 'notice warning', role: 'alert' },
            panel.problems.map((p) => h('p', null, p)),
          ),
    );
    fill(
      topList,
      panel.top.length === 0
        ? h('p', { class: 'empty' }, `No scored leads${whose} yet.`)
        : h(
            'ol',
            { class: 'rows' },
            panel.top.map((lead) =>
              rowItem(
                lead,
                main(lead),
                h('span', { class: 'row-figure' }, formatNumber(lead.score)),
                h('span', { class: 'row-sub' }, [lead.owner, lead.status, lead.rated].filter(Boolean).join(' · ')),
              ),
            ),
          ),
    );
    fill(
      defectList,
      panel.defects.length === 0
        ? h(
            'p',
            { class: 'empty' },
            `No defects${whose}: every lead is fully and validly rated, dated and recorded once.`,
          )
        : h(
            'ul',
            { class: 'rows' },
            panel.defects.map((lead) => rowItem(lead, main(lead), h('span', { class: 'row-sub defect' }, lead.defect))),
          ),
    );
    staleHeading.textContent = `Ratings older than ${panel.rerateAfterDays} days`;
    fill(
      staleList,
      panel.stale.length === 0
        ? h('p', { class: 'empty' }, 'Every open lead was rated within that time.')
        : h(
            'ul',
            { class: 'rows' },
            panel.stale.map((lead) =>
              rowItem({ ...lead, column: 'Rated' }, main(lead), h('span', { class: 'row-sub stale' }, lead.age)),
            ),
          ),
    );
    fill(
      deviationList,
      panel.deviations.length === 0
        ? h('p', { class: 'empty' }, 'No Status contradicts the rule.')
        : h(
            'ul',
            { class: 'rows' },
            panel.deviations.map((lead) =>
              rowItem(
                { ...lead, column: 'Status' },
                main(lead),
                h('span', { class: 'row-sub deviation' }, lead.deviation),
              ),
            ),
          ),
    );
  }

  // After a save, the lists are loaded again so the lead shows up where it now belongs.
  const refreshLists = () => {
    bridge
      .getLeadsPanel()
      .then(renderLists)
      .catch((error: unknown) => say(listStatus, `Lists not refreshed: ${errorMessage(error)}`, 'error'));
  };

  renderLists(data);
  const form = leadForm(data, bridge, {
    onSaved: refreshLists,
    onChange: () => {
      state.draft = form.draft();
    },
    onDone: () => {
      state.draft = undefined;
    },
  });
  editor = form;
  if (state.draft) form.restore(state.draft);
  const picker = leadPicker(bridge, (load) => open(load, pickerStatus));
  const pickerStatus = picker.querySelector<HTMLElement>('[role="status"]') as HTMLElement;
  fill(
    host,
    problems,
    picker,
    editor.form,
    h('div', { class: 'field owner-filter-field' }, h('label', { for: ownerId }, 'Show the leads of'), ownerFilter),
    h('h3', null, 'Top leads'),
    scoreLegend(),
    topList,
    h('h3', null, 'Leads with defects'),
    h('h4', null, 'Ratings, duplicates and dates'),
    defectList,
    staleHeading,
    staleList,
    h('h4', null, 'Status against the qualification rule'),
    deviationList,
    listStatus,
  );
  return {
    update(panel: LeadsPanel): void {
      renderLists(panel);
    },
  };
}
