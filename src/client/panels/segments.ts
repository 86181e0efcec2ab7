/** Segments panel: the SWEETSPOT grid (price x complexity), each cell coloured and named by its verdict, and the overlap. */

import { LABELS } from '../../core/sweet-spot';
import type { Bridge } from '../bridge';
import { fill, formatNumber, formatPercent, h } from '../dom';
import type { SegmentCell, SegmentsPanel } from './segments-model';

/** The CSS tone of each verdict; the verdict's words are always shown too. */
const TONES: Record<string, string> = {
  [LABELS.sweetSpot]: 'good',
  [LABELS.uncaptured]: 'warn',
  [LABELS.deficit]: 'info',
  [LABELS.white]: 'empty',
  [LABELS.ineffective]: 'bad',
};

const MEANINGS: readonly [string, string][] = [
  [LABELS.sweetSpot, 'sales and marketing both work it'],
  [LABELS.uncaptured, 'marketing reaches it, sales does not land it'],
  [LABELS.deficit, 'sales works it without marketing'],
  [LABELS.white, 'target market nobody works'],
  [LABELS.ineffective, 'effort spent outside the target market'],
];

const BLANK = '(blank)';

/** Distinct values in order of first appearance. */
function axis(cells: readonly SegmentCell[], pick: (cell: SegmentCell) => string): string[] {
  return [...new Set(cells.map((cell) => pick(cell).trim() || BLANK))];
}

/** 30000 -> `30,000`; decimals as formatNumber keeps them. */
export function grouped(value: number): string {
  const [whole, fraction] = formatNumber(value).split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${digits}.${fraction}` : digits;
}

/** `1 deal won`, `3 deals won`. */
const dealsWon = (n: number) => `${grouped(n)} ${n === 1 ? 'deal' : 'deals'} won`;

function segmentCard(cell: SegmentCell): HTMLElement {
  const verdict = cell.verdict || (cell.inMarket ? 'No verdict' : 'Outside market');
  return h(
    'div',
    { class: `segment tone-${TONES[cell.verdict] ?? 'none'}` },
    h('span', { class: 'segment-name' }, cell.segment),
    h('span', { class: 'segment-verdict' }, verdict),
    h(
      'span',
      { class: 'segment-figures' },
      h('span', { class: 'segment-unit' }, dealsWon(cell.sales)),
      h('span', { class: 'segment-unit' }, `${grouped(cell.marketing)} budget`),
    ),
  );
}

export function renderSegments(host: HTMLElement, data: SegmentsPanel, _bridge: Bridge): void {
  if (data.segments.length === 0) {
    fill(host, h('p', { class: 'empty' }, 'No segments yet: add them in the Segments tab.'));
    return;
  }
  const prices = axis(data.segments, (c) => c.price);
  const complexities = axis(data.segments, (c) => c.complexity);
  const at = (price: string, complexity: string) =>
    data.segments.filter((c) => (c.price.trim() || BLANK) === price && (c.complexity.trim() || BLANK) === complexity);

  const grid = h(
    'table',
    { class: 'sweetspot' },
    h(
      'caption',
      null,
      'Rows: price. Columns: complexity. Each cell: segment, verdict, deals won (sales) and campaign budget (marketing).',
    ),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('td', null),
        complexities.map((complexity) => h('th', { scope: 'col' }, complexity)),
      ),
    ),
    h(
      'tbody',
      null,
      prices.map((price) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, price),
          complexities.map((complexity) => h('td', null, at(price, complexity).map(segmentCard))),
        ),
      ),
    ),
  );

  fill(
    host,
    h(
      'p',
      { class: 'headline' },
      h('span', { class: 'figure' }, `Overlap ${formatPercent(data.overlap / 100)}`),
      ' of sales and marketing effort meet in the target market.',
    ),
    grid,
    h(
      'p',
      { class: 'hint' },
      `A segment counts as worked from ${formatPercent(data.threshold, 1)} of all sales or of all marketing.`,
    ),
    h(
      'ul',
      { class: 'key' },
      MEANINGS.map(([verdict, meaning]) =>
        h('li', null, h('span', { class: `swatch tone-${TONES[verdict]}` }, verdict), ` ${meaning}`),
      ),
    ),
  );
}
