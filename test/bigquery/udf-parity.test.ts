/**
 * The BigQuery UDFs give what the Sheets functions give (issue 16): each UDF body of dist/bigquery/lean_sales.sql,
 * run as BigQuery runs it (harness.ts), against the custom function of the built dist/Code.js on the same leads:
 * the function docs' examples, cases from test/core, and fuzzed inputs. Same scores, same defect texts; where Sheets
 * shows #ERROR! the UDF's defect field holds that message.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTION_DOCS } from '../../src/functions/function-docs';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';
import { udfQuery, udfsByName } from './harness';

type Row = readonly (number | null)[] | null;
type Candidate = { name: string | null; factors: Row };

const sheetsContext = loadBundle();
const udfs = udfsByName();

/** A Sheets custom function's grid, or its #ERROR! message. */
function sheets(name: string, ...args: unknown[]): unknown[][] | string {
  try {
    return callTopLevel(sheetsContext, name, ...args) as unknown[][];
  } catch (error) {
    return (error as Error).message;
  }
}

/** A BigQuery value as the Sheets cell it stands for: NULL is a blank cell. */
const cellOf = (value: unknown): unknown => (value === null || value === undefined ? '' : value);
/** A row of factors as Sheets cells: NULL or `[]` is a row of ten blanks. */
const cellsOf = (row: Row): unknown[] => (row === null || row.length === 0 ? Array(10).fill('') : row.map(cellOf));
/** An optional ten-cell argument: NULL or `[]` is left out, else one row. */
const optionalOf = (row: Row): unknown => (row === null || row.length === 0 ? undefined : [row.map(cellOf)]);

/** Per lead, the Sheets output cell (or #ERROR! text) of a one-column function over `rows`, as one call when it can. */
function perLead(
  rows: readonly Row[],
  call: (grid: unknown[][]) => unknown[][] | string,
): (unknown | { error: string })[] {
  const uniform = rows.every((r) => r === null || r.length === 0 || r.length === 10);
  if (uniform && rows.length > 0) {
    const out = call(rows.map(cellsOf));
    return rows.map((_, r) => (typeof out === 'string' ? { error: out } : out[r][0]));
  }
  return rows.map((row) => {
    const out = call([cellsOf(row)]);
    return typeof out === 'string' ? { error: out } : out[0][0];
  });
}

const isError = (cell: unknown): cell is { error: string } => typeof cell === 'object' && cell !== null;
const textOf = (cell: unknown): string | null => (isError(cell) ? cell.error : cell === '' ? null : String(cell));

function expectLeadScores(rows: readonly Row[], weights: Row): void {
  const query = udfQuery(udfs.leadscore);
  const expected = perLead(rows, (grid) => sheets('LEADSCORE', grid, optionalOf(weights)));
  rows.forEach((row, r) => {
    const cell = expected[r];
    const want = typeof cell === 'number' ? { score: cell, defect: null } : { score: null, defect: textOf(cell) };
    expect(query(row, weights), `lead ${JSON.stringify(row)}, weights ${JSON.stringify(weights)}`).toEqual(want);
  });
}

function expectQualify(rows: readonly Row[], minScore: number | null, gates: Row, weights: Row): void {
  const query = udfQuery(udfs.qualify_lead);
  const expected = perLead(rows, (grid) =>
    sheets('QUALIFY', grid, cellOf(minScore), optionalOf(gates), optionalOf(weights)),
  );
  rows.forEach((row, r) => {
    const text = textOf(expected[r]);
    const verdict = text !== null && (text === 'qualified' || text.startsWith('not qualified: '));
    const want = verdict
      ? { verdict: text, qualified: text === 'qualified', defect: null }
      : { verdict: null, qualified: null, defect: text };
    expect(query(row, minScore, gates, weights), `lead ${JSON.stringify(row)}`).toEqual(want);
  });
}

function expectMatches(profiles: readonly Row[], campaigns: readonly Row[], weights: Row): void {
  const query = udfQuery(udfs.profilegap_match);
  for (const profile of profiles) {
    for (const campaign of campaigns) {
      const out = sheets('PROFILEGAP', [cellsOf(profile)], [cellsOf(campaign)], optionalOf(weights));
      const cell = typeof out === 'string' ? { error: out } : out[0][0];
      const want = typeof cell === 'number' ? { match: cell, defect: null } : { match: null, defect: textOf(cell) };
      expect(query(profile, campaign, weights), `${JSON.stringify(profile)} vs ${JSON.stringify(campaign)}`).toEqual(
        want,
      );
    }
  }
}

