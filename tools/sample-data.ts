/**
 * Writes dist/SampleData.html at build time: a small B2B team's last six months, generated from a seed, its dates
 * as days from today and its formulas' columns as placeholders, which src/server/sample.ts resolves when the
 * sample is set up, so that every number the workbook shows agrees with the data.
 */

import { FACTOR_COUNT } from '../src/core/factors';
import { LEAD_STATUS } from '../src/core/lead-statuses';
import { type ColumnRef, columnPlaceholder, type SampleDay } from '../src/server/sample';
import {
  CAMPAIGNS_TAB,
  IMPROVEMENTS_TAB,
  INTERNAL_CUSTOMERS_TAB,
  KPI_LOG_TAB,
  KPIS_TAB,
  LEADS_TAB,
  PROFILES_TAB,
  SEGMENTS_TAB,
  TEAM_TAB,
} from '../src/shared/schema';

const REPS = ['Anna Berg', 'Jonas Lind', 'Maria Holm', 'Erik Sand', 'Sara Nord'];
/** S2 and S4 sell the complex solutions; S1 is outside the target market. */
const SEGMENTS = [
  ['S1', 'Low', 'Low', false],
  ['S2', 'Low', 'High', true],
  ['S3', 'High', 'Low', true],
  ['S4', 'High', 'High', true],
] as const;
/** Campaign, goal, segment, first and last day (relative to today), budget, and its ten target ratings. */
const CAMPAIGNS = [
  ['A1', 'Webinar series for first-time buyers', 'S1', -165, -60, 30000, [3, 4, 2, 4, 1, 2, 2, 4, 3, 4]],
  ['A2', 'Trade fair follow-up for engineering firms', 'S2', -140, -100, 25000, [2, 2, 3, 2, 4, 2, 3, 3, 4, 3]],
  ['A3', 'Newsletter to existing customers', 'S3', -150, 30, 15000, [2, 2, 2, 2, 2, 1.5, 2, 2, 3, 1]],
  ['A4', 'Round-table on complex deployments', 'S4', -90, -88, 5000, [1.5, 2, 1, 1, 4, 2, 2, 2, 3, 2]],
] as const;
/** The factors that really decide a deal in this sample (Maturity, Authority, Interest); the others are noise. */
const DECISIVE = [0, 2, 5];
const LEAD_COUNT = 60;
const PREFIX = ['Nordvik', 'Baltic', 'Granite', 'Polar', 'Cedar', 'Harbor', 'Vega', 'Summit', 'Aurora', 'Fjord'];
const TRADE = ['Logistics', 'Foods', 'Machining', 'Dental', 'Energy', 'Textiles', 'Software', 'Builders'];
const FORM = ['AB', 'Oy', 'AS', 'GmbH', 'Ltd'];
const FIRST = ['Lena', 'Per', 'Ingrid', 'Mikko', 'Sofia', 'Lars', 'Karin', 'Tomas'];
const LAST = ['Ek', 'Dahl', 'Virtanen', 'Strand', 'Meyer', 'Olsen', 'Nyberg'];
const NOTES: Record<string, readonly string[]> = {
  Won: ['Signed after the site visit', 'Repeat order, short cycle', ''],
  Lost: ['Lost on price', 'Stayed with their current supplier', 'Project postponed a year'],
  New: ['Asked for a call next week', ''],
  Qualified: ['Budget confirmed, demo booked', ''],
  Disqualified: ['Not the decision maker, no budget'],
};

/** A small seeded generator (mulberry32), so every run writes the same workbook. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A date cell: `days` from the day the sample is set up. */
const day = (days: number): SampleDay => ({ day: days });

const clampRating = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

interface Lead {
  readonly created: number;
  readonly closed: number | '';
  readonly rated: number | '';
  readonly status: string;
  readonly campaign: string;
  readonly segment: string;
  readonly ratings: unknown[];
}

/**
 * One lead: a hidden fit (0 worst, 1 best) sets its decisive ratings, and the chance to win rises with it, so the
 * score ranks won leads above lost ones most of the time, as in a real pipeline, but not always.
 */
