// Editing and re-rating a lead from the sidebar, and the live qualification rule preview, in Chromium.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../src/core/factors';
import { LEADS_TAB } from '../../src/shared/schema';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { gridCell, type Harness, openPage, openSidebar, poll, showCell, startHarness, TIMEOUT } from './harness';
import { checkedRatings, expectedScore, factorGroup, field, openPanel, tableOf, weightsOf } from './sidebar-helpers';

const column = (header: string) => LEADS_TAB.headers.indexOf(header) + 1;
/** Today in the workbench's time zone (the harness starts it in Etc/UTC). */
const today = () => new Date().toISOString().slice(0, 10);

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 800 });
  ({ bench, page } = harness);
  page.context().on('dialog', (dialog) => void dialog.dismiss());
  await openPage(harness);
  frame = await openSidebar(page);
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

const rulePreview = () => frame.locator('form.lead-form .rule-value');
const formStatus = () => frame.locator('form.lead-form [role=status]');
const rate = (factor: string, value: number) =>
  factorGroup(frame, factor)
    .getByRole('radio', { name: String(value), exact: true })
    .check();
const gridText = (row: number, col: number) => gridCell(page, row, col).locator('.text').textContent();

describe('the lead form and the qualification rule', () => {
  it(
    'shows, live, what the rule says as ratings are picked',
    async () => {
      await openPanel(frame, 'Leads');
      await poll(() => rulePreview().textContent()).toBe('rate the ten factors to see it');
      for (const name of FACTOR_NAMES) await rate(name, 1);
      await poll(() => rulePreview().textContent()).toBe('qualified');
      for (const name of FACTOR_NAMES) await rate(name, 5);
      await poll(() => rulePreview().textContent()).toMatch(/^not qualified: .*score 0 \(at least 60\)$/);
      for (const name of FACTOR_NAMES) await rate(name, 1);
      await rate('Maturity', 3);
      const verdict = (await rulePreview().textContent()) ?? '';
      expect(verdict === 'qualified' || verdict.startsWith('not qualified: Maturity 3')).toBe(true);
      await frame.getByRole('button', { name: 'Save lead' }).evaluate((b) => (b as HTMLButtonElement).form?.reset());
    },
    TIMEOUT,
  );
});

describe('editing a lead', () => {
  it(
    'picks a lead, re-rates it, saves, and the grid shows the new Score and the Rated date',
    async () => {
      const workbook = bench.workbench.workbook;
      const leads = tableOf(workbook, 'Leads');
      const index = leads.findIndex(
        (l) =>
          ['New', 'Qualified'].includes(String(l.Status)) &&
          FACTOR_NAMES.every((f) => [1, 2, 3, 4, 5].includes(l[f] as number)),
      );
      const target = leads[index];
      const id = String(target.Lead);
      const row = index + 2;
      const panel = await openPanel(frame, 'Leads');

      await field(frame, 'Lead id or company').fill(id);
      await frame.getByRole('button', { name: 'Find', exact: true }).click();
      await panel
        .getByRole('button', { name: new RegExp(`^Edit ${id} `) })
        .first()
        .click();
      const form = frame.getByRole('form', { name: `Edit lead ${id}` });
      await form.waitFor();
      expect(await field(frame, 'Company').inputValue()).toBe(String(target.Company));
      expect(await checkedRatings(frame)).toEqual(FACTOR_NAMES.map((f) => target[f]));
      expect(await field(frame, 'Status').inputValue()).toBe(String(target.Status));

      // Every rating moves by one: better where it can, else worse.
      const ratings = FACTOR_NAMES.map((f) => (target[f] as number) + ((target[f] as number) > 1 ? -1 : 1));
      for (const [i, name] of FACTOR_NAMES.entries()) await rate(name, ratings[i]);
      await frame.getByRole('button', { name: 'Save changes' }).click();
      await poll(() => formStatus().textContent()).toBe(`Saved changes to ${id} in row ${row}; rated ${today()}`);

      const expected = expectedScore(ratings, weightsOf(workbook));
      await showCell(page, 'Leads', row, column('Rated'));
      await poll(() => gridText(row, column('Rated'))).toBe(today());
      await showCell(page, 'Leads', row, column('Score'));
      await poll(() => gridText(row, column('Score'))).toBe(String(Math.round(expected)));
      for (const [i, name] of FACTOR_NAMES.entries())
        expect(await gridText(row, column(name))).toBe(String(ratings[i]));
      // The form is back to a new lead.
      await frame.getByRole('form', { name: 'New lead' }).waitFor();
    },
    TIMEOUT,
  );

  it(
    'refuses to overwrite a change a person made meanwhile, keeps what was typed and offers to reload',
    async () => {
      const workbook = bench.workbench.workbook;
      const leads = tableOf(workbook, 'Leads');
      const index = leads.findIndex((l) => ['New', 'Qualified'].includes(String(l.Status)));
      const id = String(leads[index].Lead);
      const row = index + 2;
      // The lead in the selected row.
      await showCell(page, 'Leads', row, 1);
      const panel = await openPanel(frame, 'Leads');
      await panel.getByRole('button', { name: 'Edit the lead in the selected row' }).click();
      await frame.getByRole('form', { name: `Edit lead ${id}` }).waitFor();
      await field(frame, 'Notes').fill('typed in the sidebar');
      // Meanwhile a person types into the row's Contact.
      workbook.write('Leads', row, column('Contact'), [['Changed By Hand']]);
      await frame.getByRole('button', { name: 'Save changes' }).click();
      await poll(() => formStatus().textContent()).toMatch(
        /^Not saved: someone changed .* \(Contact ".*" is now "Changed By Hand"\)\./,
      );
      expect(await field(frame, 'Notes').inputValue()).toBe('typed in the sidebar');
      expect(tableOf(workbook, 'Leads')[index].Notes).not.toBe('typed in the sidebar');
      await frame.getByRole('button', { name: 'Reload the lead' }).click();
      await poll(() => field(frame, 'Contact').inputValue()).toBe('Changed By Hand');
    },
    TIMEOUT,
  );
});
