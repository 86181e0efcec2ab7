/**
 * Sample data of every sidebar panel as it shows it, and as the server would send it where the sidebar computes the
 * rest itself (`..._DATA`). No test framework here: scripts may use it too.
 */

import type { ImprovementItem, ImprovePanel } from '../../src/client/panels/improve-model';
import type { KpisPanel } from '../../src/client/panels/kpis-model';
import type { SegmentsPanel } from '../../src/client/panels/segments-model';
import type { TeamPanel } from '../../src/client/panels/team-model';
import { FACTORS } from '../../src/core/factors';
import { IMPROVEMENTS_TAB, inputHeaders } from '../../src/shared/schema';
import type {
  FactorInfo,
  ImproveData,
  KpisData,
  LeadRecord,
  LeadsPanel,
  RunChartData,
  SegmentsData,
  TeamData,
  WebgraphPanel,
} from '../../src/shared/sidebar-api';

export const XSS = '<img src=x onerror=alert(1)>';

const FACTOR_INFO: FactorInfo[] = FACTORS.map((f) => ({ ...f, weight: 1 }));

export const LEADS: LeadsPanel = {
  factors: FACTOR_INFO,
  owners: ['Ana', 'Ben'],
  segments: ['SMB', 'Enterprise'],
  campaigns: ['Spring webinar'],
  top: [
    {
      row: 12,
      lead: 'L-0011',
      company: 'Acme AB',
      owner: 'Ana',
      status: 'Qualified',
      score: 87.5,
      rated: 'rated 12 days ago',
    },
    { row: 7, lead: 'L-0006', company: 'Beta Oy', owner: 'Ben', status: 'New', score: 70, rated: 'never rated' },
  ],
  defects: [
    {
      row: 9,
      lead: 'L-0008',
      company: 'Gamma AS',
      owner: 'Ben',
      column: 'Interest',
      defect: 'incomplete 8/10 rated: Interest, Competition',
    },
    { row: 10, lead: 'L-0009', company: 'Acme  ab', owner: 'Ana', column: 'Company', defect: 'Same company as L-0011' },
    {
      row: 10,
      lead: 'L-0009',
      company: 'Acme  ab',
      owner: 'Ana',
      column: 'Closed',
      defect: 'Won without a Closed date',
    },
  ],
  stale: [
    { row: 7, lead: 'L-0006', company: 'Beta Oy', owner: 'Ben', days: null, age: 'never rated' },
    { row: 5, lead: 'L-0004', company: 'Delta AB', owner: 'Ana', days: 120, age: 'rated 120 days ago' },
  ],
  rerateAfterDays: 90,
  deviations: [
    {
      row: 4,
      lead: 'L-0003',
      company: 'Epsilon SA',
      owner: 'Ana',
      deviation: 'Status Won, but the rule says not qualified: score 40 (at least 60)',
    },
  ],
  rule: { minScore: 60, gates: [null, null, 2, null, null, null, null, null, null, null] },
  problems: [],
};

/** A lead as getLead loads it for editing. */
export const LEAD_RECORD: LeadRecord = {
  row: 12,
  lead: 'L-0011',
  company: 'Acme AB',
  contact: 'Eva Ek',
  owner: 'Ana',
  segment: 'SMB',
  campaign: '',
  notes: 'Met at the fair',
  ratings: [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
  status: 'Qualified',
  closed: '',
  rated: '2026-08-01',
  cells: { Lead: 'L-0011', Company: 'Acme AB', Interest: 1 },
};

export const WEBGRAPH: WebgraphPanel = {
  factors: FACTOR_INFO,
  profiles: [
    { name: 'Ideal SMB', values: [1, 2, 1, 4, 1, 1, 2, 3, 2, 1] },
    { name: 'Half done', values: [1, 2, null, 4, 1, 1, 2, 3, 2, 1] },
  ],
  campaigns: [
    { name: 'Spring webinar', values: [1, 2, 1, 1, 4, 1, 2, 3, 2, 1] },
    { name: 'Trade fair', values: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] },
  ],
  leads: [{ name: 'L-0011 Acme AB', values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }],
};

