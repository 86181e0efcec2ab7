/** The sidebar's panels shaped from tables, computed by the same core code as the custom functions (no service calls). */

import { isBlank, toFlag, toNumber } from '../core/cells';
import { FACTOR_NAMES, FACTORS } from '../core/factors';
import { kpiStatus } from '../core/kpi-status';
import { type CampaignDates, leadQualityDefects } from '../core/lead-quality';
import { leadScore } from '../core/lead-score';
import { CLOSED_LEAD_STATUSES, LEAD_STATUS } from '../core/lead-statuses';
import { type QualifyRule, qualify } from '../core/qualify';
import { deviationOf } from '../core/rule-deviations';
import { describeRatingAge, ratingAge } from '../core/stale-ratings';
import { isWholeRating } from '../core/vectors';
import { readWeights } from '../core/weights';
import { headerKey } from '../shared/schema';
import type {
  FactorInfo,
  KpisData,
  LeadDefect,
  LeadSummary,
  NamedVector,
  RuleDeviation,
  SegmentsData,
  StaleLead,
  TeamData,
} from '../shared/sidebar-api';
import { wireValue } from './dates';
import { runChartsOf } from './run-charts';
import { cell, SETUP_HINT, type Table, text } from './store';

/** A table's columns and rows: all a panel needs, so tests can build one without a sheet. */
export type Rows = Pick<Table, 'columns' | 'rows'>;

const CLOSED = new Set(CLOSED_LEAD_STATUSES.map(headerKey));
const WON = headerKey(LEAD_STATUS.won);
const LOST = headerKey(LEAD_STATUS.lost);
const TOP_LEADS = 10;
/** Leads offered to the webgraph: the most recent open ones, so the panel stays small at 10,000 rows. */
const WEBGRAPH_LEADS = 200;

/** The ten factors as the Factors tab defines them, in factor order; a missing row or bad weight is an error. */
export function factorInfo(factors: Rows): FactorInfo[] {
  const byName = new Map(factors.rows.map((row) => [headerKey(cell(factors, row, 'Factor')), row]));
  const rows = FACTORS.map((f) => {
    const row = byName.get(headerKey(f.name));
    if (!row) throw new Error(`The Factors tab has no row for ${f.name}. ${SETUP_HINT}`);
    return row;
  });
  let weights: readonly number[];
  try {
    weights = readWeights(rows.map((row) => [cell(factors, row, 'Weight')]));
  } catch (error) {
    throw new Error(`Factors tab: ${(error as Error).message}`);
  }
  return FACTORS.map((f, i) => ({
    name: f.name,
    weight: weights[i],
    best: text(cell(factors, rows[i], '1 means')) || f.best,
    worst: text(cell(factors, rows[i], '5 means')) || f.worst,
  }));
}

function ratings(table: Rows, row: readonly unknown[]): unknown[] {
  return FACTOR_NAMES.map((name) => cell(table, row, name));
}

const isOpen = (table: Rows, row: readonly unknown[]) => !CLOSED.has(headerKey(cell(table, row, 'Status')));

/** What leadLists needs besides the leads: the weights, today in the spreadsheet's time zone, and the team's rules. */
export interface LeadListOptions {
  readonly weights: readonly number[];
  /** Today as YYYY-MM-DD in the spreadsheet's time zone. */
  readonly today: string;
  readonly timeZone: string;
  readonly rerateAfterDays: number;
  /** The qualification rule; null lists no deviations. */
  readonly rule: QualifyRule | null;
  /** Each campaign's Start and End (YYYY-MM-DD), to find leads created outside them. */
  readonly campaigns?: readonly CampaignDates[];
}

export interface LeadLists {
  top: LeadSummary[];
  defects: LeadDefect[];
  stale: StaleLead[];
  deviations: RuleDeviation[];
}

/** A date cell (Rated, Created, Closed) as YYYY-MM-DD (a date), its text (something else), or '' (blank). */
export function dateText(value: unknown, timeZone: string): string {
  return isBlank(value) ? '' : String(wireValue(value, timeZone)).trim();
}
const ratedText = dateText;

/** The factor whose cell makes a rating defect: the first weighted one blank or not a whole number 1-5. */
function defectiveFactor(values: readonly unknown[], weights: readonly number[]): string {
  const at = values.findIndex((v, i) => weights[i] > 0 && !(typeof v === 'number' && isWholeRating(v)));
  return FACTOR_NAMES[Math.max(at, 0)];
}

