import { describe, expect, it } from 'vitest';
import { kpisPanelOf } from '../../src/client/panels/kpis-model';
import { segmentsPanelOf } from '../../src/client/panels/segments-model';
import { teamPanelOf } from '../../src/client/panels/team-model';
import type { KpisData, LeadsPanel, SegmentsData, TeamData, WebgraphPanel } from '../../src/shared/sidebar-api';
import { compute, computedRecords } from './engine';
import { call, columnOf, FACTORS10, run, sampleWorkbook } from './harness';

const workbook = sampleWorkbook();
/** The same workbook as Sheets would compute it: the panels must agree with the formulas. */
const sheets = compute(workbook);
const REPS = ['Anna Berg', 'Jonas Lind', 'Maria Holm', 'Erik Sand', 'Sara Nord'];

describe('getLeadsPanel', () => {
  const panel = call<LeadsPanel>(workbook, 'getLeadsPanel');

  it('gives the factors of the Factors tab and the choices for the form lists', () => {
    expect(panel.factors.map((f) => f.name)).toEqual(FACTORS10);
    expect(panel.factors[0]).toEqual({
      name: 'Maturity',
      weight: 2,
      best: 'ready to decide now',
      worst: 'far from any decision',
    });
    expect(panel.owners).toEqual(REPS);
    expect(panel.segments).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(panel.campaigns).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('lists the open leads with the best scores first, scored as the Score column scores them', () => {
    const leads = computedRecords(sheets.Leads);
    const open = leads.filter((l) => ['New', 'Qualified'].includes(String(l.Status)) && typeof l.Score === 'number');
    // The best 10 overall come first; the best 10 of each owner are there too, for the owner filter.
    expect(panel.top.slice(0, 10).map((l) => l.score)).toEqual(
      open
        .map((l) => l.Score as number)
        .sort((a, b) => b - a)
        .slice(0, 10),
    );
    for (const rep of REPS) {
      const mine = open.filter((l) => l.Owner === rep).length;
      expect(panel.top.filter((l) => l.owner === rep).length, rep).toBe(Math.min(10, mine));
    }
    expect(panel.top[0].score).toBe(Math.max(...open.map((l) => l.Score as number)));
    expect(panel.top.map((l) => l.score)).toEqual([...panel.top.map((l) => l.score)].sort((a, b) => b - a));
    for (const lead of panel.top) {
      const row = leads[lead.row - 2];
      expect(row.Lead).toBe(lead.lead);
      expect(lead.score).toBe(row.Score);
      expect(['New', 'Qualified']).toContain(lead.status);
      expect(lead).toMatchObject({ company: row.Company, owner: row.Owner });
    }
  });

  it('has no problems to report while every computed column fills', () => {
    expect(panel.problems).toEqual([]);
  });

  it('names the column and the cell when a typed value blocks a computed column', () => {
    const blocked = sampleWorkbook();
    compute(blocked);
    const score = columnOf(blocked, 'Leads', 'Score');
    blocked.write('Leads', 14, score, [[88]]);
    expect(compute(blocked).Leads[0][score - 1]).toBe('#REF!');
    const after = call<LeadsPanel>(blocked, 'getLeadsPanel');
    expect(after.problems).toEqual([
      'Leads Score: R14 holds a typed value where the formula in R1 puts its results; clear it and the column fills again.',
    ]);
    // The lists still come from the ratings themselves.
    expect(after.top).toEqual(panel.top);
  });

  it('lists the leads whose ratings have a defect, with LEADSCORE text and the defective cell', () => {
    expect(panel.defects).toEqual([
      {
        row: 35,
        lead: 'L-0034',
        company: 'Polar Machining GmbH',
        owner: expect.any(String),
        column: 'Availability',
        defect: 'invalid Availability: 2.5 (whole number 1-5)',
      },
      {
        row: 39,
        lead: 'L-0038',
        company: 'Summit Software AS',
        owner: expect.any(String),
        column: expect.stringMatching(new RegExp(`^(${FACTORS10.join('|')})$`)),
        defect: expect.stringMatching(/^incomplete 9\/10 rated/),
      },
    ]);
  });
});

describe('getWebgraphPanel', () => {
  const panel = call<WebgraphPanel>(workbook, 'getWebgraphPanel');

  it('gives every profile and campaign as a named vector of ten values', () => {
    expect(panel.profiles.map((p) => p.name)).toEqual(['Ready buyer', 'Project lead', 'Growing firm', 'Tender buyer']);
    expect(panel.profiles[0].values).toEqual([1, 2, 1, 1, 1, 1, 2, 2, 2, 1]);
    expect(panel.campaigns.map((c) => c.name)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(panel.campaigns[3].values[0]).toBe(1.5);
    expect(panel.factors).toHaveLength(10);
  });

  it('offers the open leads, named by id and company, null where a rating is blank', () => {
    const open = computedRecords(sheets.Leads).filter((l) => ['New', 'Qualified'].includes(String(l.Status)));
    expect(panel.leads).toHaveLength(open.length);
    const unrated = panel.leads.find((l) => l.name.startsWith('L-0060'));
    expect(unrated?.values).toEqual(new Array(10).fill(null));
  });
});

describe('getSegmentsPanel', () => {
  const panel = segmentsPanelOf(call<SegmentsData>(workbook, 'getSegmentsPanel'));

  it('gives each segment its sales, marketing and SWEETSPOT verdict, as the Segments formulas compute them', () => {
    const rows = computedRecords(sheets.Segments);
    expect(
      panel.segments.map((s) => [s.segment, s.price, s.complexity, s.inMarket, s.sales, s.marketing, s.verdict]),
    ).toEqual(rows.map((r) => [r.Segment, r.Price, r.Complexity, r['In market'], r.Sales, r.Marketing, r.Verdict]));
    expect(panel.segments.map((s) => s.verdict)).toEqual([
      'Ineffective strategy',
      'Sweet spot',
      'Sweet spot',
      'Lead deficit',
    ]);
  });

  it('gives the overlap of sales and marketing in the target market, and the threshold', () => {
    const rows = computedRecords(sheets.Segments);
    const sales = rows.reduce((sum, r) => sum + Number(r.Sales), 0);
    const marketing = rows.reduce((sum, r) => sum + Number(r.Marketing), 0);
    const overlap = rows
      .filter((r) => r['In market'] === true)
      .reduce((sum, r) => sum + Math.min(Number(r.Sales) / sales, Number(r.Marketing) / marketing), 0);
    expect(panel.overlap).toBeCloseTo(100 * overlap, 10);
    expect(panel.threshold).toBe(0.125);
  });
});

describe('getTeamPanel', () => {
  const panel = teamPanelOf(call<TeamData>(workbook, 'getTeamPanel'));

  it("gives each rep's hit rate and interval, as the Team tab's HITRATE computes them", () => {
    const rows = computedRecords(sheets.Team);
    expect(panel.reps.map((r) => [r.rep, r.won, r.lost])).toEqual(rows.map((r) => [r.Rep, r.Won, r.Lost]));
    panel.reps.forEach((rep, i) => {
      expect(rep.rate).toBeCloseTo(rows[i]['Hit rate'] as number, 9);
      expect(rep.low).toBeCloseTo(rows[i].Low as number, 9);
      expect(rep.high).toBeCloseTo(rows[i].High as number, 9);
      expect(rep.vsTeam).toBe(rows[i]['Vs team']);
    });
  });

  it('shows differences in hit rate that are within common-cause variation, and the pooled rate', () => {
    const rows = computedRecords(sheets.Team);
    expect(panel.reps.map((r) => r.rate)).toEqual(rows.map((r) => Number(r.Won) / (Number(r.Won) + Number(r.Lost))));
    expect(new Set(panel.reps.map((r) => r.rate)).size).toBeGreaterThan(2);
    expect(panel.reps.every((r) => r.vsTeam === 'within')).toBe(true);
    const won = rows.reduce((sum, r) => sum + Number(r.Won), 0);
    const lost = rows.reduce((sum, r) => sum + Number(r.Lost), 0);
    expect(panel.teamRate).toBe(won / (won + lost));
  });
});

describe('getKpisPanel', () => {
  const panel = kpisPanelOf(call<KpisData>(workbook, 'getKpisPanel'));

  it('gives each KPI with its status, as the KPIs tab computes it', () => {
    const rows = computedRecords(sheets.KPIs);
    expect(panel.kpis.map((k) => [k.kpi, k.level, k.status])).toEqual(rows.map((r) => [r.KPI, r.Level, r.Status]));
    expect(new Set(panel.kpis.map((k) => k.level))).toEqual(new Set(['Operational', 'Tactical', 'Goal']));
    expect(panel.kpis[0]).toMatchObject({ row: 2, target: 95, actual: rows[0].Actual, direction: 'higher' });
    expect(typeof panel.kpis[0].actual).toBe('number');
  });

  it('lints the KPIs that miss WHY, WHEN, HOW, WHO or a target', () => {
    expect(panel.lint).toEqual([
      { row: 5, kpi: 'Days from lead to decision', missing: ['How', 'Who'] },
      { row: 6, kpi: 'Marketing budget in sweet-spot segments (%)', missing: ['When', 'Target'] },
    ]);
  });

  it('sends a date as YYYY-MM-DD text, never a Date', () => {
    const book = sampleWorkbook();
    book.write('KPIs', 2, columnOf(book, 'KPIs', 'Target'), [['2025-06-30']]);
    const { result } = run(book, 'getKpisPanel');
    expect((result as KpisData).kpis[0].target).toBe('2025-06-30');
  });
});
