// The workbench in Chromium: Leads' frozen Lead and Company columns, the menus by keyboard, focus moving into the
// sidebar, the sidebar over the grid in a narrow window, and an inserted radar chart drawn where it is anchored.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { ARTIFACTS, gridCell, type Harness, openPage, poll, showCell, startHarness, TIMEOUT } from './harness';

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `workbench-${name}.png`) });
/** The text of the focused element of the page (inside the sidebar's frame: `frame: ` and its focused element). */
const focused = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLIFrameElement) {
      const inner = active.contentDocument?.activeElement;
      return `frame: ${inner?.getAttribute('aria-label') ?? inner?.textContent?.trim() ?? ''}`;
    }
    return active?.textContent?.trim() ?? '';
  });

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 800 });
  ({ bench, page } = harness);
  await openPage(harness);
  await page.evaluate(() => {
    for (const close of document.querySelectorAll<HTMLElement>('#toasts .toast-close')) close.click();
  });
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

describe('the workbench page', () => {
  it(
    'keeps Lead and Company in view while a rep scrolls to the ratings',
    async () => {
      await showCell(page, 'Leads', 2, 1);
      const lead = gridCell(page, 2, 1);
      const before = await lead.boundingBox();
      const leadId = await lead.textContent();
      // Far right, as when rating the last factors.
      await showCell(page, 'Leads', 2, 17);
      await poll(() => page.evaluate(() => document.querySelector('#sheet .body')?.scrollLeft ?? 0)).toBeGreaterThan(0);
      const after = await lead.boundingBox();
      expect(after?.x).toBeCloseTo(before?.x ?? -1, 0);
      // What is drawn at the Lead cell's place is the Lead cell, not a scrolled column under it.
      const hit = await page.evaluate(
        ({ x, y }) =>
          (document.elementFromPoint(x, y) as HTMLElement | null)?.closest<HTMLElement>('[data-cell]')?.dataset.cell,
        { x: (after?.x ?? 0) + 10, y: (after?.y ?? 0) + 10 },
      );
      expect(hit).toBe('2:1');
      expect(await lead.textContent()).toBe(leadId);
      const company = await gridCell(page, 2, 2).boundingBox();
      expect(company?.x).toBeGreaterThan(after?.x ?? 0);
      await shot('frozen-columns');
    },
    TIMEOUT,
  );

  it(
    "shows the Score header's note, the scale and colour bands, when the header is selected",
    async () => {
      const header = bench.workbench.workbook.values('Leads')[0];
      const score = header.indexOf('Score') + 1;
      await showCell(page, 'Leads', 1, score);
      await poll(() => gridCell(page, 1, score).getAttribute('class')).toContain('has-note');
      const popup = page.locator('#cell-error.note');
      await poll(() => popup.isVisible()).toBe(true);
      expect(await popup.textContent()).toMatch(
        /^NoteScore: 0-100 .*Green: 70 or more\. Yellow: 40 to under 70\. Red: under 40\./,
      );
      await shot('score-note');
      await showCell(page, 'Leads', 2, 1);
    },
    TIMEOUT,
  );

  it(
    'opens, walks and closes the menus by keyboard, giving focus back',
    async () => {
      const file = page.locator('.menubar-item', { hasText: /^File$/ });
      await file.focus();
      await page.keyboard.press('ArrowDown');
      await poll(focused).toBe('Download (.xlsx)');
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe('Recalculate now');
      await page.keyboard.press('Escape');
      expect(await page.locator('.menu').count()).toBe(0);
      expect(await focused()).toBe('File');
      // Right from File's menu opens Data's, and so on to Extensions.
      await page.keyboard.press('Enter');
      await poll(focused).toBe('Download (.xlsx)');
      await page.keyboard.press('ArrowRight');
      await poll(() => page.locator('.menubar-item[aria-expanded="true"]').textContent()).toBe('Data');
      await page.keyboard.press('ArrowRight');
      await poll(() => page.locator('.menubar-item[aria-expanded="true"]').textContent()).toBe('Extensions');
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe('Lean Sales');
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe('Open sidebar');
      await shot('keyboard-menu');
      await page.keyboard.press('Enter');
      // The sidebar opens with focus in it.
      await page.locator('#side-panel:not([hidden])').waitFor();
      await poll(focused).toMatch(/^frame: ./);
      await shot('sidebar-focus');
    },
    TIMEOUT,
  );

  it(
    'shows Lean Sales > Help in a dialog that takes focus and gives it back on Escape',
    async () => {
      const extensions = page.locator('.menubar-item', { hasText: /^Extensions$/ });
      await extensions.focus();
      await page.keyboard.press('ArrowDown');
      await poll(focused).toBe('Add-ons');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 10 && (await focused()) !== 'Help'; i++) await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe('Help');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Lean Sales help' });
      await dialog.waitFor();
      const help = page.frameLocator('.html-dialog iframe');
      await poll(() => help.locator('h2').allTextContents()).toEqual([
        'The tabs',
        'The functions you can type in a cell',
      ]);
      expect(await help.getByRole('link', { name: 'How to, in the README' }).count()).toBe(1);
      expect(await focused()).toBe('×');
      await shot('help');
      await page.keyboard.press('Escape');
      await poll(() => dialog.count()).toBe(0);
      expect(await focused()).toBe('Extensions');
    },
    TIMEOUT,
  );

  it(
    'lays the sidebar over the grid in a narrow window, without pushing the page sideways',
    async () => {
      await page.setViewportSize({ width: 700, height: 800 });
      const layout = await page.evaluate(() => ({
        position: getComputedStyle(document.getElementById('side-panel') as HTMLElement).position,
        sheetWidth: document.getElementById('sheet')?.getBoundingClientRect().width ?? 0,
        pageWidth: document.documentElement.scrollWidth,
        panelRight: document.getElementById('side-panel')?.getBoundingClientRect().right ?? 0,
      }));
      expect(layout.position).toBe('fixed');
      expect(layout.sheetWidth).toBeGreaterThan(650);
      expect(layout.pageWidth).toBeLessThanOrEqual(700);
      expect(layout.panelRight).toBeLessThanOrEqual(700);
      await shot('narrow-sidebar');
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(
        await page.evaluate(() => getComputedStyle(document.getElementById('side-panel') as HTMLElement).position),
      ).not.toBe('fixed');
      await page.locator('#side-close').click();
    },
    TIMEOUT,
  );

  it(
    'draws an inserted radar chart where it is anchored, 1 (best) outermost',
    async () => {
      const report = bench.workbench.run('insertComparisonChart', [
        { profile: 'Ready buyer', target: { kind: 'campaign', name: 'A4' } },
      ]);
      expect(report.ok).toBe(true);
      const tab = page.locator('#tabs .tab', { hasText: /^Charts$/ });
      await poll(() => tab.count()).toBe(1);
      await tab.click();
      const chart = page.locator('.chart-box svg.chart-radar');
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toBe(
        'Ready buyer vs A4 (outer ring = 1, best): radar chart of A1:C11',
      );
      expect(await chart.locator('polygon.chart-series').count()).toBe(2);
      // Anchored at E1: the chart's left edge is column E's.
      const column = await page.locator('.col-head[data-column="5"]').boundingBox();
      const box = await page.locator('.chart-box').boundingBox();
      expect(box?.x).toBeCloseTo(column?.x ?? -1, 0);
      await shot('radar-chart');
    },
    TIMEOUT,
  );
});