/**
 * The open leads with the best scores (each with its rating age); every lead whose ratings have a defect (LEADSCORE's
 * text); the open leads whose ratings are stale or never dated (oldest first, as the Rated column's format marks
 * them); and the leads whose Status QUALIFY contradicts, judged by QUALIFY's own code.
 */
export function leadLists(leads: Rows, options: LeadListOptions): LeadLists {
  if (leads.rows.length === 0) return { top: [], defects: [], stale: [], deviations: [] };
  const { weights, today, timeZone, rerateAfterDays, rule, campaigns = [] } = options;
  const grid = leads.rows.map((row) => ratings(leads, row));
  const scores = leadScore(
    grid,
    weights.map((w) => [w]),
  );
  const verdicts = rule
    ? qualify(
        grid,
        rule.minScore,
        rule.gates.map((g) => [g ?? '']),
        rule.weights.map((w) => [w]),
      )
    : [];
  const top: LeadSummary[] = [];
  const defects: LeadDefect[] = [];
  const stale: StaleLead[] = [];
  const deviations: RuleDeviation[] = [];
  leads.rows.forEach((row, i) => {
    const score = scores[i][0];
    const company = text(cell(leads, row, 'Company'));
    const owner = text(cell(leads, row, 'Owner'));
    const base = { row: i + 2, lead: text(cell(leads, row, 'Lead')), company, owner };
    const status = text(cell(leads, row, 'Status'));
    const age = ratingAge(ratedText(cell(leads, row, 'Rated'), timeZone), today, rerateAfterDays);
    const open = isOpen(leads, row);
    if (typeof score === 'string') {
      if (score !== '') defects.push({ ...base, column: defectiveFactor(grid[i], weights), defect: score });
    } else if (open) {
      top.push({ ...base, status, score: score as number, rated: describeRatingAge(age) });
    }
    if (open && company !== '' && (age.kind !== 'dated' || age.stale)) {
      stale.push({ ...base, days: age.kind === 'dated' ? age.days : null, age: describeRatingAge(age) });
    }
    const deviation = rule ? deviationOf(status, verdicts[i][0]) : undefined;
    if (deviation) deviations.push({ ...base, deviation });
  });
  // Information quality beyond ratings: duplicate companies, Closed dates, dates outside the campaign.
  const quality = leadQualityDefects(
    leads.rows.map((row) => ({
      lead: text(cell(leads, row, 'Lead')),
      company: text(cell(leads, row, 'Company')),
      status: text(cell(leads, row, 'Status')),
      created: dateText(cell(leads, row, 'Created'), timeZone),
      closed: dateText(cell(leads, row, 'Closed'), timeZone),
      campaign: text(cell(leads, row, 'Campaign')),
    })),
    campaigns,
  );
  for (const q of quality) {
    const row = leads.rows[q.index];
    defects.push({
      row: q.index + 2,
      lead: text(cell(leads, row, 'Lead')),
      company: text(cell(leads, row, 'Company')),
      owner: text(cell(leads, row, 'Owner')),
      column: q.column,
      defect: q.defect,
    });
  }
  defects.sort((a, b) => a.row - b.row);
  top.sort((a, b) => b.score - a.score);
  // Never dated first (nobody knows how old those are), then the oldest.
  stale.sort((a, b) => (b.days ?? Number.POSITIVE_INFINITY) - (a.days ?? Number.POSITIVE_INFINITY));
  // The best TOP_LEADS overall and the best TOP_LEADS of each owner, so the panel can show any rep's own top leads.
  const perOwner = new Map<string, number>();
  const kept = top.filter((lead, i) => {
    const k = headerKey(lead.owner);
    const n = perOwner.get(k) ?? 0;
    perOwner.set(k, n + 1);
    return i < TOP_LEADS || n < TOP_LEADS;
  });
  return { top: kept, defects, stale, deviations };
}

/** Each named row's ten factor values, null where a value is blank or not a number. */
export function vectors(table: Rows, nameOf: (row: readonly unknown[]) => string): NamedVector[] {
  return table.rows
    .filter((row) => nameOf(row) !== '')
    .map((row) => ({ name: nameOf(row), values: ratings(table, row).map((v) => toNumber(v) ?? null) }));
}

