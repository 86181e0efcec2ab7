/**
 * dist/bigquery/ as BigQuery would read it (issue 16): every statement of lean_sales.sql read strictly (one
 * CREATE OR REPLACE FUNCTION per UDF, balanced raw strings, RETURNS, LANGUAGE js, types a JavaScript UDF accepts),
 * each body under BigQuery's size limit and touching nothing outside standard JavaScript, and the aggregate queries
 * calling only those UDFs, with their arity. Neither file is pushed by clasp.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { aggregatesSql, BODY_LIMIT_BYTES, DEFAULT_DATASET, UDFS, udfSql } from '../../tools/bigquery';
import * as entries from '../../tools/bigquery-udfs';
import { ROOT } from '../../workbench/session/project-paths';
import {
  AGGREGATES_PATH,
  holdsInt64,
  parseCreate,
  readUdfStatements,
  SQL_PATH,
  type SqlType,
  splitStatements,
  udfQuery,
} from './harness';

const sql = readFileSync(SQL_PATH, 'utf8');
const statements = readUdfStatements(sql);

describe('lean_sales.sql', () => {
  it('is one CREATE OR REPLACE FUNCTION ... LANGUAGE js statement per UDF, in the dataset, in order', () => {
    expect(statements.map((s) => s.name)).toEqual(UDFS.map((u) => u.name));
    expect(new Set(statements.map((s) => s.dataset))).toEqual(new Set([DEFAULT_DATASET]));
    expect(sql.match(/CREATE OR REPLACE FUNCTION/g)).toHaveLength(UDFS.length);
    expect(sql.match(/\bLANGUAGE js\b/g)).toHaveLength(UDFS.length);
    expect(sql.match(/r"""/g)).toHaveLength(UDFS.length);
    expect(sql.match(/"""/g)).toHaveLength(2 * UDFS.length);
  });

  it('declares what tools/bigquery.ts declares: parameter names and types, and a STRUCT return', () => {
    for (const [i, s] of statements.entries()) {
      const spec = UDFS[i];
      expect(s.params.map((p) => `${p.name} ${p.text}`)).toEqual(spec.params.map((p) => `${p.name} ${p.type}`));
      expect(s.returnsText).toBe(spec.returns);
      expect(s.returns.kind).toBe('STRUCT');
      expect((s.returns as Extract<SqlType, { kind: 'STRUCT' }>).fields.map((f) => f.name)).toContain('defect');
    }
  });

  it('bundles for each UDF an entry of tools/bigquery-udfs.ts taking its arguments', () => {
    for (const spec of UDFS) {
      const entry = (entries as Record<string, unknown>)[spec.entry];
      expect(typeof entry, spec.entry).toBe('function');
      expect((entry as (...args: unknown[]) => unknown).length, spec.entry).toBe(spec.params.length);
    }
  });

  it('takes no INT64 anywhere (not a JavaScript UDF input type) and no ARRAY of ARRAY', () => {
    for (const s of statements) {
      for (const p of s.params) expect(holdsInt64(p.type), `${s.name}(${p.name})`).toBe(false);
      expect(holdsInt64(s.returns)).toBe(false);
    }
    expect(() => parseCreate(sql.replace('ratings ARRAY<FLOAT64>', 'ratings ARRAY<ARRAY<FLOAT64>>'))).toThrow();
  });

  it('refuses what is not a statement of this form: the strict reading has teeth', () => {
    const [first] = splitStatements(sql);
    expect(() => splitStatements(`${sql}\nCREATE FUNCTION x() AS r"""never closed;`)).toThrow(/never closes/);
    expect(() => splitStatements(`${sql}\nSELECT 1`)).toThrow(/after the last statement/);
    expect(() => parseCreate(first.replace('LANGUAGE js', 'LANGUAGE python'))).toThrow();
    expect(() => parseCreate(first.replace(/\nRETURNS [^\n]+/, ''))).toThrow();
    expect(() => parseCreate(first.replace('AS r"""', 'AS """'))).toThrow();
    expect(() => parseCreate(first.replace('ratings ARRAY<FLOAT64>', 'ratings ARRAY<FLOAT64'))).toThrow();
  });

  it(`keeps every body under BigQuery's ${BODY_LIMIT_BYTES}-byte limit on a UDF's code, and free of """`, () => {
    for (const s of statements) {
      expect(Buffer.byteLength(s.body), s.name).toBeLessThan(BODY_LIMIT_BYTES);
      expect(s.body).not.toContain('"""');
    }
  });

  it('writes another dataset when asked, and refuses a name that is not one', async () => {
    const other = await udfSql('crm_prod');
    expect(readUdfStatements(other).map((s) => s.dataset)).toEqual(UDFS.map(() => 'crm_prod'));
    expect(aggregatesSql('crm_prod')).not.toMatch(/\blean_sales\.(?!sql)/);
    await expect(udfSql('x; DROP TABLE leads')).rejects.toThrow(/LEAN_SALES_DATASET/);
  });
});

/** Names a script could reach beyond ECMAScript: Apps Script services, the DOM, Node. */
const FOREIGN = [
  'SpreadsheetApp',
  'Utilities',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Logger',
  'document',
  'window',
  'navigator',
  'self',
  'require',
  'module',
  'exports',
  'process',
  'Buffer',
  'global',
  'globalThis',
  'console',
  'setTimeout',
  'fetch',
  'import',
  'eval',
  'Function',
];

