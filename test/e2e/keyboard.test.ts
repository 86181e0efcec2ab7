// The keyboard alone, in Chromium: the sidebar opened from the menu bar, a lead saved with Tab, arrows and Enter (and
// the characters typed into its text fields), no click anywhere; every control of the Leads, Webgraph and Check
// panels reached by Tab, each showing where the focus is.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../src/core/factors';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { type Harness, openPage, poll, sidebarFrame, startHarness, TIMEOUT } from './harness';
import { tableOf } from './sidebar-helpers';

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 800 });
  ({ bench, page } = harness);
  // Any pointer event anywhere in the page or a frame is counted: the test must not need one.
  await page.addInitScript(() => {
    (window as unknown as { pointerEvents: number }).pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown'])
      window.addEventListener(type, () => (window as unknown as { pointerEvents: number }).pointerEvents++, true);
  });
  await openPage(harness);
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

/** What has focus in the sidebar: its tag, accessible label and whether the focus is shown (outline or shadow). */
interface Focused {
  readonly tag: string;
  readonly type: string;
  readonly label: string;
  /** The legend of the fieldset it is in (a factor's name, for a rating). */
  readonly group: string;
  readonly inPanel: boolean;
  readonly visible: boolean;
  /** How the focus is shown, for a failure's message. */
  readonly detail: string;
}

const focused = (): Promise<Focused | null> =>
  frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const labels = (el as HTMLInputElement).labels;
    const label =
      el.getAttribute('aria-label') ?? (labels && labels.length > 0 ? labels[0].textContent : el.textContent) ?? '';
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      label: label.trim(),
      group: el.closest('fieldset')?.querySelector('legend')?.textContent ?? '',
      inPanel: el.closest('#panel') !== null,
      // Drawn while it has the focus (the sidebar draws rings for :focus-visible, and :focus-within on a date field).
      visible: ring || style.boxShadow !== 'none',
      detail: `focus-visible ${el.matches(':focus-visible')}, outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow}`,
    };
  });

/** Presses Tab until `want` holds of the focused element; every stop on the way must show its focus. */
async function tabTo(want: (f: Focused) => boolean, what: string): Promise<Focused> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (now) expect(now.visible, `focus shown on ${now.tag} "${now.label}" (${now.detail})`).toBe(true);
    if (now && want(now)) return now;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** With a select focused, presses Down (or Up) until it shows `value`. */
async function arrowTo(value: string): Promise<void> {
  const read = () => frame.evaluate(() => (document.activeElement as HTMLSelectElement).value);
  for (let i = 0; i < 40 && (await read()) !== value; i++) await page.keyboard.press('ArrowDown');
  expect(await read()).toBe(value);
}

/** Opens a sidebar panel from the keyboard: back to the tab bar with Shift+Tab, along it with arrows, then Enter. */
async function openByKeyboard(name: string): Promise<void> {
  for (let i = 0; i < 200 && (await frame.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'tab'; i++)
    await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 20 && (await focused())?.label !== name; i++) await page.keyboard.press('ArrowRight');
  expect((await focused())?.label).toBe(name);
  await page.keyboard.press('Enter');
  const tab = frame.getByRole('tab', { name, exact: true });
  await poll(() => tab.getAttribute('aria-selected')).toBe('true');
  await poll(() => frame.locator('#panel').getAttribute('aria-busy')).toBeNull();
}

const LEAD = {
  company: 'Tastatur GmbH',
  contact: 'Jonas Keller',
  notes: 'Entered without a mouse',
  ratings: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5],
};

