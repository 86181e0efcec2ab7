import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORS } from '../../src/core/factors';
import { readQualifyRule } from '../../src/core/qualify';
import { ratingAge } from '../../src/core/stale-ratings';
import { leadLists, type Rows } from '../../src/server/panel-data';
import { headerColumns } from '../../src/server/store';
import type { LeadsPanel } from '../../src/shared/sidebar-api';
import { createWorkbook } from '../../workbench/emulator/apps-script-emulator';
import { formatDate } from '../../workbench/emulator/zoned-dates';
import { compute, computedRecords } from './engine';
import { call, columnOf, records, run, sampleWorkbook } from './harness';

// The server formats dates with Apps Script's Utilities; here the emulator's, which follows Apps Script.
const scope = globalThis as { Utilities?: unknown };
beforeAll(() => {
  scope.Utilities = { formatDate };
});
afterAll(() => {
  delete scope.Utilities;
});

const table = (header: string[], ...rows: unknown[][]): Rows => ({ columns: headerColumns(header), rows });
const HEADER = ['Lead', 'Company', 'Owner', 'Status', 'Rated', ...FACTORS.map((f) => f.name)];
const WEIGHTS = new Array(10).fill(1);
const OPTIONS = { weights: WEIGHTS, today: '2026-12-01', timeZone: 'Etc/UTC', rerateAfterDays: 90, rule: null };
const ones = new Array(10).fill(1);

describe('stale ratings', () => {
  it('lists an open lead from the day after Re-rate after days, not on the day itself', () => {
    const leads = table(
      HEADER,
      // 2026-09-02 is 90 days before 2026-12-01; 2026-09-01 is 91.
      ['L-1', 'On the day', 'Ann', 'New', '2026-09-02', ...ones],
      ['L-2', 'Day after', 'Ann', 'Qualified', '2026-09-01', ...ones],
      ['L-3', 'Closed', 'Ann', 'Won', '2026-01-01', ...ones],
      ['L-4', 'Never', 'Ann', '', '', ...ones],
      ['L-5', 'Typed', 'Ann', 'New', 'last spring', ...ones],
      ['', '', '', '', '', ...new Array(10).fill('')],
    );
    const { stale, top } = leadLists(leads, OPTIONS);
    expect(stale).toEqual([
      { row: 5, lead: 'L-4', company: 'Never', owner: 'Ann', days: null, age: 'never rated' },
      { row: 6, lead: 'L-5', company: 'Typed', owner: 'Ann', days: null, age: 'Rated is not a date: last spring' },
      { row: 3, lead: 'L-2', company: 'Day after', owner: 'Ann', days: 91, age: 'rated 91 days ago' },
    ]);
    expect(top.map((l) => [l.lead, l.rated])).toEqual([
      ['L-1', 'rated 90 days ago'],
      ['L-2', 'rated 91 days ago'],
      ['L-4', 'never rated'],
      ['L-5', 'Rated is not a date: last spring'],
    ]);
  });

  it('reads a Rated date in the spreadsheet time zone, not the machine one', () => {
    // 2026-09-01T09:30Z is 21:30 on 2026-09-01 in Auckland (UTC+12), 23:30 on 2026-08-31 in Honolulu (UTC-10).
    const instant = new Date('2026-09-01T09:30:00Z');
    const leads = table(HEADER, ['L-1', 'Kiwi', 'Ann', 'New', instant, ...ones]);
    const at = (timeZone: string, today: string) => leadLists(leads, { ...OPTIONS, timeZone, today });
    expect(at('Pacific/Auckland', '2026-12-01').stale.map((l) => l.days)).toEqual([91]);
    // In Honolulu the same instant is a day earlier: 91 days old one day earlier.
    expect(at('Pacific/Honolulu', '2026-11-30').stale.map((l) => l.days)).toEqual([91]);
    expect(at('Pacific/Honolulu', '2026-11-29').stale).toEqual([]);
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(ratingAge('2026-03-01', '2026-04-01', 30)).toEqual({ kind: 'dated', days: 31, stale: true });
    expect(ratingAge('2026-03-29', '2026-03-30', 0)).toEqual({ kind: 'dated', days: 1, stale: true });
    expect(ratingAge('2026-02-30', '2026-03-30', 0)).toEqual({ kind: 'invalid', text: '2026-02-30' });
  });
});

