/** Leads panel: the standard lead form, then the top leads by score and the leads with defects, each a way to its row. */

import type { LeadsPanel } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { type Child, fill, formatNumber, h, say, statusRegion } from '../dom';
import { leadForm } from './lead-form';

export function renderLeads(host: HTMLElement, data: LeadsPanel, bridge: Bridge): void {
  const listStatus = statusRegion();
  const problems = h('div', { class: 'list-host' });
  const topList = h('div', { class: 'list-host' });
  const defectList = h('div', { class: 'list-host' });

  const goTo = (row: number) => {
    bridge
      .goToRow('Leads', row)
      .then(() => say(listStatus, `Row ${row} selected in Leads.`, 'ok'))
      .catch((error: unknown) => say(listStatus, errorMessage(error), 'error'));
  };
  const rowButton = (row: number, ...parts: Child[]) =>
    h('li', null, h('button', { type: 'button', class: 'row-link', onclick: () => goTo(row) }, parts));

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
              rowButton(
                lead.row,
                h('span', { class: 'row-main' }, `${lead.lead} ${lead.company}`),
                h('span', { class: 'row-figure' }, formatNumber(lead.score)),
                h('span', { class: 'row-sub' }, [lead.owner, lead.status].filter(Boolean).join(' · ')),
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
            panel.defects.map((lead) =>
              rowButton(
                lead.row,
                h('span', { class: 'row-main' }, `${lead.lead} ${lead.company}`),
                h('span', { class: 'row-sub defect' }, lead.defect),
              ),
            ),
          ),
    );
  }

  // After a save, the lists are loaded again so the new lead shows up where it belongs.
  const refreshLists = () => {
    bridge
      .getLeadsPanel()
      .then(renderLists)
      .catch((error: unknown) => say(listStatus, `Lists not refreshed: ${errorMessage(error)}`, 'error'));
  };

  renderLists(data);
  fill(
    host,
    problems,
    leadForm(data, bridge, refreshLists),
    h('h3', null, 'Top leads'),
    topList,
    h('h3', null, 'Leads with defects'),
    defectList,
    listStatus,
  );
}
