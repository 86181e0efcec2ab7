/**
 * Writes dist/bigquery/ (issue 16): `lean_sales.sql`, the scoring core as BigQuery JavaScript UDFs, and
 * `lean_sales_aggregates.sql`, the queries that need all rows (SCOREAUC, FACTORWEIGHTS, HITRATE's team band) over
 * their results. tools/build.ts calls writeBigQuery, so `npm run build` writes both; clasp never pushes them
 * (.claspignore lets only the add-on's own files through).
 *
 * Each UDF's body is the bundle of its entry in tools/bigquery-udfs.ts (src/core code, minified, iife), followed by
 * one `return` that calls it with the UDF's arguments: BigQuery runs the body as a function of the named arguments.
 * The dataset is `lean_sales` unless LEAN_SALES_DATASET names another (`LEAN_SALES_DATASET=crm npm run build`).
 */

import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_DATASET = 'lean_sales';
/** The variable of the body the bundled entry is assigned to, before the body's `return` calls it. */
const ENTRY_GLOBAL = 'LeanSalesUdf';

/**
 * BigQuery's limit on a UDF's definition body: 32 KB (https://cloud.google.com/bigquery/quotas, "UDF limits":
 * maximum inline code size; a longer body is refused with "Definition body too long: n; maximum allowed: 32768 bytes").
 */
export const BODY_LIMIT_BYTES = 32 * 1024;
// The other UDF limits of that page are far off: about 5 MB of output per row (these STRUCTs are a few hundred
// bytes) and 256 arguments (these take at most 5).

const FACTORS = 'ARRAY<FLOAT64>';

/** One UDF: its SQL signature and the entry export (in tools/bigquery-udfs.ts) its body calls. */
export interface UdfSpec {
  /** The SQL name, after the dataset; none is a GoogleSQL reserved keyword (QUALIFY is one, so `qualify_lead`). */
  readonly name: string;
  /** The Sheets function whose core it runs. */
  readonly sheetsName: string;
  readonly params: readonly { readonly name: string; readonly type: string }[];
  readonly returns: string;
  /** The export of tools/bigquery-udfs.ts the body calls with the params, in order. */
  readonly entry: string;
  readonly description: string;
}

export const UDFS: readonly UdfSpec[] = [
  {
    name: 'leadscore',
    sheetsName: 'LEADSCORE',
    params: [
      { name: 'ratings', type: FACTORS },
      { name: 'weights', type: FACTORS },
    ],
    returns: 'STRUCT<score FLOAT64, defect STRING>',
    entry: 'leadscore',
    description:
      'LEADSCORE for one lead: score 0-100, or NULL and the defect text the sheet shows (both NULL for a lead with no ratings). weights NULL: every factor weighs 1.',
  },
  {
    name: 'profilegap_match',
    sheetsName: 'PROFILEGAP',
    params: [
      { name: 'profile', type: FACTORS },
      { name: 'campaign', type: FACTORS },
      { name: 'weights', type: FACTORS },
    ],
    returns: 'STRUCT<match FLOAT64, defect STRING>',
    entry: 'profilegapMatch',
    description: 'PROFILEGAP "match" for one pair: 100 for identical vectors, or NULL and the defect text.',
  },
  {
    name: 'profilegap_best',
    sheetsName: 'PROFILEGAP',
    params: [
      { name: 'vector', type: FACTORS },
      { name: 'candidates', type: `ARRAY<STRUCT<name STRING, factors ${FACTORS}>>` },
      { name: 'weights', type: FACTORS },
    ],
    returns: 'STRUCT<best STRING, defect STRING>',
    entry: 'profilegapBest',
    description:
      'PROFILEGAP "best" for one vector: the name of the closest candidate (its 1-based position where unnamed); ties go to the first.',
  },
  {
    name: 'hitrate',
    sheetsName: 'HITRATE',
    params: [
      { name: 'won', type: 'FLOAT64' },
      { name: 'lost', type: 'FLOAT64' },
      { name: 'team_won', type: 'FLOAT64' },
      { name: 'team_lost', type: 'FLOAT64' },
      { name: 'confidence', type: 'FLOAT64' },
    ],
    returns: 'STRUCT<rate FLOAT64, low FLOAT64, high FLOAT64, vs_team STRING, defect STRING>',
    entry: 'hitrate',
    description:
      "HITRATE for one rep: rate with its Wilson interval; vs_team when team_won and team_lost (the team's totals, see lean_sales_aggregates.sql) are given. confidence NULL: 0.95.",
  },
  {
    name: 'qualify_lead',
    sheetsName: 'QUALIFY',
    params: [
      { name: 'ratings', type: FACTORS },
      { name: 'min_score', type: 'FLOAT64' },
      { name: 'gates', type: FACTORS },
      { name: 'weights', type: FACTORS },
    ],
    returns: 'STRUCT<verdict STRING, qualified BOOL, defect STRING>',
    entry: 'qualifyLead',
    description:
      "QUALIFY for one lead: 'qualified' or 'not qualified: ...', or the defect text LEADSCORE gives. gates: ten worst acceptable ratings, NULL for no gate.",
  },
];

