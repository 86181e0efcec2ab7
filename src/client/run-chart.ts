/**
 * An SVG run chart (XmR chart) of one KPI: its values in order, the centre line and the natural process limits,
 * with the signal in words beside it. Drawn from the data KPISIGNAL computed on the server; no math of its own.
 */

import type { RunChartData } from '../shared/sidebar-api';
import { formatNumber, h, svg } from './dom';

const WIDTH = 276;
const HEIGHT = 120;
const LEFT = 34;
const RIGHT = 6;
const TOP = 8;
const BOTTOM = 18;

/** KPISIGNAL's text as a sentence a manager acts on. */
function signalInWords(signal: string): string {
  if (signal === 'routine variation') return 'Routine variation: no week stands out, so no reaction is needed.';
  if (signal === 'signal: above the limits') return 'Signal: the latest value is above the upper limit, a real change.';
  if (signal === 'signal: below the limits') return 'Signal: the latest value is below the lower limit, a real change.';
  if (signal === 'signal: 8 in a row above the centre') {
    return 'Signal: the last 8 values are all above the centre line, a real shift up.';
  }
  if (signal === 'signal: 8 in a row below the centre') {
    return 'Signal: the last 8 values are all below the centre line, a real shift down.';
  }
  const needs = /^needs (\d+) values \(has (\d+)\)$/.exec(signal);
  if (needs) return `Not enough data: limits need ${needs[1]} logged values, the KPI log has ${needs[2]}.`;
  return signal === '' ? 'No values in the KPI log.' : signal;
}

export const isSignalText = (signal: string) => signal.startsWith('signal:');

/** The chart with an accessible name and a text summary; `name` is the KPI's. */
export function runChart(name: string, chart: RunChartData): HTMLElement {
  const values = chart.points.map((p) => p.value);
  const limits = [chart.centre, chart.lower, chart.upper].filter((v): v is number => v !== null);
  const all = [...values, ...limits];
  const words = signalInWords(chart.signal);
  const summary =
    chart.centre === null || chart.lower === null || chart.upper === null
      ? words
      : `Centre ${formatNumber(chart.centre)}, limits ${formatNumber(chart.lower)} to ${formatNumber(chart.upper)}. ${words}`;
  const caption = h(
    'figcaption',
    { class: isSignalText(chart.signal) ? 'signal-text tone-warn' : 'signal-text' },
    summary,
  );
  if (values.length === 0) return h('figure', { class: 'run-chart' }, caption);

  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.08;
  min -= pad;
  max += pad;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (values.length === 1 ? plotW / 2 : (plotW * i) / (values.length - 1));
  const y = (v: number) => TOP + plotH * (1 - (v - min) / (max - min));
  const line = (value: number | null, className: string, label: string) =>
    value === null
      ? []
      : [
          svg('line', {
            class: className,
            x1: LEFT,
            x2: WIDTH - RIGHT,
            y1: y(value).toFixed(1),
            y2: y(value).toFixed(1),
          }),
          svg(
            'text',
            { class: 'chart-label', x: LEFT - 3, y: (y(value) + 3).toFixed(1), 'text-anchor': 'end' },
            `${label} ${formatNumber(value)}`.trim(),
          ),
        ];
  const outside = (v: number) => (chart.upper !== null && v > chart.upper) || (chart.lower !== null && v < chart.lower);
  const path = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const first = chart.points[0].date;
  const last = chart.points[chart.points.length - 1].date;
  const label = `Run chart of ${name}: ${values.length} values${first ? ` from ${first} to ${last}` : ''}. ${summary}`;
  const graphic = svg(
    'svg',
    { class: 'run', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label },
    line(chart.upper, 'limit upper', ''),
    line(chart.lower, 'limit lower', ''),
    line(chart.centre, 'centre', ''),
    svg('path', { class: 'run-line', d: path }),
    values.map((v, i) =>
      svg(
        'circle',
        { class: outside(v) ? 'point out' : 'point', cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.5 },
        svg('title', null, `${chart.points[i].date || `value ${i + 1}`}: ${formatNumber(v, 2)}`),
      ),
    ),
    first && svg('text', { class: 'chart-label', x: LEFT, y: HEIGHT - 4, 'text-anchor': 'start' }, first.slice(5)),
    last && svg('text', { class: 'chart-label', x: WIDTH - RIGHT, y: HEIGHT - 4, 'text-anchor': 'end' }, last.slice(5)),
  );
  return h('figure', { class: 'run-chart' }, graphic, caption);
}
