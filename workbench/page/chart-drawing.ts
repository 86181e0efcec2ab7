/**
 * Draws an embedded chart as SVG from its data, as Sheets would show it: radar charts as polygons on rings from 0 to
 * the largest value, line charts as lines over the categories; any other type as a line chart, and says so.
 */

import type { ChartView } from './server-api';

const CHART_WIDTH = 480;
const CHART_HEIGHT = 340;
const COLOURS = ['#1a73e8', '#d93025', '#188038', '#e8710a', '#9334e6', '#12b5cb'];
const NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const fixed = (n: number) => n.toFixed(1);

/** The scale's top: the largest value rounded up to a whole number, at least 1. */
function top(chart: ChartView): number {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  return Math.max(1, Math.ceil(Math.max(0, ...values)));
}

function legend(root: SVGSVGElement, chart: ChartView, y: number): void {
  let x = 16;
  chart.series.forEach((s, i) => {
    root.append(svg('rect', { x, y: y - 9, width: 12, height: 4, fill: COLOURS[i % COLOURS.length] }));
    const text = svg('text', { x: x + 16, y, class: 'chart-legend', 'font-size': 12, fill: '#202124' }, s.name);
    root.append(text);
    x += 24 + s.name.length * 6.5;
  });
}

function radar(root: SVGSVGElement, chart: ChartView): void {
  const cx = CHART_WIDTH / 2;
  const cy = 40 + (CHART_HEIGHT - 80) / 2;
  const radius = (CHART_HEIGHT - 120) / 2;
  const axes = chart.categories.length;
  const max = top(chart);
  const at = (axis: number, r: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * axis) / axes;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  };
  for (let ring = 1; ring <= max; ring++) {
    const points = chart.categories
      .map((_, i) =>
        at(i, (radius * ring) / max)
          .map(fixed)
          .join(','),
      )
      .join(' ');
    root.append(svg('polygon', { class: 'chart-ring', points, fill: 'none', stroke: '#dadce0' }));
    root.append(
      svg(
        'text',
        { x: fixed(cx + 3), y: fixed(cy - (radius * ring) / max + 10), 'font-size': 10, fill: '#5f6368' },
        String(ring),
      ),
    );
  }
  chart.categories.forEach((name, i) => {
    const [x, y] = at(i, radius);
    root.append(svg('line', { x1: cx, y1: cy, x2: fixed(x), y2: fixed(y), stroke: '#dadce0' }));
    const [lx, ly] = at(i, radius + 14);
    const anchor = Math.abs(lx - cx) < 1 ? 'middle' : lx > cx ? 'start' : 'end';
    root.append(
      svg('text', { x: fixed(lx), y: fixed(ly + 4), 'text-anchor': anchor, 'font-size': 11, fill: '#202124' }, name),
    );
  });
  chart.series.forEach((s, i) => {
    if (s.values.some((v) => v === null)) return;
    const points = (s.values as number[]).map((v, k) =>
      at(k, (radius * Math.max(0, v)) / max)
        .map(fixed)
        .join(','),
    );
    const colour = COLOURS[i % COLOURS.length];
    const shape = svg('polygon', {
      class: 'chart-series',
      points: points.join(' '),
      fill: colour,
      'fill-opacity': 0.15,
      stroke: colour,
      'stroke-width': 2,
    });
    shape.append(svg('title', {}, s.name));
    root.append(shape);
  });
}

function line(root: SVGSVGElement, chart: ChartView): void {
  const left = 44;
  const right = CHART_WIDTH - 16;
  const upper = 44;
  const lower = CHART_HEIGHT - 70;
  const max = top(chart);
  const n = Math.max(1, chart.categories.length - 1);
  const x = (k: number) => left + ((right - left) * k) / n;
  const y = (v: number) => lower - ((lower - upper) * Math.max(0, v)) / max;
  for (let tick = 0; tick <= max; tick++) {
    root.append(svg('line', { x1: left, x2: right, y1: fixed(y(tick)), y2: fixed(y(tick)), stroke: '#e8eaed' }));
    root.append(
      svg(
        'text',
        { x: left - 6, y: fixed(y(tick) + 4), 'text-anchor': 'end', 'font-size': 10, fill: '#5f6368' },
        String(tick),
      ),
    );
  }
  chart.categories.forEach((name, k) => {
    const label = svg(
      'text',
      { x: fixed(x(k)), y: lower + 14, 'text-anchor': 'end', 'font-size': 10, fill: '#202124' },
      name,
    );
    label.setAttribute('transform', `rotate(-30 ${fixed(x(k))} ${lower + 14})`);
    root.append(label);
  });
  chart.series.forEach((s, i) => {
    const points = s.values.flatMap((v, k) => (v === null ? [] : [`${fixed(x(k))},${fixed(y(v))}`]));
    const path = svg('polyline', {
      class: 'chart-series',
      points: points.join(' '),
      fill: 'none',
      stroke: COLOURS[i % COLOURS.length],
      'stroke-width': 2,
    });
    path.append(svg('title', {}, s.name));
    root.append(path);
  });
}

/** The chart as an SVG image, labelled with its title, type and data range. */
export function drawChart(chart: ChartView): SVGSVGElement {
  const kind = chart.type === 'RADAR' ? 'radar' : 'line';
  const root = svg('svg', {
    class: `chart chart-${kind}`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    role: 'img',
    'aria-label': `${chart.title || 'Chart'}: ${kind} chart of ${chart.range}`,
  });
  root.append(svg('rect', { width: CHART_WIDTH, height: CHART_HEIGHT, fill: '#fff', stroke: '#dadce0' }));
  root.append(svg('text', { x: 16, y: 24, 'font-size': 14, fill: '#202124', class: 'chart-title' }, chart.title));
  if (kind === 'radar') radar(root, chart);
  else line(root, chart);
  legend(root, chart, CHART_HEIGHT - 12);
  if (chart.type !== 'RADAR' && chart.type !== 'LINE') {
    root.append(
      svg(
        'text',
        { x: CHART_WIDTH - 16, y: 24, 'text-anchor': 'end', 'font-size': 10, fill: '#5f6368' },
        `${chart.type} drawn as lines`,
      ),
    );
  }
  return root;
}
