// The workbench in Chromium: Data > Sort sheet by the Score column, Z to A, and each lead keeps its own score.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { callTopLevel, loadBundle } from '../../workbench/session/script-bundle';
import { gridCell, type Harness, openPage, poll, showCell, startHarness, TIMEOUT } from './harness';

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ width: 1440, height: 900 });
  ({ bench, page } = harness);
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

/** The header row as the page draws it: text by column number. */
async function headerColumns(): Promise<Map<string, number>> {
  const cells = await page
    .locator('#sheet [data-cell^="1:"]')
    .evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).dataset.cell, node.textContent ?? ''] as const));
  return new Map(cells.map(([address, text]) => [text, Number(address?.split(':')[1])]));
}

/** The text the grid shows in a cell ('' for an empty one, which has no element; a dropdown's arrow left out). */
async function shown(row: number, column: number): Promise<string> {
  const cell = gridCell(page, row, column);
  if ((await cell.count()) === 0) return '';
  const text = cell.locator('.text');
  return ((await text.count()) > 0 ? await text.textContent() : await cell.textContent()) ?? '';
}

describe('sorting Leads in the workbench', () => {
  it(
    'Data > Sort sheet by the Score column, Z to A: every score in view is the one its own ratings give',
    async () => {
      await openPage(harness);
      await poll(() => gridCell(page, 1, 1).textContent()).toBe('Lead');
      const columns = await headerColumns();
      const score = columns.get('Score') as number;
      const maturity = columns.get('Maturity') as number;
      expect(score).toBeGreaterThan(maturity);

      await showCell(page, 'Leads', 2, score);
      await page.locator('.menubar-item', { hasText: /^Data$/ }).click();
      await page.locator('.menu-item', { hasText: 'Z to A' }).click();

      const weights = bench.workbench.workbook
        .values('Factors')
        .slice(1, 11)
        .map((row) => [row[1]]);
      const bundle = loadBundle();
      const rows = Array.from({ length: 20 }, (_, i) => i + 2);
      const sorted = async () => {
        const scores: string[] = [];
        for (const row of rows) scores.push(await shown(row, score));
        const numbers = scores.filter((text) => /^\d+$/.test(text)).map(Number);
        return numbers.length > 5 && numbers.every((n, i) => i === 0 || numbers[i - 1] >= n);
      };
      await poll(sorted).toBe(true);

      expect(await shown(1, score)).toBe('Score');
      for (const row of rows) {
        const ratings = [];
        for (let f = 0; f < 10; f++) {
          const text = await shown(row, maturity + f);
          ratings.push(text === '' ? '' : Number(text));
        }
        const [[expected]] = callTopLevel(bundle, 'LEADSCORE', [ratings], weights) as unknown[][];
        const text = await shown(row, score);
        expect(text).not.toBe('#REF!');
        expect(text).toBe(typeof expected === 'number' ? String(Math.round(expected)) : String(expected));
      }
    },
    TIMEOUT,
  );

  it(
    'Data > Filter shows only the rows whose Owner is the selected one; Remove filter shows them all',
    async () => {
      const owner = (await headerColumns()).get('Owner') as number;
      await showCell(page, 'Leads', 2, owner);
      const name = await shown(2, owner);
      await page.locator('.menubar-item', { hasText: /^Data$/ }).click();
      await page.locator('.menu-item', { hasText: `is "${name}"` }).click();
      const heads = page.locator('#sheet .row-heads .row-head');
      const drawnRows = async () => (await heads.allTextContents()).map(Number);
      await poll(async () => {
        const rows = await drawnRows();
        return rows.length > 0 && rows.some((row, i) => i > 0 && row !== rows[i - 1] + 1);
      }).toBe(true);
      for (const row of (await drawnRows()).slice(0, 15)) {
        const text = await shown(row, owner);
        if (text !== '') expect(text).toBe(name);
      }
      await page.locator('.menubar-item', { hasText: /^Data$/ }).click();
      await page.locator('.menu-item', { hasText: 'Remove filter' }).click();
      await poll(async () => (await drawnRows()).slice(0, 5)).toEqual([2, 3, 4, 5, 6]);
    },
    TIMEOUT,
  );
});