function lead(i: number, next: () => number): Lead {
  if (i === LEAD_COUNT - 1) {
    // A first contact two days ago, not rated yet.
    const ratings = new Array<unknown>(FACTOR_COUNT).fill('');
    return { created: -2, closed: '', rated: '', status: LEAD_STATUS.new, campaign: '', segment: 'S3', ratings };
  }
  const fromCampaign = i % 3 !== 2;
  const campaign = CAMPAIGNS[i % CAMPAIGNS.length];
  const segment = fromCampaign ? campaign[2] : SEGMENTS[(i * 7) % SEGMENTS.length][0];
  // A campaign's leads arrive while it runs (and not after today); the others at any time in the last half year.
  const [first, last] = fromCampaign ? [campaign[3], Math.min(campaign[4], -3)] : [-175, -3];
  const created = first + Math.floor(next() * (last - first + 1));
  const fit = next();
  const ratings: unknown[] = [];
  for (let f = 0; f < FACTOR_COUNT; f++) {
    const complex = segment === 'S2' || segment === 'S4';
    const mean = DECISIVE.includes(f) ? 1 + 4 * (1 - fit) : f === 4 ? (complex ? 4.2 : 1.6) : 1.5 + 2.5 * next();
    ratings.push(clampRating(mean + (next() - 0.5) * 1.6));
  }
  const age = -created;
  // Every ninth lead is one a rep lost sight of: still open, its ratings as they were at first contact.
  const forgotten = i % 9 === 4 && age > 100;
  const closes = !forgotten && age > 35 && next() < 0.85;
  let status: string;
  if (closes) {
    const chance = 1 / (1 + Math.exp(-6 * (fit - 0.5)));
    status = next() < 0.12 ? LEAD_STATUS.disqualified : next() < chance ? LEAD_STATUS.won : LEAD_STATUS.lost;
  } else {
    status = fit > 0.55 && !forgotten ? LEAD_STATUS.qualified : LEAD_STATUS.new;
  }
  const closed =
    status === LEAD_STATUS.won || status === LEAD_STATUS.lost
      ? Math.min(-1, created + 12 + Math.floor(next() * 45))
      : '';
  // Ratings are set at first contact and again as the lead moves; a few open ones were never looked at again.
  const rated = closed !== '' ? closed : forgotten ? created + 2 : Math.max(created, -Math.floor(next() * 50));
  return { created, closed, rated, status, campaign: fromCampaign ? campaign[0] : '', segment, ratings };
}

function leads(): unknown[][] {
  const next = random(42);
  const rows: unknown[][] = [];
  for (let i = 0; i < LEAD_COUNT; i++) {
    const l = lead(i, next);
    // Defects for the manager to find: an unrated factor and a rating between two values.
    if (i === 37) l.ratings[8] = '';
    if (i === 33) l.ratings[6] = 2.5;
    const notes = NOTES[l.status];
    const date = (n: number | '') => (n === '' ? '' : day(n));
    // Columns as inputHeaders(LEADS_TAB): Lead .. Created, the ten factors, Status, Closed, Notes, Rated.
    rows.push([
      `L-${String(i + 1).padStart(4, '0')}`,
      `${PREFIX[i % 10]} ${TRADE[(i * 31 + Math.floor(i / 10)) % 8]} ${FORM[i % 5]}`,
      `${FIRST[i % 8]} ${LAST[(i * 5 + 2) % 7]}`,
      REPS[i % REPS.length],
      l.segment,
      l.campaign,
      date(l.created),
      ...l.ratings,
      l.status,
      date(l.closed),
      notes[i % notes.length],
      date(l.rated),
    ]);
  }
  return rows;
}

