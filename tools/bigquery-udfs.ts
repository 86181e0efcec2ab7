/**
 * The BigQuery JavaScript UDFs' entry points (issue 16): each takes its arguments as BigQuery hands them to a
 * JavaScript UDF and calls the same src/core function the Sheets custom function calls. tools/bigquery.ts bundles one
 * entry per UDF into the body of its CREATE FUNCTION statement. Pure: src/core only, no Node, no Apps Script, no DOM.
 *
 * BigQuery's type mapping for JavaScript UDFs (https://cloud.google.com/bigquery/docs/user-defined-functions, "SQL
 * type encodings in JavaScript"): FLOAT64 arrives as a number, STRING as a string, BOOL as a boolean, ARRAY as an
 * array, STRUCT as an object keyed by field name, and SQL NULL as null. INT64 is not accepted as an input type (a
 * JavaScript number cannot hold every 64-bit integer), so ratings, weights and counts are FLOAT64.
 *
 * A SQL NULL stands for a blank cell. A NULL or empty ARRAY of factors stands for a row of ten blanks (BigQuery turns
 * a NULL ARRAY into an empty one in results, so a stored lead without ratings may come back as `[]`), and a NULL or
 * empty weights or gates ARRAY for the argument left out. Where Sheets would show `#ERROR!` (a structural mistake,
 * such as nine ratings or a negative weight) the UDF gives the same message, `LEADSCORE: ...`, in the `defect` field:
 * a UDF that throws fails the whole query, and one bad row must not lose a million scores.
 */

import { type OutCell, StructuralError } from '../src/core/cells';
import { FACTOR_COUNT } from '../src/core/factors';
import { hitRate } from '../src/core/hit-rate';
import { leadScore } from '../src/core/lead-score';
import { profileGap } from '../src/core/profile-gap';
import { NOT_QUALIFIED, QUALIFIED, qualify } from '../src/core/qualify';

/** An ARRAY<FLOAT64> as BigQuery passes it: an array (its elements numbers or null), or null. */
export type FactorArray = readonly (number | null)[] | null | undefined;

/** One element of PROFILEGAP best's candidates: STRUCT<name STRING, factors ARRAY<FLOAT64>>. */
export interface Candidate {
  readonly name: string | null;
  readonly factors: FactorArray;
}

export interface ScoreResult {
  score: number | null;
  defect: string | null;
}
export interface MatchResult {
  match: number | null;
  defect: string | null;
}
export interface BestResult {
  best: string | null;
  defect: string | null;
}
export interface HitRateResult {
  rate: number | null;
  low: number | null;
  high: number | null;
  vs_team: string | null;
  defect: string | null;
}
export interface QualifyResult {
  verdict: string | null;
  qualified: boolean | null;
  defect: string | null;
}

const BLANK_FACTORS: readonly null[] = Array.from({ length: FACTOR_COUNT }, () => null);

/** A row of factor cells: the array itself, or ten blanks for NULL or `[]`. */
function factorRow(values: FactorArray): readonly unknown[] {
  return values == null || values.length === 0 ? BLANK_FACTORS : values;
}

/** An optional ten-cell argument (weights, gates) as the one-row range Sheets would pass; NULL or `[]` is omitted. */
function optionalRow(values: FactorArray): unknown {
  return values == null || values.length === 0 ? undefined : [values];
}

/** A FLOAT64 that may be NULL, as a cell: NULL is a blank cell. */
function cell(value: number | null | undefined): unknown {
  return value == null ? '' : value;
}

/** Runs `compute`; a structural error becomes `failed` with Sheets' `#ERROR!` text (`NAME: message`). */
function guarded<T>(name: string, compute: () => T, failed: (message: string) => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof StructuralError) return failed(`${name}: ${error.message}`);
    throw error;
  }
}

/** A text cell as a defect: `''` (a blank row) is no defect. */
const defectOf = (text: OutCell): string | null => (text === '' ? null : String(text));

/** LEADSCORE for one lead: `leadscore(ratings ARRAY<FLOAT64>, weights ARRAY<FLOAT64>)`. */
export function leadscore(ratings: FactorArray, weights: FactorArray): ScoreResult {
  return guarded(
    'LEADSCORE',
    () => {
      const out = leadScore([factorRow(ratings)], optionalRow(weights))[0][0];
      return typeof out === 'number' ? { score: out, defect: null } : { score: null, defect: defectOf(out) };
    },
    (defect) => ({ score: null, defect }),
  );
}

