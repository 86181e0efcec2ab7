// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isDrawable, radarChart, radiusOf } from '../../src/client/radar';
import { FACTOR_NAMES } from '../../src/core/factors';

const center = (svg: SVGSVGElement) => {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  return [w / 2, h / 2];
};

function distances(svg: SVGSVGElement, selector: string): number[] {
  const [cx, cy] = center(svg);
  const points = svg.querySelector(selector)?.getAttribute('points') ?? '';
  return points.split(' ').map((p) => {
    const [x, y] = p.split(',').map(Number);
    return Math.hypot(x - cx, y - cy);
  });
}

describe('the radar chart', () => {
  const chart = radarChart(
    FACTOR_NAMES,
    [
      { name: 'Best', values: new Array(10).fill(1), className: 'a' },
      { name: 'Worst', values: new Array(10).fill(5), className: 'b' },
    ],
    'Best and worst',
  );

  it('has ten axes labelled with the factor names', () => {
    expect(chart.querySelectorAll('line.spoke')).toHaveLength(10);
    const labels = [...chart.querySelectorAll('text.axis-label')].map((t) =>
      [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '),
    );
    expect(labels).toEqual(FACTOR_NAMES);
  });

  it('puts 1 (best) on the outer ring and 5 on the inner ring', () => {
    expect(radiusOf(1)).toBeGreaterThan(radiusOf(5));
    const best = distances(chart, 'polygon.a');
    const worst = distances(chart, 'polygon.b');
    for (const d of best) expect(d).toBeCloseTo(radiusOf(1), 0);
    for (const d of worst) expect(d).toBeCloseTo(radiusOf(5), 0);
  });

  it('is an image with a name, one polygon per series and five rings', () => {
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe('Best and worst');
    expect(chart.querySelectorAll('polygon.series')).toHaveLength(2);
    expect(chart.querySelectorAll('polygon.ring')).toHaveLength(5);
  });

  it('leaves out a series with blank or out-of-range values', () => {
    expect(isDrawable([1, 2, 3, 4, 5, 1, 2, 3, 4, 5], 10)).toBe(true);
    expect(isDrawable([1, 2, 3, 4, 5, 1, 2, 3, 4, null], 10)).toBe(false);
    expect(isDrawable([1, 2, 3, 4, 5, 1, 2, 3, 4, 6], 10)).toBe(false);
    const partial = radarChart(FACTOR_NAMES, [{ name: 'x', values: [1, null], className: 'a' }], 'x');
    expect(partial.querySelectorAll('polygon.series')).toHaveLength(0);
  });
});
