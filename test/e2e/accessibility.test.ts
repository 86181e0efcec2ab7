// Accessibility in Chromium, measured by axe-core (Deque's engine): every panel the sidebar has, its lead form and an
// open lead editor, and the workbench page with each of its menus open, over the sample workbook. Any serious or
// critical violation fails; the moderate and minor ones are printed and written to test-artifacts/axe-report.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { openPanel } from './sidebar-helpers';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version;
const BLOCKING = new Set(['serious', 'critical']);

/** One violation of one rule in one state of a page, with the elements it names. */
interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

interface AxeResults {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

let harness: Harness;
let page: Page;
const findings: Finding[] = [];
/** Every state audited, in order. */
const audited: string[] = [];

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 800 });
  ({ page } = harness);
  await openPage(harness);
  await page.evaluate(() => {
    for (const close of document.querySelectorAll<HTMLElement>('#toasts .toast-close')) close.click();
  });
}, TIMEOUT);

afterAll(async () => {
  const report = { axe: AXE_VERSION, audited, findings };
  writeFileSync(path.join(ARTIFACTS, 'axe-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const rest = findings.filter((f) => !BLOCKING.has(f.impact));
  console.log(`axe ${AXE_VERSION}: ${audited.length} states audited, ${findings.length} finding(s)`);
  if (rest.length > 0) {
    console.log(
      `axe: ${rest.length} moderate or minor finding(s):\n${rest
        .map((f) => `  [${f.impact}] ${f.where}: ${f.rule} (${f.help}) at ${f.nodes.map((n) => n.target).join(', ')}`)
        .join('\n')}`,
    );
  }
  await harness?.close();
});

/** Runs axe in `target` (the page, or the sidebar's frame alone), records what it finds, returns the blocking ones. */
async function audit(target: Page | Frame, where: string): Promise<Finding[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ content: AXE_SOURCE });
  const results = (await target.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      iframes: false,
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  const found = results.violations.map(
    (v): Finding => ({
      where,
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }),
  );
  audited.push(where);
  findings.push(...found);
  return found.filter((f) => BLOCKING.has(f.impact));
}

describe('accessibility (axe-core)', () => {
  it(
    "the workbench page: every sheet tab, each menu and submenu open, a context menu, a dropdown cell's list, a dialog",
    async () => {
      const blocking: Finding[] = [];
      blocking.push(...(await audit(page, 'workbench')));
      // Every tab of the workbook in the grid: the sample's values with their conditional formats' colours.
      const tabs = page.locator('#tabs .tab');
      const sheets = await tabs.allTextContents();
      for (const [i, sheet] of sheets.entries()) {
        if (i === 0) continue; // the tab shown as loaded, just audited
        await tabs.nth(i).click();
        await poll(() => tabs.nth(i).getAttribute('aria-selected')).toBe('true');
        await page.locator('#sheet .cell').first().waitFor();
        blocking.push(...(await audit(page, `workbench: the ${sheet} tab`)));
      }
      await tabs.first().click();
      await poll(() => tabs.first().getAttribute('aria-selected')).toBe('true');
      const buttons = page.locator('#menubar .menubar-item');
      const captions = await buttons.allTextContents();
      expect(captions).toContain('Extensions');
      for (const [i, caption] of captions.entries()) {
        await buttons.nth(i).click();
        const menu = page.locator('.menu.dropdown');
        await menu.waitFor();
        blocking.push(...(await audit(page, `workbench: menu ${caption}`)));
        const submenus = menu.locator(':scope > .menu-item.has-submenu');
        for (let s = 0; s < (await submenus.count()); s++) {
          const item = submenus.nth(s);
          await item.hover();
          await menu.locator(':scope > .menu.submenu').waitFor();
          blocking.push(...(await audit(page, `workbench: menu ${caption} > ${await item.textContent()}`)));
        }
        await page.keyboard.press('Escape');
        await poll(() => page.locator('.menu').count()).toBe(0);
      }
      await gridCell(page, 2, 2).click({ button: 'right' });
      await page.locator('.menu.context').waitFor();
      blocking.push(...(await audit(page, 'workbench: context menu of a cell')));
      await page.keyboard.press('Escape');
      await poll(() => page.locator('.menu').count()).toBe(0);
      // A dropdown cell's list (Leads' Status).
      await gridCell(page, 3, 20).locator('.dropdown').click();
      await page.locator('.dropdown-list').waitFor();
      blocking.push(...(await audit(page, "workbench: a dropdown cell's list")));
      await page.locator('#formula-bar').click();
      await poll(() => page.locator('.dropdown-list').count()).toBe(0);
      // A dialog the page draws: Help > About the workbench.
      await page.locator('.menubar-item', { hasText: 'Help' }).click();
      await page.locator('.menu-item', { hasText: 'About the workbench' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      blocking.push(...(await audit(page, 'workbench: the About dialog')));
      await dialog.getByRole('button', { name: 'OK' }).click();
      await poll(() => dialog.count()).toBe(0);
      expect(blocking).toEqual([]);
    },
    TIMEOUT * 2,
  );
  it(
    'the sidebar: every panel, the lead form with its errors, an open lead editor; the page with the sidebar open',
    async () => {
      await addonMenu(page, 'Open sidebar');
      const frame = await sidebarFrame(page);
      await frame.getByRole('tab').first().waitFor();
      const names = await frame.getByRole('tab').allTextContents();
      expect(names).toContain('Leads');
      const blocking: Finding[] = [];
      for (const name of names) {
        await openPanel(frame, name);
        blocking.push(...(await audit(frame, `sidebar: ${name}`)));
      }

      // An item open in the Improve panel, when the sidebar has that panel and it lists one.
      if (names.includes('Improve')) {
        const panel = await openPanel(frame, 'Improve');
        const item = panel.locator('button.row-link[data-id]');
        if ((await item.count()) > 0) {
          await item.first().click();
          await panel.getByRole('button', { name: 'Back to the list' }).waitFor();
          blocking.push(...(await audit(frame, 'sidebar: Improve, an item open')));
        }
      }

      // The lead form refusing an empty lead: every field's inline error shown.
      const panel = await openPanel(frame, 'Leads');
      const save = frame.getByRole('button', { name: 'Save lead' });
      await save.click();
      await poll(() => panel.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
      blocking.push(...(await audit(frame, 'sidebar: Leads, the lead form with its errors')));

      // A company already recorded: the Save anyway question shown, the lists filtered by one owner.
      const owners = await frame.getByLabel('Owner', { exact: true }).locator('option').allTextContents();
      const company = await panel.locator('.row-main').first().textContent();
      if (owners.length > 1 && company) {
        await frame.getByLabel('Company', { exact: true }).fill(company.split(' ').slice(1).join(' '));
        await frame.getByLabel('Owner', { exact: true }).selectOption({ index: 1 });
        await save.click();
        const anyway = frame.getByRole('button', { name: 'Save anyway' });
        await poll(() => anyway.isVisible()).toBe(true);
        await frame.getByLabel('Show the leads of', { exact: true }).selectOption({ index: 1 });
        blocking.push(...(await audit(frame, 'sidebar: Leads, Save anyway asked, lists of one owner')));
        await frame.getByLabel('Show the leads of', { exact: true }).selectOption({ index: 0 });
        await frame.getByRole('button', { name: 'Clear form' }).click();
      }

      // A lead open in the editor, when the panel offers one to edit.
      const edit = panel.locator('button.row-edit');
      if ((await edit.count()) > 0) {
        await edit.first().click();
        await poll(() => panel.locator('form.lead-form').getAttribute('aria-label')).toMatch(/^Edit lead /);
        blocking.push(...(await audit(frame, 'sidebar: Leads, a lead open in the editor')));
      }
      blocking.push(...(await audit(page, 'workbench: with the sidebar open')));
      expect(blocking).toEqual([]);
    },
    TIMEOUT * 3,
  );
});
