import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, HOW_TO_INSTALL } from '../../tools/chromium.mjs';
import { callTopLevel, loadBundle } from '../../workbench/bundle';
import { ROOT } from '../../workbench/paths';
import { type RunningWorkbench, startWorkbench } from '../../workbench/server';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const TIMEOUT = 60_000;
const SCORE = 18;
const MATURITY = 8;
const STATUS = 20;
const NOTES = 22;

let dir: string;
let bench: RunningWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-e2e-'));
  bench = await startWorkbench({ port: 0, dir, saveDelayMs: 100, timeZone: 'Etc/UTC' });
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  page.setDefaultTimeout(20_000);
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await bench?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** google.script.run as the sidebar sees it, for calls made from the test. */
interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  getTeamPanel(): void;
  noSuchFunction(): void;
}
type SidebarWindow = { google: { script: { run: Runner } } };

const cell = (row: number, column: number) => page.locator(`#sheet [data-cell="${row}:${column}"]`);
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `workbench-${name}.png`) });

async function addonMenu(caption: string): Promise<void> {
  await page.locator('.menubar-item', { hasText: 'Extensions' }).click();
  await page.locator('.menu-item', { hasText: 'Lean Sales' }).hover();
  await page.locator('.menu.submenu .menu-item', { hasText: caption }).first().click();
}

async function sidebarFrame(): Promise<Frame> {
  await page.locator('#side-frame').waitFor();
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar?id='));
    if (frame) return frame;
    await page.waitForEvent('framenavigated');
  }
}

describe('the workbench in Chromium', () => {
  it(
    'loads the workbook: tabs, headers, computed scores',
    async () => {
      await page.goto(bench.url);
      await page.locator('body[data-ready="true"]').waitFor();
      await expect
        .poll(() => page.locator('#tabs .tab').allTextContents())
        .toEqual(['Leads', 'Profiles', 'Campaigns', 'Segments', 'Team', 'KPIs', 'KPI log', 'Factors']);
      await expect.poll(() => cell(1, SCORE).textContent()).toBe('Score');
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
      await expect.poll(() => cell(1, NOTES).count()).toBe(0);

      // Record what the "Running …" box says, however briefly it shows.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        const box = document.getElementById('progress-text') as HTMLElement;
        new MutationObserver(() => seen.push(box.textContent ?? '')).observe(box, { childList: true, subtree: true });
      });
      await addonMenu('Set up workbook');
      const alert = page.locator('.modal.alert');
      await expect.poll(() => alert.textContent()).toContain('Leads: added Notes');
      expect(await alert.locator('.modal-title').textContent()).toBe('Lean Sales setup');
      await page.locator('#toasts .toast').first().waitFor();
      const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(progress).toContain('Running Set up workbook…');
      await shot('setup');
      await alert.getByRole('button', { name: 'OK' }).click();
      await expect.poll(() => cell(1, NOTES).textContent()).toBe('Notes');
    },
    TIMEOUT,
  );

  it(
    "recalculates that lead's Score when a rating is edited in Leads",
    async () => {
      const window = await (await fetch(`${bench.url}/api/sheet?name=Leads&row=2&count=1`)).json();
      const ratings = window.rows[0].slice(MATURITY - 1, MATURITY + 9).map((c: { t: string }) => Number(c.t));
      const changed = ratings[0] === 5 ? 1 : 5;
      const context = loadBundle();
      const [[expected]] = callTopLevel(context, 'LEADSCORE', [[changed, ...ratings.slice(1)]]) as number[][];
      expect(Number(await cell(2, SCORE).textContent())).not.toBe(Math.round(expected));

      await cell(2, MATURITY).click();
      await page.keyboard.type(String(changed));
      await page.keyboard.press('Enter');
      await expect.poll(() => cell(2, SCORE).textContent()).toBe(String(Math.round(expected)));
      await cell(2, SCORE).click();
      expect(await page.locator('#formula-bar').inputValue()).toMatch(/^=LEADSCORE\(H2:Q, /);
      await shot('edited');
    },
    TIMEOUT,
  );

  it(
    'offers the Status list in a dropdown and writes the choice',
    async () => {
      await cell(3, STATUS).locator('.dropdown').click();
      await page.locator('.dropdown-option', { hasText: 'Disqualified' }).click();
      await expect.poll(() => cell(3, STATUS).locator('.text').textContent()).toBe('Disqualified');
    },
    TIMEOUT,
  );

  it(
    'shows a formula error as #ERROR! with its message on the selected cell',
    async () => {
      await page.locator('#tabs .tab', { hasText: 'KPI log' }).click();
      await expect.poll(() => cell(1, 1).textContent()).toBe('Date');
      await page.locator('#name-box').fill('F10');
      await page.locator('#name-box').press('Enter');
      await page.locator('#formula-bar').fill('=SUM(1,');
      await page.locator('#formula-bar').press('Enter');
      await expect.poll(() => cell(10, 6).textContent()).toBe('#ERROR!');
      await cell(10, 6).click();
      await expect.poll(() => page.locator('#cell-error').textContent()).toContain('Formula parse error.');
      await shot('formula-error');
    },
    TIMEOUT,
  );

  it(
    'opens the real sidebar, whose google.script.run calls the add-on’s server functions',
    async () => {
      await addonMenu('Open sidebar');
      await expect.poll(() => page.locator('#side-title').textContent()).toBe('Lean Sales');
      const frame = await sidebarFrame();
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
