/** The workbook's tabs and their header rows (docs/workbook.md). Columns are found by header text, never by position. */

import { FACTOR_NAMES } from '../core/factors';

export interface TabSpec {
  readonly name: string;
  readonly headers: readonly string[];
  /** Headers whose cells a formula fills (one formula per column, spilling): never written by the add-on. */
  readonly computed?: readonly string[];
}

export const FACTORS_TAB: TabSpec = { name: 'Factors', headers: ['Factor', 'Weight', '1 means', '5 means'] };
export const PROFILES_TAB: TabSpec = { name: 'Profiles', headers: ['Profile', 'Description', ...FACTOR_NAMES] };
export const CAMPAIGNS_TAB: TabSpec = {
  name: 'Campaigns',
  headers: ['Campaign', 'Goal', 'Segment', 'Start', 'End', 'Budget', ...FACTOR_NAMES],
};
export const SEGMENTS_TAB: TabSpec = {
  name: 'Segments',
  headers: ['Segment', 'Price', 'Complexity', 'In market', 'Sales', 'Marketing', 'Verdict'],
  computed: ['Sales', 'Marketing', 'Verdict'],
};
export const LEADS_TAB: TabSpec = {
  name: 'Leads',
  headers: [
    'Lead',
    'Company',
    'Contact',
    'Owner',
    'Segment',
    'Campaign',
    'Created',
    ...FACTOR_NAMES,
    'Score',
    'Best profile',
    'Status',
    'Closed',
    'Notes',
  ],
  computed: ['Score', 'Best profile'],
};
/** Rep, Won and Lost, then the four columns one HITRATE formula fills. */
export const TEAM_TAB: TabSpec = {
  name: 'Team',
  headers: ['Rep', 'Won', 'Lost', 'Hit rate', 'Low', 'High', 'Vs team'],
  computed: ['Won', 'Lost', 'Hit rate', 'Low', 'High', 'Vs team'],
};
export const KPIS_TAB: TabSpec = {
  name: 'KPIs',
  headers: ['KPI', 'Level', 'Why', 'When', 'How', 'Who', 'Direction', 'Target', 'Actual', 'Status'],
  computed: ['Status'],
};
export const KPI_LOG_TAB: TabSpec = { name: 'KPI log', headers: ['Date', 'KPI', 'Value', 'By'] };

/** Every tab, in the order setup creates them. */
export const TABS: readonly TabSpec[] = [
  LEADS_TAB,
  PROFILES_TAB,
  CAMPAIGNS_TAB,
  SEGMENTS_TAB,
  TEAM_TAB,
  KPIS_TAB,
  KPI_LOG_TAB,
  FACTORS_TAB,
];

export const KPI_LEVELS = ['Operational', 'Tactical', 'Goal'] as const;
// The Status and Direction lists: the values the add-on reads in those columns.
export { KPI_DIRECTIONS } from '../core/kpi-status';
export { LEAD_STATUSES } from '../core/lead-statuses';

/** The headers of a tab that people (and the add-on's forms) fill in. */
export function inputHeaders(tab: TabSpec): readonly string[] {
  const computed = tab.computed ?? [];
  return tab.headers.filter((h) => !computed.includes(h));
}

/** Header text as the add-on compares it: trimmed, any case. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .trim()
    .toLowerCase();
}