/** KPIs: where the workbook can measure one, its Actual is a formula over the data, never a number typed in. */
function kpis(ref: ColumnRef): unknown[][] {
  const L = LEADS_TAB.name;
  const status = ref(L, 'Status');
  const closed = ref(L, 'Closed');
  const recent = (outcome: string) => `COUNTIFS(${status}, "${outcome}", ${closed}, ">="&(TODAY()-90))`;
  const sumOf = (header: string, outcome: string) => `SUMIFS(${ref(L, header)}, ${status}, "${outcome}")`;
  const decided = `(COUNTIF(${status}, "Won")+COUNTIF(${status}, "Lost"))`;
  const S = SEGMENTS_TAB.name;
  return [
    [
      'Leads fully rated (%)',
      'Operational',
      'A score is only trusted when every lead is rated on all ten factors',
      'Every Monday',
      'Leads with a numeric Score divided by all leads with a company, from the Leads tab',
      'Sales team meeting',
      'higher',
      95,
      `=ROUND(100*COUNT(${ref(L, 'Score')})/COUNTA(${ref(L, 'Company')}), 1)`,
    ],
    [
      'First reply within a working day (%)',
      'Operational',
      'Interest fades fast; a quick answer keeps a lead warm',
      'Weekly',
      'New leads answered within a day, divided by all new leads (from the mail log)',
      'Reps and the sales manager',
      'higher',
      90,
      93,
    ],
    [
      'Hit rate, last 90 days (%)',
      'Tactical',
      'Shows whether qualification picks the leads we can win',
      'Monthly',
      'Won / (won + lost) among leads closed in the last 90 days, from the Leads tab',
      'Sales and marketing managers',
      'higher',
      45,
      `=IFERROR(ROUND(100*${recent('Won')}/(${recent('Won')}+${recent('Lost')}), 1), "")`,
    ],
    [
      'Days from lead to decision',
      'Tactical',
      'Long cycles tie reps to leads that are not ready',
      'Monthly',
      '',
      '',
      'lower',
      40,
      `=IFERROR(ROUND((${sumOf('Closed', 'Won')}+${sumOf('Closed', 'Lost')}-${sumOf('Created', 'Won')}-${sumOf('Created', 'Lost')})/${decided}, 1), "")`,
    ],
    [
      'Marketing budget in sweet-spot segments (%)',
      'Tactical',
      'Effort belongs where sales can land it',
      '',
      'Budget of campaigns in Sweet spot segments divided by the whole budget, from the Segments tab',
      'Marketing',
      'higher',
      '',
      `=IFERROR(ROUND(100*SUMIF(${ref(S, 'Verdict')}, "Sweet spot", ${ref(S, 'Marketing')})/SUM(${ref(S, 'Marketing')}), 1), "")`,
    ],
    [
      'Gross margin from new customers (kEUR)',
      'Goal',
      'Profitable new business is why the team exists',
      'Quarterly',
      'Finance report, new customers only, every cost included',
      'Management team',
      'higher',
      400,
      310,
    ],
  ];
}

/**
 * Fourteen weeks of three KPIs: the share of fully rated leads shifts up for good after the improvement that
 * targeted it (a real signal); the other two vary around their centres (routine variation).
 */
function kpiLog(): unknown[][] {
  const rated = [82, 85, 81, 84, 83, 86, 91, 93, 92, 94, 93, 95, 92, 94];
  const reply = [91, 88, 93, 90, 94, 89, 92, 90, 87, 93, 91, 90, 94, 92];
  const hitRate = [44, 39, 47, 42, 38, 45, 41, 46, 40, 43, 39, 44, 42, 41];
  const rows: unknown[][] = [];
  for (let w = 0; w < rated.length; w++) {
    const date = day(-7 * (rated.length - 1 - w));
    rows.push([date, 'Leads fully rated (%)', rated[w], REPS[2]]);
    rows.push([date, 'First reply within a working day (%)', reply[w], REPS[0]]);
    rows.push([date, 'Hit rate, last 90 days (%)', hitRate[w], REPS[4]]);
  }
  return rows;
}

/** One item of the improvement loop; what is not given is not filled in yet. */
interface Improvement {
  readonly id: string;
  readonly raised: number;
  readonly by: string;
  readonly problem: string;
  readonly whys?: readonly string[];
  readonly rootCause?: string;
  readonly action?: string;
  readonly owner?: string;
  readonly due?: number;
  readonly kpi?: string;
  readonly stage: string;
  readonly result?: string;
}

