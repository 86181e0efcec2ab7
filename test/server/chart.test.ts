import { describe, expect, it } from 'vitest';
import { call, run, sampleWorkbook } from './harness';

describe('insertComparisonChart', () => {
  it('writes 6 minus each rating to the Charts tab, says so, and inserts a native radar chart of them', () => {
    const book = sampleWorkbook();
    const first = call(book, 'insertComparisonChart', {
      profile: 'Ready buyer',
      target: { kind: 'campaign', name: 'A4' },
    });
    expect(first).toEqual({ sheet: 'Charts', range: 'A1:C11' });
    const values = book.values('Charts');
    // Ready buyer rates Maturity 1 and A4 1.5: plotted 5 and 4.5, so 1 (best) is the outer ring, as in the sidebar.
    expect(values[0]).toEqual(['Factor', 'Ready buyer (6 - rating)', 'A4 (6 - rating)']);
    expect(values[1]).toEqual(['Maturity', 5, 4.5]);
    expect(values[11][0]).toBe(
      'Plotted as 6 - rating, so 1 (best) is the outer ring and 5 (worst) the centre: the bigger the shape, the better.',
    );
    const [chart] = book.sheet('Charts').charts;
    expect(chart.type).toBe('RADAR');
    expect(chart.ranges.map((a) => [a.row, a.column, a.numRows, a.numColumns])).toEqual([[1, 1, 11, 3]]);
    expect(chart.options.title).toBe('Ready buyer vs A4 (outer ring = 1, best)');

    const second = call(book, 'insertComparisonChart', {
      profile: 'Growing firm',
      target: { kind: 'lead', name: 'L-0038 Summit Software AS' },
    });
    expect(second).toEqual({ sheet: 'Charts', range: 'A21:C31' });
    expect(book.values('Charts')[20]).toEqual([
      'Factor',
      'Growing firm (6 - rating)',
      'L-0038 Summit Software AS (6 - rating)',
    ]);
    expect(book.values('Charts')[29][2]).toBe('');
    expect(book.sheet('Charts').charts).toHaveLength(2);
  });

  it('names what it cannot find, and inserts nothing', () => {
    const book = sampleWorkbook();
    expect(() =>
      call(book, 'insertComparisonChart', { profile: 'Nobody', target: { kind: 'campaign', name: 'A1' } }),
    ).toThrow('The Profiles tab has no "Nobody".');
    expect(book.findSheet('Charts')).toBeUndefined();
  });

  it('draws a line chart of the same data, and says so, where Sheets refuses a radar chart', () => {
    const book = sampleWorkbook();
    let refused = 0;
    const { result } = run(
      book,
      'insertComparisonChart',
      [{ profile: 'Ready buyer', target: { kind: 'campaign', name: 'A4' } }],
      {
        // As Sheets would answer an embedded chart type it does not support.
        onServiceCall: (method) => {
          if (method === 'Sheet.insertChart' && refused++ === 0) throw new Error('Unsupported chart type: RADAR');
        },
      },
    );
    expect(result).toEqual({
      sheet: 'Charts',
      range: 'A1:C11',
      note: 'Sheets could not draw a radar chart here, so it drew a line chart of the same data.',
    });
    expect(book.sheet('Charts').charts.map((c) => c.type)).toEqual(['LINE']);
  });
});
