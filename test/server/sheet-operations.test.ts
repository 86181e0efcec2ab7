import { describe, expect, it } from 'vitest';
import { leadScore } from '../../src/core/lead-score';
import { profileGap } from '../../src/core/profile-gap';
import { qualify } from '../../src/core/qualify';
import { createServices, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { compute, computedRecords } from './engine';
import { call, columnOf, FACTORS10, run, sampleWorkbook } from './harness';

/** What a person does in Sheets, through the emulated services (Data > Sort range is Range.sort). */
function asPerson(workbook: Workbook) {
  const services = createServices(workbook);
  const sheet = services.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads');
  if (!sheet) throw new Error('no Leads tab');
  return { sheet, done: () => services.finish() };
}

/** The last row holding a Lead id. */
function lastLeadRow(workbook: Workbook): number {
  const values = workbook.values('Leads');
  let last = values.length;
  while (last > 1 && values[last - 1][0] === '') last--;
  return last;
}

/** Every computed column of every lead agrees with the functions applied to that row's own ratings. */
function expectComputedColumnsFollowTheirRows(workbook: Workbook): void {
  const sheets = compute(workbook);
  expect(sheets.Leads[0].slice(17, 19)).toEqual(['Score', 'Best profile']);
  const leads = computedRecords(sheets.Leads).filter((l) => l.Lead !== '');
  const factors = computedRecords(sheets.Factors);
  const weights = factors.map((f) => [f.Weight]);
  const gates = factors.map((f) => [f['At most']]);
  const profiles = computedRecords(sheets.Profiles).map((p) => [p.Profile, ...FACTORS10.map((f) => p[f])]);
  const ratings = leads.map((l) => FACTORS10.map((f) => l[f]));
  const scores = leadScore(ratings, weights);
  const best = profileGap(ratings, profiles, weights, 'best');
  const rules = qualify(ratings, 60, gates, weights);
  leads.forEach((lead, i) => {
    expect([lead.Lead, lead.Score, lead['Best profile'], lead.Rule]).toEqual([
      lead.Lead,
      scores[i][0],
      best[i][0],
      rules[i][0],
    ]);
  });
}

describe('the computed columns survive what Sheets users do to the rows', () => {
  it('sorting the leads by Score, Z to A, then by Company, A to Z', () => {
    const workbook = sampleWorkbook();
    compute(workbook);
    const last = lastLeadRow(workbook);
    const person = asPerson(workbook);
    const rows = person.sheet.getRange(2, 1, last - 1, workbook.values('Leads')[0].length);
    rows.sort({ column: columnOf(workbook, 'Leads', 'Score'), ascending: false });
    expectComputedColumnsFollowTheirRows(workbook);
    const scores = computedRecords(compute(workbook).Leads)
      .map((l) => l.Score)
      .filter((s): s is number => typeof s === 'number');
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    rows.sort(columnOf(workbook, 'Leads', 'Company'));
    expectComputedColumnsFollowTheirRows(workbook);
    const companies = computedRecords(compute(workbook).Leads).map((l) => String(l.Company));
    expect(companies.filter(Boolean)).toEqual([...companies.filter(Boolean)].sort());
    person.done();
  });

  it('inserting a row among the leads and filling it in', () => {
    const workbook = sampleWorkbook();
    compute(workbook);
    const person = asPerson(workbook);
    person.sheet.insertRowsAfter(20, 1);
    workbook.write('Leads', 21, 1, [
      ['L-0100', 'Inserted AB', '', 'Anna Berg', 'S3', '', '', 1, 2, 1, 3, 2, 1, 2, 4, 1, 1],
    ]);
    expectComputedColumnsFollowTheirRows(workbook);
    expect(computedRecords(compute(workbook).Leads)[19]).toMatchObject({ Lead: 'L-0100', Rule: 'qualified' });
    person.done();
  });

  it('typing a value into Score: the column shows #REF! and the sidebar and setup name the cell to clear', () => {
    const workbook = sampleWorkbook();
    compute(workbook);
    const score = columnOf(workbook, 'Leads', 'Score');
    workbook.write('Leads', 10, score, [[99]]);
    expect(compute(workbook).Leads[0][score - 1]).toBe('#REF!');
    const problem = 'Leads Score: R10 holds a typed value where the formula in R1 puts its results';
    expect(call<{ problems: string[] }>(workbook, 'getLeadsPanel').problems[0]).toContain(problem);
    expect(run(workbook, 'setupWorkbook').execution.ui.alerts[0].prompt).toBe(
      'Leads Score: R10 holds a typed value where the formula puts its results; clear and the column fills again',
    );
    workbook.write('Leads', 10, score, [['']]);
    expectComputedColumnsFollowTheirRows(workbook);
  });
});