/** PROFILEGAP "match" for one pair: `profilegap_match(profile, campaign, weights)`, all ARRAY<FLOAT64>. */
export function profilegapMatch(profile: FactorArray, campaign: FactorArray, weights: FactorArray): MatchResult {
  return guarded(
    'PROFILEGAP',
    () => {
      const out = profileGap([factorRow(profile)], [factorRow(campaign)], optionalRow(weights), 'match')[0][0];
      return typeof out === 'number' ? { match: out, defect: null } : { match: null, defect: defectOf(out) };
    },
    (defect) => ({ match: null, defect }),
  );
}

/**
 * PROFILEGAP "best" for one vector (a lead, a campaign) against named candidates (the profiles):
 * `profilegap_best(vector ARRAY<FLOAT64>, candidates ARRAY<STRUCT<name STRING, factors ARRAY<FLOAT64>>>, weights)`.
 * `best` is the closest candidate's name, or its 1-based position (as text) where the name is NULL or blank.
 */
export function profilegapBest(
  vector: FactorArray,
  candidates: readonly (Candidate | null)[] | null | undefined,
  weights: FactorArray,
): BestResult {
  return guarded(
    'PROFILEGAP',
    () => {
      const list = candidates == null || candidates.length === 0 ? [null] : candidates;
      const rows = list.map((c) => [c?.name ?? '', ...factorRow(c?.factors)]);
      const out = profileGap([factorRow(vector)], rows, optionalRow(weights), 'best')[0][0];
      // A name comes back as the name; a position as a number, given here as its text (the column is a STRING).
      const isName = typeof out === 'string' && list.some((c) => c?.name === out);
      if (isName || typeof out === 'number') return { best: String(out), defect: null };
      return { best: null, defect: defectOf(out) };
    },
    (defect) => ({ best: null, defect }),
  );
}

/**
 * HITRATE for one rep: `hitrate(won, lost, team_won, team_lost, confidence)`, all FLOAT64. `team_won` and `team_lost`
 * are the team's totals over its reps with valid counts, this rep's included (SQL sums them, see
 * lean_sales_aggregates.sql); given, `vs_team` is the p-chart verdict HITRATE gives in the sheet, else NULL.
 */
export function hitrate(
  won: number | null,
  lost: number | null,
  teamWon: number | null,
  teamLost: number | null,
  confidence: number | null,
): HitRateResult {
  const empty = { rate: null, low: null, high: null, vs_team: null };
  return guarded(
    'HITRATE',
    () => {
      const team = teamWon != null && teamLost != null;
      // With the team's totals, a second row holds the rest of the team: the pooled rate is then the team's, exactly
      // as over the whole Team tab.
      const wonCells = team ? [[cell(won)], [teamWon - (won ?? 0)]] : [[cell(won)]];
      const lostCells = team ? [[cell(lost)], [teamLost - (lost ?? 0)]] : [[cell(lost)]];
      const [rate, low, high, versus] = hitRate(wonCells, lostCells, confidence ?? undefined)[0];
      if (typeof rate !== 'number') return { ...empty, defect: defectOf(rate) };
      return {
        rate,
        low: low as number,
        high: high as number,
        vs_team: team ? String(versus) : null,
        defect: null,
      };
    },
    (defect) => ({ ...empty, defect }),
  );
}

/** QUALIFY for one lead: `qualify_lead(ratings, min_score, gates, weights)`; gates' NULL elements are "no gate". */
export function qualifyLead(
  ratings: FactorArray,
  minScore: number | null,
  gates: FactorArray,
  weights: FactorArray,
): QualifyResult {
  return guarded(
    'QUALIFY',
    () => {
      const out = qualify([factorRow(ratings)], cell(minScore), optionalRow(gates), optionalRow(weights))[0][0];
      const text = String(out);
      if (text === QUALIFIED || text.startsWith(NOT_QUALIFIED)) {
        return { verdict: text, qualified: text === QUALIFIED, defect: null };
      }
      return { verdict: null, qualified: null, defect: defectOf(out) };
    },
    (defect) => ({ verdict: null, qualified: null, defect }),
  );
}
