// The workbench in Chromium: the page loads, the menu's setup runs, edits recalculate, the sidebar answers.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FACTORS } from '../../src/server/sample';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';
import {
  ARTIFACTS,
  addonMenu,
  gridCell,
  type Harness,
  openPage,
  poll,
  sidebarFrame,
  startHarness,
  TIMEOUT,
} from './harness';

const SCORE = 18;
const MATURITY = 8;
const STATUS = 20;
const NOTES = 22;

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ width: 1440, height: 860 });
  ({ bench, page } = harness);
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

/** google.script.run as the sidebar sees it, for calls made from the test. */
interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  getTeamPanel(): void;
  noSuchFunction(): void;
}
type SidebarWindow = { google: { script: { run: Runner } } };

const cell = (row: number, column: number) => gridCell(page, row, column);
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `workbench-${name}.png`) });

describe('the workbench in Chromium', () => {
  it(
    'loads the workbook: tabs, headers, computed scores',
    async () => {
      await openPage(harness);
      await poll(() => page.locator('#tabs .tab').allTextContents()).toEqual([
        'Leads',
        'Profiles',
        'Campaigns',
        'Segments',
        'Team',
        'KPIs',
        'KPI log',
        'Improvements',
        'Internal customers',
        'Factors',
        'Settings',
        'Score check',
      ]);
      await poll(() => cell(1, SCORE).textContent()).toBe('Score');
      expect(Number(await cell(2, SCORE).textContent())).toBeGreaterThan(0);
      await shot('loaded');
    },
    TIMEOUT,
  );

  it(
    "runs the add-on's setup from its menu, which puts back a deleted column",
    async () => {
      await cell(1, NOTES).click();
      await page.locator('#sheet .col-head', { hasText: /^V$/ }).click({ button: 'right' });
      await page.locator('.menu.context .menu-item', { hasText: 'Delete column V' }).click();
      // Rule and Rated move left into V and W.
      await poll(() => cell(1, NOTES).textContent()).toBe('Rule');

      // Record what the "Running …" box says, however briefly it shows.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        const box = document.getElementById('progress-text') as HTMLElement;
        new MutationObserver(() => seen.push(box.textContent ?? '')).observe(box, { childList: true, subtree: true });
      });
      await addonMenu(page, 'Set up workbook');
      const alert = page.locator('.modal.alert');
      await poll(() => alert.textContent()).toContain('Leads: added Notes');
      expect(await alert.locator('.modal-title').textContent()).toBe('Lean Sales setup');
      await page.locator('#toasts .toast').first().waitFor();
      const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(progress).toContain('Running Set up workbook…');
      await shot('setup');
      await alert.getByRole('button', { name: 'OK' }).click();
      // Setup adds a missing column after the last one, so nothing of the user's moves.
      await poll(() => cell(1, NOTES + 2).textContent()).toBe('Notes');
    },
    TIMEOUT,
  );

  it(
    "recalculates that lead's Score when a rating is edited in Leads",
    async () => {
      const window = await (
        await fetch(`${bench.url}/api/sheet?name=Leads&row=2&count=1`, {
          headers: { 'x-workbench-token': bench.token },
        })
      ).json();
      const ratings = window.rows[0].slice(MATURITY - 1, MATURITY + 9).map((c: { t: string }) => Number(c.t));
      const changed = ratings[0] === 5 ? 1 : 5;
      const context = loadBundle();
      const weights = SAMPLE_FACTORS.weights.map((w) => [w]);
      const [[expected]] = callTopLevel(context, 'LEADSCORE', [[changed, ...ratings.slice(1)]], weights) as number[][];
      expect(Number(await cell(2, SCORE).textContent())).not.toBe(Math.round(expected));

      await cell(2, MATURITY).click();
      await page.keyboard.type(String(changed));
      await page.keyboard.press('Enter');
      await poll(() => cell(2, SCORE).textContent()).toBe(String(Math.round(expected)));
      await cell(1, SCORE).click();
      await poll(() => page.locator('#formula-bar').inputValue()).toMatch(/^=\{"Score"; LEADSCORE\(H2:Q, /);
      await shot('edited');
    },
    TIMEOUT,
  );

  it(
    'offers the Status list in a dropdown and writes the choice',
    async () => {
      await cell(3, STATUS).locator('.dropdown').click();
      await page.locator('.dropdown-option', { hasText: 'Disqualified' }).click();
      await poll(() => cell(3, STATUS).locator('.text').textContent()).toBe('Disqualified');
    },
    TIMEOUT,
  );

  it(
    'shows a formula error as #ERROR! with its message on the selected cell',
    async () => {
      await page.locator('#tabs .tab', { hasText: 'KPI log' }).click();
      await poll(() => cell(1, 1).textContent()).toBe('Date');
      await page.locator('#name-box').fill('F10');
      await page.locator('#name-box').press('Enter');
      await page.locator('#formula-bar').fill('=SUM(1,');
      await page.locator('#formula-bar').press('Enter');
      await poll(() => cell(10, 6).textContent()).toBe('#ERROR!');
      await cell(10, 6).click();
      await poll(() => page.locator('#cell-error').textContent()).toContain('Formula parse error.');
      await shot('formula-error');
    },
    TIMEOUT,
  );

  it(
    'opens the real sidebar, whose google.script.run calls the add-on’s server functions',
    async () => {
      await addonMenu(page, 'Open sidebar');
      await poll(() => page.locator('#side-title').textContent()).toBe('Lean Sales');
      const frame = await sidebarFrame(page);
      const team = await frame.evaluate(
        () =>
          new Promise((resolve, reject) => {
            (window as unknown as SidebarWindow).google.script.run
              .withSuccessHandler(resolve)
              .withFailureHandler(reject)
              .getTeamPanel();
          }),
      );
      expect((team as { reps: { rep: string }[] }).reps.map((r) => r.rep)).toContain('Anna Berg');
      const failure = await frame.evaluate(
        () =>
          new Promise((resolve) => {
            (window as unknown as SidebarWindow).google.script.run
              .withFailureHandler((error) => resolve(error.message))
              .noSuchFunction();
          }),
      );
      expect(failure).toBe('Script function not found: noSuchFunction');

      await frame
        .getByRole('tab', { name: 'Team' })
        .or(frame.getByRole('button', { name: 'Team', exact: true }))
        .first()
        .click();
      await frame.getByText('Anna Berg').first().waitFor();
      await shot('sidebar');
    },
    TIMEOUT,
  );
});
