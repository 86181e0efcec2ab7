import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../workbench/emulator/apps-script-emulator';
import { call, run, sampleWorkbook, type Workbook } from './harness';
import { leadForm as form } from './lead-form-fixture';

describe('batched access', () => {
  /** The sample workbook with `count` leads. */
  function withLeads(count: number): Workbook {
    const workbook = sampleWorkbook();
    const sheet = workbook.sheet('Leads');
    const [, first] = workbook.values('Leads');
    // Headroom, so appending never needs new rows in either size (that one call is not what is measured here).
    if (count + 100 > sheet.maxRows) workbook.insertRows(sheet, sheet.maxRows + 1, count + 100 - sheet.maxRows);
    sheet.values.fill(1, 0, 40, 22, '');
    const reps = ['Anna Berg', 'Jonas Lind', 'Maria Holm', 'Erik Sand', 'Sara Nord'];
    const lead = (i: number) => [
      `L-${String(i + 1).padStart(4, '0')}`,
      first[1],
      first[2],
      reps[i % 5],
      ...first.slice(4, 17),
    ];
    workbook.write(
      'Leads',
      2,
      1,
      Array.from({ length: count }, (_, i) => lead(i)),
    );
    workbook.write(
      'Leads',
      2,
      20,
      Array.from({ length: count }, () => ['Won', '', '']),
    );
    return workbook;
  }

  // The leads panel reads Factors, Leads, Settings and the form's three lists; a save the three lists, then Leads
  // right before appending and once more to check the row.
  it.each([
    ['reading Leads (the leads panel)', 'getLeadsPanel', [], 6],
    ['appending one lead', 'saveLead', [form()], 5],
  ] as const)('%s makes the same service calls at 10 and at 10,000 rows', (_what, name, args, reads) => {
    const [small, large] = [10, 10_000].map((n) => run(withLeads(n), name, [...args]).execution.calls.byMethod());
    expect(large).toEqual(small);
    expect(small['Range.getValues']).toBe(reads);
  });

  it('reads the Leads table with one getValues', () => {
    const workbook = withLeads(10_000);
    const { execution, result } = run(workbook, 'getTeamPanel');
    expect(execution.calls.count('Range.getValues')).toBe(2);
    expect((result as { reps: { won: number }[] }).reps.map((r) => r.won)).toEqual([2000, 2000, 2000, 2000, 2000]);
  });
});

describe('without setup', () => {
  it('says which tab is missing and how to create it', () => {
    expect(() => call(createWorkbook(), 'getLeadsPanel')).toThrow(
      'The Factors tab is missing. Run Extensions > Lean Sales > Set up workbook.',
    );
  });
});

describe('the document lock', () => {
  it('refuses to write, with a clear message, where Apps Script gives no document lock (a script not bound)', () => {
    const workbook = sampleWorkbook();
    const before = workbook.snapshot();
    expect(() => run(workbook, 'saveLead', [form()], { boundToDocument: false })).toThrow(
      'Lean Sales must run inside the spreadsheet it works on (Extensions > Lean Sales), where it can lock the document; nothing was written.',
    );
    expect(workbook.snapshot()).toEqual(before);
  });
});