/** A lead's name in pickers and chart requests: its id and company. */
export function leadName(leads: Rows, row: readonly unknown[]): string {
  return `${text(cell(leads, row, 'Lead'))} ${text(cell(leads, row, 'Company'))}`.trim();
}

export function webgraphLeads(leads: Rows): NamedVector[] {
  const open: Rows = { columns: leads.columns, rows: leads.rows.filter((row) => isOpen(leads, row)) };
  return vectors({ ...open, rows: open.rows.slice(-WEBGRAPH_LEADS) }, (row) => leadName(leads, row));
}

/** Counts of leads per value of `key` (`Segment`, `Owner`) with the status of header key `status`, as the Won/Sales formulas count. */
function countBy(leads: Rows, key: string, status: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of leads.rows) {
    if (headerKey(cell(leads, row, 'Status')) !== status) continue;
    const k = headerKey(cell(leads, row, key));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Each named segment with its sales (won leads) and marketing (campaign budget); the sidebar adds SWEETSPOT's verdicts. */
export function segmentsData(segments: Rows, leads: Rows, campaigns: Rows): SegmentsData {
  const won = countBy(leads, 'Segment', WON);
  const budget = new Map<string, number>();
  for (const row of campaigns.rows) {
    const k = headerKey(cell(campaigns, row, 'Segment'));
    budget.set(k, (budget.get(k) ?? 0) + (toNumber(cell(campaigns, row, 'Budget')) ?? 0));
  }
  const rows = segments.rows.filter((row) => text(cell(segments, row, 'Segment')) !== '');
  return {
    segments: rows.map((row) => {
      const key = headerKey(cell(segments, row, 'Segment'));
      return {
        segment: text(cell(segments, row, 'Segment')),
        price: text(cell(segments, row, 'Price')),
        complexity: text(cell(segments, row, 'Complexity')),
        inMarket: toFlag(cell(segments, row, 'In market')) === true,
        sales: won.get(key) ?? 0,
        marketing: budget.get(key) ?? 0,
      };
    }),
  };
}

/** Each rep's won and lost leads; the sidebar adds HITRATE's intervals and p-chart verdicts. */
export function teamData(team: Rows, leads: Rows): TeamData {
  const won = countBy(leads, 'Owner', WON);
  const lost = countBy(leads, 'Owner', LOST);
  const reps = team.rows.map((row) => text(cell(team, row, 'Rep'))).filter((rep) => rep !== '');
  return { reps: reps.map((rep) => ({ rep, won: won.get(headerKey(rep)) ?? 0, lost: lost.get(headerKey(rep)) ?? 0 })) };
}

/**
 * Each KPI with KPISTATUS's status and its run chart from the KPI log (KPISIGNAL's own code), and the Internal
 * customers rows: the sidebar lints both (src/client/panels/kpis-model.ts).
 */
export function kpisData(kpis: Rows, log: Rows, customers: Rows, timeZone: string): KpisData {
  const rows = kpis.rows.map((row, i) => ({ row, at: i + 2 })).filter(({ row }) => text(cell(kpis, row, 'KPI')) !== '');
  const get = (row: readonly unknown[], header: string) => text(cell(kpis, row, header));
  const internalCustomers = customers.rows.map((row, i) => ({
    row: i + 2,
    information: text(cell(customers, row, 'Information')),
    receiver: text(cell(customers, row, 'Receiver')),
    via: text(cell(customers, row, 'Via')),
    provided: text(cell(customers, row, 'Provided')),
  }));
  if (rows.length === 0) return { kpis: [], internalCustomers };
  const column = (header: string) => rows.map(({ row }) => [cell(kpis, row, header)]);
  const statuses = kpiStatus(column('Actual'), column('Target'), column('Direction'));
  const charts = runChartsOf(
    rows.map(({ row }) => get(row, 'KPI')),
    log,
    timeZone,
  );
  const list = rows.map(({ row, at }, i) => ({
    row: at,
    kpi: get(row, 'KPI'),
    level: get(row, 'Level'),
    why: get(row, 'Why'),
    when: get(row, 'When'),
    how: get(row, 'How'),
    who: get(row, 'Who'),
    direction: get(row, 'Direction'),
    target: wireValue(cell(kpis, row, 'Target'), timeZone),
    actual: wireValue(cell(kpis, row, 'Actual'), timeZone),
    status: String(statuses[i][0]),
    chart: charts[i],
  }));
  return { kpis: list, internalCustomers };
}