describe('each UDF body is standard JavaScript and nothing else', () => {
  it.each(statements.map((s) => [s.name, s] as const))('%s names no service, DOM or Node global', (_name, s) => {
    const found = FOREIGN.filter((word) => new RegExp(`(^|[^\\w$.])${word}\\b`).test(s.body));
    expect(found).toEqual([]);
  });

  it.each(statements.map((s) => [s.name, s] as const))(
    '%s runs in a bare context, leaves no global behind and returns its STRUCT',
    (_name, s) => {
      const query = udfQuery(s);
      const args = s.params.map((p) =>
        p.type.kind === 'FLOAT64'
          ? 3
          : p.type.kind === 'ARRAY' && p.type.element.kind === 'FLOAT64'
            ? [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]
            : [{ name: 'P', factors: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }],
      );
      const out = query(...args) as Record<string, unknown>;
      const fields = (s.returns as Extract<SqlType, { kind: 'STRUCT' }>).fields.map((f) => f.name);
      expect(Object.keys(out).sort()).toEqual([...fields].sort());
      expect(Object.keys(query.context)).toEqual([]);
      // No global of the context was written, not even by assignment to a property of one.
      expect(vm.runInContext('Object.getOwnPropertyNames(globalThis).length', query.context)).toBe(
        vm.runInContext('Object.getOwnPropertyNames(globalThis).length', vm.createContext({})),
      );
    },
  );
});

describe('lean_sales_aggregates.sql', () => {
  const text = readFileSync(AGGREGATES_PATH, 'utf8');
  const queries = splitStatements(text);

  it('holds the scores view and the SCOREAUC, FACTORWEIGHTS and HITRATE team-band queries', () => {
    expect(queries).toHaveLength(4);
    expect(queries[0]).toMatch(/^CREATE OR REPLACE VIEW lean_sales\.lead_scores AS\n/);
    for (const q of queries.slice(1)) expect(q).toMatch(/^WITH /);
    expect(text).toMatch(/needs won and lost leads/);
    expect(text).toMatch(/no factor separates won from lost leads/);
    expect(text).toMatch(/lower_limit/);
  });

  it('balances its brackets and calls only the UDFs of lean_sales.sql, each with its number of arguments', () => {
    for (const q of queries) {
      const code = q.replace(/--[^\n]*/g, '').replace(/'(?:[^'\\]|\\.)*'/g, "''");
      let depth = 0;
      for (const ch of code) {
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      for (const call of code.matchAll(/\blean_sales\.([a-z_]+)\(/g)) {
        const spec = UDFS.find((u) => u.name === call[1]);
        expect(spec, `${call[1]} is not a UDF`).toBeDefined();
        let at = (call.index ?? 0) + call[0].length;
        let level = 1;
        let commas = 0;
        for (; level > 0; at++) {
          const ch = code[at];
          if (ch === '(' || ch === '[') level++;
          else if (ch === ')' || ch === ']') level--;
          else if (ch === ',' && level === 1) commas++;
        }
        expect(commas + 1, call[1]).toBe(spec?.params.length);
      }
    }
  });
});

describe("the README's section Beyond one spreadsheet", () => {
  it('shows the aggregate queries exactly as lean_sales_aggregates.sql holds them', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- bigquery-aggregates:start -->\n```sql\n([\s\S]*?)\n```\n<!-- bigquery-aggregates:end -->/.exec(
      readme,
    );
    expect(block, 'the README has no bigquery-aggregates block').not.toBeNull();
    const shown = splitStatements((block as RegExpExecArray)[1]);
    expect(shown).toEqual(splitStatements(aggregatesSql()).slice(1));
  });
});

describe('what clasp pushes', () => {
  it('leaves dist/bigquery/ out: .claspignore lets only the add-on files through', () => {
    expect(existsSync(SQL_PATH) && existsSync(AGGREGATES_PATH)).toBe(true);
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/clasp'), ['status', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const status = JSON.parse(out.slice(out.indexOf('{')));
    // The full list of what is pushed is test/bundle/contract.test.ts's to check; here: nothing of dist/bigquery/.
    expect(status.filesToPush.filter((file: string) => file.includes('bigquery'))).toEqual([]);
    // clasp names the ignored folder as a whole.
    expect(status.untrackedFiles).toEqual(expect.arrayContaining([expect.stringMatching(/^dist\/bigquery\/?$/)]));
  });
});
