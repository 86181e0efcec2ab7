import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadScore } from '../../src/core/lead-score';
import { scoreAuc } from '../../src/core/score-auc';
import { openRange } from '../../src/server/a1';
import { addDays, parseSampleData, SAMPLE_FACTORS, type SampleData } from '../../src/server/sample';
import { inputHeaders, LEADS_TAB, TABS } from '../../src/shared/schema';
import { DIST } from '../../tools/build';
import { sampleDataJson } from '../../tools/sample-data';
import { createWorkbook } from '../../workbench/emulator/apps-script-emulator';
import { compute, computedRecords } from './engine';
import { columnOf, FACTORS10, run, sampleWorkbook } from './harness';

const TODAY = '2025-03-31';
const data = parseSampleData(sampleDataJson(), TODAY, (tab, header) => `${tab}!${header}`);
/** A tab's sample rows as objects keyed by its input headers. */
const recordsOf = (sample: SampleData, tab: string) => {
  const headers = inputHeaders(TABS.find((t) => t.name === tab) ?? LEADS_TAB);
  return (sample[tab] ?? []).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
};
const records = (tab: string) => recordsOf(data, tab);
const leads = records('Leads');
const campaigns = records('Campaigns');
const scores = leadScore(
  leads.map((l) => FACTORS10.map((f) => l[f])),
  SAMPLE_FACTORS.weights.map((w) => [w]),
).map(([s]) => s);
const daysBefore = (date: unknown) => (Date.parse(TODAY) - Date.parse(String(date))) / 86_400_000;

