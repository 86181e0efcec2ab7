// The custom functions' two tables, runtime parts (bundled) and doc parts (tools only), describe the same functions
// with the same parameters: nobody can add, rename or reorder a function or a parameter in one and not the other.
import { describe, expect, it } from 'vitest';
import { docMismatches, documentedFunctions, FUNCTION_DOCS, paramDescription } from '../../src/functions/function-docs';
import type { FunctionDoc, FunctionSpec } from '../../src/functions/function-spec';
import { FUNCTION_TABLE } from '../../src/functions/function-table';

const names = (list: readonly { readonly name: string }[]) => list.map((x) => x.name);

describe('the function table and its docs', () => {
  it('name the same functions, in the same order', () => {
    expect(names(FUNCTION_DOCS)).toEqual(names(FUNCTION_TABLE));
    expect(new Set(names(FUNCTION_TABLE)).size).toBe(FUNCTION_TABLE.length);
  });

  it.each(FUNCTION_TABLE.map((spec) => [spec.name, spec] as const))(
    '%s has one doc entry with exactly its parameters, in its order',
    (name, spec) => {
      const docs = FUNCTION_DOCS.filter((d) => d.name === name);
      expect(docs).toHaveLength(1);
      expect(names(docs[0].params)).toEqual(names(spec.params));
    },
  );

  it.each(FUNCTION_DOCS.map((doc) => [doc.name, doc] as const))(
    '%s documents a function of the table, with a type and help for every parameter',
    (name, doc) => {
      expect(FUNCTION_TABLE.filter((s) => s.name === name)).toHaveLength(1);
      expect(doc.summary).not.toBe('');
      expect(doc.returns).not.toBe('');
      for (const p of doc.params) {
        expect(p.type, `${name} ${p.name}`).not.toBe('');
        expect(p.help, `${name} ${p.name}`).not.toBe('');
      }
    },
  );

  it('agree, so documentedFunctions joins every entry with its doc', () => {
    expect(docMismatches(FUNCTION_TABLE, FUNCTION_DOCS)).toEqual([]);
    const joined = documentedFunctions();
    expect(names(joined)).toEqual(names(FUNCTION_TABLE));
    const profileGap = joined.find((f) => f.name === 'PROFILEGAP');
    const mode = profileGap?.params[3];
    expect(mode).toMatchObject({ name: 'mode', optional: true, default: 'match', type: 'string' });
    expect(mode && paramDescription(mode)).toMatch(
      /^One of "match", "gap", "verdict" or "best", in any case; omitted, "match"\. /,
    );
  });
});

describe('a disagreement between the tables', () => {
  const run = () => [[0]];
  const outputShape = () => ({ rows: 1, cols: 1 });
  const spec = (name: string, ...params: string[]): FunctionSpec => ({
    name,
    params: params.map((p) => ({ name: p })),
    run,
    outputShape,
  });
  const doc = (name: string, ...params: string[]): FunctionDoc => ({
    name,
    summary: 's',
    params: params.map((p) => ({ name: p, type: 'number', help: 'h' })),
    returns: 'r',
    example: { formula: `=${name}()`, args: [] },
  });

  it.each([
    ['a function without docs', [spec('A', 'x'), spec('B')], [doc('A', 'x')], ['B has 0 doc entries, not 1']],
    [
      'docs without a function',
      [spec('A', 'x')],
      [doc('A', 'x'), doc('B')],
      ['B has a doc entry but no runtime entry'],
    ],
    ['a function documented twice', [spec('A')], [doc('A'), doc('A')], ['A has 2 doc entries, not 1']],
    ['a function listed twice', [spec('A'), spec('A')], [doc('A')], ['A is in the table twice']],
    ['a missing parameter', [spec('A', 'x', 'y')], [doc('A', 'x')], ['A takes (x, y) but its doc describes (x)']],
    ['an extra parameter', [spec('A', 'x')], [doc('A', 'x', 'y')], ['A takes (x) but its doc describes (x, y)']],
    ['a renamed parameter', [spec('A', 'x')], [doc('A', 'z')], ['A takes (x) but its doc describes (z)']],
    [
      'parameters in another order',
      [spec('A', 'x', 'y')],
      [doc('A', 'y', 'x')],
      ['A takes (x, y) but its doc describes (y, x)'],
    ],
  ] as const)('is named: %s', (_case, table, docs, problems) => {
    expect(docMismatches(table, docs)).toEqual(problems);
    expect(() => documentedFunctions(table, docs)).toThrow(problems[0]);
  });
});
