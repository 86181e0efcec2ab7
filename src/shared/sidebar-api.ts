/**
 * What crosses google.script.run between the sidebar and the server: plain JSON only.
 * No Date survives the trip, so dates travel as ISO `YYYY-MM-DD` strings.
 */

import type { FieldError, LeadChoices, LeadForm } from '../core/lead-form-rules';

/** A factor as the Factors tab defines it. */
export interface FactorInfo {
  readonly name: string;
  readonly weight: number;
  readonly best: string;
  readonly worst: string;
}

export type SaveLeadResult =
  | { readonly ok: true; readonly row: number; readonly lead: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export interface LeadSummary {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly owner: string;
  readonly status: string;
  readonly score: number;
}

export interface LeadDefect {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  /** The `incomplete ...` or `invalid ...` text LEADSCORE gives the row. */
  readonly defect: string;
}

/** The form's lists (LeadChoices) come from the Team, Segments and Campaigns tabs. */
export interface LeadsPanel extends LeadChoices {
  readonly factors: readonly FactorInfo[];
  /** Best scores first. */
  readonly top: readonly LeadSummary[];
  readonly defects: readonly LeadDefect[];
  /** Computed columns of Leads whose formula cannot fill them, each a sentence naming the cells to clear. */
  readonly problems: readonly string[];
}

/** A named vector of ten factor values; `null` where a value is blank. */
export interface NamedVector {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface WebgraphPanel {
  readonly factors: readonly FactorInfo[];
  readonly profiles: readonly NamedVector[];
  readonly campaigns: readonly NamedVector[];
  readonly leads: readonly NamedVector[];
}

export interface ChartRequest {
  readonly profile: string;
  readonly target: { readonly kind: 'campaign' | 'lead'; readonly name: string };
}

export interface ChartResult {
  readonly sheet: string;
  /** A1 address of the data the chart is drawn from. */
  readonly range: string;
  /** Said when the chart is not the radar asked for (Sheets refused it), and what was drawn instead. */
  readonly note?: string;
}

export interface SegmentCell {
  readonly segment: string;
  readonly price: string;
  readonly complexity: string;
  readonly inMarket: boolean;
  readonly sales: number;
  readonly marketing: number;
  /** SWEETSPOT's label: `Sweet spot`, `Uncaptured lead`, `Lead deficit`, `White spot`, `Ineffective strategy` or ``. */
  readonly verdict: string;
}

export interface SegmentsPanel {
  readonly segments: readonly SegmentCell[];
  /** SWEETSPOT overlap, 0-100. */
  readonly overlap: number;
  readonly threshold: number;
}

export interface RepRate {
  readonly rep: string;
  readonly won: number;
  readonly lost: number;
  /** Blank (null) when the rep has no closed leads. */
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly vsTeam: 'above' | 'below' | 'within' | '';
}

export interface TeamPanel {
  readonly reps: readonly RepRate[];
  /** The pooled rate over every rep, or null when nobody has closed a lead. */
  readonly teamRate: number | null;
}

export interface KpiRow {
  readonly row: number;
  readonly kpi: string;
  readonly level: string;
  readonly why: string;
  readonly when: string;
  readonly how: string;
  readonly who: string;
  readonly direction: string;
  readonly target: number | string;
  readonly actual: number | string;
  readonly status: string;
}

export interface KpiLint {
  readonly row: number;
  readonly kpi: string;
  /** What the KPI lacks: any of `Why`, `When`, `How`, `Who`, `Target`. */
  readonly missing: readonly string[];
}

export interface KpisPanel {
  readonly kpis: readonly KpiRow[];
  readonly lint: readonly KpiLint[];
}

/** The server functions the sidebar calls; src/server/index.ts exports each as a top-level function. */
export interface SidebarApi {
  getLeadsPanel(): LeadsPanel;
  saveLead(input: LeadForm): SaveLeadResult;
  /** Selects a row of a tab, so the user sees the lead or KPI the sidebar pointed at. */
  goToRow(tab: string, row: number): void;
  getWebgraphPanel(): WebgraphPanel;
  insertComparisonChart(request: ChartRequest): ChartResult;
  getSegmentsPanel(): SegmentsPanel;
  getTeamPanel(): TeamPanel;
  getKpisPanel(): KpisPanel;
}
