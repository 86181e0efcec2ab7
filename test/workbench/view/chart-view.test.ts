import { describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../../src/core/factors';
import { chartViews } from '../../../workbench/view/chart-view';
import { call, sampleWorkbook } from '../../server/harness';

describe('the charts a sheet window carries', () => {
  it('gives each inserted chart its type, title, anchor and data: categories from the first column, series from the rest', () => {
    const book = sampleWorkbook();
    call(book, 'insertComparisonChart', { profile: 'Ready buyer', target: { kind: 'campaign', name: 'A4' } });
    const [chart] = chartViews(book.sheet('Charts'));
    expect(chart).toMatchObject({
      type: 'RADAR',
      title: 'Ready buyer vs A4 (outer ring = 1, best)',
      anchorRow: 1,
      anchorColumn: 5,
      range: 'A1:C11',
      categories: FACTOR_NAMES,
    });
    expect(chart.series.map((s) => s.name)).toEqual(['Ready buyer (6 - rating)', 'A4 (6 - rating)']);
    // Ready buyer rates Maturity 1 and A4 1.5: plotted 5 and 4.5.
    expect(chart.series.map((s) => s.values[0])).toEqual([5, 4.5]);
  });

  it('has no charts for a sheet without any', () => {
    expect(chartViews(sampleWorkbook().sheet('Leads'))).toEqual([]);
  });
});
