import { describe, expect, it } from 'vitest';
import { type ImprovementItem, improvePanelOf } from '../../src/client/panels/improve-model';
import { kpisPanelOf } from '../../src/client/panels/kpis-model';
import type { ImproveData, KpisData, SaveImprovementRequest } from '../../src/shared/sidebar-api';
import { call, records, run, sampleWorkbook, type Workbook } from './harness';

const WRITES = /^(?:Range\.setValues|Sheet\.appendRow)$/;
const BUSY = 'Someone else is saving to this workbook right now; nothing was written. Try again in a moment.';
const today = () => new Date().toISOString().slice(0, 10);
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

function itemRow(workbook: Workbook, id: string) {
  return records(workbook, 'Improvements').find((r) => r.ID === id) as Record<string, unknown>;
}

/** The Improve panel as the sidebar reads it from the server's data. */
const panel = (workbook: Workbook) => improvePanelOf(call<ImproveData>(workbook, 'getImprovePanel'));
const item = (workbook: Workbook, id: string) => panel(workbook).items.find((i) => i.id === id) as ImprovementItem;

function walkOf(opened: ImprovementItem, change: Partial<SaveImprovementRequest['walk']> = {}): SaveImprovementRequest {
  const { whys, rootCause, action, owner, due, feedbackKpi, stage, result } = opened;
  return {
    id: opened.id,
    version: opened.version,
    walk: { whys, rootCause, action, owner, due, feedbackKpi, stage, result, ...change },
  };
}

const FIVE_WHYS = [
  'Reps call whoever answers first',
  'Nobody ranks the new leads',
  'The scores are not looked at',
  'The Leads panel is not part of the Monday meeting',
  'The meeting agenda was written before the add-on',
];