/**
 * The body of a UDF: its entry bundled alone (only the src/core code it reaches), then the call. BigQuery runs the
 * whole body on every row, so the entry exports nothing (esbuild's export helpers, defining a getter per export,
 * took a third of a row's time): the bundle assigns the entry to a variable of the body, which the last line calls.
 */
export async function udfBody(spec: UdfSpec): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: `import { ${spec.entry} } from './tools/bigquery-udfs';\ndeclare let ${ENTRY_GLOBAL}: unknown;\n${ENTRY_GLOBAL} = ${spec.entry};\n`,
      resolveDir: root,
      sourcefile: `${spec.name}-udf.ts`,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    minify: true,
  });
  const code = result.outputFiles[0].text.trim();
  const args = spec.params.map((p) => p.name).join(', ');
  return `var ${ENTRY_GLOBAL};\n${code}\nreturn ${ENTRY_GLOBAL}(${args});`;
}

/** `CREATE OR REPLACE FUNCTION dataset.name(...) RETURNS ... LANGUAGE js AS r"""body""";`. */
export function createStatement(spec: UdfSpec, body: string, dataset: string): string {
  // A raw triple-quoted string ends at the first """ (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical,
  // "String and bytes literals"): a body holding one could not be quoted, so the build refuses it.
  if (body.includes('"""')) throw new Error(`the body of ${spec.name} holds """, which would end its raw string`);
  const params = spec.params.map((p) => `${p.name} ${p.type}`).join(', ');
  return [
    `-- ${spec.description}`,
    `CREATE OR REPLACE FUNCTION ${dataset}.${spec.name}(${params})`,
    `RETURNS ${spec.returns}`,
    'DETERMINISTIC',
    'LANGUAGE js',
    `OPTIONS (description = ${sqlString(`Lean Sales (from ${spec.sheetsName}): ${spec.description}`)})`,
    `AS r"""${body}""";`,
  ].join('\n');
}

/** A GoogleSQL single-quoted string literal. */
function sqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A dataset name BigQuery accepts unquoted: letters, digits and underscores, optionally `project.` first. */
function checkDataset(dataset: string): string {
  if (!/^([a-z][a-z0-9-]{4,28}[a-z0-9]\.)?[A-Za-z_][A-Za-z0-9_]{0,1023}$/.test(dataset)) {
    throw new Error(
      `LEAN_SALES_DATASET must be a dataset name (letters, digits, _), optionally project.dataset; got ${dataset}`,
    );
  }
  return dataset;
}

/** The whole of lean_sales.sql: one CREATE statement per UDF. */
export async function udfSql(dataset = DEFAULT_DATASET): Promise<string> {
  const name = checkDataset(dataset);
  const bodies = await Promise.all(UDFS.map(udfBody));
  const header = [
    '-- Lean Sales for Google Sheets: the scoring core as BigQuery JavaScript UDFs. Built by `npm run build` from',
    '-- src/core (tools/bigquery.ts); do not edit. Create them with:',
    '--   bq query --use_legacy_sql=false < dist/bigquery/lean_sales.sql',
    `-- The dataset is ${name}; \`LEAN_SALES_DATASET=other npm run build\` writes another. See the README,`,
    '-- "Beyond one spreadsheet".',
  ].join('\n');
  return `${header}\n\n${UDFS.map((spec, i) => createStatement(spec, bodies[i], name)).join('\n\n')}\n`;
}

