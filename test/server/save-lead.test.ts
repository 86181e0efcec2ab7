import { describe, expect, it } from 'vitest';
import {
  call,
  columnOf,
  FACTORS10,
  fillSheet,
  records,
  run,
  sampleWorkbook,
  setUpWorkbook,
  type Workbook,
} from './harness';
import { leadForm as form, RATINGS as ratings } from './lead-form-fixture';

const BUSY = 'Someone else is saving to this workbook right now; nothing was written. Try again in a moment.';

function saved(workbook: Workbook, lead: string) {
  return records(workbook, 'Leads').find((r) => r.Lead === lead) as Record<string, unknown>;
}

describe('saveLead', () => {
  it('appends a New lead with the next id, dated today, under each header', () => {
    const workbook = sampleWorkbook();
    const result = call(workbook, 'saveLead', form());
    expect(result).toEqual({ ok: true, row: 62, lead: 'L-0061' });
    const row = saved(workbook, 'L-0061');
    const today = new Date().toISOString().slice(0, 10);
    expect((row.Created as Date).toISOString().slice(0, 10)).toBe(today);
    expect(row).toMatchObject({ Company: 'Acme AB', Contact: 'Eva Ek', Owner: 'Anna Berg', Segment: 'S4' });
    expect(row).toMatchObject({ Campaign: 'A4', Status: 'New', Closed: '', Notes: 'Met at the fair' });
    expect(FACTORS10.map((f) => row[f])).toEqual(ratings);
  });

  it('saves a first-contact lead with factors unrated: blank ratings, no Rated date while none is rated, incomplete in the sheet', () => {
    const workbook = sampleWorkbook();
    const partial = [2, null, 1, null, null, null, null, null, null, null];
    expect(call(workbook, 'saveLead', form({ ratings: partial }))).toEqual({ ok: true, row: 62, lead: 'L-0061' });
    const row = saved(workbook, 'L-0061');
    expect(FACTORS10.map((f) => row[f])).toEqual(partial.map((r) => r ?? ''));
    expect((row.Rated as Date).toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    const none = call(workbook, 'saveLead', form({ company: 'Beta AB', ratings: new Array(10).fill(null) }));
    expect(none).toMatchObject({ ok: true, lead: 'L-0062' });
    expect(saved(workbook, 'L-0062').Rated).toBe('');
    const panel = call(workbook, 'getLeadsPanel') as { defects: { lead: string; defect: string }[] };
    expect(panel.defects.find((d) => d.lead === 'L-0061')?.defect).toMatch(/^incomplete/);
  });

  it('refuses a company already recorded (case and spacing aside), naming its lead, unless the rep confirms', () => {
    const workbook = sampleWorkbook();
    const first = records(workbook, 'Leads')[0] as Record<string, unknown>;
    const company = String(first.Company);
    const before = workbook.snapshot();
    const twisted = `  ${company.toUpperCase().replace(/ /g, '   ')} `;
    expect(call(workbook, 'saveLead', form({ company: twisted }))).toEqual({
      ok: false,
      duplicate: { row: 2, lead: first.Lead, company, status: first.Status },
    });
    expect(workbook.snapshot()).toEqual(before);
    expect(call(workbook, 'saveLead', form({ company: twisted }), { allowDuplicate: true })).toMatchObject({
      ok: true,
      row: 62,
    });
  });

  it('never writes into the computed Score and Best profile columns', () => {
    const workbook = sampleWorkbook();
    call(workbook, 'saveLead', form());
    const formulas = workbook.formulas('Leads');
    for (const header of ['Score', 'Best profile']) {
      const c = columnOf(workbook, 'Leads', header) - 1;
      expect(workbook.values('Leads')[61][c], header).toBe('');
      expect(formulas.filter((row) => row[c]).length, header).toBe(1);
    }
  });

  it('appends after the last row with input data, not after spilled formula results', () => {
    const workbook = sampleWorkbook();
    // The header-cell formula's results: the header, then scores filling the column to the sheet's end, as in Sheets.
    const score = columnOf(workbook, 'Leads', 'Score');
    workbook.setComputedValues('Leads', 1, score, [['Score'], ...Array.from({ length: 999 }, () => [''])]);
    workbook.setComputedValues('Leads', 500, score, [[42]]);
    expect(call(workbook, 'saveLead', form())).toMatchObject({ row: 62 });
  });

  it('finds columns by header text when they are reordered', () => {
    const workbook = setUpWorkbook();
    const header = [
      'Status',
      'Notes',
      ...FACTORS10,
      'Owner',
      'Company',
      'Lead',
      'Created',
      'Segment',
      'Campaign',
      'Contact',
      'Closed',
      'Score',
      'Best profile',
      'Rated',
    ];
    workbook.sheet('Leads').formulas.clearAll();
    workbook.sheet('Leads').values.clearAll();
    fillSheet(workbook, 'Leads', [
      header,
      ['Won', 'old', ...ratings, 'Ann', 'Old Co', 'L-0007', '', '', '', '', '', '', '', ''],
    ]);
    fillSheet(workbook, 'Team', [['Rep'], ['Ann']]);
    const result = call(workbook, 'saveLead', form({ owner: 'Ann', segment: '', campaign: '' }));
    expect(result).toEqual({ ok: true, row: 3, lead: 'L-0008' });
    const row = records(workbook, 'Leads')[1];
    expect(row).toMatchObject({
      Status: 'New',
      Notes: 'Met at the fair',
      Owner: 'Ann',
      Company: 'Acme AB',
      Lead: 'L-0008',
    });
    expect(FACTORS10.map((f) => row[f])).toEqual(ratings);
  });

  it('stops with an error naming a missing column and the tab, and writes nothing', () => {
    const workbook = sampleWorkbook();
    const notes = columnOf(workbook, 'Leads', 'Notes');
    workbook.write('Leads', 1, notes, [['Remarks']]);
    const before = workbook.snapshot();
    expect(() => call(workbook, 'saveLead', form())).toThrow(
      'The Leads tab has no Notes column in its header row. If you renamed it, give it back the header Notes; ' +
        'if it is gone, run Extensions > Lean Sales > Set up workbook to add it.',
    );
    expect(workbook.snapshot()).toEqual(before);
    // The lock was released on the way out: the next save goes through.
    workbook.write('Leads', 1, notes, [['Notes']]);
    expect(call(workbook, 'saveLead', form())).toMatchObject({ ok: true });
  });

  it('rejects invalid input whole, with an error per field, and writes nothing', () => {
    const workbook = sampleWorkbook();
    const before = workbook.snapshot();
    const result = call(
      workbook,
      'saveLead',
      form({ company: ' ', owner: 'Nobody', ratings: [1, 2, 3, 4, 5, 6, 2.5, null, 1, 1] }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'Company', message: 'Company is required' },
        {
          field: 'Owner',
          message:
            'Owner "Nobody" is not in the list; pick one of Anna Berg, Jonas Lind, Maria Holm, Erik Sand, Sara Nord',
        },
        { field: 'Interest', message: 'Interest must be a whole number from 1 to 5' },
        { field: 'Availability', message: 'Availability must be a whole number from 1 to 5' },
      ],
    });
    expect(workbook.snapshot()).toEqual(before);
    expect(call(workbook, 'saveLead', null)).toMatchObject({ ok: false });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('refuses text with a character a cell does not keep, naming the field, and writes nothing', () => {
    const workbook = sampleWorkbook();
    const before = workbook.snapshot();
    expect(call(workbook, 'saveLead', form({ notes: 'Call back\u0000 Monday' }))).toEqual({
      ok: false,
      errors: [
        { field: 'Notes', message: 'Notes holds a character a cell does not keep (U+0000) at character 10; remove it' },
      ],
    });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('stores text that Sheets would read as a formula, number, date or boolean as that text', () => {
    const workbook = sampleWorkbook();
    const texts = {
      company: '=IMPORTXML("http://x","//a")',
      contact: '+46 70 123 45 67',
      notes: '007',
    };
    const { lead } = call<{ lead: string }>(workbook, 'saveLead', form(texts));
    const row = saved(workbook, lead);
    expect([row.Company, row.Contact, row.Notes]).toEqual([texts.company, texts.contact, texts.notes]);
    expect(
      workbook
        .formulas('Leads')
        .flat()
        .filter((f) => f.includes('IMPORTXML')),
    ).toEqual([]);
    for (const text of ['2024-05-01', 'TRUE', '-3', '@here', "'quoted", '50%', '1,000', 'March 5']) {
      const next = call<{ lead: string }>(workbook, 'saveLead', form({ company: text })).lead;
      expect(saved(workbook, next).Company).toBe(text);
    }
  });

  it('fails with a clear busy message and writes nothing while another execution holds the lock', () => {
    const workbook = sampleWorkbook();
    const before = workbook.snapshot();
    let inner: unknown;
    // Another execution saves while this one holds the lock (in the middle of its write).
    run(workbook, 'saveLead', [form({ company: 'First' })], {
      onServiceCall: (method) => {
        if (method === 'Sheet.appendRow' && inner === undefined) {
          try {
            inner = run(workbook, 'saveLead', [form({ company: 'Second' })]).result;
          } catch (error) {
            inner = (error as Error).message;
          }
        }
      },
    });
    expect(inner).toBe(BUSY);
    expect(records(workbook, 'Leads').map((r) => r.Company)).not.toContain('Second');
    expect(workbook.snapshot()).not.toEqual(before);
  });

  it('loses and duplicates nothing when 20 saves interleave around the lock', () => {
    const workbook = sampleWorkbook();
    const pending = Array.from({ length: 20 }, (_, i) => `Company ${i + 1}`);
    const results: { lead: string; row: number }[] = [];
    let busy = 0;
    // Each save starts the next one at one of its service calls: some land before it takes the lock
    // (they finish first), some while it holds it (they find it busy and are retried).
    const save = (depth: number) => {
      const company = pending.shift();
      if (company === undefined) return;
      let calls = 0;
      try {
        const { result } = run(workbook, 'saveLead', [form({ company })], {
          onServiceCall: () => {
            calls++;
            if (calls === 1 + ((depth * 7) % 30)) save(depth + 1);
          },
        });
        results.push(result as { lead: string; row: number });
      } catch (error) {
        expect((error as Error).message).toBe(BUSY);
        busy++;
        pending.push(company);
      }
    };
    while (pending.length > 0) save(0);
    const before = records(sampleWorkbook(), 'Leads').filter((r) => r.Lead !== '').length;
    const leads = records(workbook, 'Leads').slice(before);
    expect(busy).toBeGreaterThan(0);
    expect(results).toHaveLength(20);
    expect(new Set(results.map((r) => r.lead)).size).toBe(20);
    expect(leads.map((r) => r.Company).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Company ${i + 1}`).sort());
    expect(leads.map((r) => r.Lead)).toEqual(
      Array.from({ length: 20 }, (_, i) => `L-${String(before + 1 + i).padStart(4, '0')}`),
    );
  });
});