describe('information quality beyond ratings', () => {
  const QUALITY = [
    'Lead',
    'Company',
    'Owner',
    'Status',
    'Campaign',
    'Created',
    'Closed',
    'Rated',
    ...FACTORS.map((f) => f.name),
  ];
  const campaigns = [{ campaign: 'A1', start: '2026-03-01', end: '2026-03-31' }];

  it('lists a duplicate company, Won or Lost without Closed, Closed before Created and a lead outside its campaign, each at its cell', () => {
    const leads = table(
      QUALITY,
      ['L-1', 'Acme AB', 'Ann', 'New', '', '2026-02-01', '', '2026-02-01', ...ones],
      ['L-2', '  acme   ab ', 'Bob', 'New', '', '2026-02-02', '', '2026-02-02', ...ones],
      ['L-3', 'Won Co', 'Ann', 'Won', '', '2026-02-01', '', '2026-02-01', ...ones],
      ['L-4', 'Early Co', 'Bob', 'Lost', '', '2026-02-10', '2026-02-01', '2026-02-10', ...ones],
      ['L-5', 'Late Co', 'Ann', 'New', 'A1', '2026-04-02', '', '2026-04-02', ...ones],
      ['L-6', 'Fine Co', 'Ann', 'Won', 'a1', '2026-03-10', '2026-04-01', '2026-03-10', ...ones],
    );
    const { defects } = leadLists(leads, { ...OPTIONS, campaigns });
    expect(defects.map((d) => [d.row, d.lead, d.owner, d.column, d.defect])).toEqual([
      [2, 'L-1', 'Ann', 'Company', 'Same company as L-2'],
      [3, 'L-2', 'Bob', 'Company', 'Same company as L-1'],
      [4, 'L-3', 'Ann', 'Closed', 'Won without a Closed date'],
      [5, 'L-4', 'Bob', 'Closed', 'Closed 2026-02-01 is before Created 2026-02-10'],
      [6, 'L-5', 'Ann', 'Created', 'Created 2026-04-02, outside campaign A1 (2026-03-01 to 2026-03-31)'],
    ]);
  });

  it('reads date cells in the spreadsheet time zone, and names every other lead of a company', () => {
    const leads = table(
      QUALITY,
      [
        'L-1',
        'Kiwi',
        'Ann',
        'Lost',
        '',
        new Date('2026-03-01T00:30:00Z'),
        new Date('2026-02-28T23:00:00Z'),
        '',
        ...ones,
      ],
      ['L-2', 'Dup', 'Ann', 'New', '', '', '', '', ...ones],
      ['L-3', 'DUP', 'Ann', 'New', '', '', '', '', ...ones],
      ['L-4', 'd u p', 'Ann', 'New', '', '', '', '', ...ones],
    );
    // Closed 2026-02-28T23:00Z is before Created 2026-03-01T00:30Z by the UTC calendar, but in Auckland (UTC+13)
    // both are 2026-03-01: the same day, no defect.
    const utc = leadLists(leads, OPTIONS).defects.map((d) => d.defect);
    expect(utc[0]).toBe('Closed 2026-02-28 is before Created 2026-03-01');
    const { defects } = leadLists(leads, { ...OPTIONS, timeZone: 'Pacific/Auckland' });
    expect(defects.map((d) => d.defect)).toEqual([
      'Same company as L-3 and L-4',
      'Same company as L-2 and L-4',
      'Same company as L-2 and L-3',
    ]);
  });
});