export const SEGMENTS: SegmentsPanel = {
  segments: [
    {
      segment: 'Low/Std',
      price: 'Low',
      complexity: 'Standard',
      inMarket: true,
      sales: 10,
      marketing: 8,
      verdict: 'Sweet spot',
    },
    {
      segment: 'Low/Cx',
      price: 'Low',
      complexity: 'Complex',
      inMarket: true,
      sales: 0,
      marketing: 6,
      verdict: 'Uncaptured lead',
    },
    {
      segment: 'High/Std',
      price: 'High',
      complexity: 'Standard',
      inMarket: true,
      sales: 7,
      marketing: 0,
      verdict: 'Lead deficit',
    },
    {
      segment: 'High/Cx',
      price: 'High',
      complexity: 'Complex',
      inMarket: true,
      sales: 0,
      marketing: 0,
      verdict: 'White spot',
    },
    {
      segment: 'Mid/Std',
      price: 'Mid',
      complexity: 'Standard',
      inMarket: false,
      sales: 5,
      marketing: 0,
      verdict: 'Ineffective strategy',
    },
    { segment: 'Mid/Cx', price: 'Mid', complexity: 'Complex', inMarket: false, sales: 0, marketing: 0, verdict: '' },
  ],
  overlap: 41.5,
  threshold: 1 / 12,
};

export const TEAM: TeamPanel = {
  reps: [
    { rep: 'Ana', won: 13, lost: 17, rate: 13 / 30, low: 0.27, high: 0.61, vsTeam: 'within' },
    { rep: 'Ben', won: 10, lost: 20, rate: 1 / 3, low: 0.19, high: 0.51, vsTeam: 'within' },
    { rep: 'Cy', won: 0, lost: 0, rate: null, low: null, high: null, vsTeam: '' },
  ],
  teamRate: 23 / 60,
};

const week = (n: number) => new Date(Date.UTC(2026, 0, 5 + 7 * n)).toISOString().slice(0, 10);

/** Twelve weeks of routine variation. */
const HIT_RATE_CHART: RunChartData = {
  points: [0.36, 0.4, 0.35, 0.39, 0.37, 0.41, 0.34, 0.38, 0.36, 0.4, 0.37, 0.38].map((value, n) => ({
    date: week(n),
    value,
  })),
  centre: 0.3758,
  lower: 0.2988,
  upper: 0.4529,
  signal: 'routine variation',
};

/** Fourteen weeks with a shift up after week six: eight in a row above the centre. */
export const SHIFT_CHART: RunChartData = {
  points: [82, 85, 81, 84, 83, 86, 91, 93, 92, 94, 93, 95, 92, 94].map((value, n) => ({ date: week(n), value })),
  centre: 88.93,
  lower: 80.34,
  upper: 97.51,
  signal: 'signal: 8 in a row above the centre',
};

export const KPIS: KpisPanel = {
  kpis: [
    {
      row: 2,
      kpi: 'Hit rate',
      level: 'Tactical',
      why: 'Win more of what we quote',
      when: 'Monthly',
      how: 'HITRATE over Team',
      who: 'Sales manager',
      direction: 'higher',
      target: 0.35,
      actual: 0.38,
      status: 'on track',
      chart: HIT_RATE_CHART,
    },
    {
      row: 3,
      kpi: 'Lead defects',
      level: 'Operational',
      why: '',
      when: 'Weekly',
      how: '',
      who: '',
      direction: 'lower',
      target: 5,
      actual: 9,
      status: 'off track',
      chart: SHIFT_CHART,
    },
    {
      row: 4,
      kpi: 'Calls per day',
      level: 'Operational',
      why: '',
      when: '',
      how: '',
      who: '',
      direction: 'higher',
      target: '',
      actual: 40,
      status: '',
      chart: {
        points: [{ date: '2026-03-02', value: 40 }],
        centre: null,
        lower: null,
        upper: null,
        signal: 'needs 5 values (has 1)',
      },
    },
  ],
  lint: [
    { row: 3, kpi: 'Lead defects', missing: ['Why', 'How', 'Who'] },
    { row: 4, kpi: 'Calls per day', missing: ['Why', 'When', 'How', 'Who', 'Target'] },
  ],
  customers: [
    {
      kind: 'via',
      tab: 'Internal customers',
      row: 3,
      subject: 'Customer specifications',
      text: 'reaches Engineering through Project lead: should it go directly?',
    },
    {
      kind: 'not provided',
      tab: 'Internal customers',
      row: 5,
      subject: XSS,
      text: 'Product management needs it and does not get it: a white spot',
    },
    {
      kind: 'unknown receiver',
      tab: 'KPIs',
      row: 2,
      subject: 'Hit rate',
      text: 'its Who, Sales manager, is not a receiver in Internal customers',
    },
  ],
};