function expectBest(vectors: readonly Row[], candidates: readonly Candidate[] | null, weights: Row): void {
  const query = udfQuery(udfs.profilegap_best);
  const list = candidates === null || candidates.length === 0 ? [{ name: null, factors: null }] : candidates;
  const named = list.map((c) => [cellOf(c.name), ...cellsOf(c.factors)]);
  const expected = perLead(vectors, (grid) => sheets('PROFILEGAP', grid, named, optionalOf(weights), 'best'));
  vectors.forEach((vector, r) => {
    const cell = expected[r];
    const label = !isError(cell) && (typeof cell === 'number' || list.some((c) => c.name === cell));
    const want = label ? { best: String(cell), defect: null } : { best: null, defect: textOf(cell) };
    expect(query(vector, candidates, weights), `vector ${JSON.stringify(vector)}`).toEqual(want);
  });
}

/** HITRATE per rep, with the team's totals summed as lean_sales_aggregates.sql sums them (reps whose counts are valid). */
function expectHitRates(won: readonly (number | null)[], lost: readonly (number | null)[], confidence: number | null) {
  const query = udfQuery(udfs.hitrate);
  const valid = won.map((w, i) => (query(w, lost[i], null, null, confidence) as { defect: unknown }).defect === null);
  const teamWon = won.reduce<number>((sum, w, i) => (valid[i] ? sum + (w ?? 0) : sum), 0);
  const teamLost = lost.reduce<number>((sum, l, i) => (valid[i] ? sum + (l ?? 0) : sum), 0);
  const out = sheets(
    'HITRATE',
    won.map((w) => [cellOf(w)]),
    lost.map((l) => [cellOf(l)]),
    cellOf(confidence),
  );
  won.forEach((w, i) => {
    const row = typeof out === 'string' ? [{ error: out }] : out[i];
    const [rate, low, high, versus] = row;
    const want =
      typeof rate === 'number'
        ? { rate, low, high, vs_team: versus, defect: null }
        : { rate: null, low: null, high: null, vs_team: null, defect: textOf(rate) };
    const context = `rep ${i}: ${w} won, ${lost[i]} lost, confidence ${confidence}`;
    expect(query(w, lost[i], teamWon, teamLost, confidence), context).toEqual(want);
    // Without the team's totals: the same rate and interval, no verdict.
    expect(query(w, lost[i], null, null, confidence), context).toEqual({ ...want, vs_team: null });
  });
}

/** The example arguments of a function's docs, with blank cells as NULL (BigQuery's value for them). */
function exampleArgs(name: string): unknown[] {
  const doc = FUNCTION_DOCS.find((d) => d.name === name);
  if (!doc) throw new Error(`no docs for ${name}`);
  const toNull = (value: unknown): unknown => (Array.isArray(value) ? value.map(toNull) : value === '' ? null : value);
  return doc.example.args.map(toNull);
}

describe('the function docs examples give the same answers in BigQuery', () => {
  it('LEADSCORE', () => {
    const [ratings] = exampleArgs('LEADSCORE') as [Row[]];
    expectLeadScores(ratings, null);
    expect(udfQuery(udfs.leadscore)(ratings[2], null)).toEqual({
      score: null,
      defect: 'invalid Interest: 7 (whole number 1-5)',
    });
  });

  it('PROFILEGAP match, and best for the same vectors', () => {
    const [profiles, campaigns] = exampleArgs('PROFILEGAP') as [Row[], Row[]];
    expectMatches(profiles, campaigns, null);
    expectBest(
      profiles,
      campaigns.map((factors, i) => ({ name: `A${i + 1}`, factors })),
      null,
    );
    expectBest(
      profiles,
      campaigns.map((factors) => ({ name: null, factors })),
      null,
    );
  });

  it('HITRATE', () => {
    const [won, lost] = exampleArgs('HITRATE') as [Row[], Row[]];
    expectHitRates(
      won.map((r) => (r as number[])[0]),
      lost.map((r) => (r as number[])[0]),
      null,
    );
  });

  it('QUALIFY', () => {
    const [ratings, minScore, gates] = exampleArgs('QUALIFY') as [Row[], number, Row[]];
    expectQualify(
      ratings,
      minScore,
      gates.map((r) => (r as (number | null)[])[0]),
      null,
    );
  });
});

