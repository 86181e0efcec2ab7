// The sidebar end to end in Chromium: the real dist/Sidebar.html in the workbench page, served by the add-on's server.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../src/core/factors';
import { LEADS_TAB } from '../../src/shared/schema';
import type { RunningWorkbench } from '../../workbench/server/http-server';
import { ROOT } from '../../workbench/session/project-paths';
import {
  ARTIFACTS,
  exactly,
  gridCell,
  type Harness,
  openPage,
  openSidebar,
  poll,
  showCell,
  startHarness,
  TIMEOUT,
} from './harness';
import {
  checkedRatings,
  expectedMatch,
  expectedScore,
  expectedVerdict,
  factorGroup,
  field,
  fillLead,
  type LeadEntry,
  openPanel,
  tableOf,
  weightsOf,
} from './sidebar-helpers';

const DOCS_SHOT = path.join(ROOT, 'docs', 'sidebar.png');
const XSS_COMPANY = '<img src=x onerror=alert(1)>';
const XSS_NOTES = '<img src=x onerror="window.__xss=1">';
/** The README's picture: 16:10 and small enough to stay under 200 KB as PNG. */
const DOCS_VIEWPORT = { width: 1152, height: 720 };
const column = (header: string) => LEADS_TAB.headers.indexOf(header) + 1;

let harness: Harness;
let bench: RunningWorkbench;
let page: Page;
let frame: Frame;
const dialogs: string[] = [];
/** Every google.script.run call the sidebar made, by function name. */
const calls: string[] = [];
const fetchedPaths: string[] = [];

beforeAll(async () => {
  harness = await startHarness({ width: 1280, height: 800 });
  ({ bench, page } = harness);
  page.context().on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    fetchedPaths.push(new URL(request.url()).pathname);
    if (request.url().endsWith('/api/script')) calls.push(JSON.parse(request.postData() ?? '{}').name);
  });
  await openPage(harness);
  frame = await openSidebar(page);
}, TIMEOUT);

afterAll(async () => {
  await harness?.close();
});

const leadsSheet = () => bench.workbench.workbook.findSheet('Leads');
/** The last row with a Lead id (the spilled blanks of the computed columns reach the sheet's end). */
const leadRows = () => {
  const sheet = leadsSheet();
  let last = sheet?.lastRow() ?? 0;
  while (last > 1 && sheet?.values.get(last - 1, 0) === '') last--;
  return last;
};
const formStatus = () => frame.locator('form.lead-form [role=status]');
/** The text a cell of the page's grid shows (without a dropdown's arrow). */
const gridText = (row: number, col: number) => gridCell(page, row, col).locator('.text').textContent();
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `sidebar-${name}.png`) });

/** Saves `lead` with the form; returns the lead id and row the success message names. */
async function saveLead(lead: LeadEntry): Promise<{ id: string; row: number }> {
  await openPanel(frame, 'Leads');
  await fillLead(frame, lead);
  await frame.getByRole('button', { name: 'Save lead' }).click();
  await poll(() => formStatus().textContent()).toMatch(/^(Saved|Not saved)/);
  const message = (await formStatus().textContent()) ?? '';
  expect(message).toMatch(/^Saved L-\d+ in row \d+$/);
  const [, id, row] = /^Saved (L-\d+) in row (\d+)$/.exec(message) ?? [];
  return { id, row: Number(row) };
}

const LEAD: LeadEntry = {
  company: 'Skagen Pumps AS',
  contact: 'Ingrid Strand',
  owner: 'Maria Holm',
  segment: 'S3',
  campaign: 'A3',
  notes: 'Met at the fair; wants a quote in May',
  ratings: [2, 1, 3, 1, 4, 2, 2, 3, 1, 1],
};

