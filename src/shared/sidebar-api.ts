/**
 * What crosses google.script.run between the sidebar and the server: plain JSON only.
 * No Date survives the trip, so dates travel as ISO `YYYY-MM-DD` strings.
 */

import type { HitRateCells } from '../core/hit-rate';
import type { ImprovementError, ImprovementWalk, ProblemForm } from '../core/improvement-lint';
import type { InternalCustomer } from '../core/internal-customers-lint';
import type { FieldError, LeadChoices, LeadEditForm, LeadForm } from '../core/lead-form-rules';

/** A factor as the Factors tab defines it. */
export interface FactorInfo {
  readonly name: string;
  readonly weight: number;
  readonly best: string;
  readonly worst: string;
}

export type SaveLeadResult =
  | { readonly ok: true; readonly row: number; readonly lead: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] }
  /** The company is already a lead (case and spacing aside): nothing written until the rep confirms. */
  | { readonly ok: false; readonly duplicate: LeadMatch };

export interface LeadSummary {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly owner: string;
  readonly status: string;
  readonly score: number;
  /** How old its ratings are: `rated 12 days ago`, `never rated`, ... */
  readonly rated: string;
}

/** An open lead whose ratings are older than Re-rate after days, or were never dated. */
export interface StaleLead {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly owner: string;
  /** Days since its Rated date; null when never rated (or Rated is not a date). */
  readonly days: number | null;
  /** `rated 120 days ago`, `never rated`, `Rated is not a date: ...`. */
  readonly age: string;
}

/** A lead whose Status the qualification rule contradicts. */
export interface RuleDeviation {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly owner: string;
  /** `Status Qualified, but the rule says not qualified: score 55 (at least 60)`. */
  readonly deviation: string;
}

/** The team's qualification rule as the lead form previews it (weights come with the factors). */
export interface RuleInfo {
  readonly minScore: number;
  /** Per factor the worst acceptable rating, null for no gate. */
  readonly gates: readonly (number | null)[];
}

/** A lead found by a search: enough to pick it. */
export interface LeadMatch {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly status: string;
}

/** A lead as the edit form loads it: every field, rating and date, and the row's cells to compare on save. */
export interface LeadRecord extends LeadEditForm {
  readonly row: number;
  readonly lead: string;
  /** YYYY-MM-DD, or '' when never rated. */
  readonly rated: string;
  /** Every input column of the row as loaded (header to value, dates as YYYY-MM-DD): the save compares it. */
  readonly cells: Readonly<Record<string, string | number>>;
}

export type LoadLeadResult =
  | { readonly ok: true; readonly lead: LeadRecord }
  | { readonly ok: false; readonly message: string };

/** One cell that differs from what the form loaded. */
export interface FieldChange {
  readonly field: string;
  readonly was: string | number;
  readonly now: string | number;
}

export interface LeadEditRequest {
  /** The lead as it was loaded (LeadRecord), unchanged. */
  readonly loaded: LeadRecord;
  /** What the rep wants the lead to hold. */
  readonly form: LeadEditForm;
}

export type EditLeadResult =
  | { readonly ok: true; readonly row: number; readonly lead: string; readonly rated: string; readonly closed: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] }
  | {
      readonly ok: false;
      readonly conflict: string;
      /** What differs from what was loaded; empty when the lead is gone. */
      readonly changes: readonly FieldChange[];
    };

export interface LeadDefect {
  readonly row: number;
  readonly lead: string;
  readonly company: string;
  readonly owner: string;
  /** The header of the defective cell's column: the first bad factor, Company, Closed or Created. */
  readonly column: string;
  /**
   * The `incomplete ...` or `invalid ...` text LEADSCORE gives the row, or an information-quality defect: a company
   * recorded twice, Won or Lost without a Closed date, Closed before Created, created outside its campaign's dates.
   */
  readonly defect: string;
}

