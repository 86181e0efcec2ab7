import { describe, expect, it } from 'vitest';
import { companyKey, leadQualityDefects, sameCompany } from '../../src/core/lead-quality';

const lead = (over: Partial<Parameters<typeof leadQualityDefects>[0][number]>) => ({
  lead: 'L-1',
  company: 'Acme AB',
  status: 'New',
  created: '',
  closed: '',
  campaign: '',
  ...over,
});

describe('lead quality', () => {
  it('judges companies the same with case and spacing aside, and a blank company like none', () => {
    expect(companyKey('  ACME\tab ')).toBe(companyKey('Acme AB'));
    expect(sameCompany('acme  AB', [{ lead: 'L-7', company: 'Acme AB' }])).toEqual({ lead: 'L-7', company: 'Acme AB' });
    expect(sameCompany('Acme ABC', [{ company: 'Acme AB' }])).toBeUndefined();
    expect(sameCompany('  ', [{ company: '' }])).toBeUndefined();
  });

  it('leaves open-ended campaigns open, a text that is not a date unchecked, and Closed on Created fine', () => {
    const campaigns = [{ campaign: 'A1', start: '2026-03-01', end: '' }];
    const defects = leadQualityDefects(
      [
        lead({ lead: 'L-1', company: 'One', campaign: 'A1', created: '2027-01-01' }),
        lead({ lead: 'L-2', company: 'Two', campaign: 'A1', created: '2026-02-28' }),
        lead({ lead: 'L-3', company: 'Three', created: 'last spring', closed: '2026-01-01', status: 'Lost' }),
        lead({ lead: 'L-4', company: 'Four', created: '2026-05-05', closed: '2026-05-05', status: 'Won' }),
        lead({ lead: 'L-5', company: 'Five', campaign: 'Gone', created: '2020-01-01' }),
      ],
      campaigns,
    );
    expect(defects).toEqual([
      { index: 1, column: 'Created', defect: 'Created 2026-02-28, outside campaign A1 (2026-03-01 to …)' },
    ]);
  });

  it('names at most three other leads of a company and counts the rest, in linear time', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => lead({ lead: `L-${i + 1}`, company: 'Same AB' }));
    const defects = leadQualityDefects(many);
    expect(defects).toHaveLength(10_000);
    expect(defects[0].defect).toBe('Same company as L-2, L-3, L-4 and 9996 more');
    expect(defects[2].defect).toBe('Same company as L-1, L-2, L-4 and 9996 more');
    expect(defects[9_999].defect).toBe('Same company as L-1, L-2, L-3 and 9996 more');
    const four = leadQualityDefects(many.slice(0, 4));
    expect(four[3].defect).toBe('Same company as L-1, L-2 and L-3');
  });
});