describe('the sidebar in the workbench', () => {
  it(
    'saves a lead from the form; the Leads tab shows its row with the Score LEADSCORE gives',
    async () => {
      const weights = weightsOf(bench.workbench.workbook);
      expect(weights.every((w) => Number.isFinite(w) && w >= 0)).toBe(true);
      const expected = expectedScore(LEAD.ratings as number[], weights);
      const before = leadRows();

      const { id, row } = await saveLead(LEAD);
      expect(row).toBe(before + 1);
      expect(leadRows()).toBe(before + 1);

      await showCell(page, 'Leads', row, column('Company'));
      const text = (header: string) => gridText(row, column(header));
      await poll(() => text('Company')).toBe(LEAD.company);
      // Score is shown with the format "0"; the value the engine computed must be the exact one.
      await poll(() => text('Score')).toBe(String(Math.round(expected)));
      expect(leadsSheet()?.values.get(row - 1, column('Score') - 1)).toBeCloseTo(expected, 9);
      expect(await text('Lead')).toBe(id);
      expect(await text('Contact')).toBe(LEAD.contact);
      expect(await text('Owner')).toBe(LEAD.owner);
      expect(await text('Segment')).toBe(LEAD.segment);
      expect(await text('Campaign')).toBe(LEAD.campaign);
      expect(await text('Status')).toBe('New');
      expect(await text('Notes')).toBe(LEAD.notes);
      for (const [i, name] of FACTOR_NAMES.entries()) expect(await text(name)).toBe(String(LEAD.ratings[i]));
      // The form is ready for the next lead.
      expect(await field(frame, 'Company').inputValue()).toBe('');
    },
    TIMEOUT,
  );

  it(
    'refuses a lead without Company: inline message, focus on Company, nothing written, nothing typed lost',
    async () => {
      const before = leadRows();
      const saves = calls.filter((name) => name === 'saveLead').length;
      await openPanel(frame, 'Leads');
      const partial = { ...LEAD, company: '', ratings: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5] };
      await fillLead(frame, partial);
      await frame.getByRole('button', { name: 'Save lead' }).click();

      const company = field(frame, 'Company');
      const message = frame.locator(`#${await company.getAttribute('aria-describedby')}`);
      await poll(() => message.textContent()).toBe('Company is required');
      expect(await company.getAttribute('aria-invalid')).toBe('true');
      await poll(() => company.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await formStatus().textContent()).toBe('Not saved: fix 1 field first.');
      // Only Company is marked.
      expect(await frame.locator('.field-error:not(:empty)').count()).toBe(1);

      expect(calls.filter((name) => name === 'saveLead').length).toBe(saves);
      expect(leadRows()).toBe(before);
      const state = await (
        await fetch(`${bench.url}/api/state`, { headers: { 'x-workbench-token': bench.token } })
      ).json();
      expect(state.tabs.find((t: { name: string }) => t.name === 'Leads').lastRow).toBe(before);

      expect(await field(frame, 'Contact').inputValue()).toBe(partial.contact);
      expect(await field(frame, 'Owner').inputValue()).toBe(partial.owner);
      expect(await field(frame, 'Segment').inputValue()).toBe(partial.segment);
      expect(await field(frame, 'Campaign').inputValue()).toBe(partial.campaign);
      expect(await field(frame, 'Notes').inputValue()).toBe(partial.notes);
      expect(await checkedRatings(frame)).toEqual(partial.ratings);
      await shot('leads-error');
    },
    TIMEOUT,
  );

  it(
    'shows a Company of markup as text, in the sidebar and in the grid, and runs no script',
    async () => {
      const lead = { ...LEAD, company: XSS_COMPANY, notes: XSS_NOTES, ratings: Array(10).fill(1) };
      const { id, row } = await saveLead(lead);
      // A perfect score puts it among the top leads, which are loaded again after the save.
      const entry = frame.locator('ol.rows .row-main', { hasText: id });
      await poll(() => entry.textContent()).toBe(`${id} ${XSS_COMPANY}`);

      await showCell(page, 'Leads', row, column('Company'));
      await poll(() => gridText(row, column('Company'))).toBe(XSS_COMPANY);
      expect(await gridText(row, column('Notes'))).toBe(XSS_NOTES);

      // The webgraph offers the lead by name: text in the list, the legend and the chart's title too.
      const webgraph = await openPanel(frame, 'Webgraph');
      await field(frame, 'Compare with').selectOption({ label: `${id} ${XSS_COMPANY}` });
      await poll(() => webgraph.locator('.legend .legend-name').last().textContent()).toBe(`${id} ${XSS_COMPANY}`);
      expect(await webgraph.locator('svg.radar polygon.series title').last().textContent()).toBe(
        `${id} ${XSS_COMPANY}`,
      );

      expect(await frame.locator('img').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(fetchedPaths).not.toContain('/x');
      expect(dialogs).toEqual([]);
      expect(await frame.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'draws the webgraph of a profile and a campaign with the match %, and inserts it as a chart',
    async () => {
      const panel = await openPanel(frame, 'Webgraph');
      await field(frame, 'Profile').selectOption({ label: 'Tender buyer' });
      await field(frame, 'Compare with').selectOption({ label: 'A2' });

      const polygons = panel.locator('svg.radar polygon.series');
      await poll(() => polygons.count()).toBe(2);
      expect(await polygons.locator('title').allTextContents()).toEqual(['Tender buyer', 'A2']);

      const workbook = bench.workbench.workbook;
      const weights = weightsOf(workbook);
      const vector = (tab: string, key: string, name: string) => {
        const found = tableOf(workbook, tab).find((row) => row[key] === name);
        return FACTOR_NAMES.map((f) => Number(found?.[f]));
      };
      const profile = vector('Profiles', 'Profile', 'Tender buyer');
      const campaign = vector('Campaigns', 'Campaign', 'A2');
      const match = (await panel.locator('.match').textContent()) ?? '';
      expect(match).toMatch(/^Match \d+(\.\d)?%$/);
      expect(Math.abs(Number(match.slice(6, -1)) - expectedMatch(profile, campaign, weights))).toBeLessThanOrEqual(
        0.05,
      );
      expect(await panel.locator('table.verdicts tbody .badge').allTextContents()).toEqual(
        profile.map((p, i) => expectedVerdict(p, campaign[i])),
      );

      await frame.getByRole('button', { name: 'Insert chart' }).click();
      const status = panel.locator('.actions + [role=status]');
      await poll(() => status.textContent()).toMatch(/^Chart inserted/);
      const [, sheet, range] =
        /^Chart inserted in (.+), drawn from (.+)\.$/.exec((await status.textContent()) ?? '') ?? [];
      expect(sheet).toBe('Charts');
      expect(range).toBe('A1:C11');
      const charts = workbook.findSheet(sheet)?.charts ?? [];
      expect(charts.map((c) => c.type)).toEqual(['RADAR']);

      // The page learns of the new tab from the run's report and shows it with the chart's data block.
      await showCell(page, sheet, 1, 1);
      await poll(() => gridText(1, 1)).toBe('Factor');
      // 6 - rating, so 1 (best) is the outer ring as in the sidebar.
      expect([await gridText(1, 2), await gridText(1, 3)]).toEqual(['Tender buyer (6 - rating)', 'A2 (6 - rating)']);
      for (const [i, name] of FACTOR_NAMES.entries()) {
        const shown = [await gridText(i + 2, 1), Number(await gridText(i + 2, 2)), Number(await gridText(i + 2, 3))];
        expect(shown).toEqual([name, 6 - profile[i], 6 - campaign[i]]);
      }
      await showCell(page, 'Leads', 2, 1);
    },
    TIMEOUT,
  );

  describe('renders each panel with the sample data', () => {
    it(
      'Leads: the form, the top leads by score, the leads with defects',
      async () => {
        const panel = await openPanel(frame, 'Leads');
        expect(await panel.getByRole('form', { name: 'New lead' }).count()).toBe(1);
        for (const name of FACTOR_NAMES) {
          expect(await factorGroup(frame, name).getByRole('radio').count()).toBe(5);
        }
        const figures = (await panel.locator('ol.rows .row-figure').allTextContents()).map(Number);
        expect(figures.length).toBeGreaterThan(0);
        expect(figures).toEqual([...figures].sort((a, b) => b - a));
        const defects = await panel.locator('ul.rows .defect').allTextContents();
        expect(defects.length).toBeGreaterThan(0);
        expect(defects.every((d) => /^(incomplete|invalid) /.test(d))).toBe(true);
        await shot('leads');

        // A defect is a way to its cell: the page selects the defective cell of the Leads tab.
        const defect = panel.locator('ul.rows .row-link').first();
        const id = ((await defect.locator('.row-main').textContent()) ?? '').split(' ')[0];
        await defect.click();
        const said = panel.locator('.list-host ~ [role=status]');
        await poll(() => said.textContent()).toMatch(/^.+ of row \d+ selected/);
        const [, header, at] = /^(.+) of row (\d+)/.exec((await said.textContent()) ?? '') ?? [];
        const row = Number(at);
        const letter = String.fromCharCode(64 + column(header));
        await poll(() => page.locator('#name-box').inputValue()).toBe(`${letter}${row}`);
        expect(await gridText(row, column('Lead'))).toBe(id);
        await shot('leads-lists');
        await showCell(page, 'Leads', 2, 1);
      },
      TIMEOUT,
    );

    it(
      'Webgraph: the first profile against the first campaign, with legend, match % and ten verdicts',
      async () => {
        const panel = await openPanel(frame, 'Webgraph');
        const first = (tab: string, key: string) => String(tableOf(bench.workbench.workbook, tab)[0][key]);
        const names = [first('Profiles', 'Profile'), first('Campaigns', 'Campaign')];
        await poll(() => panel.locator('svg.radar polygon.series title').allTextContents()).toEqual(names);
        expect(await panel.locator('.legend .legend-name').allTextContents()).toEqual(names);
        expect(await panel.locator('.match').textContent()).toMatch(/^Match \d+(\.\d)?%$/);
        expect(await panel.locator('table.verdicts tbody tr').count()).toBe(FACTOR_NAMES.length);
        await shot('webgraph');
      },
      TIMEOUT,
    );

    it(
      'Segments: a verdict per segment, as the Segments tab computes it, and the overlap %',
      async () => {
        const panel = await openPanel(frame, 'Segments');
        await poll(() => panel.locator('.headline .figure').textContent()).toMatch(/^Overlap \d+%$/);
        const rows = tableOf(bench.workbench.workbook, 'Segments');
        const names = await panel.locator('.segment-name').allTextContents();
        expect([...names].sort()).toEqual(rows.map((r) => String(r.Segment)).sort());
        for (const row of rows) {
          const card = panel.locator('.segment', {
            has: frame.locator('.segment-name', { hasText: exactly(String(row.Segment)) }),
          });
          const fallback = row['In market'] === true ? 'No verdict' : 'Outside market';
          expect(await card.locator('.segment-verdict').textContent()).toBe(String(row.Verdict) || fallback);
        }
        await shot('segments');
      },
      TIMEOUT,
    );

    it(
      'Team: one row per rep with an interval bar, "within common-cause variation" exactly where true',
      async () => {
        const panel = await openPanel(frame, 'Team');
        const reps = tableOf(bench.workbench.workbook, 'Team');
        const items = panel.locator('li.rep');
        await poll(() => items.count()).toBe(reps.length);
        for (const rep of reps) {
          const item = items.filter({ has: frame.locator('.rep-name', { hasText: exactly(String(rep.Rep)) }) });
          expect(await item.locator('svg.bar rect.interval-bar').count()).toBe(1);
          const verdict = (await item.locator('.rep-verdict').textContent()) ?? '';
          expect(verdict.includes('within common-cause variation')).toBe(rep['Vs team'] === 'within');
        }
        expect(reps.some((rep) => rep['Vs team'] === 'within')).toBe(true);
        await poll(() => panel.locator('.whatif-result p').count()).toBeGreaterThan(0);
        await shot('team');
      },
      TIMEOUT,
    );

    it(
      'KPIs: each KPI with the Status of the KPIs tab, and the lint of what is missing',
      async () => {
        const panel = await openPanel(frame, 'KPIs');
        const kpis = tableOf(bench.workbench.workbook, 'KPIs');
        const badges = panel.locator('li.kpi .badge');
        await poll(() => badges.count()).toBe(kpis.length);
        expect(await badges.allTextContents()).toEqual(kpis.map((k) => String(k.Status) || 'no status'));
        const parts = ['Why', 'When', 'How', 'Who', 'Target'];
        const missing = kpis
          .map((k) => [String(k.KPI), parts.filter((p) => String(k[p]).trim() === '')] as const)
          .filter(([, lacking]) => lacking.length > 0);
        expect(missing.length).toBeGreaterThan(0);
        const lint = panel.locator('ul.lint li');
        expect(await lint.locator('.row-main').allTextContents()).toEqual(missing.map(([name]) => name));
        expect(await lint.locator('.defect').allTextContents()).toEqual(
          missing.map(([, lacking]) => `missing ${lacking.join(', ')}`),
        );
        await shot('kpis');
      },
      TIMEOUT,
    );
  });

  it(
    'screenshots the page with the sidebar open, for the README (docs/sidebar.png)',
    async () => {
      await page.setViewportSize(DOCS_VIEWPORT);
      await showCell(page, 'Leads', 2, 1);
      await poll(() => gridText(2, 1)).toBe('L-0001');
      await openPanel(frame, 'Webgraph');
      await field(frame, 'Profile').selectOption({ label: 'Ready buyer' });
      await field(frame, 'Compare with').selectOption({ label: 'A3' });
      await poll(() => frame.locator('svg.radar polygon.series').count()).toBe(2);
      const file = path.join(ARTIFACTS, 'sidebar-page.png');
      await page.screenshot({ path: file });
      expect(statSync(file).size).toBeLessThan(200 * 1024);
      // The committed copy is replaced only on request (its dates follow today's), so a test run leaves git clean.
      if (!existsSync(DOCS_SHOT) || process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(path.dirname(DOCS_SHOT), { recursive: true });
        copyFileSync(file, DOCS_SHOT);
      }
    },
    TIMEOUT,
  );
});
