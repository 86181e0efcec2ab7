/**
 * The one formula of each computed column, written against wherever the columns are (found by header text). It
 * lives in the header cell and returns the header text above its results (`={"Score"; LEADSCORE(H2:Q, ...)}`), so
 * sorting, filtering or inserting data rows never moves it.
 */

import { FACTOR_NAMES } from '../core/factors';
import { LEAD_STATUS } from '../core/lead-statuses';
import {
  CAMPAIGNS_TAB,
  FACTORS_TAB,
  HIT_RATE_HEADERS,
  headerKey,
  KPI_LOG_TAB,
  KPIS_TAB,
  LEADS_TAB,
  PROFILES_TAB,
  SEGMENTS_TAB,
  SETTINGS,
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
function headerArrayFormula(headers: readonly string[], expression: string): string {
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
 * A column of the Factors tab in factor order: `Factors!B2:B11` when the rows are in that order, else the cells one
 * by one (`{Factors!B3;Factors!B2;...}`). `rows[i]` is the sheet row of factor i.
 */
export function factorColumnArgument(layout: Layout, rows: readonly number[], header: string): string {
  const letter = columnLetter(col(layout, FACTORS_TAB.name, header));
  const p = sheetPrefix(FACTORS_TAB.name);
  if (rows.every((row, i) => row === rows[0] + i)) return `${p}${letter}${rows[0]}:${letter}${rows[rows.length - 1]}`;
  return `{${rows.map((row) => `${p}${letter}${row}`).join(';')}}`;
}

function col(layout: Layout, tab: string, header: string): number {
  const column = layout[tab]?.get(headerKey(header));
  if (column === undefined) throw new Error(`The ${tab} tab has no ${header} column`);
  return column;
}

/** A column of `tab` from row 2 down, prefixed with the sheet when it is another tab's. */
export function ref(layout: Layout, tab: string, header: string, from?: string): string {
  const c = col(layout, tab, header);
  return openRange(c, c, 2, from === tab ? undefined : tab);
}

/** Counts of Leads per `key` column value (with a Status, when given), one array formula for the whole column. */
function countLeads(layout: Layout, tab: string, key: string, leadsKey: string, status?: string): string {
  const keys = ref(layout, tab, key, tab);
  const L = LEADS_TAB.name;
  const byStatus = status ? `, ${ref(layout, L, 'Status')}, "${status}"` : '';
  return `ARRAYFORMULA(IF(${keys}="", "", COUNTIFS(${ref(layout, L, leadsKey)}, ${keys}${byStatus})))`;
}

export function computedFormulas(layout: Layout, factorRows: readonly number[]): ComputedFormula[] {
  return columnExpressions(layout, factorRows).map(({ tab, headers, expression }) => ({
    tab,
    headers,
    formula: headerArrayFormula(headers, expression),
  }));
}

function columnExpressions(
  layout: Layout,
  factorRows: readonly number[],
): { tab: string; headers: readonly string[]; expression: string }[] {
  const L = LEADS_TAB.name;
  const weights = factorColumnArgument(layout, factorRows, 'Weight');
  const factors = (tab: string) => FACTOR_NAMES.map((f) => col(layout, tab, f));
  const ratings = columnsArgument(factors(L));
  const profiles = columnsArgument(
    [col(layout, PROFILES_TAB.name, 'Profile'), ...factors(PROFILES_TAB.name)],
    PROFILES_TAB.name,
  );
  const S = SEGMENTS_TAB.name;
  const segments = ref(layout, S, 'Segment', S);
  const r = (tab: string, header: string) => ref(layout, tab, header, tab);
  const hitRate = (tab: string) => ({
    tab,
    headers: HIT_RATE_HEADERS,
    expression: `HITRATE(${r(tab, 'Won')}, ${r(tab, 'Lost')})`,
  });
  const C = CAMPAIGNS_TAB.name;
  const P = PROFILES_TAB.name;
  const T = TEAM_TAB.name;
  const K = KPIS_TAB.name;
  const log = (header: string) => ref(layout, KPI_LOG_TAB.name, header);
  const rule = `QUALIFY(${ratings}, ${SETTINGS[0].rangeName}, ${factorColumnArgument(layout, factorRows, 'At most')}, ${weights})`;
  return [
    { tab: L, headers: ['Score'], expression: `LEADSCORE(${ratings}, ${weights})` },
    { tab: L, headers: ['Best profile'], expression: `PROFILEGAP(${ratings}, ${profiles}, ${weights}, "best")` },
    { tab: L, headers: ['Rule'], expression: rule },
    { tab: P, headers: ['Won'], expression: countLeads(layout, P, 'Profile', 'Best profile', LEAD_STATUS.won) },
    { tab: P, headers: ['Lost'], expression: countLeads(layout, P, 'Profile', 'Best profile', LEAD_STATUS.lost) },
    hitRate(P),
    { tab: C, headers: ['Leads'], expression: countLeads(layout, C, 'Campaign', 'Campaign') },
    { tab: C, headers: ['Won'], expression: countLeads(layout, C, 'Campaign', 'Campaign', LEAD_STATUS.won) },
    { tab: C, headers: ['Lost'], expression: countLeads(layout, C, 'Campaign', 'Campaign', LEAD_STATUS.lost) },
    hitRate(C),
    {
      tab: C,
      headers: ['Budget per won deal'],
      expression: `ARRAYFORMULA(IF(${r(C, 'Won')}="", "", IF(${r(C, 'Won')}>0, ${r(C, 'Budget')}/${r(C, 'Won')}, "no deal won")))`,
    },
    { tab: S, headers: ['Sales'], expression: countLeads(layout, S, 'Segment', 'Segment', LEAD_STATUS.won) },
    {
      tab: S,
      headers: ['Marketing'],
      expression: `ARRAYFORMULA(IF(${segments}="", "", SUMIF(${ref(layout, C, 'Segment')}, ${segments}, ${ref(layout, C, 'Budget')})))`,
    },
    {
      tab: S,
      headers: ['Verdict'],
      expression: `SWEETSPOT(${r(S, 'Sales')}, ${r(S, 'Marketing')}, ${r(S, 'In market')})`,
    },
    { tab: T, headers: ['Won'], expression: countLeads(layout, T, 'Rep', 'Owner', LEAD_STATUS.won) },
    { tab: T, headers: ['Lost'], expression: countLeads(layout, T, 'Rep', 'Owner', LEAD_STATUS.lost) },
    hitRate(T),
    {
      tab: K,
      headers: ['Status'],
      expression: `KPISTATUS(${r(K, 'Actual')}, ${r(K, 'Target')}, ${r(K, 'Direction')})`,
    },
    {
      tab: K,
      headers: ['Centre', 'Lower', 'Upper', 'Signal'],
      expression: `KPISIGNAL(${r(K, 'KPI')}, ${log('KPI')}, ${log('Value')}, ${log('Date')})`,
    },
  ];
}

/** One block of the Score check tab: a title in column A, and one formula under it. */
export interface ReportBlock {
  /** 1-based row of the title; the formula goes in column A of the next row. */
  readonly row: number;
  readonly title: string;
  readonly formula: string;
  /** The block's size, header row included, so setup writes it only where the whole area is free. */
  readonly rows: number;
  readonly columns: number;
  /** The number format of each of the block's columns, from column A ('' for none). */
  readonly formats: readonly string[];
}

/** The Score check tab: score bands, the AUC and the weights the won and lost leads suggest, beside today's. */
export function scoreCheckBlocks(layout: Layout, factorRows: readonly number[]): ReportBlock[] {
  const L = LEADS_TAB.name;
  const scores = ref(layout, L, 'Score');
  const outcomes = ref(layout, L, 'Status');
  const ratings = columnsArgument(
    FACTOR_NAMES.map((f) => col(layout, L, f)),
    L,
  );
  const names = factorColumnArgument(layout, factorRows, 'Factor');
  const weights = factorColumnArgument(layout, factorRows, 'Weight');
  return [
    {
      row: 1,
      title: 'Win rate by score band: do leads with higher scores win more often?',
      formula: headerArrayFormula(
        ['Band', 'Closed', 'Won', 'Win rate', 'Low', 'High'],
        `SCOREBANDS(${scores}, ${outcomes})`,
      ),
      rows: 5,
      columns: 6,
      formats: ['', '0', '0', '0%', '0%', '0%'],
    },
    {
      row: 8,
      title: 'Ranking: how often a won lead scores above a lost one (0.5 is a coin toss, 1 a perfect ranking)',
      formula: headerArrayFormula(['AUC', 'Low', 'High', 'Won', 'Lost'], `SCOREAUC(${scores}, ${outcomes})`),
      rows: 2,
      columns: 5,
      formats: ['0.00', '0.00', '0.00', '0', '0'],
    },
    {
      row: 12,
      title: 'Weights: the Factors tab today, and what the closed leads suggest (the sidebar checks before applying)',
      formula: headerArrayFormula(
        ['Factor', 'Weight', 'Suggested'],
        `{${names}, ${weights}, FACTORWEIGHTS(${ratings}, ${outcomes})}`,
      ),
      rows: 11,
      columns: 3,
      formats: ['', '0.00', '0.00'],
    },
  ];
}
