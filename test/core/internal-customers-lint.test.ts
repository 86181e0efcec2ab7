import { describe, expect, it } from 'vitest';
import { audiences, internalCustomersLint } from '../../src/core/internal-customers-lint';

const row = (n: number, information: string, receiver: string, via: string, provided: string) => ({
  row: n,
  information,
  receiver,
  via,
  provided,
});

describe('internalCustomersLint', () => {
  it('finds information through a second party, not provided, and partly provided', () => {
    const found = internalCustomersLint(
      [
        row(2, 'Forecast', 'Finance', '', 'Yes'),
        row(3, 'Specifications', 'Engineering', 'Project lead', 'Partly'),
        row(4, 'Lost reasons', 'Product', '', ' no '),
        row(5, '', '', '', ''),
      ],
      [],
    );
    expect(found).toEqual([
      {
        kind: 'via',
        tab: 'Internal customers',
        row: 3,
        subject: 'Specifications',
        text: 'reaches Engineering through Project lead: should it go directly?',
      },
      {
        kind: 'partly provided',
        tab: 'Internal customers',
        row: 3,
        subject: 'Specifications',
        text: 'Engineering gets it only partly',
      },
      {
        kind: 'not provided',
        tab: 'Internal customers',
        row: 4,
        subject: 'Lost reasons',
        text: 'Product needs it and does not get it: a white spot',
      },
    ]);
  });

  it("flags KPIs whose Who is no listed receiver, matching whole or by part, any case; a blank Who is the KPI lint's", () => {
    const customers = [row(2, 'Forecast', 'Finance', '', 'Yes'), row(3, 'Leads', 'Marketing', '', 'Yes')];
    const found = internalCustomersLint(customers, [
      { row: 2, kpi: 'Margin', who: ' finance ' },
      { row: 3, kpi: 'Leads', who: 'Sales and marketing' },
      { row: 4, kpi: 'Calls', who: 'Sales team' },
      { row: 5, kpi: 'Blank', who: '' },
    ]);
    expect(found.map((f) => [f.kind, f.row, f.subject])).toEqual([['unknown receiver', 4, 'Calls']]);
    expect(found[0].text).toBe('its Who, Sales team, is not a receiver in Internal customers');
  });

  it('splits a Who into its audiences', () => {
    expect(audiences('Sales, Finance / Board and Marketing')).toEqual([
      'sales, finance / board and marketing',
      'sales',
      'finance',
      'board',
      'marketing',
    ]);
  });
});