describe('the keyboard alone', () => {
  it(
    'opens the sidebar from the menu bar and saves a lead with Tab, arrows and Enter',
    async () => {
      // Extensions > Lean Sales > Open sidebar, from the menu bar (focused as a shortcut would: no click).
      await page.locator('.menubar-item').first().focus();
      for (let i = 0; i < 10; i++) {
        if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Extensions') break;
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Enter');
      const item = () => page.evaluate(() => document.activeElement?.textContent);
      for (let i = 0; i < 10 && (await item()) !== 'Lean Sales'; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 20 && (await item()) !== 'Open sidebar'; i++) await page.keyboard.press('ArrowDown');
      expect(await item()).toBe('Open sidebar');
      await page.keyboard.press('Enter');
      frame = await sidebarFrame(page);
      await frame.getByRole('button', { name: 'Save lead' }).waitFor();
      // Focus moved into the sidebar, on the selected tab.
      await poll(async () => (await focused())?.label).toBe('Leads');

      const rows = tableOf(bench.workbench.workbook, 'Leads').length;
      const owner = 'Maria Holm';
      await tabTo((f) => f.label === 'Company', 'Company');
      await page.keyboard.type(LEAD.company);
      await tabTo((f) => f.label === 'Contact', 'Contact');
      await page.keyboard.type(LEAD.contact);
      await tabTo((f) => f.label === 'Owner', 'Owner');
      await arrowTo(owner);
      await tabTo((f) => f.label === 'Segment', 'Segment');
      await arrowTo('S2');
      await tabTo((f) => f.label === 'Campaign', 'Campaign');
      await arrowTo('A2');
      for (const [i, name] of FACTOR_NAMES.entries()) {
        const at = await tabTo((f) => f.type === 'radio' && f.group === name, name);
        expect(at.label).toBe('1');
        // Tab lands on an unrated factor's first rating without choosing it: Right chooses 2, Left goes back to 1.
        const rating = LEAD.ratings[i];
        if (rating === 1) {
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowLeft');
        } else for (let r = 1; r < rating; r++) await page.keyboard.press('ArrowRight');
        expect((await focused())?.label).toBe(String(rating));
      }
      await tabTo((f) => f.label === 'Notes', 'Notes');
      await page.keyboard.type(LEAD.notes);
      await tabTo((f) => f.label === 'Save lead', 'Save lead');
      await page.keyboard.press('Enter');

      const status = frame.locator('form.lead-form [role=status]');
      await poll(() => status.textContent()).toMatch(/^(Saved|Not saved)/);
      expect(await status.textContent()).toMatch(/^Saved L-\d+ in row \d+$/);
      // The confirmation is where the eye is: focus moved to it, beside the Save button.
      expect(await frame.evaluate(() => document.activeElement?.textContent)).toMatch(/^Saved L-\d+ in row \d+$/);

      const leads = tableOf(bench.workbench.workbook, 'Leads');
      expect(leads).toHaveLength(rows + 1);
      expect(leads[leads.length - 1]).toMatchObject({
        Company: LEAD.company,
        Contact: LEAD.contact,
        Owner: owner,
        Segment: 'S2',
        Campaign: 'A2',
        Notes: LEAD.notes,
        ...Object.fromEntries(FACTOR_NAMES.map((name, i) => [name, LEAD.ratings[i]])),
      });
      expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
      expect(await frame.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
    },
    TIMEOUT * 2,
  );

  it.each(['Leads', 'Webgraph', 'Check'])(
    'reaches every control of the %s panel with Tab, focus shown on each',
    async (name) => {
      await openByKeyboard(name);
      // What Tab should stop at: every enabled, shown control of the panel, one radio per group.
      const expected = await frame.evaluate(() => {
        const seen = new Set<string>();
        let n = 0;
        const out: string[] = [];
        const controls = document.querySelectorAll<HTMLElement>(
          '#panel button, #panel input, #panel select, #panel textarea, #panel a[href], #panel [tabindex="0"]',
        );
        for (const el of controls) {
          if ((el as HTMLButtonElement).disabled || el.getClientRects().length === 0 || el.tabIndex < 0) continue;
          const radio = el instanceof HTMLInputElement && el.type === 'radio';
          if (radio && seen.has(el.name)) continue;
          if (radio) seen.add(el.name);
          el.dataset.keyboardStop = String(n++);
          out.push(el.dataset.keyboardStop);
        }
        return out;
      });
      expect(expected.length).toBeGreaterThan(0);
      const reached = new Set<string>();
      let entered = false;
      for (let i = 0; i < expected.length + 40; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        if (now?.inPanel) {
          entered = true;
          expect(now.visible, `focus shown on ${now.tag} "${now.label}" (${now.detail})`).toBe(true);
          const stop = await frame.evaluate(() => (document.activeElement as HTMLElement).dataset.keyboardStop);
          if (stop !== undefined) reached.add(stop);
        } else if (entered) break;
      }
      const missed = await frame.evaluate(
        (ids) =>
          ids.map((id) => {
            const el = document.querySelector<HTMLElement>(`[data-keyboard-stop="${id}"]`);
            return `${el?.tagName} ${el?.getAttribute('aria-label') ?? el?.textContent}`;
          }),
        expected.filter((id) => !reached.has(id)),
      );
      expect(missed).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
    },
    TIMEOUT * 2,
  );

  it(
    "does the panels' tasks by keyboard: edits a lead, compares from the match matrix, inserts a chart, applies the weights",
    async () => {
      // Leads: Edit beside a listed lead, a new Status chosen with arrows, Save changes with Enter.
      await openByKeyboard('Leads');
      const edit = await tabTo((f) => /^Edit L-\d+/.test(f.label), 'an Edit button');
      const id = /^Edit (L-\d+)/.exec(edit.label)?.[1] as string;
      await page.keyboard.press('Enter');
      const form = frame.locator('form.lead-form');
      await poll(() => form.getAttribute('aria-label')).toBe(`Edit lead ${id}`);
      expect((await focused())?.label).toBe('Company');
      await tabTo((f) => f.label === 'Status', 'Status');
      const readValue = () => frame.evaluate(() => (document.activeElement as HTMLSelectElement).value);
      const before = await readValue();
      await page.keyboard.press(before === 'Qualified' ? 'ArrowUp' : 'ArrowDown');
      const status = await readValue();
      expect(status).not.toBe(before);
      await tabTo((f) => f.label === 'Save changes', 'Save changes');
      await page.keyboard.press('Enter');
      const said = form.locator('[role=status]');
      await poll(() => said.textContent()).toMatch(/^(Saved|Not saved)/);
      expect(await said.textContent()).toMatch(new RegExp(`^Saved changes to ${id} in row \\d+`));
      expect(tableOf(bench.workbench.workbook, 'Leads').find((lead) => lead.Lead === id)?.Status).toBe(status);

      // Webgraph: Enter on a cell of the match matrix chooses that pair below and moves there.
      await openByKeyboard('Webgraph');
      const cell = await tabTo((f) => / with .*Compare below\.$/.test(f.label), 'a cell of the match matrix');
      const [, campaign, profile] = /^(.+) with (.+?): /.exec(cell.label) ?? [];
      await page.keyboard.press('Enter');
      await poll(async () => (await focused())?.label).toBe('Profile');
      const shown = (label: string) =>
        frame.evaluate((name) => {
          const control = [...document.querySelectorAll('label')].find((l) => l.textContent === name)?.control;
          return (control as HTMLSelectElement).selectedOptions[0]?.textContent;
        }, label);
      expect(await shown('Profile')).toBe(profile);
      expect(await shown('Compare with')).toBe(campaign);
      // Another profile with Down: the comparison follows.
      const comparison = frame.locator('#panel .comparison');
      const drawn = await comparison.innerHTML();
      await page.keyboard.press('ArrowDown');
      await poll(() => comparison.innerHTML()).not.toBe(drawn);
      await tabTo((f) => f.label === 'Insert chart', 'Insert chart');
      await page.keyboard.press('Enter');
      const placed = frame.locator('#panel [role=status]').last();
      await poll(() => placed.textContent()).toMatch(/^Chart inserted in /);

      // Check: Apply suggested weights with Enter.
      await openByKeyboard('Check');
      await tabTo((f) => f.label === 'Apply suggested weights', 'Apply suggested weights');
      await page.keyboard.press('Enter');
      await poll(() => frame.locator('#panel .check-notice').textContent()).toMatch(/^Applied: /);
      expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
    },
    TIMEOUT * 2,
  );
});
