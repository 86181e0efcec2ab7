import { describe, expect, it } from 'vitest';
import { type LeadForm, normaliseLead, validateLead } from '../../src/core/lead-form-rules';

const CHOICES = { owners: ['Ana', 'Ben'], segments: ['S1', 'S2'], campaigns: ['A1'] };
const GOOD: LeadForm = {
  company: 'Acme AB',
  contact: 'Eva Berg',
  owner: 'Ana',
  segment: 'S1',
  campaign: '',
  notes: '',
  ratings: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5],
};

describe('the standard lead form', () => {
  it('accepts a complete lead', () => {
    expect(validateLead(GOOD, CHOICES)).toEqual([]);
  });

  it('requires Company and Owner, naming the field', () => {
    const errors = validateLead({ ...GOOD, company: '  ', owner: '' }, CHOICES);
    expect(errors).toEqual([
      { field: 'Company', message: 'Company is required' },
      { field: 'Owner', message: 'Owner is required' },
    ]);
  });

  it('lets a first-contact lead leave factors unrated, but still requires Company and Owner', () => {
    const ratings = [1, null, 3, 4, 5, 1, 2, 3, 4, null];
    expect(validateLead({ ...GOOD, ratings }, CHOICES)).toEqual([]);
    expect(validateLead({ ...GOOD, ratings: new Array(10).fill(null) }, CHOICES)).toEqual([]);
    expect(validateLead({ ...GOOD, company: '', owner: '', ratings: new Array(10).fill(null) }, CHOICES)).toEqual([
      { field: 'Company', message: 'Company is required' },
      { field: 'Owner', message: 'Owner is required' },
    ]);
  });

  it.each([0, 6, 2.5, Number.NaN, '3'])('rejects the rating %s', (rating) => {
    const ratings = [1, 1, 1, 1, 1, rating as number, 1, 1, 1, 1];
    expect(validateLead({ ...GOOD, ratings }, CHOICES)).toEqual([
      { field: 'Interest', message: 'Interest must be a whole number from 1 to 5' },
    ]);
  });

  it('keeps the lists to their choices, and allows any value where a list is empty', () => {
    expect(validateLead({ ...GOOD, owner: 'Zed', campaign: 'B9' }, CHOICES)).toEqual([
      { field: 'Owner', message: 'Owner "Zed" is not in the list; pick one of Ana, Ben' },
      { field: 'Campaign', message: 'Campaign "B9" is not in the list; pick one of A1' },
    ]);
    expect(validateLead({ ...GOOD, owner: 'Zed' }, { owners: [], segments: [], campaigns: [] })).toEqual([]);
  });

  it('limits the length of text', () => {
    const [error] = validateLead({ ...GOOD, company: 'x'.repeat(201) }, CHOICES);
    expect(error).toEqual({ field: 'Company', message: 'Company is 201 characters long; the limit is 200' });
  });

  it('rejects a field that is not text, as a forged request might send', () => {
    const forged = { ...GOOD, notes: 42 } as unknown as LeadForm;
    expect(validateLead(forged, CHOICES)).toEqual([{ field: 'Notes', message: 'Notes must be text' }]);
  });

  it('stores text trimmed and keeps what the user typed otherwise', () => {
    const lead = normaliseLead({ ...GOOD, company: '  =IMPORTXML("http://x","//a") ' });
    expect(lead.company).toBe('=IMPORTXML("http://x","//a")');
  });
});
