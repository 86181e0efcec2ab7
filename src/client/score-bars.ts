/**
 * The Check panel's bars: a win rate or an AUC on a 0-1 scale with its interval as a whisker. Decoration only
 * (aria-hidden): every number they draw is written beside them as text.
 */

import { svg } from './dom';

const HEIGHT = 14;
const MID = HEIGHT / 2;

/** 0-1 on the bar's 0-100 scale, clamped. */
const x = (fraction: number) => Math.min(Math.max(fraction, 0), 1) * 100;

/**
 * A bar from 0 to `value` with the interval `low`-`high` as a whisker across it, and optional reference lines (the
 * AUC's coin toss at 0.5). Without a value, only the track and the references are drawn.
 */
export function intervalBar(
  value: number | null,
  low: number | null,
  high: number | null,
  references: readonly number[] = [],
): SVGSVGElement {
  const parts: SVGElement[] = [svg('rect', { class: 'track', x: 0, y: 0, width: 100, height: HEIGHT })];
  if (value !== null) {
    parts.push(svg('rect', { class: 'value-bar', x: 0, y: 3, width: x(value), height: HEIGHT - 6 }));
  }
  for (const at of references) {
    parts.push(
      svg('line', {
        class: 'reference',
        x1: x(at),
        x2: x(at),
        y1: 0,
        y2: HEIGHT,
        'vector-effect': 'non-scaling-stroke',
      }),
    );
  }
  if (value !== null && low !== null && high !== null) {
    const line = (x1: number, x2: number, y1: number, y2: number) =>
      svg('line', { class: 'whisker', x1, x2, y1, y2, 'vector-effect': 'non-scaling-stroke' });
    parts.push(
      line(x(low), x(high), MID, MID),
      line(x(low), x(low), 2, HEIGHT - 2),
      line(x(high), x(high), 2, HEIGHT - 2),
    );
  }
  return svg(
    'svg',
    { class: 'bar score-bar', viewBox: `0 0 100 ${HEIGHT}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    parts,
  );
}