describe('getImprovePanel', () => {
  it('sends every Improvements row as its input cells, days as YYYY-MM-DD, and no Date', () => {
    const data = call<ImproveData>(sampleWorkbook(), 'getImprovePanel');
    expect(data.headers.slice(0, 5)).toEqual(['ID', 'Raised', 'Raised by', 'Problem', 'Why 1']);
    expect(data.rows).toHaveLength(4);
    expect(data.rows.map((cells) => cells[0])).toEqual(['I-001', 'I-002', 'I-003', 'I-004']);
    expect(data.rows[0][1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.rows.every((cells) => cells.length === data.headers.length)).toBe(true);
  });
});

describe('the Improve panel', () => {
  it('lists the sample items by stage, oldest first, with their lint, owners, KPIs and run charts', () => {
    const data = panel(sampleWorkbook());
    expect(data.items.map((i) => [i.id, i.stage])).toEqual([
      ['I-003', 'Plan'],
      ['I-004', 'Plan'],
      ['I-001', 'Check'],
      ['I-002', 'Act'],
    ]);
    expect(data.today).toBe(today());
    const first = data.items.find((i) => i.id === 'I-001') as ImprovementItem;
    expect(first.whys.filter(Boolean)).toHaveLength(4);
    expect(first.rootCause).toMatch(/^No defined target accounts/);
    expect(first.lint).toEqual([expect.stringMatching(/^due \d{4}-\d{2}-\d{2} has passed$/)]);
    expect(data.owners).toContain('Anna Berg');
    expect(data.kpis).toContain('Leads fully rated (%)');
    const chart = data.charts['Leads fully rated (%)'];
    expect(chart.points).toHaveLength(14);
    expect(chart.points.map((p) => p.value).slice(0, 3)).toEqual([82, 85, 81]);
    expect(chart.points[13].date).toBe(today());
    expect(chart.signal).toBe('signal: 8 in a row above the centre');
    expect(chart.centre).toBeCloseTo(1245 / 14, 9);
  });
});

describe('raiseProblem', () => {
  it('appends the problem at Plan with the next id, raised today, and nothing else', () => {
    const workbook = sampleWorkbook();
    const result = call(workbook, 'raiseProblem', { problem: ' Quotes take a week ', raisedBy: 'Erik Sand' });
    expect(result).toEqual({ ok: true, row: 6, id: 'I-005' });
    const row = itemRow(workbook, 'I-005');
    expect(day(row.Raised)).toBe(today());
    expect(row).toMatchObject({ Problem: 'Quotes take a week', 'Raised by': 'Erik Sand', Stage: 'Plan' });
    expect(row['Why 1']).toBe('');
    expect(call(workbook, 'raiseProblem', { problem: 'Second', raisedBy: 'Anna Berg' })).toMatchObject({ id: 'I-006' });
  });

  it('numbers after the highest id present, wherever it is', () => {
    const workbook = sampleWorkbook();
    workbook.write('Improvements', 3, 1, [['I-041']]);
    expect(call(workbook, 'raiseProblem', { problem: 'x', raisedBy: 'y' })).toMatchObject({ id: 'I-042' });
  });

  it('refuses a problem without text or a name, writing nothing', () => {
    const workbook = sampleWorkbook();
    const before = workbook.snapshot();
    expect(call(workbook, 'raiseProblem', { problem: ' ', raisedBy: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'Problem', message: 'Problem is required' },
        { field: 'Raised by', message: 'Raised by is required' },
      ],
    });
    expect(call(workbook, 'raiseProblem', null)).toMatchObject({ ok: false });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('stores hostile text as the text typed', () => {
    const workbook = sampleWorkbook();
    const problem = '=HYPERLINK("http://evil.example","click")';
    const { id } = call<{ id: string }>(workbook, 'raiseProblem', { problem, raisedBy: '+46 70 1' });
    expect(itemRow(workbook, id)).toMatchObject({ Problem: problem, 'Raised by': '+46 70 1' });
    expect(
      workbook
        .formulas('Improvements')
        .flat()
        .filter((f) => f.includes('HYPERLINK')),
    ).toEqual([]);
  });

  it('fails with the busy message and writes nothing while another execution holds the lock', () => {
    const workbook = sampleWorkbook();
    let inner: unknown;
    run(workbook, 'raiseProblem', [{ problem: 'First', raisedBy: 'A' }], {
      onServiceCall: (method) => {
        if (WRITES.test(method) && inner === undefined) {
          try {
            inner = run(workbook, 'raiseProblem', [{ problem: 'Second', raisedBy: 'B' }]).result;
          } catch (error) {
            inner = (error as Error).message;
          }
        }
      },
    });
    expect(inner).toBe(BUSY);
    const problems = records(workbook, 'Improvements').map((r) => r.Problem);
    expect(problems).toContain('First');
    expect(problems).not.toContain('Second');
  });
});

describe('saveImprovement', () => {
  it('walks a raised problem: five whys, root cause, an action with owner, due date and KPI', () => {
    const workbook = sampleWorkbook();
    const { id } = call<{ id: string }>(workbook, 'raiseProblem', {
      problem: 'We call the wrong leads',
      raisedBy: 'Sara',
    });
    const opened = item(workbook, id);
    const request = walkOf(opened, {
      whys: FIVE_WHYS,
      rootCause: 'The weekly meeting has no place for the scores',
      action: 'Open every Monday meeting with the top leads list',
      owner: 'Maria Holm',
      due: '2030-01-15',
      feedbackKpi: 'Hit rate, last 90 days (%)',
      stage: 'Do',
    });
    expect(call(workbook, 'saveImprovement', request)).toEqual({ ok: true, row: 6, id });
    const row = itemRow(workbook, id);
    expect([1, 2, 3, 4, 5].map((n) => row[`Why ${n}`])).toEqual(FIVE_WHYS);
    expect(row).toMatchObject({ Owner: 'Maria Holm', Stage: 'Do', 'Feedback KPI': 'Hit rate, last 90 days (%)' });
    expect(day(row.Due)).toBe('2030-01-15');
    expect(row).toMatchObject({ Problem: 'We call the wrong leads', 'Raised by': 'Sara' });
    const after = item(workbook, id);
    expect(after.lint).toEqual([]);
    expect(after.version).not.toBe(opened.version);
  });

  it('finds the item by id after a sort moved its row', () => {
    const workbook = sampleWorkbook();
    const opened = item(workbook, 'I-003');
    const [header, ...rows] = workbook.values('Improvements');
    const data = rows.filter((r) => r.some((v) => v !== ''));
    workbook.write('Improvements', 1, 1, [header, ...data.reverse()]);
    const result = call(workbook, 'saveImprovement', walkOf(opened, { whys: [...opened.whys.slice(0, 2), 'Third'] }));
    expect(result).toEqual({ ok: true, row: 3, id: 'I-003' });
    expect(itemRow(workbook, 'I-003')['Why 3']).toBe('Third');
    expect(itemRow(workbook, 'I-004')['Why 3']).toBe('');
  });

  it('writes nothing when someone changed the row since it was opened, and says so', () => {
    const workbook = sampleWorkbook();
    const opened = item(workbook, 'I-003');
    const row = opened.row;
    workbook.write('Improvements', row, 11, [['Someone else typed an action']]);
    const before = workbook.snapshot();
    const result = call(workbook, 'saveImprovement', walkOf(opened, { rootCause: 'Mine' }));
    expect(result).toEqual({
      ok: false,
      conflict:
        'I-003 was changed in the sheet since you opened it; nothing was saved. Reload it to see what changed (what you typed stays here).',
    });
    expect(workbook.snapshot()).toEqual(before);
    // Reopened, the same walk goes through.
    expect(call(workbook, 'saveImprovement', walkOf(item(workbook, 'I-003'), { rootCause: 'Mine' }))).toMatchObject({
      ok: true,
    });
  });

  it('says so when the item is gone or its id is on two rows', () => {
    const workbook = sampleWorkbook();
    const opened = item(workbook, 'I-004');
    workbook.write('Improvements', opened.row, 1, [['I-099']]);
    expect(call(workbook, 'saveImprovement', walkOf(opened))).toEqual({
      ok: false,
      conflict: 'I-004 is no longer in the Improvements tab; nothing was saved.',
    });
    expect(call(workbook, 'saveImprovement', { ...walkOf(opened), id: ' ' })).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^This item has no ID/),
    });
    workbook.write('Improvements', opened.row, 1, [['I-003']]);
    expect(call(workbook, 'saveImprovement', walkOf(item(workbook, 'I-003')))).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Rows \d and \d of Improvements both have ID I-003/),
    });
  });

  it('validates first and writes nothing on a bad owner, KPI, stage, date or a gap in the whys', () => {
    const workbook = sampleWorkbook();
    const before = workbook.snapshot();
    const opened = item(workbook, 'I-004');
    const result = call(
      workbook,
      'saveImprovement',
      walkOf(opened, {
        whys: ['a', '', 'c', '', ''],
        owner: 'Nobody',
        feedbackKpi: 'Mood',
        stage: 'Someday',
        due: '2030-02-30',
      }),
    );
    expect(result).toMatchObject({ ok: false });
    expect((result as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'Why 3',
      'Owner',
      'Due',
      'Feedback KPI',
      'Stage',
    ]);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('stores hostile text in every walked field as the text typed', () => {
    const workbook = sampleWorkbook();
    const hostile = '=HYPERLINK("http://evil.example","x")';
    const opened = item(workbook, 'I-004');
    const request = walkOf(opened, {
      whys: [hostile, '@here', '007', 'TRUE', '-1'],
      rootCause: hostile,
      action: '+1 call',
      result: "'quoted",
    });
    expect(call(workbook, 'saveImprovement', request)).toMatchObject({ ok: true });
    const row = itemRow(workbook, 'I-004');
    expect([1, 2, 3, 4, 5].map((n) => row[`Why ${n}`])).toEqual([hostile, '@here', '007', 'TRUE', '-1']);
    expect([row['Root cause'], row.Action, row.Result]).toEqual([hostile, '+1 call', "'quoted"]);
    expect(
      workbook
        .formulas('Improvements')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    // The stored text reads back as the same item: a second save of it is not a conflict.
    expect(call(workbook, 'saveImprovement', walkOf(item(workbook, 'I-004')))).toMatchObject({ ok: true });
  });

  it('saves under the document lock: a save while another holds it is refused and writes nothing', () => {
    const workbook = sampleWorkbook();
    const opened = item(workbook, 'I-003');
    let inner: unknown;
    run(workbook, 'raiseProblem', [{ problem: 'First', raisedBy: 'A' }], {
      onServiceCall: (method) => {
        if (WRITES.test(method) && inner === undefined) {
          try {
            inner = run(workbook, 'saveImprovement', [walkOf(opened, { rootCause: 'Locked out' })]).result;
          } catch (error) {
            inner = (error as Error).message;
          }
        }
      },
    });
    expect(inner).toBe(BUSY);
    expect(itemRow(workbook, 'I-003')['Root cause']).toBe('');
  });
});

describe('the KPIs panel', () => {
  it('gives each KPI its run chart from the KPI log and the Internal customers lint', () => {
    const data = kpisPanelOf(call<KpisData>(sampleWorkbook(), 'getKpisPanel'));
    const rated = data.kpis.find((k) => k.kpi === 'Leads fully rated (%)');
    expect(rated?.chart.points).toHaveLength(14);
    expect(rated?.chart.signal).toBe('signal: 8 in a row above the centre');
    const reply = data.kpis.find((k) => k.kpi.startsWith('First reply'));
    expect(reply?.chart.signal).toBe('routine variation');
    const margin = data.kpis.find((k) => k.kpi.startsWith('Gross margin'));
    expect(margin?.chart).toEqual({
      points: [],
      centre: null,
      lower: null,
      upper: null,
      signal: 'needs 5 values (has 0)',
    });
    expect(data.customers.map((c) => [c.kind, c.subject])).toEqual([
      ['via', 'Customer specifications'],
      ['partly provided', 'Customer specifications'],
      ['via', 'Promised delivery dates'],
      ['not provided', 'Reasons deals were lost'],
      ['unknown receiver', 'Leads fully rated (%)'],
      ['unknown receiver', 'First reply within a working day (%)'],
      ['unknown receiver', 'Hit rate, last 90 days (%)'],
      ['unknown receiver', 'Gross margin from new customers (kEUR)'],
    ]);
  });
});
