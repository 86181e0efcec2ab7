/**
 * Leads panel: pick a lead to edit (search, the selected row, or any list below), the standard lead form, then the
 * top leads by score with their rating age, and the leads with defects: rating defects, stale ratings and Status
 * against the qualification rule, each a way to its row and to editing it.
 */

import type { LeadRecord, LeadsPanel, LoadLeadResult } from '../../shared/sidebar-api';
import { type Bridge, errorMessage, type Wire } from '../bridge';
import { type Child, fill, formatNumber, h, say, statusRegion, uid } from '../dom';
import { type LeadEditor, leadForm } from './lead-form';

interface Listed {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
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

export function renderLeads(host: HTMLElement, data: LeadsPanel, bridge: Bridge): void {
  const listStatus = statusRegion();
  const problems = h('div', { class: 'list-host' });
  const topList = h('div', { class: 'list-host' });
  const defectList = h('div', { class: 'list-host' });
  const staleList = h('div', { class: 'list-host' });
  const deviationList = h('div', { class: 'list-host' });
  const staleHeading = h('h4', null);
  let editor: LeadEditor | undefined;

  const goTo = (row: number) => {
    bridge
      .goToRow('Leads', row)
      .then(() => say(listStatus, `Row ${row} selected in Leads.`, 'ok'))
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
      h('button', { type: 'button', class: 'row-link', onclick: () => goTo(lead.row) }, parts),
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

  function renderLists(panel: LeadsPanel): void {
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
        ? h('p', { class: 'empty' }, 'No scored leads yet.')
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
        ? h('p', { class: 'empty' }, 'No defects: every lead is fully and validly rated.')
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
            panel.stale.map((lead) => rowItem(lead, main(lead), h('span', { class: 'row-sub stale' }, lead.age))),
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
              rowItem(lead, main(lead), h('span', { class: 'row-sub deviation' }, lead.deviation)),
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
  editor = leadForm(data, bridge, refreshLists);
  const picker = leadPicker(bridge, (load) => open(load, pickerStatus));
  const pickerStatus = picker.querySelector<HTMLElement>('[role="status"]') as HTMLElement;
  fill(
    host,
    problems,
    picker,
    editor.form,
    h('h3', null, 'Top leads'),
    topList,
    h('h3', null, 'Leads with defects'),
    h('h4', null, 'Ratings'),
    defectList,
    staleHeading,
    staleList,
    h('h4', null, 'Status against the qualification rule'),
    deviationList,
    listStatus,
  );
}
