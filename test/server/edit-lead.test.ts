import { describe, expect, it } from 'vitest';
import type { EditLeadResult, LeadMatch, LeadRecord, LoadLeadResult } from '../../src/shared/sidebar-api';
import { createServices, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { call, columnOf, FACTORS10, records, run, sampleWorkbook } from './harness';

const BUSY = 'Someone else is saving to this workbook right now; nothing was written. Try again in a moment.';
const today = () => new Date().toISOString().slice(0, 10); // the sample workbook's time zone is Etc/UTC
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** What a person does in Sheets, through the emulated services (Data > Sort range is Range.sort). */
function asPerson(workbook: Workbook) {
  const execution = createServices(workbook);
  const sheet = execution.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads');
  if (!sheet) throw new Error('no Leads tab');
  return { sheet, done: () => execution.finish() };
}

function load(workbook: Workbook, lead: string): LeadRecord {
  const result = call<LoadLeadResult>(workbook, 'getLead', lead);
  if (!result.ok) throw new Error(result.message);
  return result.lead;
}

const leadRow = (workbook: Workbook, lead: string) => records(workbook, 'Leads').find((r) => r.Lead === lead);
const rowOf = (workbook: Workbook, lead: string) => records(workbook, 'Leads').findIndex((r) => r.Lead === lead) + 2;

/** An open, fully rated lead of the sample. */
function openLead(workbook: Workbook): string {
  const lead = records(workbook, 'Leads').find(
    (r) =>
      ['New', 'Qualified'].includes(String(r.Status)) && FACTORS10.every((f) => [1, 2, 3, 4].includes(r[f] as number)),
  );
  return String(lead?.Lead);
}

const rerated = (record: LeadRecord) => ({ ...record, ratings: record.ratings.map((r) => (r as number) + 1) });
const save = (workbook: Workbook, loaded: LeadRecord, form: Partial<LeadRecord>) =>
  call<EditLeadResult>(workbook, 'saveLeadChanges', { loaded, form: { ...loaded, ...form } });

describe('finding a lead to edit', () => {
  it('finds leads by id or by part of the company name, any case, the exact id first', () => {
    const workbook = sampleWorkbook();
    const first = records(workbook, 'Leads')[0];
    const byId = call<LeadMatch[]>(workbook, 'findLeads', String(first.Lead).toLowerCase());
    expect(byId[0]).toEqual({ row: 2, lead: first.Lead, company: first.Company, status: first.Status });
    const word = String(first.Company).split(' ')[0].toUpperCase();
    const byCompany = call<LeadMatch[]>(workbook, 'findLeads', word);
    expect(byCompany.length).toBeGreaterThan(0);
    for (const m of byCompany) expect(m.company.toUpperCase()).toContain(word);
    expect(call(workbook, 'findLeads', '   ')).toEqual([]);
    expect(call(workbook, 'findLeads', 'no such company anywhere')).toEqual([]);
  });

  it('loads every field, rating and date of a lead, and the lead in the selected row', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const row = leadRow(workbook, id) as Record<string, unknown>;
    const record = load(workbook, id);
    expect(record).toMatchObject({
      row: rowOf(workbook, id),
      lead: id,
      company: row.Company,
      contact: row.Contact,
      owner: row.Owner,
      segment: row.Segment,
      campaign: row.Campaign,
      notes: row.Notes,
      status: row.Status,
      closed: '',
      rated: day(row.Rated),
      ratings: FACTORS10.map((f) => row[f]),
    });
    expect(record.cells.Created).toBe(day(row.Created));
    call(workbook, 'goToRow', 'Leads', record.row);
    expect(call<LoadLeadResult>(workbook, 'getSelectedLead')).toEqual({ ok: true, lead: record });
    call(workbook, 'goToRow', 'Factors', 3);
    expect(call<LoadLeadResult>(workbook, 'getSelectedLead')).toEqual({
      ok: false,
      message: "Select a lead's row in the Leads tab first.",
    });
    expect(call<LoadLeadResult>(workbook, 'getLead', 'L-9999')).toMatchObject({ ok: false });
  });
});

