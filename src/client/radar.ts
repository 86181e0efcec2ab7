/**
 * An SVG radar chart of ten-factor vectors on the 1-5 scale. Best is outside: 1 (optimal) on the outer ring,
 * 5 on the inner ring, so a bigger polygon is a better lead or a more demanding target.
 */

import { BEST_RATING, WORST_RATING } from '../core/factors';
import { svg } from './dom';

export interface RadarSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** CSS class of the polygon: its colour and dash pattern. */
  readonly className: string;
}

export const RADAR_CAPTION = 'Outer ring = 1 (best), inner ring = 5 (worst): the bigger the shape, the better.';

const WIDTH = 300;
const HEIGHT = 214;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 80;
const LABEL_GAP = 9;
const LINE_HEIGHT = 11;

/** Distance from the centre of a value: 1 on the outer ring, 5 on the inner one (a fifth of the radius). */
export function radiusOf(value: number): number {
  return (RADIUS * (WORST_RATING + 1 - value)) / WORST_RATING;
}

function point(axis: number, axes: number, radius: number): [number, number] {
  // The first axis points straight up; the rest follow clockwise.
  const angle = -Math.PI / 2 + (2 * Math.PI * axis) / axes;
  return [CX + radius * Math.cos(angle), CY + radius * Math.sin(angle)];
}

const pointsText = (points: readonly [number, number][]) =>
  points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** Every value is a number on the scale, so the polygon can be drawn. */
export function isDrawable(values: readonly (number | null)[], axes: number): values is readonly number[] {
  return (
    values.length === axes &&
    values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= BEST_RATING && v <= WORST_RATING)
  );
}

function axisLabel(name: string, axis: number, axes: number): SVGTextElement {
  const [x, y] = point(axis, axes, RADIUS + LABEL_GAP);
  const dx = x - CX;
  const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
  // Two-word names go on two lines so the longest labels fit the 300 px panel.
  const lines = name.includes(' ') ? [name.slice(0, name.indexOf(' ')), name.slice(name.indexOf(' ') + 1)] : [name];
  // Labels above the centre grow upwards from the axis end, those below hang from it.
  const top = y < CY ? y - (lines.length - 1) * LINE_HEIGHT : y + LINE_HEIGHT * 0.7;
  return svg(
    'text',
    { class: 'axis-label', x: x.toFixed(1), y: top.toFixed(1), 'text-anchor': anchor },
    lines.map((line, i) => svg('tspan', { x: x.toFixed(1), dy: i === 0 ? 0 : LINE_HEIGHT }, line)),
  );
}

/** The chart; series that are not drawable (blank or out of range values) are left out. */
export function radarChart(axesNames: readonly string[], series: readonly RadarSeries[], label: string): SVGSVGElement {
  const axes = axesNames.length;
  const rings = [];
  for (let value = BEST_RATING; value <= WORST_RATING; value++) {
    const ring = axesNames.map((_, i) => point(i, axes, radiusOf(value)));
    rings.push(svg('polygon', { class: 'ring', points: pointsText(ring) }));
  }
  const spokes = axesNames.map((_, i) => {
    const [x, y] = point(i, axes, RADIUS);
    return svg('line', { class: 'spoke', x1: CX, y1: CY, x2: x.toFixed(1), y2: y.toFixed(1) });
  });
  const scale = [BEST_RATING, WORST_RATING].map((value) =>
    svg('text', { class: 'ring-label', x: CX + 3, y: (CY - radiusOf(value) + 9).toFixed(1) }, String(value)),
  );
  const shapes = series.flatMap((s) => {
    const values = s.values;
    if (!isDrawable(values, axes)) return [];
    const points = values.map((v, i) => point(i, axes, radiusOf(v)));
    return [
      svg('polygon', { class: `series ${s.className}`, points: pointsText(points) }, svg('title', null, s.name)),
      ...points.map(([x, y]) =>
        svg('circle', { class: `vertex ${s.className}`, cx: x.toFixed(1), cy: y.toFixed(1), r: 2.2 }),
      ),
    ];
  });
  return svg(
    'svg',
    { class: 'radar', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label },
    rings,
    spokes,
    scale,
    axesNames.map((name, i) => axisLabel(name, i, axes)),
    shapes,
  );
}
