/**
 * Runs the UDFs of dist/bigquery/lean_sales.sql as BigQuery runs a JavaScript UDF: the body text, as written in its
 * CREATE FUNCTION statement, becomes a fresh function of the declared argument names in a bare V8 context (nothing but
 * the language's own globals), and each argument is first given BigQuery's JavaScript encoding of its declared SQL
 * type (https://cloud.google.com/bigquery/docs/user-defined-functions, "SQL type encodings in JavaScript": FLOAT64 a
 * number, STRING a string, BOOL a boolean, ARRAY an array, STRUCT an object by field name, NULL null; INT64 is no
 * input type). Also reads the statements themselves, strictly, for the SQL checks.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DIST_DIR } from '../../workbench/session/project-paths';

export const SQL_PATH = path.join(DIST_DIR, 'bigquery', 'lean_sales.sql');
export const AGGREGATES_PATH = path.join(DIST_DIR, 'bigquery', 'lean_sales_aggregates.sql');

/** A GoogleSQL type as the UDF declarations use them. */
export type SqlType =
  | { readonly kind: 'FLOAT64' | 'STRING' | 'BOOL' | 'INT64' }
  | { readonly kind: 'ARRAY'; readonly element: SqlType }
  | { readonly kind: 'STRUCT'; readonly fields: readonly { readonly name: string; readonly type: SqlType }[] };

/** Parses `ARRAY<STRUCT<name STRING, factors ARRAY<FLOAT64>>>` and the like; throws on anything else. */
function parseType(text: string): SqlType {
  let at = 0;
  const skip = () => {
    while (text[at] === ' ') at++;
  };
  const word = (): string => {
    skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at));
    if (!match) throw new Error(`expected a name at ${at} in ${text}`);
    at += match[0].length;
    return match[0];
  };
  const expect = (char: string) => {
    skip();
    if (text[at] !== char) throw new Error(`expected ${char} at ${at} in ${text}`);
    at++;
  };
  const type = (): SqlType => {
    const name = word();
    if (name === 'FLOAT64' || name === 'STRING' || name === 'BOOL' || name === 'INT64') return { kind: name };
    if (name === 'ARRAY') {
      expect('<');
      const element = type();
      expect('>');
      // GoogleSQL has no ARRAY of ARRAY (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types).
      if (element.kind === 'ARRAY') throw new Error(`ARRAY<ARRAY<...>> is not a GoogleSQL type: ${text}`);
      return { kind: 'ARRAY', element };
    }
    if (name === 'STRUCT') {
      expect('<');
      const fields: { name: string; type: SqlType }[] = [];
      for (;;) {
        const field = word();
        fields.push({ name: field, type: type() });
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        expect('>');
        return { kind: 'STRUCT', fields };
      }
    }
    throw new Error(`unknown type ${name} in ${text}`);
  };
  const parsed = type();
  skip();
  if (at !== text.length) throw new Error(`trailing text after the type: ${text.slice(at)}`);
  return parsed;
}

/** True where `type` holds an INT64 anywhere (not a JavaScript UDF input type). */
export function holdsInt64(type: SqlType): boolean {
  if (type.kind === 'INT64') return true;
  if (type.kind === 'ARRAY') return holdsInt64(type.element);
  if (type.kind === 'STRUCT') return type.fields.some((f) => holdsInt64(f.type));
  return false;
}

/**
 * The statements of a GoogleSQL script, split at `;` outside comments, quoted strings and raw triple-quoted strings.
 * Throws where a string or raw string never ends, so an unbalanced `r"""` cannot pass.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('r"""', i) || sql.startsWith('R"""', i)) {
      const end = sql.indexOf('"""', i + 4);
      if (end < 0) throw new Error(`a raw string opened at ${i} never closes`);
      i = end + 3;
    } else if (sql[i] === "'" || sql[i] === '"') {
      const quote = sql[i];
      i++;
      while (i < sql.length && sql[i] !== quote) {
        if (sql[i] === '\n') throw new Error(`a string opened before ${i} runs past the end of its line`);
        i += sql[i] === '\\' ? 2 : 1;
      }
      if (i >= sql.length) throw new Error('a string never closes');
      i++;
    } else if (sql[i] === ';') {
      statements.push(sql.slice(start, i + 1));
      i++;
      start = i;
    } else i++;
  }
  const rest = sql
    .slice(start)
    .replace(/--[^\n]*/g, '')
    .trim();
  if (rest !== '') throw new Error(`text after the last statement: ${rest.slice(0, 80)}`);
  return statements.map((s) => s.replace(/^(\s*--[^\n]*\n)*/g, '').trim());
}

