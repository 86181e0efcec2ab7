/**
 * The one formula of each computed column, written against wherever the columns are (found by header text). It
 * lives in the header cell and returns the header text above its results (`={"Score"; LEADSCORE(H2:Q, ...)}`), so
 * sorting, filtering or inserting data rows never moves it.
 */

import { FACTOR_NAMES } from '../core/factors';
import {
  CAMPAIGNS_TAB,
  FACTORS_TAB,
  headerKey,
  KPIS_TAB,
  LEADS_TAB,
  PROFILES_TAB,
  SEGMENTS_TAB,
  TEAM_TAB,
} from '../shared/schema';
import { columnLetter, columnsArgument, openRange, sheetPrefix } from './a1';

/** Each tab's columns: header key to 1-based column number. */
export type Layout = Readonly<Record<string, ReadonlyMap<string, number>>>;

export interface ComputedFormula {
  readonly tab: string;
  /** The adjacent columns the result fills; the formula goes in the first one's header cell. */
  readonly headers: readonly string[];
  /** The whole header-cell formula: the headers as the array's first row, then the results. */
  readonly formula: string;
}

/** `={"Hit rate", "Low"; HITRATE(...)}`: the headers as the first row of the array the expression returns. */
export function headerArrayFormula(headers: readonly string[], expression: string): string {
  const labels = headers.map((h) => `"${h.replace(/"/g, '""')}"`).join(', ');
  return `={${labels}; ${expression}}`;
}

const LABEL = /"((?:[^"]|"")*)"\s*(,|;)/y;

/**
 * The headers a header-cell formula writes (`["Hit rate", "Low", ...]`), or undefined when the formula is not of
 * that form. Lets the add-on find a computed column even while its formula shows an error instead of its header.
 */
export function headerArrayLabels(formula: string): string[] | undefined {
  const start = /^=\s*\{\s*/.exec(formula);
  if (!start) return undefined;
  const labels: string[] = [];
  LABEL.lastIndex = start[0].length;
  for (;;) {
    const match = LABEL.exec(formula);
    if (!match) return undefined;
    labels.push(match[1].replace(/""/g, '"'));
    if (match[2] === ';') return labels;
    while (formula[LABEL.lastIndex] === ' ') LABEL.lastIndex++;
  }
}

/**
 * The ten weights of the Factors tab, in factor order: `Factors!B2:B11` when the rows are in that order,
 * else the cells one by one (`{Factors!B3;Factors!B2;...}`). `rows[i]` is the sheet row of factor i.
 */
export function weightsArgument(layout: Layout, rows: readonly number[]): string {
  const weight = columnLetter(col(layout, FACTORS_TAB.name, 'Weight'));
  const p = sheetPrefix(FACTORS_TAB.name);
  if (rows.every((row, i) => row === rows[0] + i)) return `${p}${weight}${rows[0]}:${weight}${rows[9]}`;
  return `{${rows.map((row) => `${p}${weight}${row}`).join(';')}}`;
}

function col(layout: Layout, tab: string, header: string): number {
  const column = layout[tab]?.get(headerKey(header));
  if (column === undefined) throw new Error(`The ${tab} tab has no ${header} column`);
  return column;
}

/** A column of `tab` from row 2 down, prefixed with the sheet when it is another tab's. */
function ref(layout: Layout, tab: string, header: string, from?: string): string {
  const c = col(layout, tab, header);
  return openRange(c, c, 2, from === tab ? undefined : tab);
}

/** Counts of Leads per `key` column value with a Status, one array formula for the whole column. */
function countLeads(layout: Layout, tab: string, key: string, leadsKey: string, status: string): string {
  const keys = ref(layout, tab, key, tab);
  return `ARRAYFORMULA(IF(${keys}="", "", COUNTIFS(${ref(layout, LEADS_TAB.name, leadsKey)}, ${keys}, ${ref(layout, LEADS_TAB.name, 'Status')}, "${status}")))`;
}

export function computedFormulas(layout: Layout, weights: string): ComputedFormula[] {
  return columnExpressions(layout, weights).map(({ tab, headers, expression }) => ({
    tab,
    headers,
    formula: headerArrayFormula(headers, expression),
  }));
}

function columnExpressions(
  layout: Layout,
  weights: string,
): { tab: string; headers: readonly string[]; expression: string }[] {
  const L = LEADS_TAB.name;
  const factors = (tab: string) => FACTOR_NAMES.map((f) => col(layout, tab, f));
  const ratings = columnsArgument(factors(L));
  const profiles = columnsArgument(
    [col(layout, PROFILES_TAB.name, 'Profile'), ...factors(PROFILES_TAB.name)],
    PROFILES_TAB.name,
  );
  const S = SEGMENTS_TAB.name;
  const segments = ref(layout, S, 'Segment', S);
  const r = (tab: string, header: string) => ref(layout, tab, header, tab);
  return [
    { tab: L, headers: ['Score'], expression: `LEADSCORE(${ratings}, ${weights})` },
    { tab: L, headers: ['Best profile'], expression: `PROFILEGAP(${ratings}, ${profiles}, ${weights}, "best")` },
    { tab: S, headers: ['Sales'], expression: countLeads(layout, S, 'Segment', 'Segment', 'Won') },
    {
      tab: S,
      headers: ['Marketing'],
      expression: `ARRAYFORMULA(IF(${segments}="", "", SUMIF(${ref(layout, CAMPAIGNS_TAB.name, 'Segment')}, ${segments}, ${ref(layout, CAMPAIGNS_TAB.name, 'Budget')})))`,
    },
    {
      tab: S,
      headers: ['Verdict'],
      expression: `SWEETSPOT(${r(S, 'Sales')}, ${r(S, 'Marketing')}, ${r(S, 'In market')})`,
    },
    { tab: TEAM_TAB.name, headers: ['Won'], expression: countLeads(layout, TEAM_TAB.name, 'Rep', 'Owner', 'Won') },
    { tab: TEAM_TAB.name, headers: ['Lost'], expression: countLeads(layout, TEAM_TAB.name, 'Rep', 'Owner', 'Lost') },
    {
      tab: TEAM_TAB.name,
      headers: ['Hit rate', 'Low', 'High', 'Vs team'],
      expression: `HITRATE(${r(TEAM_TAB.name, 'Won')}, ${r(TEAM_TAB.name, 'Lost')})`,
    },
    {
      tab: KPIS_TAB.name,
      headers: ['Status'],
      expression: `KPISTATUS(${r(KPIS_TAB.name, 'Actual')}, ${r(KPIS_TAB.name, 'Target')}, ${r(KPIS_TAB.name, 'Direction')})`,
    },
  ];
}
