// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawChart } from '../../../workbench/page/chart-drawing';
import type { ChartView } from '../../../workbench/view/chart-view';

const RADAR: ChartView = {
  id: 1,
  type: 'RADAR',
  title: 'Ready buyer vs A4',
  anchorRow: 1,
  anchorColumn: 5,
  offsetX: 0,
  offsetY: 0,
  range: 'A1:C5',
  categories: ['Maturity', 'Knowledge', 'Authority', 'Interest'],
  series: [
    { name: 'Ready buyer (6 - rating)', values: [5, 5, 5, 5] },
    { name: 'A4 (6 - rating)', values: [1, 1, 1, 1] },
  ],
};

/** Each polygon's distance from the centre at its first vertex (straight up from it). */
function firstRadius(polygon: Element, centreY: number): number {
  const [, y] = (polygon.getAttribute('points') ?? '').split(' ')[0].split(',').map(Number);
  return centreY - y;
}

describe('charts drawn on the workbench page', () => {
  it('draws a radar chart as one polygon per series over its rings, bigger values farther out', () => {
    const chart = drawChart(RADAR);
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe('Ready buyer vs A4: radar chart of A1:C5');
    const series = chart.querySelectorAll('polygon.chart-series');
    expect(series).toHaveLength(2);
    expect(series[0].getAttribute('points')?.split(' ')).toHaveLength(4);
    expect(chart.querySelectorAll('polygon.chart-ring')).toHaveLength(5);
    const centre = Number(chart.querySelector('line')?.getAttribute('y1'));
    expect(firstRadius(series[0], centre)).toBeCloseTo(5 * firstRadius(series[1], centre), 0);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['Ready buyer vs A4', 'Maturity', 'Interest', 'Ready buyer (6 - rating)']),
    );
  });

  it('draws a line chart as one line per series, leaving out points that are not numbers', () => {
    const chart = drawChart({ ...RADAR, type: 'LINE', series: [{ name: 'A4', values: [1, null, 3, 4] }] });
    expect(chart.getAttribute('aria-label')).toBe('Ready buyer vs A4: line chart of A1:C5');
    const lines = chart.querySelectorAll('polyline.chart-series');
    expect(lines).toHaveLength(1);
    expect(lines[0].getAttribute('points')?.split(' ')).toHaveLength(3);
  });

  it('draws any other type as lines and says so', () => {
    const chart = drawChart({ ...RADAR, type: 'COLUMN' });
    expect(chart.querySelectorAll('polyline.chart-series')).toHaveLength(2);
    expect(chart.textContent).toContain('COLUMN drawn as lines');
  });
});
