import { describe, expect, it, vi } from 'vitest';
import { kpisPanelOf } from '../../src/client/panels/kpis-model';
import { segmentsPanelOf } from '../../src/client/panels/segments-model';
import { teamPanelOf } from '../../src/client/panels/team-model';
import { FACTORS } from '../../src/core/factors';
import { factorInfo, kpisData, leadLists, type Rows, segmentsData, teamData } from '../../src/server/panel-data';
import { headerColumns } from '../../src/server/store';

/** A table as the store reads it: a header row and data rows. */
const table = (header: string[], ...rows: unknown[][]): Rows => ({ columns: headerColumns(header), rows });
const FACTOR_HEADERS = FACTORS.map((f) => f.name);

describe('panels from tables', () => {
  it('reads the factors by name, whatever the row order, and names a missing one', () => {
    const rows = FACTORS.map((f, i) => [f.name, i === 0 ? 2 : 1, '', '']).reverse();
    const info = factorInfo(table(['Factor', 'Weight', '1 means', '5 means'], ...rows));
    expect(info.map((f) => f.name)).toEqual(FACTOR_HEADERS);
    expect(info[0]).toEqual({
      name: 'Maturity',
      weight: 2,
      best: 'ready to decide now',
      worst: 'far from any decision',
    });
    expect(() => factorInfo(table(['Factor', 'Weight'], ...rows.slice(1)))).toThrow(
      /^The Factors tab has no row for Purchase history\./,
    );
  });

  it('says which weight is wrong on the Factors tab', () => {
    const rows = FACTORS.map((f) => [f.name, f.name === 'Interest' ? 'lots' : 1]);
    expect(() => factorInfo(table(['Factor', 'Weight'], ...rows))).toThrow(
      'Factors tab: weight of Interest is "lots"; expected a number 0 or more',
    );
  });

  it('leaves closed leads out of the top list but keeps their defects', () => {
    const header = ['Lead', 'Company', 'Status', 'Closed', ...FACTOR_HEADERS];
    const leads = table(
      header,
      ['L-1', 'Won Co', 'Won', '2026-11-01', ...new Array(10).fill(1)],
      ['L-2', 'Open Co', 'New', '', ...new Array(10).fill(3)],
      ['L-3', 'Lost Co', 'Lost', '2026-11-02', 0, ...new Array(9).fill(1)],
    );
    const lists = leadLists(leads, {
      weights: new Array(10).fill(1),
      today: '2026-12-01',
      timeZone: 'Etc/UTC',
      rerateAfterDays: 90,
      rule: null,
    });
    expect(lists.top.map((l) => [l.lead, l.score])).toEqual([['L-2', 50]]);
    expect(lists.defects).toEqual([
      {
        row: 4,
        lead: 'L-3',
        company: 'Lost Co',
        owner: '',
        column: 'Maturity',
        defect: 'invalid Maturity: 0 (whole number 1-5)',
      },
    ]);
  });

  it("counts each named rep's won and lost leads, by name in any case, 0 for a rep with none", () => {
    const leads = table(['Owner', 'Status'], ['Ann', 'Won'], [' ann ', 'Lost'], ['Bob', 'New'], ['Cy', 'won']);
    const data = teamData(table(['Rep'], ['Ann'], ['Bob'], [''], ['Cy']), leads);
    expect(data.reps).toEqual([
      { rep: 'Ann', won: 1, lost: 1 },
      { rep: 'Bob', won: 0, lost: 0 },
      { rep: 'Cy', won: 1, lost: 0 },
    ]);
    expect(teamData(table(['Rep']), leads)).toEqual({ reps: [] });
    // The sidebar: blanks, not numbers, for a rep with no closed leads.
    const panel = teamPanelOf(data);
    expect(panel.reps[1]).toEqual({ rep: 'Bob', won: 0, lost: 0, rate: null, low: null, high: null, vsTeam: '' });
    expect(panel.teamRate).toBe(2 / 3);
  });

  it("sums each segment's won leads and campaign budgets; nothing when no segment is named", () => {
    const segments = table(
      ['Segment', 'Price', 'Complexity', 'In market'],
      ['S1', 'Low', 'Std', 'Yes'],
      ['', '', '', ''],
    );
    const leads = table(['Segment', 'Status'], ['s1', 'Won'], ['S1', 'Lost'], ['S1', 'Won']);
    const campaigns = table(['Segment', 'Budget'], ['S1', 10], [' S1', '5'], ['S2', 7]);
    expect(segmentsData(segments, leads, campaigns).segments).toEqual([
      { segment: 'S1', price: 'Low', complexity: 'Std', inMarket: true, sales: 2, marketing: 15 },
    ]);
    const none = table(['Segment', 'Status', 'Budget']);
    expect(segmentsData(none, none, none)).toEqual({ segments: [] });
    expect(segmentsPanelOf({ segments: [] })).toEqual({ segments: [], overlap: 0, threshold: 0 });
  });

  it('skips rows without a KPI name and gives the sheet row of each KPI', () => {
    const header = ['KPI', 'Why', 'When', 'How', 'Who', 'Direction', 'Target', 'Actual'];
    const panel = kpisData(
      table(header, ['', '', '', '', '', '', '', ''], ['Calls', 'w', 'w', 'h', 'w', 'lower', 20, 25]),
      table(['Date', 'KPI', 'Value']),
      table(['Information', 'Receiver', 'Via', 'Provided']),
      'Etc/UTC',
    );
    expect(panel.kpis.map((k) => [k.row, k.kpi, k.status])).toEqual([[3, 'Calls', 'off track']]);
    expect(kpisPanelOf(panel).lint).toEqual([]);
  });

  it("charts each KPI's log values as KPISIGNAL reads them: matched by name, in date order, with its limits", () => {
    const kpis = table(['KPI', 'Who'], ['Calls', 'Finance'], ['Visits', 'Board']);
    const d = (n: number) => new Date(Date.UTC(2026, 0, n));
    const log = table(
      ['Date', 'KPI', 'Value'],
      [d(5), ' calls ', 44],
      [d(1), 'Calls', 42],
      [d(2), 'Calls', 38],
      [d(3), 'Visits', 7],
      [d(3), 'Calls', 45],
      [d(4), 'Calls', 40],
      [d(6), 'Calls', 'n/a'],
      [d(7), 'Calls', 75],
    );
    const customers = table(['Information', 'Receiver', 'Via', 'Provided'], ['Forecast', 'Finance', '', 'Yes']);
    // Apps Script's day formatting, for UTC (the bundle tests run the real one through the emulator).
    vi.stubGlobal('Utilities', { formatDate: (date: Date) => date.toISOString().slice(0, 10) });
    const panel = kpisData(kpis, log, customers, 'Etc/UTC');
    vi.unstubAllGlobals();
    const [calls, visits] = panel.kpis.map((k) => k.chart);
    expect(calls.points).toEqual([
      { date: '2026-01-01', value: 42 },
      { date: '2026-01-02', value: 38 },
      { date: '2026-01-03', value: 45 },
      { date: '2026-01-04', value: 40 },
      { date: '2026-01-05', value: 44 },
      { date: '2026-01-07', value: 75 },
    ]);
    // KPISIGNAL's own figures for these values (README example, in date order).
    expect(calls.centre).toBeCloseTo(47.3333, 4);
    expect(calls.lower).toBeCloseTo(20.2013, 4);
    expect(calls.upper).toBeCloseTo(74.4653, 4);
    expect(calls.signal).toBe('signal: above the limits');
    expect(visits).toEqual({
      points: [{ date: '2026-01-03', value: 7 }],
      centre: null,
      lower: null,
      upper: null,
      signal: 'needs 5 values (has 1)',
    });
    expect(panel.internalCustomers).toEqual([
      { row: 2, information: 'Forecast', receiver: 'Finance', via: '', provided: 'Yes' },
    ]);
    expect(kpisPanelOf(panel).customers).toEqual([
      {
        kind: 'unknown receiver',
        tab: 'KPIs',
        row: 3,
        subject: 'Visits',
        text: 'its Who, Board, is not a receiver in Internal customers',
      },
    ]);
  });
});
