import { describe, expect, it } from 'vitest';
import { leadScore } from '../../src/core/lead-score';
import { addDays, sampleData } from '../../src/server/sample';
import { inputHeaders, TABS } from '../../src/shared/schema';

const data = sampleData('2025-03-31');
const leads = data.Leads.map((row) => Object.fromEntries(inputHeaders(TABS[0]).map((h, i) => [h, row[i]])));

describe('sample data', () => {
  it('is the same on every run', () => {
    expect(sampleData('2025-03-31')).toEqual(data);
  });

  it('has a row aligned with the input columns of its tab, for every tab but Factors', () => {
    for (const tab of TABS) {
      const rows = data[tab.name] ?? [];
      expect(rows.length > 0, tab.name).toBe(tab.name !== 'Factors');
      for (const row of rows) expect(row, tab.name).toHaveLength(inputHeaders(tab).length);
    }
  });

  it('is a small B2B team: 40 leads over 5 reps, each with won and lost deals', () => {
    expect(leads).toHaveLength(40);
    expect(new Set(leads.map((l) => l.Company)).size).toBe(40);
    const reps = data.Team.map(([rep]) => rep);
    expect(reps).toHaveLength(5);
    for (const rep of reps) {
      const statuses = leads.filter((l) => l.Owner === rep).map((l) => l.Status);
      expect(statuses, String(rep)).toContain('Won');
      expect(statuses, String(rep)).toContain('Lost');
    }
  });

  it('scores won leads better than lost ones on average, and has two defective leads', () => {
    const scores = leadScore(
      leads.map((l) =>
        inputHeaders(TABS[0])
          .slice(7, 17)
          .map((h) => l[h]),
      ),
    );
    const mean = (status: string) => {
      const s = scores.filter((_, i) => leads[i].Status === status).map(([v]) => v as number);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    expect(mean('Won')).toBeGreaterThan(mean('Lost') + 10);
    expect(scores.filter(([v]) => typeof v === 'string')).toEqual([
      ['invalid Availability: 2.5 (whole number 1-5)'],
      ['incomplete 9/10 rated'],
    ]);
  });

  it('closes deals after they were created and before today', () => {
    for (const lead of leads.filter((l) => l.Closed !== '')) {
      expect(String(lead.Closed) > String(lead.Created)).toBe(true);
      expect(String(lead.Closed) < '2025-03-31').toBe(true);
    }
  });

  it('has KPIs at the three levels, some with WHY, WHEN, HOW, WHO or a target missing', () => {
    expect(new Set(data.KPIs.map((k) => k[1]))).toEqual(new Set(['Operational', 'Tactical', 'Goal']));
    expect(data.KPIs.filter((k) => k.slice(2, 6).includes('') || k[7] === '')).toHaveLength(2);
  });

  it('counts calendar days across month ends', () => {
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
