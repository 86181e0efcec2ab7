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

/**
 * The headers a header-cell formula writes (`["Hit rate", "Low", ...]`), or undefined when the formula is not of
 * that form. Lets the add-on find a computed column even while its formula shows an error instead of its header.
 */
export function headerArrayLabels(formula: string): string[] | undefined {
  // `={` then quoted labels (`""` for a quote) separated by commas, up to the `;` that ends the array's first row.
  const labels = /^=\s*\{\s*((?:"(?:[^"]|"")*"\s*, *)*"(?:[^"]|"")*")\s*;/.exec(formula)?.[1];
  return labels ? [...labels.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')) : undefined;
}

/**
 * A column (1-based) of the Factors tab in factor order: `Factors!B2:B11` when the rows are in that order, else the
 * cells one by one (`{Factors!B3;Factors!B2;...}`). `rows[i]` is the sheet row of factor i.
 */
export function factorColumnArgument(column: number, rows: readonly number[]): string {
  const letter = columnLetter(column);
  const p = sheetPrefix(FACTORS_TAB.name);
  if (rows.every((row, i) => row === rows[0] + i)) return `${p}${letter}${rows[0]}:${letter}${rows[rows.length - 1]}`;
  return `{${rows.map((row) => `${p}${letter}${row}`).join(';')}}`;
}

/** Setup places every header of a tab before it writes formulas, and the matrix reads Factor and Weight or stops. */
const col = (layout: Layout, tab: string, header: string) => layout[tab].get(headerKey(header)) as number;

/** A column of `tab` from row 2 down, prefixed with the sheet when it is another tab's. */
export function ref(layout: Layout, tab: string, header: string, from?: string): string {
  const c = col(layout, tab, header);
  return openRange(c, c, 2, from === tab ? undefined : tab);
}

export function computedFormulas(layout: Layout, factorRows: readonly number[]): ComputedFormula[] {
  const L = LEADS_TAB.name;
  const P = PROFILES_TAB.name;
  const C = CAMPAIGNS_TAB.name;
  const S = SEGMENTS_TAB.name;
  const T = TEAM_TAB.name;
  const K = KPIS_TAB.name;
  const factorColumn = (header: string) => factorColumnArgument(col(layout, FACTORS_TAB.name, header), factorRows);
  const weights = factorColumn('Weight');
  const factors = (tab: string) => FACTOR_NAMES.map((f) => col(layout, tab, f));
  const ratings = columnsArgument(factors(L));
  const profiles = columnsArgument([col(layout, P, 'Profile'), ...factors(P)], P);
  const r = (tab: string, header: string) => ref(layout, tab, header, tab);
  const log = (header: string) => ref(layout, KPI_LOG_TAB.name, header);
  const segments = r(S, 'Segment');
  /** Counts of Leads per `key` column value (with a Status, when given), one array formula for the whole column. */
  const count = (tab: string, key: string, leadsKey: string, status?: string) =>
    `ARRAYFORMULA(IF(${r(tab, key)}="", "", COUNTIFS(${ref(layout, L, leadsKey)}, ${r(tab, key)}${
      status ? `, ${ref(layout, L, 'Status')}, "${status}"` : ''
    })))`;
  /** Won and Lost counts of the leads whose `leadsKey` is the row's `key`, and the hit rate they give. */
  const outcomes = (tab: string, key: string, leadsKey: string): Area[] => [
    [tab, ['Won'], count(tab, key, leadsKey, LEAD_STATUS.won)],
    [tab, ['Lost'], count(tab, key, leadsKey, LEAD_STATUS.lost)],
    [tab, HIT_RATE_HEADERS, `HITRATE(${r(tab, 'Won')}, ${r(tab, 'Lost')})`],
  ];
  const gates = factorColumn('At most');
  const areas: Area[] = [
    [L, ['Score'], `LEADSCORE(${ratings}, ${weights})`],
    [L, ['Best profile'], `PROFILEGAP(${ratings}, ${profiles}, ${weights}, "best")`],
    [L, ['Rule'], `QUALIFY(${ratings}, ${SETTINGS[0].rangeName}, ${gates}, ${weights})`],
    ...outcomes(P, 'Profile', 'Best profile'),
    [C, ['Leads'], count(C, 'Campaign', 'Campaign')],
    ...outcomes(C, 'Campaign', 'Campaign'),
    [
      C,
      ['Budget per won deal'],
      `ARRAYFORMULA(IF(${r(C, 'Won')}="", "", IF(${r(C, 'Won')}>0, ${r(C, 'Budget')}/${r(C, 'Won')}, "no deal won")))`,
    ],
    [S, ['Sales'], count(S, 'Segment', 'Segment', LEAD_STATUS.won)],
    [
      S,
      ['Marketing'],
      `ARRAYFORMULA(IF(${segments}="", "", SUMIF(${ref(layout, C, 'Segment')}, ${segments}, ${ref(layout, C, 'Budget')})))`,
    ],
    [S, ['Verdict'], `SWEETSPOT(${r(S, 'Sales')}, ${r(S, 'Marketing')}, ${r(S, 'In market')})`],
    ...outcomes(T, 'Rep', 'Owner'),
    [K, ['Status'], `KPISTATUS(${r(K, 'Actual')}, ${r(K, 'Target')}, ${r(K, 'Direction')})`],
    [
      K,
      ['Centre', 'Lower', 'Upper', 'Signal'],
      `KPISIGNAL(${r(K, 'KPI')}, ${log('KPI')}, ${log('Value')}, ${log('Date')})`,
    ],
  ];
  return areas.map(([tab, headers, expression]) => ({
    tab,
    headers,
    formula: headerArrayFormula(headers, expression),
  }));
}

/** A computed area: its tab, its headers, and the expression that fills them. */
type Area = [tab: string, headers: readonly string[], expression: string];

/** One block of the Score check tab: a title in column A, and one formula under it. */
export interface ReportBlock {
  /** 1-based row of the title; the formula goes in column A of the next row. */
  readonly row: number;
  readonly title: string;
  readonly formula: string;
  /** The block's height, header row included, so setup writes it only where the whole area is free. */
  readonly rows: number;
  /** The number format of each of the block's columns, from column A ('' for none): as many as it has columns. */
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
  const [names, weights] = ['Factor', 'Weight'].map((h) =>
    factorColumnArgument(col(layout, FACTORS_TAB.name, h), factorRows),
  );
  const block = (
    row: number,
    title: string,
    rows: number,
    headers: readonly string[],
    formats: readonly string[],
    expression: string,
  ): ReportBlock => ({ row, title, formula: headerArrayFormula(headers, expression), rows, formats });
  return [
    block(
      1,
      'Win rate by score band: do leads with higher scores win more often?',
      5,
      ['Band', 'Closed', 'Won', 'Win rate', 'Low', 'High'],
      ['', '0', '0', '0%', '0%', '0%'],
      `SCOREBANDS(${scores}, ${outcomes})`,
    ),
    block(
      8,
      'Ranking: how often a won lead scores above a lost one (0.5 is a coin toss, 1 a perfect ranking)',
      2,
      ['AUC', 'Low', 'High', 'Won', 'Lost'],
      ['0.00', '0.00', '0.00', '0', '0'],
      `SCOREAUC(${scores}, ${outcomes})`,
    ),
    block(
      12,
      'Weights: the Factors tab today, and what the closed leads suggest (the sidebar checks before applying)',
      11,
      ['Factor', 'Weight', 'Suggested'],
      ['', '0.00', '0.00'],
      `{${names}, ${weights}, FACTORWEIGHTS(${ratings}, ${outcomes})}`,
    ),
  ];
}
