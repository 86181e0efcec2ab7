/** Sample data for `Set up workbook with sample data`: a small B2B team's first months, generated deterministically. */

import { FACTOR_COUNT } from '../core/factors';
import {
  CAMPAIGNS_TAB,
  KPI_LOG_TAB,
  KPIS_TAB,
  LEADS_TAB,
  PROFILES_TAB,
  SEGMENTS_TAB,
  TEAM_TAB,
} from '../shared/schema';

/** Rows per tab, each row aligned with `inputHeaders(tab)`. */
export type SampleData = Readonly<Record<string, readonly (readonly unknown[])[]>>;

const REPS = ['Anna Berg', 'Jonas Lind', 'Maria Holm', 'Erik Sand', 'Sara Nord'];
/** Each rep's leads in order: W won, L lost, N new, Q qualified, D disqualified. Hit rates differ, by chance only. */
const OUTCOMES = ['WWWWLLNQ', 'WWLLLNQD', 'WWWLLLNN', 'WLLLLQND', 'WWWWWLQN'];
const STATUS: Record<string, string> = { W: 'Won', L: 'Lost', N: 'New', Q: 'Qualified', D: 'Disqualified' };
/** Most deals are won in S4 and none in S2: the pattern the Segments tab makes visible. */
const WON_SEGMENTS = '434144341434414';
const OTHER_SEGMENTS = '12342';
/** How good a lead of each outcome tends to be: the mean rating around which its ten ratings scatter. */
const QUALITY: Record<string, number> = { W: 1.8, L: 3.2, N: 2.5, Q: 2.2, D: 4.2 };
const PREFIX = ['Nordvik', 'Baltic', 'Granite', 'Polar', 'Cedar', 'Harbor', 'Vega', 'Summit', 'Aurora', 'Fjord'];
const TRADE = ['Logistics', 'Foods', 'Machining', 'Dental', 'Energy', 'Textiles', 'Software', 'Builders'];
const FORM = ['AB', 'Oy', 'AS', 'GmbH', 'Ltd'];
const FIRST = ['Lena', 'Per', 'Ingrid', 'Mikko', 'Sofia', 'Lars', 'Karin', 'Tomas'];
const LAST = ['Ek', 'Dahl', 'Virtanen', 'Strand', 'Meyer', 'Olsen', 'Nyberg'];
const NOTES: Record<string, string[]> = {
  W: ['Signed after the site visit', 'Repeat order, short cycle', ''],
  L: ['Lost on price', 'Stayed with their current supplier', 'Project postponed a year'],
  N: ['Asked for a call next week', ''],
  Q: ['Budget confirmed, demo booked', ''],
  D: ['Not the decision maker, no budget'],
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

/** `today` (YYYY-MM-DD) moved by `days`, as YYYY-MM-DD text, which Sheets reads as a date. */
export function addDays(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function leads(today: string): unknown[][] {
  const next = random(42);
  const rows: unknown[][] = [];
  let won = 0;
  let other = 0;
  for (let i = 0; i < 40; i++) {
    const code = OUTCOMES[i % 5][Math.floor(i / 5)];
    const segment = Number(code === 'W' ? WON_SEGMENTS[won++] : OTHER_SEGMENTS[other++ % 5]);
    const ratings: unknown[] = [];
    for (let f = 0; f < FACTOR_COUNT; f++) {
      // Complexity follows the segment: S2 and S4 are the complex solutions.
      const mean = f === 4 ? (segment % 2 === 0 ? 4.2 : 1.6) : QUALITY[code];
      ratings.push(Math.min(5, Math.max(1, Math.round(mean + (next() - 0.5) * 2.2))));
    }
    // Two defects for the manager to find: an unrated factor and a rating between two values.
    if (i === 37) ratings[8] = '';
    if (i === 33) ratings[6] = 2.5;
    const created = -150 + i * 3;
    const closed =
      code === 'W' || code === 'L' ? addDays(today, Math.min(-1, created + 20 + Math.floor(next() * 30))) : '';
    const notes = NOTES[code];
    rows.push([
      `L-${String(i + 1).padStart(4, '0')}`,
      `${PREFIX[i % 10]} ${TRADE[(i * 31 + Math.floor(i / 10)) % 8]} ${FORM[i % 5]}`,
      `${FIRST[i % 8]} ${LAST[(i * 5 + 2) % 7]}`,
      REPS[i % 5],
      `S${segment}`,
      i % 3 === 2 ? '' : `A${segment}`,
      addDays(today, created),
      ...ratings,
      STATUS[code],
      closed,
      notes[i % notes.length],
    ]);
  }
  return rows;
}

const KPI_ROWS = [
  [
    'Leads fully rated (%)',
    'Operational',
    'A score is only trusted when every lead is rated on all ten factors',
    'Every Monday',
    "Share of last week's leads with a numeric Score in the Leads tab",
    'Sales team meeting',
    'higher',
    95,
    88,
  ],
  [
    'First reply within a working day (%)',
    'Operational',
    'Interest fades fast; a quick answer keeps a lead warm',
    'Weekly',
    'New leads answered within a day, divided by all new leads',
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
    'Won / (won + lost) from the Team tab, read with its interval',
    'Sales and marketing managers',
    'higher',
    45,
    54,
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
    47,
  ],
  [
    'Marketing budget in sweet-spot segments (%)',
    'Tactical',
    'Effort belongs where sales can land it',
    '',
    'Budget of campaigns in Sweet spot segments divided by the whole budget',
    'Marketing',
    'higher',
    '',
    20,
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

export function sampleData(today: string): SampleData {
  const day = (n: number) => addDays(today, n);
  return {
    [TEAM_TAB.name]: REPS.map((rep) => [rep]),
    [SEGMENTS_TAB.name]: [
      ['S1', 'Low', 'Low', false],
      ['S2', 'Low', 'High', true],
      ['S3', 'High', 'Low', true],
      ['S4', 'High', 'High', true],
    ],
    [PROFILES_TAB.name]: [
      [
        'Ready buyer',
        'Decision maker at a large customer, ready to order a standard product',
        1,
        2,
        1,
        1,
        1,
        1,
        2,
        2,
        2,
        1,
      ],
      ['Project lead', 'Technical lead of a complex project, comparing suppliers', 2, 1, 3, 2, 4, 2, 2, 2, 4, 3],
      ['Growing firm', 'Owner of a small, growing company buying for the first time', 3, 4, 1, 4, 2, 2, 1, 4, 3, 5],
      ['Tender buyer', 'Purchasing officer running a tender where price decides', 2, 2, 4, 1, 2, 3, 3, 5, 5, 3],
    ],
    [CAMPAIGNS_TAB.name]: [
      ['A1', 'Webinar series for first-time buyers', 'S1', day(-160), day(-60), 30000, 3, 4, 2, 4, 1, 2, 2, 4, 3, 4],
      [
        'A2',
        'Trade fair follow-up for engineering firms',
        'S2',
        day(-140),
        day(-100),
        25000,
        2,
        2,
        3,
        2,
        4,
        2,
        3,
        3,
        4,
        3,
      ],
      ['A3', 'Newsletter to existing customers', 'S3', day(-120), day(30), 15000, 2, 2, 2, 2, 2, 1.5, 2, 2, 3, 1],
      ['A4', 'Round-table on complex deployments', 'S4', day(-90), day(-89), 5000, 1.5, 2, 1, 1, 4, 2, 2, 2, 3, 2],
    ],
    [LEADS_TAB.name]: leads(today),
    [KPIS_TAB.name]: KPI_ROWS,
    [KPI_LOG_TAB.name]: [
      [day(-28), KPI_ROWS[0][0], 81, REPS[0]],
      [day(-21), KPI_ROWS[0][0], 84, REPS[0]],
      [day(-14), KPI_ROWS[0][0], 86, REPS[2]],
      [day(-7), KPI_ROWS[0][0], 88, REPS[2]],
      [day(-30), KPI_ROWS[2][0], 49, REPS[4]],
      [day(0), KPI_ROWS[2][0], 54, REPS[4]],
    ],
  };
}