/** One CREATE FUNCTION statement, read strictly. */
export interface UdfStatement {
  readonly dataset: string;
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly type: SqlType; readonly text: string }[];
  readonly returns: SqlType;
  readonly returnsText: string;
  readonly body: string;
}

/** Splits `a ARRAY<FLOAT64>, b STRUCT<x FLOAT64, y STRING>` at the commas outside angle brackets. */
function splitParams(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '<') depth++;
    else if (text[i] === '>') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) throw new Error(`unbalanced > in ${text}`);
  }
  if (depth !== 0) throw new Error(`unbalanced < in ${text}`);
  parts.push(text.slice(start).trim());
  return parts;
}

const CREATE =
  /^CREATE OR REPLACE FUNCTION ([A-Za-z_][A-Za-z0-9_]*)\.([a-z_][a-z0-9_]*)\(([^\n]*)\)\nRETURNS ([^\n]+)\nDETERMINISTIC\nLANGUAGE js\nOPTIONS \(description = '(?:[^'\\\n]|\\.)*'\)\nAS r"""([\s\S]*)""";$/;

export function parseCreate(statement: string): UdfStatement {
  const match = CREATE.exec(statement);
  if (!match) throw new Error(`not a CREATE FUNCTION ... LANGUAGE js statement: ${statement.slice(0, 120)}`);
  const [, dataset, name, paramText, returnsText, body] = match;
  const params = splitParams(paramText).map((p) => {
    const space = p.indexOf(' ');
    const paramName = p.slice(0, space);
    if (!/^[a-z_][a-z0-9_]*$/.test(paramName)) throw new Error(`bad parameter name ${paramName}`);
    return { name: paramName, text: p.slice(space + 1), type: parseType(p.slice(space + 1)) };
  });
  return { dataset, name, params, returns: parseType(returnsText), returnsText, body };
}

export function readUdfStatements(sql: string = readFileSync(SQL_PATH, 'utf8')): UdfStatement[] {
  return splitStatements(sql).map(parseCreate);
}

/** A value in BigQuery's JavaScript encoding of `type`: what the UDF's function receives. */
function encode(value: unknown, type: SqlType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'INT64':
      throw new Error('INT64 is not a JavaScript UDF input type');
    case 'FLOAT64':
      if (typeof value !== 'number') throw new Error(`a FLOAT64 must be a number, got ${typeof value}`);
      return value + 0; // a double: -0 stays -0, NaN and Infinity as they are
    case 'STRING':
      if (typeof value !== 'string') throw new Error(`a STRING must be a string, got ${typeof value}`);
      return value;
    case 'BOOL':
      if (typeof value !== 'boolean') throw new Error(`a BOOL must be a boolean, got ${typeof value}`);
      return value;
    case 'ARRAY':
      if (!Array.isArray(value)) throw new Error('an ARRAY must be an array');
      return value.map((v) => encode(v, type.element));
    case 'STRUCT': {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(type.fields.map((f) => [f.name, encode(record[f.name], f.type)]));
    }
  }
}

/** A plain copy of what the UDF returned (an object of its context's realm), for comparisons. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

export type UdfCall = (...args: unknown[]) => unknown;

/**
 * One query's function: a bare context (no globals beyond ECMAScript's), the body compiled as
 * `function (<declared names>) { <body> }`, and every call's arguments encoded by their declared types.
 */
export function udfQuery(statement: UdfStatement): UdfCall & { context: vm.Context } {
  const context = vm.createContext({});
  const names = statement.params.map((p) => p.name).join(', ');
  const fn = vm.runInContext(`(function ${statement.name}(${names}) {\n${statement.body}\n})`, context, {
    filename: `${statement.name}.js`,
  }) as (...args: unknown[]) => unknown;
  const call = (...args: unknown[]) => {
    if (args.length !== statement.params.length) {
      throw new Error(`${statement.name} takes ${statement.params.length} arguments; got ${args.length}`);
    }
    return plain(fn(...statement.params.map((p, i) => encode(args[i], p.type))));
  };
  return Object.assign(call, { context });
}

/** The UDF statements by name. */
export function udfsByName(): Record<string, UdfStatement> {
  return Object.fromEntries(readUdfStatements().map((s) => [s.name, s]));
}
