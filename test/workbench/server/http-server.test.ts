import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorkbench, startWorkbench } from '../../../workbench/server/http-server';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';
import { type RunReport, Workbench } from '../../../workbench/session/workbench-session';
import type { SheetWindow } from '../../../workbench/view/sheet-window';
import { readXlsx } from '../../../workbench/xlsx/xlsx-workbook';

let dir: string;
let bench: RunningWorkbench;
const logs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-server-'));
  bench = await startWorkbench({ port: 0, dir, saveDelayMs: 50, timeZone: 'Etc/UTC', log: (line) => logs.push(line) });
});

afterAll(async () => {
  await bench?.close();
  await rm(dir, { recursive: true, force: true });
});

// The API answers only calls that carry the token the workbench's own page has.
async function get<T = Record<string, unknown>>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(bench.url + url, { headers: { 'x-workbench-token': bench.token } });
  return { status: response.status, body: (await response.json()) as T };
}

async function post<T = Record<string, unknown>>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(bench.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': bench.token },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** One cell of a sheet as the page draws it. */
async function cell(sheet: string, row: number, column: number) {
  const { body } = await get<SheetWindow>(`/api/sheet?name=${encodeURIComponent(sheet)}&row=${row}&count=1`);
  return body.rows[0]?.[column - 1] ?? null;
}

/** A column's letters: 18 -> R. */
const letters = (column: number): string =>
  column > 26
    ? letters(Math.floor((column - 1) / 26)) + letters(((column - 1) % 26) + 1)
    : String.fromCharCode(64 + column);

const columnOf = async (sheet: string, header: string) => {
  const { body } = await get<SheetWindow>(`/api/sheet?name=${encodeURIComponent(sheet)}&row=1&count=1`);
  return (body.rows[0] ?? []).findIndex((c) => c?.t === header) + 1;
};

describe('the workbench server', () => {
  it('creates the workbook on first run with the add-on’s setup and sample data, and saves it', async () => {
    const { body: state } = await get<{
      tabs: { name: string }[];
      notices: string[];
      menu: { entries: { caption?: string }[] };
    }>('/api/state');
    expect(state.tabs.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Leads', 'Profiles', 'Campaigns', 'Segments', 'Team', 'KPIs', 'KPI log', 'Factors']),
    );
    expect(state.tabs[0].name).toBe('Leads');
    expect(state.notices.join('\n')).toMatch(/set up with sample data/);
    expect(state.menu.entries.map((e) => e.caption)).toEqual(
      expect.arrayContaining(['Open sidebar', 'Set up workbook']),
    );
    expect(existsSync(path.join(dir, 'workbook.xlsx'))).toBe(true);
    const column = await columnOf('Leads', 'Score');
    expect((await cell('Leads', 1, column))?.f).toMatch(/^=\{"Score"; LEADSCORE\(/);
    const score = await cell('Leads', 2, column);
    expect(score?.f).toBeUndefined();
    expect(Number(score?.t)).toBeGreaterThan(0);
  });

  it('runs a menu item as the menu names it and reports what it showed', async () => {
    const { body } = await post<RunReport>('/api/menu', { functionName: 'setupWorkbook' });
    expect(body.ok).toBe(true);
    expect(body.toasts.length).toBeGreaterThan(0);
    expect(body.alerts.map((a) => a.prompt)).toEqual(['The workbook was already set up; nothing changed.']);
    const sidebar = await post<RunReport>('/api/menu', { functionName: 'showSidebar' });
    expect(sidebar.body.shown).toEqual([expect.objectContaining({ kind: 'sidebar', title: 'Lean Sales' })]);
    const html = await (await fetch(`${bench.url}/sidebar?id=${sidebar.body.shown[0].id}`)).text();
    // The shim defining google.script comes first, before the sidebar's own markup and script.
    expect(html.indexOf('lean-sales-workbench-shim')).toBeGreaterThan(0);
    expect(html.indexOf('lean-sales-workbench-shim')).toBeLessThan(html.indexOf('<main id="app">'));
  });

  it('refuses to run a function the menu does not name', async () => {
    const { body } = await post<RunReport>('/api/menu', { functionName: 'saveLead' });
    expect(body).toMatchObject({ ok: false, error: 'Script function not found: saveLead' });
  });

  it('answers google.script.run calls with the server function’s result, by Apps Script’s rules', async () => {
    const team = await post<RunReport>('/api/script', { name: 'getTeamPanel', args: [] });
    expect(team.body.ok).toBe(true);
    expect((team.body.value as { reps: { rep: string }[] }).reps.map((r) => r.rep)).toContain('Anna Berg');
    const missing = await post<RunReport>('/api/script', { name: 'noSuchFunction', args: [] });
    expect(missing.body).toMatchObject({ ok: false, error: 'Script function not found: noSuchFunction' });
    const internal = await post<RunReport>('/api/script', { name: 'LeanSales', args: [] });
    expect(internal.body.ok).toBe(false);
    const dated = await post<RunReport>('/api/script', {
      name: 'saveLead',
      args: [{ company: 'Acme', created: { __illegal: 'Date' } }],
    });
    expect(dated.body).toMatchObject({ ok: false, error: 'Failed due to illegal value in property: created' });
  });

  it('recalculates a lead’s Score when a user types a new rating', async () => {
    const maturity = await columnOf('Leads', 'Maturity');
    const scoreColumn = await columnOf('Leads', 'Score');
    const before = await cell('Leads', 3, scoreColumn);
    const rating = Number((await cell('Leads', 3, maturity))?.t);
    const edit = await post('/api/edit', {
      sheet: 'Leads',
      row: 3,
      column: maturity,
      text: String(rating === 5 ? 1 : 5),
    });
    expect(edit.body.ok).toBe(true);
    const after = await cell('Leads', 3, scoreColumn);
    expect(after?.t).not.toBe(before?.t);
    await bench.workbench.flush();
    const saved = await readXlsx(path.join(dir, 'workbook.xlsx'));
    expect(saved.values('Leads')[2][maturity - 1]).toBe(rating === 5 ? 1 : 5);
  });
});

describe('Data > Sort and filter, as a user does them', () => {
  const bundle = loadBundle();

  it('sorts the rows below the header by Score, Z to A: each score stays with its lead and nothing shows #REF!', async () => {
    const score = await columnOf('Leads', 'Score');
    const maturity = await columnOf('Leads', 'Maturity');
    const { body } = await post('/api/sort', { sheet: 'Leads', column: score, ascending: false });
    expect(body.ok).toBe(true);
    const workbook = bench.workbench.workbook;
    const leads = workbook.values('Leads');
    const weights = workbook
      .values('Factors')
      .slice(1, 11)
      .map((row) => [row[1]]);
    expect(leads[0][score - 1]).toBe('Score');
    const rows = leads.slice(1).filter((row) => row[0] !== '');
    expect(rows.length).toBeGreaterThan(30);
    const scores = rows.map((row) => row[score - 1]);
    const numbers = scores.filter((value): value is number => typeof value === 'number');
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(scores).not.toContain('#REF!');
    for (const row of rows) {
      const ratings = row.slice(maturity - 1, maturity + 9);
      const [[expected]] = callTopLevel(bundle, 'LEADSCORE', [ratings], weights) as unknown[][];
      expect(row[score - 1]).toEqual(expected);
    }
  });

  it('refuses a sort without a direction', async () => {
    expect((await post('/api/sort', { sheet: 'Leads', column: 1 })).status).toBe(400);
    expect((await post('/api/sort', { sheet: 'Nope', column: 1, ascending: true })).body).toMatchObject({
      ok: false,
      error: 'There is no sheet named Nope.',
    });
  });

  it('filters the data rows by a value of a column, and shows them all again when the filter is removed', async () => {
    const owner = await columnOf('Leads', 'Owner');
    const set = await post('/api/filter', { sheet: 'Leads', column: owner, value: 'Anna Berg' });
    expect(set.body.ok).toBe(true);
    const { body } = await get<SheetWindow>('/api/sheet?name=Leads&row=1&count=60');
    const hidden = new Set(body.filter?.hiddenRows);
    expect(body.filter).toMatchObject({ column: owner, value: 'Anna Berg' });
    expect(hidden.has(1)).toBe(false);
    const owners = body.rows.slice(1, 41).map((line, i) => ({ row: i + 2, owner: line?.[owner - 1]?.t }));
    expect(owners.some(({ owner }) => owner === 'Anna Berg')).toBe(true);
    for (const { row, owner: name } of owners) expect(hidden.has(row)).toBe(name !== 'Anna Berg');
    await post('/api/filter', { sheet: 'Leads', value: null });
    expect((await get<SheetWindow>('/api/sheet?name=Leads&row=1&count=5')).body.filter).toBeUndefined();
  });
});

describe('bad input', () => {
  it('refuses a garbage rating as Sheets does (reject input), with the rule’s help text, and leaves the cell as it was', async () => {
    const maturity = await columnOf('Leads', 'Maturity');
    const before = await cell('Leads', 4, maturity);
    const { body } = await post('/api/edit', { sheet: 'Leads', row: 4, column: maturity, text: 'lots' });
    expect(body).toMatchObject({ ok: false, error: 'A whole number from 1 (best) to 5' });
    expect((await cell('Leads', 4, maturity))?.t).toBe(before?.t);
  });

  it('keeps garbage where no rule refuses it, and a blank rating shows as an incomplete lead', async () => {
    const notes = await columnOf('Leads', 'Notes');
    expect(
      (await post('/api/edit', { sheet: 'Leads', row: 5, column: notes, text: '%%% ☃ <b>garbage</b>' })).body.ok,
    ).toBe(true);
    expect((await cell('Leads', 5, notes))?.t).toBe('%%% ☃ <b>garbage</b>');
    const maturity = await columnOf('Leads', 'Maturity');
    await post('/api/edit', { sheet: 'Leads', row: 5, column: maturity, text: '' });
    expect((await cell('Leads', 5, await columnOf('Leads', 'Score')))?.t).toBe('incomplete 9/10 rated: Maturity');
  });

  it('asks before editing the warning-only protected header; a value typed under it blocks its array until cleared', async () => {
    const score = await columnOf('Leads', 'Score');
    const asked = await post('/api/edit', { sheet: 'Leads', row: 1, column: score, text: 'Points' });
    expect(asked.body).toMatchObject({
      ok: false,
      confirm: expect.stringMatching(/shouldn't be changed accidentally/),
    });
    expect((await cell('Leads', 1, score))?.t).toBe('Score');
    const before = (await cell('Leads', 2, score))?.t;
    expect((await post('/api/edit', { sheet: 'Leads', row: 6, column: score, text: '99' })).body.ok).toBe(true);
    expect(await cell('Leads', 1, score)).toMatchObject({
      t: '#REF!',
      e: `Array result was not expanded because it would overwrite data in ${letters(score)}6.`,
    });
    await post('/api/edit', { sheet: 'Leads', row: 6, column: score, text: '' });
    expect((await cell('Leads', 1, score))?.t).toBe('Score');
    expect((await cell('Leads', 2, score))?.t).toBe(before);
    expect((await cell('Leads', 6, score))?.f).toBeUndefined();
  });

  it('shows a formula error as #ERROR! with its message, and the next request works', async () => {
    await post('/api/edit', { sheet: 'KPI log', row: 20, column: 6, text: '=SUM(1,' });
    expect(await cell('KPI log', 20, 6)).toMatchObject({ t: '#ERROR!', e: 'Formula parse error.', f: '=SUM(1,' });
    await post('/api/edit', { sheet: 'KPI log', row: 21, column: 6, text: '=LEADSCORE(Leads!H2:J5)' });
    expect((await cell('KPI log', 21, 6))?.e).toMatch(/^LEADSCORE: ratings must have 10 columns/);
    expect((await get('/api/state')).status).toBe(200);
  });

  it('survives a deleted rating column: Score shows the structural error, and editing goes on', async () => {
    const scoreColumn = await columnOf('Leads', 'Score');
    const { body } = await post('/api/structure', {
      sheet: 'Leads',
      action: 'deleteColumns',
      at: await columnOf('Leads', 'Knowledge'),
    });
    expect(body.ok).toBe(true);
    // The header cell holds the formula, so the error shows there instead of the header text.
    const score = await cell('Leads', 1, scoreColumn - 1);
    expect(score).toMatchObject({ t: '#ERROR!' });
    expect(score?.e).toMatch(/ratings must have 10 columns/);
    expect((await post('/api/edit', { sheet: 'Leads', row: 2, column: 1, text: 'L-0001b' })).body.ok).toBe(true);
    expect((await cell('Leads', 2, 1))?.t).toBe('L-0001b');
  });

  it('answers malformed requests with a message and keeps serving', async () => {
    expect((await post('/api/edit', '{not json')).status).toBe(400);
    expect((await post('/api/edit', { sheet: 'Leads', row: 'x', column: 1, text: '1' })).status).toBe(400);
    expect((await get('/api/sheet?name=Nope')).status).toBe(404);
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await post('/api/structure', { sheet: 'Leads', action: 'explode', at: 1 })).status).toBe(400);
    const outside = await post('/api/edit', { sheet: 'Leads', row: 99999, column: 1, text: '1' });
    expect(outside.body.ok).toBe(false);
    expect((await get('/api/version')).status).toBe(200);
  });
});

describe('reopening', () => {
  it('sets a new workbook aside an unreadable file, and says so', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'workbench-broken-'));
    await writeFile(path.join(other, 'workbook.xlsx'), 'not a zip file');
    const workbench = await Workbench.open({ dir: other, timeZone: 'Etc/UTC' });
    expect(workbench.notices.join('\n')).toMatch(/Could not read .*workbook\.xlsx.*moved it to .*unreadable/);
    expect(workbench.workbook.sheetNames()).toContain('Leads');
    expect((await readdir(other)).some((name) => name.startsWith('workbook.xlsx.unreadable-'))).toBe(true);
    await workbench.close();
    await rm(other, { recursive: true, force: true });
  });

  it('reads the saved workbook back instead of setting up a new one', async () => {
    await bench.close();
    const again = await startWorkbench({ port: 0, dir, timeZone: 'Etc/UTC' });
    bench = again;
    const { body } = await get<{ notices: string[] }>('/api/state');
    expect(body.notices.join('\n')).not.toMatch(/sample data/);
    expect((await cell('Leads', 2, 1))?.t).toBe('L-0001b');
    expect((await cell('KPI log', 20, 6))?.f).toBe('=SUM(1,');
  });
});