/**
 * lean_sales_aggregates.sql: a view of every lead with its UDF results, and the queries over all rows that the sheet's
 * SCOREAUC, FACTORWEIGHTS and HITRATE's team band compute over whole columns. The tables it reads are described in the
 * README ("Beyond one spreadsheet"): `leads` (lead, owner, status, ratings ARRAY<FLOAT64>), `factors` (position,
 * factor, weight, at_most) and `profiles` (profile, factors ARRAY<FLOAT64>), as the Leads, Factors and Profiles tabs.
 */
export function aggregatesSql(dataset = DEFAULT_DATASET): string {
  const d = checkDataset(dataset);
  return `-- Lean Sales for Google Sheets: queries over the UDFs of lean_sales.sql that need all rows. Built by
-- \`npm run build\` (tools/bigquery.ts); do not edit. Run lean_sales.sql first. Tables: see the README,
-- "Beyond one spreadsheet". Dataset: ${d}.

-- Every lead with its score, best profile and qualification, as the Leads tab's computed columns show them.
-- Qualify at score: 60, as the Settings tab's default. Best profile ties go to the first profile by name.
CREATE OR REPLACE VIEW ${d}.lead_scores AS
WITH team_rule AS (
  SELECT
    ARRAY_AGG(weight ORDER BY position) AS weights,
    ARRAY_AGG(at_most ORDER BY position) AS gates
  FROM ${d}.factors
),
candidates AS (
  SELECT ARRAY_AGG(STRUCT(profile AS name, factors AS factors) ORDER BY profile) AS profiles
  FROM ${d}.profiles
)
SELECT
  l.lead,
  l.owner,
  l.status,
  ${d}.leadscore(l.ratings, team_rule.weights).*,
  ${d}.profilegap_best(l.ratings, candidates.profiles, team_rule.weights).best AS best_profile,
  ${d}.qualify_lead(l.ratings, 60, team_rule.gates, team_rule.weights).verdict AS rule
FROM ${d}.leads AS l
CROSS JOIN team_rule
CROSS JOIN candidates;

-- SCOREAUC: does the score rank won leads above lost ones? Over the closed leads (Won or Lost, trimmed, any case)
-- with a score: the share of won-lost pairs where the won lead scores higher, ties half, by ranks (mid-ranks for
-- ties), and the Hanley-McNeil interval. z = 1.959963984540054 is the 95% level's; 2.5758293035489 gives 99%.
WITH closed AS (
  SELECT score, LOWER(TRIM(status)) = 'won' AS won
  FROM ${d}.lead_scores
  WHERE LOWER(TRIM(status)) IN ('won', 'lost') AND score IS NOT NULL
),
ranked AS (
  SELECT won, RANK() OVER (ORDER BY score) + (COUNT(*) OVER (PARTITION BY score) - 1) / 2 AS midrank
  FROM closed
),
counts AS (
  SELECT COUNTIF(won) AS w, COUNTIF(NOT won) AS l, SUM(IF(won, midrank, 0)) AS won_ranks
  FROM ranked
),
area AS (
  SELECT w, l, SAFE_DIVIDE(won_ranks - w * (w + 1) / 2, w * l) AS a
  FROM counts
),
spread AS (
  SELECT w, l, a,
    1.959963984540054 * SQRT(GREATEST(SAFE_DIVIDE(
      a * (1 - a) + (w - 1) * (a / (2 - a) - a * a) + (l - 1) * (2 * a * a / (1 + a) - a * a), w * l), 0)) AS margin
  FROM area
)
SELECT
  IF(w = 0 OR l = 0, NULL, a) AS auc,
  IF(w = 0 OR l = 0, NULL, GREATEST(a - margin, 0)) AS low,
  IF(w = 0 OR l = 0, NULL, LEAST(a + margin, 1)) AS high,
  w AS won,
  l AS lost,
  IF(w = 0 OR l = 0, 'needs won and lost leads', NULL) AS note
FROM spread;

-- FACTORWEIGHTS: the weights (summing to 10) the closed leads with all ten ratings whole numbers 1-5 suggest. Per
-- factor d = mean(lost) - mean(won), pooled variance v = (SS_won + SS_lost) / (W + L - 2), weight max(0, d) /
-- max(v, 0.25), scaled to sum to 10. Needs 10 won and 10 lost leads (the sheet's default minimum).
WITH eligible AS (
  SELECT LOWER(TRIM(status)) = 'won' AS won, ratings
  FROM ${d}.leads
  WHERE LOWER(TRIM(status)) IN ('won', 'lost')
    AND ARRAY_LENGTH(ratings) = 10
    AND (SELECT COUNTIF(r IN (1, 2, 3, 4, 5)) FROM UNNEST(ratings) AS r) = 10
),
classes AS (
  SELECT COUNTIF(won) AS w, COUNTIF(NOT won) AS l FROM eligible
),
sums AS (
  SELECT i,
    SUM(IF(won, r, 0)) AS sum_won, SUM(IF(won, r * r, 0)) AS sq_won,
    SUM(IF(won, 0, r)) AS sum_lost, SUM(IF(won, 0, r * r)) AS sq_lost
  FROM eligible, UNNEST(ratings) AS r WITH OFFSET AS i
  GROUP BY i
),
raw AS (
  SELECT k AS i, c.w, c.l,
    SAFE_DIVIDE(s.sum_lost, c.l) - SAFE_DIVIDE(s.sum_won, c.w) AS d,
    IF(c.w + c.l > 2,
      (GREATEST(s.sq_won - SAFE_DIVIDE(s.sum_won * s.sum_won, c.w), 0)
        + GREATEST(s.sq_lost - SAFE_DIVIDE(s.sum_lost * s.sum_lost, c.l), 0)) / (c.w + c.l - 2),
      0) AS v
  FROM UNNEST(GENERATE_ARRAY(0, 9)) AS k
  CROSS JOIN classes AS c
  LEFT JOIN sums AS s ON s.i = k
),
weighted AS (
  SELECT i, w, l, IF(d > 0, d / GREATEST(v, 0.25), 0) AS raw FROM raw
)
SELECT
  i + 1 AS position,
  IF(w < 10 OR l < 10, NULL, SAFE_DIVIDE(10 * raw, SUM(raw) OVER ())) AS suggested_weight,
  CASE
    WHEN w < 10 OR l < 10 THEN FORMAT('needs %d won and %d lost leads (has %d won, %d lost)', 10, 10, w, l)
    WHEN SUM(raw) OVER () = 0 THEN 'no factor separates won from lost leads'
  END AS note
FROM weighted
ORDER BY position;

-- HITRATE per rep with the team band: won and lost per owner as the Team tab counts them, the team's totals over
-- reps whose counts are valid (as the sheet pools them), then the UDF with those totals for vs_team; lower_limit and
-- upper_limit are the 3-sigma p-chart band around the team's rate for that rep's number of deals.
WITH team AS (
  SELECT
    owner AS rep,
    CAST(COUNTIF(LOWER(TRIM(status)) = 'won') AS FLOAT64) AS won,
    CAST(COUNTIF(LOWER(TRIM(status)) = 'lost') AS FLOAT64) AS lost
  FROM ${d}.leads
  GROUP BY owner
),
checked AS (
  SELECT *, ${d}.hitrate(won, lost, NULL, NULL, NULL).defect AS invalid FROM team
),
pooled AS (
  SELECT *,
    SUM(IF(invalid IS NULL, won, 0)) OVER () AS team_won,
    SUM(IF(invalid IS NULL, lost, 0)) OVER () AS team_lost
  FROM checked
),
rated AS (
  SELECT *,
    ${d}.hitrate(won, lost, team_won, team_lost, NULL) AS h,
    SAFE_DIVIDE(team_won, team_won + team_lost) AS p
  FROM pooled
)
SELECT
  rep, won, lost, h.rate, h.low, h.high, h.vs_team, h.defect,
  p AS team_rate,
  p - 3 * SQRT(SAFE_DIVIDE(p * (1 - p), won + lost)) AS lower_limit,
  p + 3 * SQRT(SAFE_DIVIDE(p * (1 - p), won + lost)) AS upper_limit
FROM rated
ORDER BY rep;
`;
}

/** Writes `<outDir>/bigquery/lean_sales.sql` and `lean_sales_aggregates.sql`; returns the body sizes in bytes. */
export async function writeBigQuery(outDir: string, dataset = process.env.LEAN_SALES_DATASET || DEFAULT_DATASET) {
  const dir = path.join(outDir, 'bigquery');
  await mkdir(dir, { recursive: true });
  const files = { 'lean_sales.sql': await udfSql(dataset), 'lean_sales_aggregates.sql': aggregatesSql(dataset) };
  await Promise.all(
    Object.entries(files).map(async ([name, text]) => {
      const target = path.join(dir, name);
      await writeFile(`${target}.${process.pid}.tmp`, text);
      await rename(`${target}.${process.pid}.tmp`, target);
    }),
  );
}
