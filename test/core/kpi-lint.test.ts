import { describe, expect, it } from 'vitest';
import { missingKpiParts } from '../../src/core/kpi-lint';

const complete = { Why: 'Trust the score', When: 'Mondays', How: 'Leads tab', Who: 'Sales meeting', Target: 95 };

describe('missingKpiParts', () => {
  it('finds nothing missing in a complete KPI', () => {
    expect(missingKpiParts(complete)).toEqual([]);
  });

  it('names every blank part in a fixed order, spaces-only text counting as blank', () => {
    expect(missingKpiParts({ ...complete, Who: '  ', Why: '', Target: '' })).toEqual(['Why', 'Who', 'Target']);
  });

  it('accepts a target of 0 as given', () => {
    expect(missingKpiParts({ ...complete, Target: 0 })).toEqual([]);
  });
});