describe('saveLeadChanges', () => {
  it('writes the changed cells of that row only, and dates Rated today when a rating changed', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    const before = workbook.values('Leads');
    const result = save(workbook, loaded, { ...rerated(loaded), notes: 'Called back; budget confirmed' });
    expect(result).toEqual({ ok: true, row: loaded.row, lead: id, rated: today(), closed: '' });
    const after = workbook.values('Leads');
    const changed: string[] = [];
    const header = before[0].map(String);
    after.forEach((row, r) => {
      row.forEach((v, c) => {
        if (day(v) !== day(before[r][c])) changed.push(`${header[c] || c}${r + 1}`);
      });
    });
    const r = loaded.row;
    expect(changed.sort()).toEqual([...FACTORS10.map((f) => `${f}${r}`), `Notes${r}`, `Rated${r}`].sort());
    const row = leadRow(workbook, id) as Record<string, unknown>;
    expect(FACTORS10.map((f) => row[f])).toEqual(loaded.ratings.map((x) => (x as number) + 1));
    expect(day(row.Rated)).toBe(today());
  });

  it('saves a lead with some factors unrated, and leaves Rated blank when every rating is cleared', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    const some = [...loaded.ratings.slice(0, 3), ...new Array(7).fill(null)];
    expect(save(workbook, loaded, { ratings: some })).toMatchObject({ ok: true, rated: today() });
    const row = leadRow(workbook, id) as Record<string, unknown>;
    expect(FACTORS10.map((f) => row[f])).toEqual(some.map((r) => r ?? ''));
    const again = load(workbook, id);
    expect(save(workbook, again, { ratings: new Array(10).fill(null) })).toMatchObject({ ok: true, rated: '' });
    expect((leadRow(workbook, id) as Record<string, unknown>).Rated).toBe('');
  });

  it('keeps Rated when no rating changed, and closes a lead as Won dated today', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    const result = save(workbook, loaded, { status: 'Won' });
    expect(result).toEqual({ ok: true, row: loaded.row, lead: id, rated: loaded.rated, closed: today() });
    const row = leadRow(workbook, id) as Record<string, unknown>;
    expect([row.Status, day(row.Closed), day(row.Rated)]).toEqual(['Won', today(), loaded.rated]);
    // A Closed date given is kept.
    const again = load(workbook, id);
    expect(save(workbook, again, { status: 'Lost', closed: '2026-01-15' })).toMatchObject({
      ok: true,
      closed: '2026-01-15',
    });
    expect(day(leadRow(workbook, id)?.Closed)).toBe('2026-01-15');
  });

  it('finds the row by its Lead id after a sort moved it, and writes there', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    const person = asPerson(workbook);
    const last = records(workbook, 'Leads').filter((r) => r.Lead !== '').length + 1;
    person.sheet
      .getRange(2, 1, last - 1, person.sheet.getLastColumn())
      .sort({ column: columnOf(workbook, 'Leads', 'Company'), ascending: false });
    person.done();
    const now = rowOf(workbook, id);
    expect(now).not.toBe(loaded.row);
    const result = save(workbook, loaded, { notes: 'after the sort' });
    expect(result).toMatchObject({ ok: true, row: now, lead: id });
    expect(leadRow(workbook, id)?.Notes).toBe('after the sort');
    expect(records(workbook, 'Leads').filter((r) => r.Notes === 'after the sort')).toHaveLength(1);
  });

  it('refuses, names what changed and writes nothing when a person changed the row meanwhile', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    const interest = columnOf(workbook, 'Leads', 'Interest');
    const was = loaded.ratings[5] as number;
    workbook.write('Leads', loaded.row, interest, [[was === 5 ? 4 : 5]]);
    const before = workbook.snapshot();
    const result = save(workbook, loaded, { ...rerated(loaded), notes: 'typed by the rep' });
    expect(result).toEqual({
      ok: false,
      conflict: `Not saved: someone changed ${id} in the sheet since you loaded it (Interest "${was}" is now "${was === 5 ? 4 : 5}").`,
      changes: [{ field: 'Interest', was, now: was === 5 ? 4 : 5 }],
    });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('refuses and writes nothing when the lead was deleted meanwhile', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    const person = asPerson(workbook);
    person.sheet.deleteRow(loaded.row);
    person.done();
    const before = workbook.snapshot();
    expect(save(workbook, loaded, { notes: 'too late' })).toEqual({
      ok: false,
      conflict: `Not saved: ${id} is no longer in the Leads tab: its row was deleted or its Lead id changed since it was loaded.`,
      changes: [],
    });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('stores hostile text as the text typed, never as a formula', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const texts = {
      company: '=IMPORTXML("http://x","//a")',
      contact: '+46 70 123',
      notes: '<img src=x onerror=alert(1)>',
    };
    expect(save(workbook, load(workbook, id), texts)).toMatchObject({ ok: true });
    const row = leadRow(workbook, id) as Record<string, unknown>;
    expect([row.Company, row.Contact, row.Notes]).toEqual([texts.company, texts.contact, texts.notes]);
    expect(
      workbook
        .formulas('Leads')
        .flat()
        .filter((f) => f.includes('IMPORTXML')),
    ).toEqual([]);
    // Saving again unchanged finds no conflict in its own literal text.
    expect(save(workbook, load(workbook, id), { notes: 'fine' })).toMatchObject({ ok: true });
  });

  it('rejects a wrong field whole, with the error on that field', () => {
    const workbook = sampleWorkbook();
    const loaded = load(workbook, openLead(workbook));
    const before = workbook.snapshot();
    expect(
      save(workbook, loaded, { status: 'Maybe', closed: 'soon', ratings: [...loaded.ratings.slice(0, 9), 7] }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'Purchase history', message: 'Purchase history must be a whole number from 1 to 5' },
        {
          field: 'Status',
          message: 'Status "Maybe" is not in the list; pick one of New, Qualified, Disqualified, Won, Lost',
        },
        { field: 'Closed', message: 'Closed must be a date as YYYY-MM-DD, or blank' },
      ],
    });
    expect(call(workbook, 'saveLeadChanges', null)).toMatchObject({ ok: false });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('writes under the document lock: busy and nothing written while another execution holds it', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    // Another execution (a save from another sidebar, a setup run) holds the document lock.
    const other = createServices(workbook);
    other.services.LockService.getDocumentLock().waitLock(1000);
    const before = workbook.snapshot();
    expect(() => save(workbook, loaded, { notes: 'inside' })).toThrow(BUSY);
    expect(workbook.snapshot()).toEqual(before);
    other.finish();
    // Once it is released, the same save goes through: nothing else was taken or left locked.
    expect(save(workbook, loaded, { notes: 'after' })).toMatchObject({ ok: true });
    expect(leadRow(workbook, id)?.Notes).toBe('after');
  });

  it('holds the lock while it reads and writes: a save arriving meanwhile is turned away', () => {
    const workbook = sampleWorkbook();
    const id = openLead(workbook);
    const loaded = load(workbook, id);
    let inner: unknown;
    run(workbook, 'saveLeadChanges', [{ loaded, form: { ...loaded, notes: 'outer' } }], {
      onServiceCall: (method) => {
        if (method === 'Range.setValues' && inner === undefined) {
          try {
            inner = run(workbook, 'saveLeadChanges', [{ loaded, form: { ...loaded, notes: 'inner' } }]).result;
          } catch (error) {
            inner = (error as Error).message;
          }
        }
      },
    });
    expect(inner).toBe(BUSY);
    expect(leadRow(workbook, id)?.Notes).toBe('outer');
  });
});

describe('saveLead dates the ratings', () => {
  it('sets Rated to today on a new lead', () => {
    const workbook = sampleWorkbook();
    const loaded = load(workbook, openLead(workbook));
    const { lead } = call<{ lead: string }>(workbook, 'saveLead', {
      company: 'New Co',
      contact: '',
      owner: loaded.owner,
      segment: '',
      campaign: '',
      notes: '',
      ratings: loaded.ratings,
    });
    expect(day(leadRow(workbook, lead)?.Rated)).toBe(today());
  });
});
