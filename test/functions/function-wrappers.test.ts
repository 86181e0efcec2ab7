import { describe, expect, it } from 'vitest';
import { StructuralError } from '../../src/core/cells';
import type { FunctionSpec } from '../../src/functions/function-spec';
import { FUNCTION_TABLE } from '../../src/functions/function-table';
import { customFunctions, wrap } from '../../src/functions/function-wrappers';

const MIXED = [2, 3, 1, 4, 2, 1, 2, 3, 3, 2];

describe('custom-function runtime', () => {
  it('has one callable per table entry', () => {
    expect(Object.keys(customFunctions).sort()).toEqual(FUNCTION_TABLE.map((s) => s.name).sort());
  });

  it('prefixes structural errors with the function name', () => {
    expect(() => customFunctions.LEADSCORE([[1, 2, 3]])).toThrow(/^LEADSCORE: ratings must have 10 columns/);
  });

  it('names a missing required argument', () => {
    expect(() => customFunctions.LEADSCORE()).toThrow(
      'LEADSCORE: ratings is missing; use LEADSCORE(ratings, [weights])',
    );
  });

  it('rejects extra arguments with the signature', () => {
    expect(() => customFunctions.LEADSCORE([MIXED], '', 'x')).toThrow(
      'LEADSCORE: takes at most 2 arguments, LEADSCORE(ratings, [weights]); got 3',
    );
  });

  it('gives an optional argument left empty its default', () => {
    expect(customFunctions.LEADSCORE([MIXED], '')).toEqual([[67.5]]);
    expect(customFunctions.LEADSCORE([MIXED], null)).toEqual([[67.5]]);
  });

  it('passes an omitted or empty option as its default, the value the reference shows', () => {
    const seen: unknown[][] = [];
    const spy: FunctionSpec = {
      ...FUNCTION_TABLE[0],
      params: [
        { name: 'a' },
        { name: 'b', optional: true, choices: ['x', 'y'], default: 'y' },
        { name: 'c', optional: true },
      ],
      run: (...args) => {
        seen.push(args);
        return [[0]];
      },
    };
    wrap(spy)(1);
    wrap(spy)(1, '', null);
    wrap(spy)(1, 'X', 2);
    expect(seen).toEqual([
      [1, 'y', undefined],
      [1, 'y', undefined],
      [1, 'X', 2],
    ]);
  });

  it.each(
    FUNCTION_TABLE.flatMap((s) => s.params.filter((p) => p.choices).map((p) => [`${s.name} ${p.name}`, p] as const)),
  )('%s is optional and defaults to one of its choices', (_name, param) => {
    expect(param.optional).toBe(true);
    expect(param.choices).toContain(param.default);
  });

  it('keeps the message of a structural error under the name', () => {
    const broken: FunctionSpec = {
      ...FUNCTION_TABLE[0],
      run: () => {
        throw new StructuralError('mode must be "a"');
      },
    };
    expect(() => wrap(broken)([[1]])).toThrow('LEADSCORE: mode must be "a"');
  });
});
