// The improvement loop end to end in Chromium: raise a problem in the sidebar, walk it by keyboard through five
// whys to an action with an owner, find it in the list and in the Improvements tab; the KPI run charts with limits.
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import {
  ARTIFACTS,
  gridCell,
  type Harness,
  openPage,
  openSidebar,
  poll,
  showCell,
  startHarness,
  TIMEOUT,
} from './harness';
import { field, openPanel, tableOf } from './sidebar-helpers';

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 900 });
  ({ bench, page } = harness);
  await openPage(harness);
  frame = await openSidebar(page);
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `improve-${name}.png`) });

const PROBLEM = 'Quotes take a week to go out';
const WHYS = [
  'Every quote waits for the engineer to price it',
  'Standard products are priced by hand too',
  'There is no price list for the standard range',
  'Nobody owns the pricing of standard products',
  'Pricing was never assigned when the range was launched',
];
const ROOT = 'No owner for standard pricing';
const ACTION = '=HYPERLINK("http://x","Write a price list")';

describe('the Improve panel in the workbench', () => {
  it(
    'raises a problem, answers five whys by keyboard, sets an action with an owner, and finds it in the list and the sheet',
    async () => {
      const panel = await openPanel(frame, 'Improve');
      await field(frame, 'Problem').fill(PROBLEM);
      await field(frame, 'Raised by').fill('Erik Sand');
      await frame.getByRole('button', { name: 'Raise problem' }).click();
      const heading = panel.locator('.item-heading');
      await poll(() => heading.textContent()).toBe(`I-005: ${PROBLEM}`);
      await shot('raised');

      // Each answer is typed into the focused question and sent with Enter; the next question takes the focus.
      for (const [i, answer] of WHYS.entries()) {
        const question = field(frame, i === 0 ? 'Why does this happen?' : 'Why is that?');
        await poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.type(answer);
        await page.keyboard.press('Enter');
        await poll(() => field(frame, `Why ${i + 1}`).inputValue()).toBe(answer);
      }
      await poll(() => field(frame, 'Root cause').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(ROOT);
      await page.keyboard.press('Tab');
      await page.keyboard.type(ACTION);
      await field(frame, 'Owner').selectOption('Maria Holm');
      await field(frame, 'Due').fill('2030-01-31');
      await field(frame, 'Feedback KPI').selectOption('Leads fully rated (%)');
      await field(frame, 'Stage').selectOption('Do');
      const chart = panel.locator('.feedback-chart svg.run');
      await poll(() => chart.locator('line.limit').count()).toBe(2);
      await expect(panel.locator('.feedback-chart .since').textContent()).resolves.toBe(
        'No value logged since 2030-01-31 (the action was due) yet.',
      );
      await frame.getByRole('button', { name: 'Save item' }).click();
      await poll(() => panel.locator('[role=status]').first().textContent()).toBe('Saved I-005 in row 6.');
      await shot('walked');

      const row = tableOf(bench.workbench.workbook, 'Improvements').find((r) => r.ID === 'I-005');
      expect(row).toMatchObject({
        Problem: PROBLEM,
        'Raised by': 'Erik Sand',
        'Root cause': ROOT,
        Action: ACTION,
        Owner: 'Maria Holm',
        'Feedback KPI': 'Leads fully rated (%)',
        Stage: 'Do',
      });
      expect([1, 2, 3, 4, 5].map((n) => row?.[`Why ${n}`])).toEqual(WHYS);

      await frame.getByRole('button', { name: 'Back to the list' }).click();
      const item = panel.getByRole('list', { name: 'Items at Do' }).locator('.row-main');
      await poll(() => item.allTextContents()).toEqual([`I-005 ${PROBLEM}`]);
      await expect(panel.getByRole('list', { name: 'Items at Do' }).locator('.row-sub').textContent()).resolves.toBe(
        `raised ${new Date().toISOString().slice(0, 10)} by Erik Sand · 5 of 5 whys · Maria Holm · due 2030-01-31`,
      );
      // The row in the sheet, beside the list.
      await showCell(page, 'Improvements', 6, 1);
      await poll(() => gridCell(page, 6, 1).locator('.text').textContent()).toBe('I-005');
      await shot('list');
    },
    TIMEOUT,
  );

  it(
    "shows the sample's I-002 feedback KPI run chart and what KPISIGNAL said since its action was due",
    async () => {
      const panel = await openPanel(frame, 'Improve');
      await panel.locator('.improvements button[data-id="I-002"]').click();
      await poll(() => panel.locator('.item-heading').textContent()).toMatch(/^I-002: /);
      const chart = panel.locator('.feedback-chart svg.run');
      await poll(() => chart.locator('circle.point').count()).toBe(14);
      expect(await chart.locator('line.limit').count()).toBe(2);
      expect(await chart.locator('line.centre').count()).toBe(1);
      expect(await panel.locator('.feedback-chart .since').textContent()).toMatch(
        /^8 values since \d{4}-\d{2}-\d{2} \(the action was due\): KPISIGNAL first said "signal: above the limits" on \d{4}-\d{2}-\d{2}; with the latest value it says "signal: 8 in a row above the centre"\.$/,
      );
      await shot('feedback-kpi');
    },
    TIMEOUT,
  );

  it(
    'draws each KPI run chart with its centre and limits in the KPIs panel, with the Internal customers lint',
    async () => {
      const panel = await openPanel(frame, 'KPIs');
      const rated = panel.locator('li.kpi', { hasText: 'Leads fully rated (%)' });
      await poll(() => rated.locator('svg.run line.limit').count()).toBe(2);
      expect(await rated.locator('svg.run line.centre').count()).toBe(1);
      expect(await rated.locator('svg.run circle.point').count()).toBe(14);
      expect(await rated.locator('figcaption').textContent()).toMatch(
        /^Centre 88\.9, limits [\d.]+ to [\d.]+\. Signal: the last 8 values are all above the centre line, a real shift up\.$/,
      );
      expect(await rated.locator('svg.run').getAttribute('aria-label')).toMatch(
        /^Run chart of Leads fully rated \(%\): 14 values/,
      );
      const lint = panel.getByRole('list', { name: 'Internal customers lint' }).locator('.row-main');
      expect(await lint.allTextContents()).toContain('Needed, not provided: Reasons deals were lost');
      await rated.scrollIntoViewIfNeeded();
      await shot('kpis');
    },
    TIMEOUT,
  );
});
