/**
 * KPIs panel: each KPI's status beside its run chart (values, centre, limits, the signal in words) and its Why, When,
 * How and Who; a lint of KPIs missing any of them or a target; the Internal customers lint. Each finding is a way to
 * its row.
 */

import type { CustomerFinding } from '../../core/internal-customers-lint';
import { KPI_STATUS } from '../../core/kpi-status';
import type { KpiRow } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { fill, h, say, statusRegion } from '../dom';
import { runChart } from '../run-chart';
import type { KpisPanel } from './kpis-model';

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
    runChart(kpi.kpi, kpi.chart),
    h(
      'dl',
      { class: 'kpi-parts' },
      PARTS.flatMap(([term, key]) => [
        h('dt', null, term),
        h('dd', { class: kpi[key] === '' ? 'missing' : null }, kpi[key] || 'missing'),
      ]),
    ),
  );
}

const PARTS = [
  ['Why', 'why'],
  ['When', 'when'],
  ['How', 'how'],
  ['Who', 'who'],
] as const;

const KIND_TITLES: Record<CustomerFinding['kind'], string> = {
  via: 'Through a second party',
  'not provided': 'Needed, not provided',
  'partly provided': 'Partly provided',
  'unknown receiver': 'KPI for nobody listed',
};

export function renderKpis(host: HTMLElement, data: KpisPanel, bridge: Bridge): void {
  const status = statusRegion();
  const goTo = (row: number, tab = 'KPIs') => {
    bridge
      .goToRow(tab, row)
      .then(() => say(status, `Row ${row} selected in ${tab}.`, 'ok'))
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
    h('h3', null, 'Internal customers'),
    data.customers.length === 0
      ? h(
          'p',
          { class: 'empty' },
          'Every receiver gets its information directly, and every KPI is for a listed receiver.',
        )
      : h(
          'ul',
          { class: 'rows customer-lint', 'aria-label': 'Internal customers lint' },
          data.customers.map((item) =>
            h(
              'li',
              null,
              h(
                'button',
                { type: 'button', class: 'row-link', onclick: () => goTo(item.row, item.tab) },
                h('span', { class: 'row-main' }, `${KIND_TITLES[item.kind]}: ${item.subject}`),
                h('span', { class: 'row-sub defect' }, item.text),
              ),
            ),
          ),
        ),
    status,
  );
}