const walkOf = (item: Partial<ImprovementItem>): ImprovementItem => ({
  row: 2,
  id: 'I-001',
  raised: '2026-01-05',
  raisedBy: 'Ana',
  problem: 'Too few opportunities',
  whys: ['', '', '', '', ''],
  rootCause: '',
  action: '',
  owner: '',
  due: '',
  feedbackKpi: '',
  stage: 'Plan',
  result: '',
  version: 'v1',
  lint: [],
  ...item,
});

export const IMPROVE: ImprovePanel = {
  items: [
    walkOf({
      row: 4,
      id: 'I-003',
      raised: '2026-02-01',
      problem: 'We lose tenders on price',
      whys: ['Compared line by line', '', '', '', ''],
    }),
    walkOf({ row: 5, id: 'I-004', raised: '2026-03-01', problem: XSS, raisedBy: XSS }),
    walkOf({
      row: 2,
      id: 'I-001',
      whys: ['Reps chase leads that never buy', 'Every contact is a lead', 'No target accounts', '', ''],
      rootCause: 'No defined target accounts',
      action: 'Write down the target profiles',
      owner: 'Ana',
      due: '2026-02-01',
      feedbackKpi: 'Lead defects',
      stage: 'Check',
      lint: ['due 2026-02-01 has passed'],
    }),
  ],
  owners: ['Ana', 'Ben', 'Cy'],
  kpis: ['Hit rate', 'Lead defects', 'Calls per day'],
  charts: { 'Hit rate': HIT_RATE_CHART, 'Lead defects': SHIFT_CHART },
  today: '2026-04-06',
};

/** SEGMENTS as the server sends it: the sidebar adds the verdicts and the overlap. */
export const SEGMENTS_DATA: SegmentsData = { segments: SEGMENTS.segments.map(({ verdict: _, ...counts }) => counts) };

/** TEAM as the server sends it: the sidebar adds the rates. */
export const TEAM_DATA: TeamData = { reps: TEAM.reps.map(({ rep, won, lost }) => ({ rep, won, lost })) };

/** KPIS as the server sends it: the sidebar lints the KPIs and these Internal customers rows into KPIS' findings. */
export const KPIS_DATA: KpisData = {
  kpis: KPIS.kpis,
  internalCustomers: [
    { row: 2, information: 'Order forecast', receiver: 'Production', via: '', provided: 'yes' },
    {
      row: 3,
      information: 'Customer specifications',
      receiver: 'Engineering',
      via: 'Project lead',
      provided: 'yes',
    },
    { row: 4, information: '', receiver: '', via: '', provided: '' },
    { row: 5, information: XSS, receiver: 'Product management', via: '', provided: 'no' },
  ],
};

const IMPROVEMENT_HEADERS = inputHeaders(IMPROVEMENTS_TAB);
/** Each Improvements column's field (the whys aside). */
const FIELDS: Record<string, Exclude<keyof ImprovementItem, 'whys' | 'lint' | 'row' | 'version'>> = {
  ID: 'id',
  Raised: 'raised',
  'Raised by': 'raisedBy',
  Problem: 'problem',
  'Root cause': 'rootCause',
  Action: 'action',
  Owner: 'owner',
  Due: 'due',
  'Feedback KPI': 'feedbackKpi',
  Stage: 'stage',
  Result: 'result',
};

/** An Improve panel's items as the server sends them: each item's row of cells, blank rows between. */
export function improveData(panel: ImprovePanel): ImproveData {
  const cells = (item: ImprovementItem): string[] =>
    IMPROVEMENT_HEADERS.map((header) => {
      const why = /^Why (\d)$/.exec(header);
      return why ? item.whys[Number(why[1]) - 1] : item[FIELDS[header]];
    });
  const last = Math.max(1, ...panel.items.map((item) => item.row));
  const rows = Array.from({ length: last - 1 }, () => IMPROVEMENT_HEADERS.map(() => ''));
  for (const item of panel.items) rows[item.row - 2] = cells(item);
  const { owners, kpis, charts, today } = panel;
  return { headers: IMPROVEMENT_HEADERS, rows, owners, kpis, charts, today };
}

/** IMPROVE as the server sends it. */
export const IMPROVE_DATA: ImproveData = improveData(IMPROVE);
