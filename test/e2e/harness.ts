/** The browser tests' setup: a workbench served in-process on a free port over a temporary workbook, and Chromium. */

import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Frame, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { findChromium, HOW_TO_INSTALL } from '../../tools/chromium';
import { type RunningWorkbench, startWorkbench } from '../../workbench/server/http-server';
import { ROOT } from '../../workbench/session/project-paths';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
/** Per test and for the setup: generous, as two browser test files may share two cores with the rest. */
export const TIMEOUT = 60_000;

/** expect.poll with room for a busy machine: a browser, a server and other test files share two cores. */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

export interface Harness {
  readonly bench: RunningWorkbench;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** Starts a workbench with a fresh sample workbook, launches Chromium and opens a page (not yet navigated). */
export async function startHarness(viewport: { width: number; height: number }): Promise<Harness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'workbench-e2e-'));
  let bench: RunningWorkbench | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await bench?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
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
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(20_000);
    return { bench, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens the workbench page and waits until its grid is drawn. */
export async function openPage(harness: Harness): Promise<void> {
  await harness.page.goto(harness.bench.url);
  await harness.page.locator('body[data-ready="true"]').waitFor();
}

/** A cell of the grid on the page, by 1-based row and column (only rows in view are in the DOM). */
export const gridCell = (page: Page, row: number, column: number): Locator =>
  page.locator(`#sheet [data-cell="${row}:${column}"]`);

/** A column's letters: 1 -> A, 27 -> AA. */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A pattern matching exactly `text`. */
export const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Shows `sheet` in the grid with the cell at `row`, `column` selected, through the name box as a user would.
 * Selecting a cell of a frozen row does not scroll: to see the top, ask for the first row below them.
 */
export async function showCell(page: Page, sheet: string, row: number, column: number): Promise<void> {
  const tab = page.locator('#tabs .tab', { hasText: exactly(sheet) });
  if ((await tab.getAttribute('aria-selected')) !== 'true') {
    await tab.click();
    await poll(() => tab.getAttribute('aria-selected')).toBe('true');
  }
  const nameBox = page.locator('#name-box');
  const address = `${columnName(column)}${row}`;
  // The page redraws after every change and then rewrites the name box, maybe between typing and Enter: go again.
  await poll(async () => {
    if ((await nameBox.inputValue()) === address && (await gridCell(page, row, column).count()) === 1) return true;
    await nameBox.fill(address);
    await nameBox.press('Enter');
    return false;
  }).toBe(true);
}

/** Clicks Extensions > Lean Sales > `caption`. */
export async function addonMenu(page: Page, caption: string): Promise<void> {
  await page.locator('.menubar-item', { hasText: 'Extensions' }).click();
  await page.locator('.menu-item', { hasText: 'Lean Sales' }).hover();
  await page.locator('.menu.submenu .menu-item', { hasText: caption }).first().click();
}

/** The frame of the sidebar the page shows (the newest, when it was opened again), once its page has loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const element = page.locator('#side-frame[src^="/sidebar?id="]');
  const src = (await element.getAttribute('src')) as string;
  const frame = await (await element.elementHandle())?.contentFrame();
  if (!frame) throw new Error('The sidebar has no frame.');
  await frame.waitForURL((url) => `${url.pathname}${url.search}` === src);
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/** Closes the workbench's notices (they would cover the sidebar) and opens the sidebar from the menu, ready for use. */
export async function openSidebar(page: Page): Promise<Frame> {
  // In one go in the page: a toast may close by itself at any moment.
  await page.evaluate(() => {
    for (const close of document.querySelectorAll<HTMLElement>('#toasts .toast-close')) close.click();
  });
  await addonMenu(page, 'Open sidebar');
  const frame = await sidebarFrame(page);
  await frame.getByRole('button', { name: 'Save lead' }).waitFor();
  return frame;
}
