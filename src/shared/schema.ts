/** The workbook's tabs and their header rows (docs/workbook.md). Columns are found by header text, never by position. */

import { FACTOR_NAMES } from '../core/factors';

export interface TabSpec {
  readonly name: string;
  readonly headers: readonly string[];
  /** Headers whose cells a formula fills (one formula per column, spilling): never written by the add-on. */
  readonly computed: readonly string[];
}

/** A tab's spec from its headers in order, each computed one written with a leading `=` (a formula fills it). */
function tab(name: string, headers: readonly string[]): TabSpec {
  return {
    name,
    headers: headers.map((h) => h.replace(/^=/, '')),
    computed: headers.filter((h) => h[0] === '=').map((h) => h.slice(1)),
  };
}

/** HITRATE's four result columns, wherever it is used. */
export const HIT_RATE_HEADERS = ['Hit rate', 'Low', 'High', 'Vs team'] as const;
/** Won and Lost, counted by a formula, then the four columns one HITRATE formula fills. */
const OUTCOMES = ['=Won', '=Lost', ...HIT_RATE_HEADERS.map((h) => `=${h}`)];

/** Each factor's weight and meanings, and `At most`: the worst rating the qualification rule accepts (blank: any). */
export const FACTORS_TAB = tab('Factors', ['Factor', 'Weight', '1 means', '5 means', 'At most']);
/** The target customers, and the won and lost leads that speak for or against the assumption behind each. */
export const PROFILES_TAB = tab('Profiles', ['Profile', 'Description', ...FACTOR_NAMES, 'Assumption', ...OUTCOMES]);
/** Campaigns, with the leads they brought and what those leads became. */
export const CAMPAIGNS_TAB = tab('Campaigns', [
  'Campaign',
  'Goal',
  'Segment',
  'Start',
  'End',
  'Budget',
  ...FACTOR_NAMES,
  '=Leads',
  ...OUTCOMES,
  '=Budget per won deal',
]);
export const SEGMENTS_TAB = tab('Segments', [
  'Segment',
  'Price',
  'Complexity',
  'In market',
  '=Sales',
  '=Marketing',
  '=Verdict',
]);
/** Columns added after the first version go last, so a new workbook and an upgraded one have the same layout. */
export const LEADS_TAB = tab('Leads', [
  'Lead',
  'Company',
  'Contact',
  'Owner',
  'Segment',
  'Campaign',
  'Created',
  ...FACTOR_NAMES,
  '=Score',
  '=Best profile',
  'Status',
  'Closed',
  'Notes',
  '=Rule',
  'Rated',
]);
/** Rep, Won and Lost, then the four columns one HITRATE formula fills. */
export const TEAM_TAB = tab('Team', ['Rep', ...OUTCOMES]);
export const KPIS_TAB = tab('KPIs', [
  'KPI',
  'Level',
  'Why',
  'When',
  'How',
  'Who',
  'Direction',
  'Target',
  'Actual',
  '=Status',
  '=Centre',
  '=Lower',
  '=Upper',
  '=Signal',
]);
export const KPI_LOG_TAB = tab('KPI log', ['Date', 'KPI', 'Value', 'By']);
/** The improvement loop: a problem, five whys to its root cause, an action with an owner, a KPI to check it by. */
export const IMPROVEMENTS_TAB = tab('Improvements', [
  'ID',
  'Raised',
  'Raised by',
  'Problem',
  'Why 1',
  'Why 2',
  'Why 3',
  'Why 4',
  'Why 5',
  'Root cause',
  'Action',
  'Owner',
  'Due',
  'Feedback KPI',
  'Stage',
  'Result',
]);
export const IMPROVEMENT_STAGES = ['Plan', 'Do', 'Check', 'Act', 'Closed'] as const;
/** Who inside the company gets which information from sales, through whom, and whether they get it. */
export const INTERNAL_CUSTOMERS_TAB = tab('Internal customers', [
  'Information',
  'Receiver',
  'Via',
  'Frequency',
  'Used for',
  'Provided',
]);
export const PROVIDED = ['Yes', 'Partly', 'No'] as const;
/** The team's settings, each referred to by a named range so formulas read `QualifyAtScore`, not a cell. */
export const SETTINGS_TAB = tab('Settings', ['Setting', 'Value', 'Meaning']);
export interface Setting {
  readonly name: string;
  readonly rangeName: string;
  readonly value: number;
  readonly meaning: string;
}
export const SETTINGS: readonly Setting[] = [
  {
    name: 'Qualify at score',
    rangeName: 'QualifyAtScore',
    value: 60,
    meaning:
      'The lowest Score at which a lead counts as qualified (the Rule column applies it, with the At most gates)',
  },
  {
    name: 'Re-rate after days',
    rangeName: 'RerateAfterDays',
    value: 90,
    meaning: 'An open lead whose ratings are older than this many days shows as stale',
  },
];
/** Not a table: blocks of analysis, each one formula at a fixed cell with a title above it. */
export const SCORE_CHECK_TAB = 'Score check';

/** Every table tab, in the order setup creates them (the Score check tab goes after them). */
export const TABS: readonly TabSpec[] = [
  LEADS_TAB,
  PROFILES_TAB,
  CAMPAIGNS_TAB,
  SEGMENTS_TAB,
  TEAM_TAB,
  KPIS_TAB,
  KPI_LOG_TAB,
  IMPROVEMENTS_TAB,
  INTERNAL_CUSTOMERS_TAB,
  FACTORS_TAB,
  SETTINGS_TAB,
];

export const KPI_LEVELS = ['Operational', 'Tactical', 'Goal'] as const;
// The Status and Direction lists: the values the add-on reads in those columns.
export { KPI_DIRECTIONS } from '../core/kpi-status';
export { LEAD_STATUSES } from '../core/lead-statuses';

/** The headers of a tab that people (and the add-on's forms) fill in. */
export function inputHeaders(tab: TabSpec): readonly string[] {
  return tab.headers.filter((h) => !tab.computed.includes(h));
}

/** Header text as the add-on compares it: trimmed, any case. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .trim()
    .toLowerCase();
}
