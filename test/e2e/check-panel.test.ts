// The Check panel end to end in Chromium: the real sidebar in the workbench, applying the suggested weights.
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import {
  ARTIFACTS,
  addonMenu,
  gridCell,
  type Harness,
  openPage,
  poll,
  showCell,
  sidebarFrame,
  startHarness,
  TIMEOUT,
} from './harness';
import { openPanel, tableOf, weightsOf } from './sidebar-helpers';

/** The sample's weights, and what its 19 won and 21 lost leads suggest (two decimals, as Apply writes them). */
const SAMPLE_WEIGHTS = [2, 1, 1, 2, 1, 1, 1, 2, 1, 1];
const SUGGESTED = [4.22, 0, 2.92, 0, 0.04, 2.82, 0, 0, 0, 0];

/**
 * Text of the panel whose contrast with the background behind it is under 4.5:1 (WCAG AA for small text), as
 * `ratio text`; the background is the first opaque one among the element and its ancestors.
 */
async function lowContrastTexts(frame: Frame): Promise<string[]> {
  return frame.locator('#panel').evaluate((panel) => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const color = rgb(getComputedStyle(e).backgroundColor);
        if (color.length === 3 || color[3] === 1) return color.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low: string[] = [];
    for (const element of panel.querySelectorAll('*')) {
      const own = [...element.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      if (!own || (element as HTMLElement).offsetParent === null) continue;
      const style = getComputedStyle(element);
      const [a, b] = [luminance(rgb(style.color)), luminance(background(element))].sort((x, y) => y - x);
      // Buttons disabled while a call runs are exempt (WCAG 1.4.3 exempts inactive controls).
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5 && !(element as HTMLButtonElement).disabled)
        low.push(`${ratio.toFixed(2)} ${element.textContent}`);
    }
    return low;
  });
}

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 800 });
  ({ bench, page } = harness);
  await openPage(harness);
  await page.evaluate(() => {
    for (const close of document.querySelectorAll<HTMLElement>('#toasts .toast-close')) close.click();
  });
  await addonMenu(page, 'Open sidebar');
  frame = await sidebarFrame(page);
  await frame.getByRole('tab', { name: 'Check', exact: true }).waitFor();
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

describe('the Check panel in the workbench', () => {
  it(
    'shows the bands and the AUC, applies the suggestion, and Factors and Improvements change',
    async () => {
      const workbook = bench.workbench.workbook;
      expect(weightsOf(workbook)).toEqual(SAMPLE_WEIGHTS);
      const improvementsBefore = tableOf(workbook, 'Improvements').length;

      const panel = await openPanel(frame, 'Check');
      await expect.poll(() => panel.locator('.headline').textContent()).toContain('AUC 0.81');
      expect(await panel.locator('.headline').textContent()).toBe(
        'AUC 0.81 (95% interval 0.67-0.95) clearly better than a coin toss',
      );
      expect(await panel.textContent()).toContain('Rests on 40 leads closed with a score: 19 won, 21 lost');
      const bands = panel.getByRole('list', { name: 'Win rate per score band' }).getByRole('listitem');
      expect(await bands.count()).toBe(4);
      expect(await bands.nth(1).textContent()).toContain('Score 50-75');
      expect(await bands.nth(1).textContent()).toContain('15 won of 24 closed');
      const foot = panel.locator('table.check-weights tfoot');
      expect(await foot.textContent()).toBe('Cross-validated AUC0.810.93');

      await page.screenshot({ path: path.join(ARTIFACTS, 'check-panel.png') });
      expect(await lowContrastTexts(frame)).toEqual([]);

      const apply = frame.getByRole('button', { name: 'Apply suggested weights' });
      await apply.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, 'check-panel-weights.png') });
      // Keyboard: the button is reached and pressed like any other.
      await apply.focus();
      await page.keyboard.press('Enter');
      const notice = panel.locator('.check-notice');
      await poll(() => notice.textContent()).toMatch(/^Applied: /);
      expect(await notice.textContent()).toBe(
        'Applied: Factors now holds the suggested weights, and I-005 in Improvements (row 6) records the change.',
      );
      // Redrawn: the new weights are today's, and nothing better is offered.
      expect(await apply.count()).toBe(0);
      expect(await panel.textContent()).toContain('The current weights are as good as the data can tell');
      expect(await lowContrastTexts(frame)).toEqual([]);

      expect(weightsOf(workbook)).toEqual(SUGGESTED);
      const improvements = tableOf(workbook, 'Improvements');
      expect(improvements).toHaveLength(improvementsBefore + 1);
      expect(improvements[improvements.length - 1]).toMatchObject({
        ID: 'I-005',
        Problem: 'Factor weights did not match what wins',
        Stage: 'Check',
        Result: 'Cross-validated AUC (5 folds, 19 won and 21 lost leads): current weights 0.81, suggested weights 0.93',
      });

      // The Factors tab on the page shows the weights written.
      await showCell(page, 'Factors', 2, 2);
      await poll(() => gridCell(page, 2, 2).locator('.text').textContent()).toBe('4.22');
      await showCell(page, 'Improvements', 6, 1);
      await poll(() => gridCell(page, 6, 1).locator('.text').textContent()).toBe('I-005');
      await page.screenshot({ path: path.join(ARTIFACTS, 'check-panel-applied.png') });
    },
    TIMEOUT * 2,
  );
});
