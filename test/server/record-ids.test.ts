import { describe, expect, it } from 'vitest';
import { IMPROVEMENT_IDS } from '../../src/server/improvements';
import { LEAD_IDS } from '../../src/server/save-lead';
import { nextId } from '../../src/server/store';

describe('the next id of a tab', () => {
  it('numbers the next lead after the highest L-nnnn present, whatever else the column holds', () => {
    expect(nextId([], LEAD_IDS)).toBe('L-0001');
    expect(nextId(['L-0007', '', 'x', ' L-0012 ', 'I-099', 42], LEAD_IDS)).toBe('L-0013');
    expect(nextId(['L-9999'], LEAD_IDS)).toBe('L-10000');
  });

  it('numbers the next improvement after the highest I-nnn present, in any case', () => {
    expect(nextId([], IMPROVEMENT_IDS)).toBe('I-001');
    expect(nextId(['I-002', 'x', ' i-010 ', 'L-0099'], IMPROVEMENT_IDS)).toBe('I-011');
    expect(nextId(['I-999'], IMPROVEMENT_IDS)).toBe('I-1000');
  });
});
