import { describe, expect, it } from 'vitest';
import { checkParameters, deliverResult } from '../../../workbench/session/script-run-rules';

describe("google.script.run's rules", () => {
  it('passes primitives, null, plain objects and arrays; undefined in an array arrives as null', () => {
    const args = [1, 'a', true, null, { lead: { company: 'Acme', ratings: [1, 2] } }, [undefined, 3]];
    expect(checkParameters(JSON.parse(JSON.stringify(args)))).toEqual([
      1,
      'a',
      true,
      null,
      { lead: { company: 'Acme', ratings: [1, 2] } },
      [null, 3],
    ]);
  });

  it('fails the request for a Date or a function anywhere in the parameters, naming the property', () => {
    expect(() => checkParameters([{ created: { __illegal: 'Date' } }])).toThrow(
      'Failed due to illegal value in property: created',
    );
    expect(() => checkParameters(['x', [1, { __illegal: 'Function' }]])).toThrow(
      'Failed due to illegal value in property: 1',
    );
  });

  it('hands the success handler null, with a warning, when the return value holds a Date', () => {
    const delivered = deliverResult('getLeads', { rows: [{ created: new Date() }] });
    expect(delivered.value).toBeNull();
    expect(delivered.warning).toMatch(/getLeads returned a Date \(result\.rows\[0\]\.created\).*null/);
  });

  it('hands plain values over as a copy', () => {
    const result = { top: [{ lead: 'L-0001', score: 70 }] };
    const delivered = deliverResult('getLeadsPanel', result);
    expect(delivered).toEqual({ value: result });
    expect(delivered.value).not.toBe(result);
    expect(deliverResult('saveLead', undefined)).toEqual({ value: undefined });
  });
});