describe('sample data', () => {
  it('is the same on every run', () => {
    expect(sampleDataJson()).toBe(sampleDataJson());
  });

  it('has rows aligned with the input columns of its tab, for every tab but Factors and Settings', () => {
    for (const tab of TABS) {
      const rows = data[tab.name] ?? [];
      expect(rows.length > 0, tab.name).toBe(!['Factors', 'Settings'].includes(tab.name));
      for (const row of rows) expect(row, tab.name).toHaveLength(inputHeaders(tab).length);
    }
  });

  it('is a small B2B team: 60 leads of different companies over 5 reps, each rep with won and lost deals', () => {
    expect(leads).toHaveLength(60);
    expect(new Set(leads.map((l) => l.Company)).size).toBe(60);
    const reps = (data.Team ?? []).map(([rep]) => rep);
    expect(reps).toHaveLength(5);
    for (const rep of reps) {
      const statuses = leads.filter((l) => l.Owner === rep).map((l) => l.Status);
      expect(statuses, String(rep)).toContain('Won');
      expect(statuses, String(rep)).toContain('Lost');
    }
  });

  it('has enough closed leads for the Score check: at least 12 won and 12 lost', () => {
    expect(leads.filter((l) => l.Status === 'Won').length).toBeGreaterThanOrEqual(12);
    expect(leads.filter((l) => l.Status === 'Lost').length).toBeGreaterThanOrEqual(12);
  });

  it('ranks won leads above lost ones most of the time, but not always, as a real pipeline does', () => {
    const [[auc]] = scoreAuc(
      scores.map((s) => [s]),
      leads.map((l) => [l.Status]),
    );
    expect(auc).toBeGreaterThan(0.7);
    expect(auc).toBeLessThan(0.97);
  });

  it('has two leads with defective ratings (a rating between two values, an unrated factor) and one never rated', () => {
    expect(scores.filter((s) => typeof s === 'string' && s !== '')).toEqual([
      'invalid Availability: 2.5 (whole number 1-5)',
      expect.stringMatching(/^incomplete 9\/10 rated/),
    ]);
    const never = leads.filter((l) => FACTORS10.every((f) => l[f] === ''));
    expect(never.map((l) => [l.Status, l.Rated])).toEqual([['New', '']]);
  });

  it("dates each campaign lead inside its campaign's run, in the campaign's segment", () => {
    const tagged = leads.filter((l) => l.Campaign !== '');
    expect(tagged.length).toBeGreaterThan(30);
    for (const lead of tagged) {
      const campaign = campaigns.find((c) => c.Campaign === lead.Campaign);
      expect(campaign, String(lead.Lead)).toBeDefined();
      expect(String(lead.Created) >= String(campaign?.Start), String(lead.Lead)).toBe(true);
      expect(String(lead.Created) <= String(campaign?.End), String(lead.Lead)).toBe(true);
      expect(lead.Segment, String(lead.Lead)).toBe(campaign?.Segment);
    }
  });

  it('closes every won and lost lead after it was created and before today, and no open one', () => {
    for (const lead of leads) {
      const decided = lead.Status === 'Won' || lead.Status === 'Lost';
      expect(lead.Closed !== '', String(lead.Lead)).toBe(decided);
      if (!decided) continue;
      expect(String(lead.Closed) > String(lead.Created), String(lead.Lead)).toBe(true);
      expect(String(lead.Closed) < TODAY, String(lead.Lead)).toBe(true);
    }
  });

  it('has a few open leads whose ratings are older than the 90 days after which they should be re-rated', () => {
    const open = leads.filter((l) => l.Status === 'New' || l.Status === 'Qualified');
    const stale = open.filter((l) => l.Rated !== '' && daysBefore(l.Rated) > 90);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    expect(stale.length).toBeLessThan(open.length / 2);
    for (const lead of leads.filter((l) => l.Rated !== '')) {
      expect(String(lead.Rated) >= String(lead.Created), String(lead.Lead)).toBe(true);
    }
  });

  it('has KPIs at the three levels, some with WHY, WHEN, HOW, WHO or a target missing', () => {
    const kpis = data.KPIs ?? [];
    expect(new Set(kpis.map((k) => k[1]))).toEqual(new Set(['Operational', 'Tactical', 'Goal']));
    expect(kpis.filter((k) => k.slice(2, 6).includes('') || k[7] === '')).toHaveLength(2);
  });

  it('logs fourteen weeks of three KPIs, one of which shifts for good halfway', () => {
    const log = data['KPI log'] ?? [];
    const byKpi = new Map<unknown, number[]>();
    for (const [, kpi, value] of log) byKpi.set(kpi, [...(byKpi.get(kpi) ?? []), value as number]);
    expect([...byKpi.values()].map((v) => v.length)).toEqual([14, 14, 14]);
    const rated = byKpi.get('Leads fully rated (%)') ?? [];
    expect(Math.min(...rated.slice(6))).toBeGreaterThan(Math.max(...rated.slice(0, 6)));
    expect(log.map(([date]) => String(date)).every((d) => d <= TODAY)).toBe(true);
  });

  it('has improvements at different stages, one walked from too few opportunities to its root cause', () => {
    const items = records('Improvements');
    expect(new Set(items.map((i) => i.Stage)).size).toBeGreaterThanOrEqual(3);
    const chain = items.find((i) => String(i.Problem).includes('Too few opportunities'));
    expect(chain?.['Root cause']).toMatch(/target accounts/);
    expect(chain?.['Feedback KPI']).toBe('Hit rate, last 90 days (%)');
  });

  it('maps internal customers, with information that goes through a second party and some nobody provides', () => {
    const rows = records('Internal customers');
    expect(rows.some((r) => r.Via !== '')).toBe(true);
    expect(rows.some((r) => r.Provided === 'No')).toBe(true);
  });

  it('counts calendar days across month ends', () => {
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('dist/SampleData.html: the sample rows, read only when the sample is set up', () => {
  const file = path.join(DIST, 'SampleData.html');

  it('is what the generator writes, and Code.js holds none of it', () => {
    expect(readFileSync(file, 'utf8')).toBe(sampleDataJson());
    const code = readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    for (const text of ['Nordvik', 'Signed after the site visit', 'Too few opportunities', 'Ready buyer']) {
      expect(code.includes(text), text).toBe(false);
    }
  });

  it('holds dates as days from today and formula columns as placeholders, which the loader resolves', () => {
    const formula = '=COUNT({{Leads!Score}})/COUNTA({{KPI log!By}})';
    const json = JSON.stringify({ KPIs: [['a', { day: -1 }, { day: 0 }, formula, 3, 2.5, '']] });
    expect(parseSampleData(json, '2024-03-01', (tab, header) => `${tab}:${header}`)).toEqual({
      KPIs: [['a', '2024-02-29', '2024-03-01', '=COUNT(Leads:Score)/COUNTA(KPI log:By)', 3, 2.5, '']],
    });
  });

  it("is what Set up workbook with sample data writes, dated from today in the spreadsheet's time zone", () => {
    const timeZone = 'Pacific/Kiritimati'; // UTC+14: for most of the day its date is not UTC's
    const workbook = createWorkbook({ timeZone });
    run(workbook, 'setupWorkbookWithSampleData');
    const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone }); // en-CA writes YYYY-MM-DD
    const ref = (tab: string, header: string) => openRange(columnOf(workbook, tab, header), undefined, 2, tab);
    const expected = parseSampleData(readFileSync(file, 'utf8'), isoDay.format(new Date()), ref);
    for (const [tab, rows] of Object.entries(expected)) {
      const [, ...values] = workbook.values(tab);
      const [, ...formulas] = workbook.formulas(tab);
      const columns = inputHeaders(TABS.find((t) => t.name === tab) ?? LEADS_TAB).map((h) =>
        columnOf(workbook, tab, h),
      );
      const written = values.map((row, r) =>
        columns.map(
          (c) => formulas[r][c - 1] || (row[c - 1] instanceof Date ? isoDay.format(row[c - 1] as Date) : row[c - 1]),
        ),
      );
      expect(written, tab).toEqual(rows);
    }
  });
});

describe('the sample workbook tells one story: every KPI that the data can measure is computed from it', () => {
  const sheets = compute(sampleWorkbook());
  const kpis = computedRecords(sheets.KPIs);
  const all = computedRecords(sheets.Leads);
  const actual = (name: string) => kpis.find((k) => k.KPI === name)?.Actual;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const serial = (value: unknown) => (value instanceof Date ? value.getTime() / 86_400_000 : Number.NaN);

  it('hit rate of the last 90 days', () => {
    const today = Date.now() / 86_400_000;
    const recent = all.filter((l) => today - serial(l.Closed) <= 91);
    const won = recent.filter((l) => l.Status === 'Won').length;
    const lost = recent.filter((l) => l.Status === 'Lost').length;
    expect(won + lost).toBeGreaterThan(5);
    expect(actual('Hit rate, last 90 days (%)')).toBeCloseTo(round1((100 * won) / (won + lost)), 1);
  });

  it('share of fully rated leads, and days from lead to decision', () => {
    const rated = all.filter((l) => typeof l.Score === 'number').length;
    expect(actual('Leads fully rated (%)')).toBe(round1((100 * rated) / all.length));
    const decided = all.filter((l) => l.Status === 'Won' || l.Status === 'Lost');
    const days = decided.reduce((sum, l) => sum + serial(l.Closed) - serial(l.Created), 0) / decided.length;
    expect(actual('Days from lead to decision')).toBeCloseTo(round1(days), 1);
  });

  it('marketing budget in sweet-spot segments', () => {
    const segments = computedRecords(sheets.Segments);
    const total = segments.reduce((sum, s) => sum + Number(s.Marketing), 0);
    const sweet = segments.filter((s) => s.Verdict === 'Sweet spot').reduce((sum, s) => sum + Number(s.Marketing), 0);
    expect(actual('Marketing budget in sweet-spot segments (%)')).toBe(round1((100 * sweet) / total));
  });
});