// Cases from test/core (lead-score, profile-gap, hit-rate, qualify), in the values BigQuery can hold.
const ONES = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const FIVES = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
const MIXED = [2, 3, 1, 4, 2, 1, 2, 3, 3, 2];
const withCell = (row: readonly (number | null)[], i: number, value: number | null) =>
  row.map((v, k) => (k === i ? value : v));

describe('the cases of test/core give the same answers in BigQuery', () => {
  it('LEADSCORE: scores, blanks, incomplete and invalid ratings, weights with zeros', () => {
    const leads: Row[] = [
      ONES,
      FIVES,
      MIXED,
      null,
      [],
      Array(10).fill(null),
      withCell(MIXED, 4, null),
      [1, null, null, null, null, null, null, null, null, null],
      withCell(MIXED, 5, 7),
      withCell(MIXED, 5, 0),
      withCell(MIXED, 5, 2.5),
      withCell(MIXED, 5, -1),
      withCell(MIXED, 5, Number.NaN),
      withCell(MIXED, 5, Number.POSITIVE_INFINITY),
      withCell(withCell(MIXED, 2, null), 7, 9),
      withCell(MIXED, 0, -0),
    ];
    expectLeadScores(leads, null);
    expectLeadScores(leads, [1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expectLeadScores(leads, [3, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expectLeadScores(leads, [1e308, 1e308, 1, 1, 1, 1, 1, 1, 1, 1e-308]);
    expectLeadScores(leads, []);
  });

  it('LEADSCORE: what Sheets shows as #ERROR! is the defect, per lead', () => {
    expectLeadScores([[1, 2, 3, 4, 5, 1, 2], [...MIXED, 1], MIXED], null);
    for (const weights of [
      [1, 1, 1],
      [1, 1, 1, -2, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, null, 1, 1],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, Number.NaN, 1, 1, 1, 1],
    ]) {
      expectLeadScores([MIXED, ONES], weights);
    }
    expect(udfQuery(udfs.leadscore)(MIXED, [1, 1, 1])).toEqual({
      score: null,
      defect: expect.stringMatching(/^LEADSCORE: weights must be 10 cells in one row or one column/),
    });
  });

  it('PROFILEGAP: decimals, out-of-range and blank values, zero weights, ties and skipped candidates', () => {
    const vectors: Row[] = [
      [2, 2, 1, 1, 3, 2, 2, 3, 3, 2],
      [1.5, 2.25, 1, 4.75, 3, 2, 2, 3, 3, 2],
      withCell(ONES, 3, 0.5),
      withCell(ONES, 3, 5.5),
      withCell(ONES, 9, null),
      null,
      FIVES,
    ];
    for (const weights of [null, [1, 1, 1, 1, 1, 1, 1, 1, 1, 0], [2, 0, 1, 1, 1, 1, 1, 1, 1, 1]]) {
      expectMatches(vectors, vectors, weights);
      expectBest(
        vectors,
        vectors.map((factors, i) => ({ name: i % 3 === 0 ? null : `P${i}`, factors })),
        weights,
      );
    }
    expectBest([ONES], [{ name: 'bad', factors: withCell(ONES, 0, 9) }], null);
    expectBest([ONES], [{ name: 'blank', factors: null }], null);
    expectBest([ONES], null, null);
    expectBest([MIXED], [{ name: 'short', factors: [1, 2, 3] }], null);
  });

  it('HITRATE: counts, blanks, invalid counts left out of the team, confidence levels and #ERROR!', () => {
    const won = [81, 15, 0, 1, null, -1, 2.5, 40, 0];
    const lost = [182, 133, 20, 28, 3, 4, 1, null, 0];
    for (const confidence of [null, 0.99, 0.5, 0.999999999]) expectHitRates(won, lost, confidence);
    expectHitRates(won, lost, 1);
    expectHitRates([-0, 5], [3, -0], null);
    expectHitRates([10, 10, 10], [0, 0, 0], null);
  });

  it('QUALIFY: verdicts, gates, blank zero-weight factors, defects and #ERROR!', () => {
    const leads: Row[] = [
      [1, 2, 1, 2, 2, 1, 2, 3, 2, 2],
      [2, 3, 4, 4, 3, 2, 3, 3, 4, 3],
      [1, 1, 1, 1, 1, 4, 4, 1, 1, 1],
      null,
      withCell(MIXED, 3, null),
      withCell(MIXED, 3, 8),
    ];
    const gates = [2, null, 2, null, null, 3, null, null, null, null];
    expectQualify(leads, 60, gates, null);
    expectQualify(leads, 47.5, gates, [1, 1, 1, 0, 1, 1, 1, 1, 1, 1]);
    expectQualify(leads, 0, null, null);
    expectQualify(leads, 100, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], null);
    expectQualify(leads, null, gates, null);
    expectQualify(leads, 101, gates, null);
    expectQualify(leads, 60, [2, null, 0, null, null, null, null, null, null, null], null);
    expectQualify(leads, 60, [2, 2], null);
  });
});

// Fuzzed inputs: mostly valid values, and every kind of defect BigQuery can hold (NULL, out of range, fractions,
// NaN and infinities, wrong lengths).
const rating = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 6, 2.5, -1, -0, 1e308, 5.000000001, Number.NaN, Number.NEGATIVE_INFINITY),
  },
  { weight: 1, arbitrary: fc.double() },
);
const targetValue = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 1, max: 5, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 0.5, 5.5, Number.NaN, -0) },
);
const rowOf = (value: fc.Arbitrary<number | null>): fc.Arbitrary<Row> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.array(value, { minLength: 10, maxLength: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom<Row>(null, []) },
    { weight: 1, arbitrary: fc.array(value, { minLength: 9, maxLength: 11 }) },
  );
