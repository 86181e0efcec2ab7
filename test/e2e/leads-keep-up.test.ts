// The Leads panel keeps up with the sheet and keeps what the rep typed, in Chromium: a half-filled form survives
// switching panels, Refresh and a return to the sidebar bring the lists up to date without touching the form, a
// duplicate company asks before it is saved, the confirmation takes focus, and a defect selects its own cell.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../src/core/factors';
import { LEADS_TAB } from '../../src/shared/schema';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { type Harness, openPage, openSidebar, poll, startHarness, TIMEOUT } from './harness';
import { factorGroup, field, openPanel, tableOf } from './sidebar-helpers';

const column = (header: string) => LEADS_TAB.headers.indexOf(header) + 1;
const letter = (header: string) => String.fromCharCode(64 + column(header));

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

const formStatus = () => frame.locator('form.lead-form [role=status]');
const defects = () => frame.locator('.row-sub.defect').allTextContents();
const rate = (factor: string, value: number) =>
  factorGroup(frame, factor)
    .getByRole('radio', { name: String(value), exact: true })
    .check();

describe('the Leads panel keeps up and keeps what was typed', () => {
  it(
    'keeps a half-filled lead across switching panels and across Refresh, which brings the lists up to date',
    async () => {
      await openPanel(frame, 'Leads');
      await field(frame, 'Company').fill('Halfway Haulage AB');
      await field(frame, 'Owner').selectOption('Erik Sand');
      await rate('Interest', 2);
      await openPanel(frame, 'Team');
      await openPanel(frame, 'Leads');
      expect(await field(frame, 'Company').inputValue()).toBe('Halfway Haulage AB');
      expect(await field(frame, 'Owner').inputValue()).toBe('Erik Sand');
      expect(await factorGroup(frame, 'Interest').getByRole('radio', { name: '2', exact: true }).isChecked()).toBe(
        true,
      );

      // Someone fixes a defective rating in the sheet: Refresh lists the lead no more, and the form stays as typed.
      const workbook = bench.workbench.workbook;
      const leads = tableOf(workbook, 'Leads');
      const before = await defects();
      const index = leads.findIndex((l) =>
        FACTOR_NAMES.some((f) => l[f] === '' || (typeof l[f] === 'number' && !Number.isInteger(l[f]))),
      );
      expect(index).toBeGreaterThanOrEqual(0);
      const id = String(leads[index].Lead);
      expect(before.length).toBeGreaterThan(0);
      expect(
        (await frame.locator('li:has(.row-sub.defect) .row-main').allTextContents()).some((t) =>
          t.startsWith(`${id} `),
        ),
      ).toBe(true);
      for (const f of FACTOR_NAMES) {
        const v = leads[index][f];
        if (v === '' || (typeof v === 'number' && !Number.isInteger(v))) {
          workbook.write('Leads', index + 2, column(f), [[3]]);
        }
      }
      await frame.getByRole('button', { name: 'Refresh', exact: true }).click();
      await poll(() => frame.locator('.refresh-bar [role=status]').textContent()).toBe(
        'Leads is up to date with the sheet.',
      );
      const defective = () => frame.locator('li:has(.row-sub.defect) .row-main').allTextContents();
      expect((await defective()).some((t) => t.startsWith(`${id} `))).toBe(false);
      expect((await defects()).length).toBe(before.length - 1);
      expect(await field(frame, 'Company').inputValue()).toBe('Halfway Haulage AB');
      expect(await field(frame, 'Owner').inputValue()).toBe('Erik Sand');
    },
    TIMEOUT,
  );

  it(
    'asks before saving a company already recorded, saves it with Save anyway, and focuses the confirmation',
    async () => {
      await openPanel(frame, 'Leads');
      await frame.getByRole('button', { name: 'Clear form' }).click();
      const existing = String(tableOf(bench.workbench.workbook, 'Leads')[0].Company);
      const rows = tableOf(bench.workbench.workbook, 'Leads').length;
      await field(frame, 'Company').fill(`  ${existing.toUpperCase()} `);
      await field(frame, 'Owner').selectOption('Sara Nord');
      await rate('Maturity', 2); // a first contact: one factor rated, the rest left for later
      await frame.getByRole('button', { name: 'Save lead' }).click();
      const anyway = frame.getByRole('button', { name: 'Save anyway' });
      await anyway.waitFor();
      await poll(() => anyway.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await formStatus().textContent()).toMatch(/^Not saved yet: .* is already lead L-\d+\.$/);
      expect(tableOf(bench.workbench.workbook, 'Leads')).toHaveLength(rows);

      await page.keyboard.press('Enter');
      await poll(() => formStatus().textContent()).toMatch(/^Saved L-\d+ in row \d+$/);
      expect(await formStatus().evaluate((el) => el === document.activeElement)).toBe(true);
      const box = await formStatus().boundingBox();
      const viewport = await frame.evaluate(() => window.innerHeight);
      expect(box && box.y >= 0 && box.y + box.height <= viewport).toBe(true);
      const saved = tableOf(bench.workbench.workbook, 'Leads');
      expect(saved).toHaveLength(rows + 1);
      expect(saved[saved.length - 1]).toMatchObject({ Owner: 'Sara Nord', Maturity: 2, Interest: '' });

      // The lists follow: the new lead is a duplicate of the first one, and incomplete.
      await poll(async () => (await defects()).filter((d) => d.startsWith('Same company as')).length).toBe(2);
      // Switching panels after the save brings back an empty form.
      await openPanel(frame, 'Team');
      await openPanel(frame, 'Leads');
      expect(await field(frame, 'Company').inputValue()).toBe('');
    },
    TIMEOUT,
  );

  it(
    'selects the defective cell itself, and filters the lists by owner',
    async () => {
      const panel = await openPanel(frame, 'Leads');
      const duplicate = panel.locator('.row-link', { hasText: 'Same company as' }).first();
      await duplicate.click();
      const said = panel.locator('.list-host ~ [role=status]');
      await poll(() => said.textContent()).toMatch(/^Company of row \d+ selected in Leads\.$/);
      const at = Number(/row (\d+)/.exec((await said.textContent()) ?? '')?.[1]);
      await poll(() => page.locator('#name-box').inputValue()).toBe(`${letter('Company')}${at}`);

      const owner = field(frame, 'Show the leads of');
      expect(await owner.inputValue()).toBe('');
      await owner.selectOption('Sara Nord');
      const leads = tableOf(bench.workbench.workbook, 'Leads');
      const ids = await panel.locator('.row-main').allTextContents();
      expect(ids.length).toBeGreaterThan(0);
      for (const text of ids) {
        const lead = leads.find((l) => l.Lead === text.split(' ')[0]);
        expect(lead?.Owner, text).toBe('Sara Nord');
      }
      await owner.selectOption('');
    },
    TIMEOUT,
  );

  it(
    'refreshes the lists when the rep comes back to the sidebar from the sheet, keeping the form',
    async () => {
      await openPanel(frame, 'Leads');
      await field(frame, 'Company').fill('Back Again Oy');
      const workbook = bench.workbench.workbook;
      const leads = tableOf(workbook, 'Leads');
      const index = leads.findIndex((l) => ['New', 'Qualified'].includes(String(l.Status)) && l.Interest !== '');
      const id = String(leads[index].Lead);
      const defective = () => frame.locator('li:has(.row-sub.defect) .row-main').allTextContents();
      expect((await defective()).some((t) => t.startsWith(`${id} `))).toBe(false);
      // A rating cleared in the sheet while the rep works there.
      workbook.write('Leads', index + 2, column('Interest'), [['']]);
      await page.locator('#name-box').click();
      await field(frame, 'Contact').click();
      await poll(async () => (await defective()).some((t) => t.startsWith(`${id} `))).toBe(true);
      expect(await field(frame, 'Company').inputValue()).toBe('Back Again Oy');
      await frame.getByRole('button', { name: 'Clear form' }).click();
    },
    TIMEOUT,
  );
});
