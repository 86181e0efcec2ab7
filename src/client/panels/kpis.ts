/** KPIs panel: each KPI's status, and a lint of KPIs missing WHY, WHEN, HOW, WHO or a target, each a way to its row. */

import { KPI_STATUS } from '../../core/kpi-status';
import type { KpiRow, KpisPanel } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { fill, h, say, statusRegion } from '../dom';

const show = (value: number | string) => (value === '' ? '-' : String(value));

function kpiItem(kpi: KpiRow): HTMLElement {
  const status = kpi.status.trim();
  const tone = status === KPI_STATUS.onTrack ? 'good' : status === KPI_STATUS.offTrack ? 'bad' : 'none';
  const direction = kpi.direction.trim().toLowerCase() === 'lower' ? 'lower is better' : 'higher is better';
  return h(
    'li',
    { class: 'kpi' },
    h(
      'div',
      { class: 'rep-line' },
      h('span', { class: 'kpi-name' }, kpi.kpi),
      h('span', { class: `badge tone-${tone}` }, status || 'no status'),
    ),
    h(
      'p',
      { class: 'row-sub' },
      [kpi.level, `actual ${show(kpi.actual)}, target ${show(kpi.target)}, ${direction}`].filter(Boolean).join(' · '),
    ),
  );
}

export function renderKpis(host: HTMLElement, data: KpisPanel, bridge: Bridge): void {
  const status = statusRegion();
  const goTo = (row: number) => {
    bridge
      .goToRow('KPIs', row)
      .then(() => say(status, `Row ${row} selected in KPIs.`, 'ok'))
      .catch((error: unknown) => say(status, errorMessage(error), 'error'));
  };
  const onTrack = data.kpis.filter((k) => k.status.trim() === KPI_STATUS.onTrack).length;
  const offTrack = data.kpis.filter((k) => k.status.trim() === KPI_STATUS.offTrack).length;

  fill(
    host,
    data.kpis.length === 0
      ? h('p', { class: 'empty' }, 'No KPIs yet: add them in the KPIs tab.')
      : h(
          'p',
          { class: 'headline' },
          h('span', { class: 'figure' }, `${onTrack} ${KPI_STATUS.onTrack}`),
          `, ${offTrack} ${KPI_STATUS.offTrack}, ${data.kpis.length - onTrack - offTrack} without status.`,
        ),
    data.kpis.length > 0 && h('ul', { class: 'rows kpis' }, data.kpis.map(kpiItem)),
    h('h3', null, 'KPI lint'),
    data.lint.length === 0
      ? h('p', { class: 'empty' }, 'Every KPI says why, when, how and who, and has a target.')
      : h(
          'ul',
          { class: 'rows lint', 'aria-label': 'KPIs missing Why, When, How, Who or a target' },
          data.lint.map((item) =>
            h(
              'li',
              null,
              h(
                'button',
                { type: 'button', class: 'row-link', onclick: () => goTo(item.row) },
                h('span', { class: 'row-main' }, item.kpi || `Row ${item.row}`),
                h('span', { class: 'row-sub defect' }, `missing ${item.missing.join(', ')}`),
              ),
            ),
          ),
        ),
    status,
  );
}