const weightsArb: fc.Arbitrary<Row> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 6,
    arbitrary: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) },
        { weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(null, -1, 1e308, 5e-324, Number.NaN) },
      ),
      { minLength: 10, maxLength: 10 },
    ),
  },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }) },
);
const RUNS = { numRuns: 150 };

describe('fuzzed inputs give the same answers in BigQuery', () => {
  it('LEADSCORE', () => {
    fc.assert(
      fc.property(fc.array(rowOf(rating), { minLength: 1, maxLength: 8 }), weightsArb, (rows, weights) => {
        expectLeadScores(rows, weights);
      }),
      RUNS,
    );
  });

  it('QUALIFY', () => {
    const minScore = fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.constantFrom(null, -1, 101, Number.NaN),
    );
    const gate = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null), fc.constantFrom(0, 2.5, 6));
    fc.assert(
      fc.property(
        fc.array(rowOf(rating), { minLength: 1, maxLength: 6 }),
        minScore,
        rowOf(gate),
        weightsArb,
        (rows, min, gates, weights) => {
          expectQualify(rows, min, gates, weights);
        },
      ),
      RUNS,
    );
  });

  it('PROFILEGAP match', () => {
    fc.assert(
      fc.property(
        fc.array(rowOf(targetValue), { minLength: 1, maxLength: 3 }),
        fc.array(rowOf(targetValue), { minLength: 1, maxLength: 3 }),
        weightsArb,
        (profiles, campaigns, weights) => {
          expectMatches(profiles, campaigns, weights);
        },
      ),
      RUNS,
    );
  });

  it('PROFILEGAP best', () => {
    const candidate = fc.record({
      name: fc.oneof(fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta'), fc.constantFrom(null, '', ' ')),
      factors: rowOf(targetValue),
    });
    fc.assert(
      fc.property(
        fc.array(rowOf(targetValue), { minLength: 1, maxLength: 4 }),
        fc.option(fc.array(candidate, { maxLength: 5 }), { nil: null }),
        weightsArb,
        (vectors, candidates, weights) => {
          expectBest(vectors, candidates, weights);
        },
      ),
      RUNS,
    );
  });

  it('HITRATE', () => {
    const count = fc.oneof(
      { weight: 8, arbitrary: fc.nat(300) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(-1, 2.5, -0, Number.NaN, 1e20) },
    );
    const confidence = fc.oneof(
      fc.constant(null),
      fc.double({ min: 0.01, max: 0.999, noNaN: true }),
      fc.constantFrom(0, 1, 1.5),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(count, count), { minLength: 1, maxLength: 8 }), confidence, (reps, level) => {
        expectHitRates(
          reps.map(([w]) => w),
          reps.map(([, l]) => l),
          level,
        );
      }),
      RUNS,
    );
  });
});