/** The form's lists (LeadChoices) come from the Team, Segments and Campaigns tabs. */
export interface LeadsPanel extends LeadChoices {
  readonly factors: readonly FactorInfo[];
  /** Best scores first: the best 10 overall and the best 10 of each owner (the panel filters by owner). */
  readonly top: readonly LeadSummary[];
  readonly defects: readonly LeadDefect[];
  /** Open leads whose ratings are older than `rerateAfterDays` or were never dated, oldest first. */
  readonly stale: readonly StaleLead[];
  readonly rerateAfterDays: number;
  /** Leads whose Status the qualification rule contradicts. */
  readonly deviations: readonly RuleDeviation[];
  /** The rule, or null when the Settings or Factors tab cannot give it (`problems` says why). */
  readonly rule: RuleInfo | null;
  /** Computed columns of Leads whose formula cannot fill them, each a sentence naming the cells to clear. */
  readonly problems: readonly string[];
}

/** A named vector of ten factor values; `null` where a value is blank. */
export interface NamedVector {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** A profile's evidence for or against its assumption: the won and lost leads it is the best profile of. */
export interface ProfileEvidence extends HitRateCells {
  readonly profile: string;
  /** The Assumption column: we target this group because ... */
  readonly assumption: string;
  readonly won: number;
  readonly lost: number;
}

export interface WebgraphPanel {
  readonly factors: readonly FactorInfo[];
  readonly profiles: readonly NamedVector[];
  readonly campaigns: readonly NamedVector[];
  readonly leads: readonly NamedVector[];
  /** One per profile, in the Profiles tab's order (absent from a server that does not give it). */
  readonly evidence?: readonly ProfileEvidence[];
}

/** Where `Insert as formula` put the match matrix. */
export interface MatrixResult {
  readonly sheet: string;
  /** The cell holding the PROFILEGAP match formula, and the formula. */
  readonly cell: string;
  readonly formula: string;
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

/** A segment as the Segments tab names it, with its sales and marketing. */
export interface SegmentCount {
  readonly segment: string;
  readonly price: string;
  readonly complexity: string;
  readonly inMarket: boolean;
  /** Won leads in the segment. */
  readonly sales: number;
  /** The Budget of its campaigns. */
  readonly marketing: number;
}

/** The Segments panel's data: src/client/panels/segments-model.ts adds SWEETSPOT's verdicts and overlap. */
export interface SegmentsData {
  /** The named segments, in the tab's order. */
  readonly segments: readonly SegmentCount[];
}

/** A rep's closed leads. */
export interface RepCount {
  readonly rep: string;
  readonly won: number;
  readonly lost: number;
}

/** The Team panel's data: src/client/panels/team-model.ts adds HITRATE's intervals and the pooled rate. */
export interface TeamData {
  /** The Team tab's reps, in its order. */
  readonly reps: readonly RepCount[];
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
  /** The KPI's run chart from the KPI log, as KPISIGNAL computes it. */
  readonly chart: RunChartData;
}

/** A value of a KPI's run chart: its day (ISO, '' when the log row has none) and value. */
export interface RunPoint {
  readonly date: string;
  readonly value: number;
}

/** An XmR run chart: the values in KPISIGNAL's order, its centre and limits (null under 5 values) and signal. */
export interface RunChartData {
  readonly points: readonly RunPoint[];
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** KPISIGNAL's text: `signal: ...`, `routine variation` or `needs 5 values (has n)`. */
  readonly signal: string;
}

/** The KPIs panel's data: src/client/panels/kpis-model.ts lints the KPIs and the Internal customers rows. */
export interface KpisData {
  /** The KPIs tab's rows that name a KPI. */
  readonly kpis: readonly KpiRow[];
  /** Every data row of the Internal customers tab, as text. */
  readonly internalCustomers: readonly InternalCustomer[];
}

/** What the Improve panel shows and walks (src/client/panels/improve-model.ts reads the items from the rows). */
export interface ImproveData {
  /** The Improvements tab's input columns, in the order of each row's cells. */
  readonly headers: readonly string[];
  /**
   * Every data row's input cells, `rows[i]` being sheet row i + 2 (days as YYYY-MM-DD). An item's `version` for a
   * save is its row's cells as JSON: the save goes through only while the row still holds exactly these.
   */
  readonly rows: readonly (readonly (number | string)[])[];
  /** Owners: the Rep column of Team. */
  readonly owners: readonly string[];
  /** Feedback KPIs: the KPI column of KPIs. */
  readonly kpis: readonly string[];
  /** The run chart of every KPI named in `kpis`, by name. */
  readonly charts: Readonly<Record<string, RunChartData>>;
  /** Today in the spreadsheet's time zone. */
  readonly today: string;
}

export type RaiseProblemResult =
  | { readonly ok: true; readonly row: number; readonly id: string }
  | { readonly ok: false; readonly errors: readonly ImprovementError[] };

export interface SaveImprovementRequest {
  readonly id: string;
  /** The item's `version` when it was opened: its row's cells as JSON (ImproveData). */
  readonly version: string;
  readonly walk: ImprovementWalk;
}

export type SaveImprovementResult =
  | { readonly ok: true; readonly row: number; readonly id: string }
  | { readonly ok: false; readonly errors: readonly ImprovementError[] }
  /** Someone changed or removed the row since it was opened: nothing was written. */
  | { readonly ok: false; readonly conflict: string };

/**
 * What the Check panel computes from (src/client/panels/check-model.ts): the weights and the closed leads, a compact
 * 11 characters per lead however many open leads there are.
 */
export interface CheckData {
  /** The ten factor names, in factor order. */
  readonly factors: readonly string[];
  /** The Factors weights, in factor order. */
  readonly weights: readonly number[];
  /**
   * Each closed lead (Status Won or Lost) in sheet order: `W` or `L`, then per factor its rating 1-5, `-` for a blank
   * cell or `x` for anything else (which LEADSCORE calls invalid).
   */
  readonly closed: readonly string[];
  /** Of the weights and closed leads: applySuggestedWeights writes only while the sheet still gives this. */
  readonly fingerprint: string;
}

/** What the Check panel showed when the user applied the suggestion. */
export interface ApplyWeightsRequest {
  readonly fingerprint: string;
  /** FACTORWEIGHTS' suggestion as shown (the server writes it only if it still suggests exactly these). */
  readonly suggested: readonly number[];
  /** The cross-validated AUCs shown, recorded in Improvements. */
  readonly currentAuc: number;
  readonly suggestedAuc: number;
}

export type ApplyWeightsResult =
  | {
      readonly ok: true;
      /** The Improvements row that records the change, and its ID. */
      readonly improvement: string;
      readonly row: number;
      /** The panel's data with the new weights. */
      readonly panel: CheckData;
    }
  | {
      readonly ok: false;
      /** Why nothing was written, in one sentence. */
      readonly message: string;
      /** The panel's data as they are now. */
      readonly panel: CheckData;
    };

/** The server functions the sidebar calls; src/server/index.ts exports each as a top-level function. */
export interface SidebarApi {
  getLeadsPanel(): LeadsPanel;
  /** Appends a new lead; a company already recorded is saved only with `allowDuplicate` (the rep confirmed). */
  saveLead(input: LeadForm, options?: { readonly allowDuplicate?: boolean }): SaveLeadResult;
  /** Leads whose id or company contains the text (any case), at most 20. */
  findLeads(query: string): LeadMatch[];
  /** A lead by its id, wherever its row is now. */
  getLead(lead: string): LoadLeadResult;
  /** The lead in the row selected in the Leads tab. */
  getSelectedLead(): LoadLeadResult;
  /** Writes an edited lead into its row, only if the row still holds what was loaded. */
  saveLeadChanges(request: LeadEditRequest): EditLeadResult;
  /** Selects a row of a tab, so the user sees the lead or KPI the sidebar pointed at. */
  goToRow(tab: string, row: number): void;
  /** Selects the cell of a row under the column headed `header` (the defective cell itself), scrolled into view. */
  goToCell(tab: string, row: number, header: string): void;
  getWebgraphPanel(): WebgraphPanel;
  insertComparisonChart(request: ChartRequest): ChartResult;
  /** Writes the campaign-by-profile match matrix as PROFILEGAP formulas on a new tab. */
  insertMatrixFormula(): MatrixResult;
  getSegmentsPanel(): SegmentsData;
  getTeamPanel(): TeamData;
  getKpisPanel(): KpisData;
  getImprovePanel(): ImproveData;
  /** Appends a new improvement item at Plan, raised today, with the next id. */
  raiseProblem(input: ProblemForm): RaiseProblemResult;
  /** Writes a walk into the item's row, found by id, only if the row is as it was when opened. */
  saveImprovement(request: SaveImprovementRequest): SaveImprovementResult;
  getCheckPanel(): CheckData;
  /** Writes the suggested weights and records the change, only if the data are still what the panel showed. */
  applySuggestedWeights(request: ApplyWeightsRequest): ApplyWeightsResult;
}