const IMPROVEMENTS: readonly Improvement[] = [
  {
    id: 'I-001',
    raised: -75,
    by: 'Jonas Lind',
    problem: 'Too few opportunities in the pipeline',
    whys: [
      'Reps spend their weeks on leads that never buy',
      'Every inbound contact is treated as a lead',
      'Nobody can say which companies are worth pursuing',
      'The team never agreed on its target customers',
    ],
    rootCause: 'No defined target accounts: the team never decided whom to go after',
    action: 'Write down the target profiles and the assumption behind each; qualify by the Rule column only',
    owner: 'Anna Berg',
    due: -45,
    kpi: 'Hit rate, last 90 days (%)',
    stage: 'Check',
  },
  {
    id: 'I-002',
    raised: -60,
    by: 'Maria Holm',
    problem: 'Many new leads have no ratings, so their scores are missing',
    whys: ['Ratings are left for later and later never comes', 'Nobody looks at unrated leads'],
    rootCause: 'No routine checks the ratings of new leads',
    action: 'Rate every lead at first contact; review the Leads panel defects every Monday',
    owner: 'Maria Holm',
    due: -50,
    kpi: 'Leads fully rated (%)',
    stage: 'Act',
    result: 'Fully rated leads rose from about 83% to 93% and stayed there; the Monday review is now standard',
  },
  {
    id: 'I-003',
    raised: -20,
    by: 'Erik Sand',
    problem: 'We lose tenders on price',
    whys: [
      'Our offers are compared line by line with cheaper suppliers',
      'We join tenders where price is all that counts',
    ],
    stage: 'Plan',
  },
  {
    id: 'I-004',
    raised: -4,
    by: 'Sara Nord',
    problem: 'Leads from the webinars arrive without a contact person',
    stage: 'Plan',
  },
];

/** The items as rows of the Improvements tab (its input columns, in order). */
function improvements(): unknown[][] {
  const date = (n: number | undefined) => (n === undefined ? '' : day(n));
  return IMPROVEMENTS.map((item) => [
    item.id,
    date(item.raised),
    item.by,
    item.problem,
    ...Array.from({ length: 5 }, (_, i) => item.whys?.[i] ?? ''),
    item.rootCause ?? '',
    item.action ?? '',
    item.owner ?? '',
    date(item.due),
    item.kpi ?? '',
    item.stage,
    item.result ?? '',
  ]);
}

const INTERNAL_CUSTOMERS = [
  ['Sales forecast', 'Finance', '', 'Monthly', 'Cash-flow and capacity planning', 'Yes'],
  ['Customer specifications', 'Engineering', 'Project lead', 'Per deal', 'Designing the solution', 'Partly'],
  ['Promised delivery dates', 'Delivery', 'Sales manager', 'Per deal', 'Scheduling installations', 'Yes'],
  ['Reasons deals were lost', 'Product management', '', 'Quarterly', 'Deciding what to build next', 'No'],
  ['Leads by segment and campaign', 'Marketing', '', 'Weekly', 'Aiming the next campaigns', 'Yes'],
];

/** Rows per tab, each row aligned with `inputHeaders(tab)`. */
function sampleRows(): Record<string, readonly (readonly unknown[])[]> {
  return {
    [TEAM_TAB.name]: REPS.map((rep) => [rep]),
    [SEGMENTS_TAB.name]: SEGMENTS.map((s) => [...s]),
    [PROFILES_TAB.name]: [
      [
        'Ready buyer',
        'Decision maker at a large customer, ready to order a standard product',
        ...[1, 2, 1, 1, 1, 1, 2, 2, 2, 1],
        'They decide fast and buy what we make as standard, so short cycles pay for the effort',
      ],
      [
        'Project lead',
        'Technical lead of a complex project, comparing suppliers',
        ...[2, 1, 3, 2, 4, 2, 2, 2, 4, 3],
        'Complex projects carry margins worth the longer cycle',
      ],
      [
        'Growing firm',
        'Owner of a small, growing company buying for the first time',
        ...[3, 4, 1, 4, 2, 2, 1, 4, 3, 5],
        'First-time buyers stay with us as they grow',
      ],
      [
        'Tender buyer',
        'Purchasing officer running a tender where price decides',
        ...[2, 2, 4, 1, 2, 3, 3, 5, 5, 3],
        'Tenders bring volume even when the price is low',
      ],
    ],
    [CAMPAIGNS_TAB.name]: CAMPAIGNS.map(([name, goal, segment, start, end, budget, targets]) => [
      name,
      goal,
      segment,
      day(start),
      day(end),
      budget,
      ...targets,
    ]),
    [LEADS_TAB.name]: leads(),
    [KPIS_TAB.name]: kpis(columnPlaceholder),
    [KPI_LOG_TAB.name]: kpiLog(),
    [IMPROVEMENTS_TAB.name]: improvements(),
    [INTERNAL_CUSTOMERS_TAB.name]: INTERNAL_CUSTOMERS,
  };
}

/** The content of dist/SampleData.html: the rows as JSON, which src/server/sample.ts reads. */
export function sampleDataJson(): string {
  return JSON.stringify(sampleRows());
}