describe('rule deviations', () => {
  const rule = readQualifyRule(
    60,
    [[''], [''], [2], [''], [''], [''], [''], [''], [''], ['']],
    WEIGHTS.map((w) => [w]),
  );

  it('lists Qualified or Won leads the rule does not qualify and Disqualified leads it does, from the ratings', () => {
    const leads = table(
      HEADER,
      ['L-1', 'Good but Disqualified', 'Ann', 'Disqualified', '2026-11-01', ...ones],
      ['L-2', 'Weak but Qualified', 'Ann', 'Qualified', '2026-11-01', ...new Array(10).fill(4)],
      ['L-3', 'Gate but Won', 'Ann', 'won', '2026-11-01', 1, 1, 3, 1, 1, 1, 1, 1, 1, 1],
      ['L-4', 'Good and Qualified', 'Ann', 'Qualified', '2026-11-01', ...ones],
      ['L-5', 'Weak and New', 'Ann', 'New', '2026-11-01', ...new Array(10).fill(5)],
      ['L-6', 'Incomplete but Won', 'Ann', 'Won', '2026-11-01', '', ...new Array(9).fill(5)],
      ['L-7', 'Weak and Disqualified', 'Ann', 'Disqualified', '2026-11-01', ...new Array(10).fill(5)],
    );
    const { deviations } = leadLists(leads, { ...OPTIONS, rule });
    expect(deviations).toEqual([
      {
        row: 2,
        lead: 'L-1',
        company: 'Good but Disqualified',
        owner: 'Ann',
        deviation: 'Status Disqualified, but the rule says qualified',
      },
      {
        row: 3,
        lead: 'L-2',
        company: 'Weak but Qualified',
        owner: 'Ann',
        deviation: 'Status Qualified, but the rule says not qualified: Authority 4 (at most 2), score 25 (at least 60)',
      },
      {
        row: 4,
        lead: 'L-3',
        company: 'Gate but Won',
        owner: 'Ann',
        deviation: 'Status won, but the rule says not qualified: Authority 3 (at most 2)',
      },
    ]);
  });

  it('lists none without a rule', () => {
    const leads = table(HEADER, ['L-1', 'X', 'Ann', 'Disqualified', '', ...ones]);
    expect(leadLists(leads, OPTIONS).deviations).toEqual([]);
  });
});

describe('in the spreadsheet time zone, through the bundle', () => {
  /** Today's calendar day in `timeZone`, `days` days back. */
  const dayIn = (timeZone: string, days = 0) => {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date())
      .split('-')
      .map(Number);
    return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
  };

  it('lists a lead rated Re-rate after days + 1 ago, not one rated exactly that long ago, by the sheet calendar', () => {
    // UTC+14: its calendar day differs from the machine's (UTC) for 14 hours of every day.
    const zone = 'Pacific/Kiritimati';
    const workbook = createWorkbook({ timeZone: zone });
    run(workbook, 'setupWorkbookWithSampleData');
    const rated = columnOf(workbook, 'Leads', 'Rated');
    const leads = records(workbook, 'Leads');
    const open = leads.map((l, i) => ({ l, row: i + 2 })).filter(({ l }) => l.Status === 'New' && l.Company !== '');
    // Every open lead rated today, then two of them at the boundary.
    for (const { row } of open) workbook.write('Leads', row, rated, [[dayIn(zone)]]);
    workbook.write('Leads', open[0].row, rated, [[dayIn(zone, 90)]]);
    workbook.write('Leads', open[1].row, rated, [[dayIn(zone, 91)]]);
    const panel = call<LeadsPanel>(workbook, 'getLeadsPanel');
    const dated = panel.stale.filter((s) => s.days !== null);
    expect(dated.map((s) => [s.lead, s.days])).toEqual([[open[1].l.Lead, 91]]);
    expect(panel.stale.map((s) => s.lead)).not.toContain(open[0].l.Lead);
  });
});

describe('deviations in the sample workbook', () => {
  it('are exactly the leads whose Status the Rule column (QUALIFY, computed by the engine) contradicts', () => {
    const workbook = sampleWorkbook();
    // Two deviations for sure: an open lead marked Won against the rule, and a qualified one marked Disqualified.
    const sheets = compute(workbook);
    const leads = computedRecords(sheets.Leads).filter((l) => l.Lead !== '');
    const status = columnOf(workbook, 'Leads', 'Status');
    const notQualified = leads.findIndex((l) => String(l.Rule).startsWith('not qualified') && l.Status === 'New');
    const qualified = leads.findIndex((l) => l.Rule === 'qualified' && l.Status === 'New');
    workbook.write('Leads', notQualified + 2, status, [['Won']]);
    workbook.write('Leads', qualified + 2, status, [['Disqualified']]);
    const computed = computedRecords(compute(workbook).Leads).filter((l) => l.Lead !== '');
    const expected = computed
      .filter(
        (l) =>
          (['Qualified', 'Won'].includes(String(l.Status)) && String(l.Rule).startsWith('not qualified')) ||
          (l.Status === 'Disqualified' && l.Rule === 'qualified'),
      )
      .map((l) => l.Lead);
    const panel = call<LeadsPanel>(workbook, 'getLeadsPanel');
    expect(panel.deviations.map((d) => d.lead)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining([leads[notQualified].Lead, leads[qualified].Lead]));
    const won = panel.deviations.find((d) => d.lead === leads[notQualified].Lead);
    expect(won?.deviation).toBe(`Status Won, but the rule says ${computed[notQualified].Rule}`);
    expect(panel.rule).toMatchObject({ minScore: 60 });
  });
});
