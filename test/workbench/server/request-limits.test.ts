// Bounded requests: no count the HTTP API accepts can stall the server or break the formula engine; a refused request
// changes nothing, and the next edit recomputes as before.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../workbench/emulator/apps-script-errors';
import { type RunningWorkbench, startWorkbench } from '../../../workbench/server/http-server';
import { LIMITS } from '../../../workbench/server/request-limits';
import type { SheetWindow } from '../../../workbench/view/sheet-window';

let dir: string;
let bench: RunningWorkbench;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-limits-'));
  bench = await startWorkbench({ port: 0, dir, saveDelayMs: 20, timeZone: 'Etc/UTC' });
});

afterAll(async () => {
  await bench?.close();
  await rm(dir, { recursive: true, force: true });
});

const headers = () => ({ 'content-type': 'application/json', 'x-workbench-token': bench.token });

async function post(url: string, body: unknown) {
  const response = await fetch(bench.url + url, {
    method: 'POST',
    headers: headers(),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok?: boolean; error?: string } };
}

async function cell(sheet: string, row: number, column: number) {
  const response = await fetch(`${bench.url}/api/sheet?name=${encodeURIComponent(sheet)}&row=${row}&count=1`, {
    headers: headers(),
  });
  return ((await response.json()) as SheetWindow).rows[0]?.[column - 1] ?? null;
}

/** The sizes of every sheet and every cell: what a refused request must leave as it was. */
const shape = () => ({
  version: bench.workbench.version,
  sizes: bench.workbench.workbook.sheets.map((s) => [s.name, s.maxRows, s.maxColumns]),
  snapshot: JSON.stringify(bench.workbench.workbook.snapshot()),
});

const MATURITY = 8;
const SCORE = 18;

/** A normal edit after a refused request: a lead's rating changes and its Score follows. */
async function formulasStillCompute(row: number): Promise<void> {
  const before = await cell('Leads', row, SCORE);
  const rating = Number((await cell('Leads', row, MATURITY))?.t);
  const edit = await post('/api/edit', { sheet: 'Leads', row, column: MATURITY, text: String(rating === 5 ? 1 : 5) });
  expect(edit.body.ok).toBe(true);
  const after = await cell('Leads', row, SCORE);
  expect(Number(after?.t)).toBeGreaterThan(0);
  expect(after?.t).not.toBe(before?.t);
  expect((await cell('Leads', 1, SCORE))?.f).toMatch(/LEADSCORE/);
}

// A budget for a busy machine (two cores shared with the other test files), not a timing assertion.
describe('bounded requests', { timeout: 120_000 }, () => {
  it('refuses insertRowsBefore with a count of 1,000,000 at once, changes nothing, and formulas still compute', async () => {
    const before = shape();
    const { status, body } = await post('/api/structure', {
      sheet: 'Leads',
      action: 'insertRowsBefore',
      at: 2,
      count: 1_000_000,
    });
    expect(status).toBe(400);
    expect(body.error).toMatch(/^The workbench inserts at most 100,000 cells at a time; 1,000,000 rows across/);
    expect(shape()).toEqual(before);
    await formulasStillCompute(3);
  });

  it('bounds columns, rows and positions: too many columns, a row past any sheet, a window of a million rows', async () => {
    const before = shape();
    const columns = await post('/api/structure', { sheet: 'Leads', action: 'insertColumnsBefore', at: 2, count: 5000 });
    expect(columns.status).toBe(400);
    expect(columns.body.error).toMatch(/inserts at most 100,000 cells at a time; 5,000 columns across 1,000 rows/);
    const past = await post('/api/structure', { sheet: 'Leads', action: 'insertColumnsBefore', at: 2, count: 20_000 });
    expect(past.body.error).toBe(`count must be a whole number from 1 to ${LIMITS.column}.`);
    expect((await post('/api/edit', { sheet: 'Leads', row: 1e15, column: 1, text: 'x' })).status).toBe(400);
    expect((await post('/api/select', { sheet: 'Leads', row: 1, column: 1, numRows: 1e12 })).status).toBe(400);
    const window = await fetch(`${bench.url}/api/sheet?name=Leads&row=1&count=1000000`, { headers: headers() });
    expect(((await window.json()) as SheetWindow).rows.length).toBe(LIMITS.windowRows);
    expect(shape()).toEqual(before);
  });

  it('takes an insert within the bounds', async () => {
    const { body } = await post('/api/structure', { sheet: 'KPI log', action: 'insertRowsBefore', at: 5, count: 100 });
    expect(body.ok).toBe(true);
    expect(bench.workbench.workbook.sheet('KPI log').maxRows).toBe(1100);
  });

  it('refuses a body over 1 MB, one that says it is, and one nested 10,000 deep; and keeps serving', async () => {
    const before = shape();
    const big = JSON.stringify({ name: 'saveLead', args: [{ notes: 'x'.repeat(LIMITS.bodyBytes) }] });
    const large = await post('/api/script', big);
    expect(large.status).toBe(413);
    expect(large.body.error).toMatch(/too large/);
    const nested = await post('/api/script', `{"name":"saveLead","args":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(nested.status).toBe(400);
    expect(nested.body.error).toMatch(/nests arrays and objects more than 64 deep/);
    expect(shape()).toEqual(before);
    await formulasStillCompute(4);
  });

  it('refuses a cell text over 50,000 characters with Sheets’ message, and leaves the cell as it was', async () => {
    const before = await cell('Leads', 5, 22);
    const { body } = await post('/api/edit', { sheet: 'Leads', row: 5, column: 22, text: 'y'.repeat(50_001) });
    expect(body).toMatchObject({ ok: false, error: MESSAGES.cellTooLong });
    expect(await cell('Leads', 5, 22)).toEqual(before);
  });

  it('past Sheets’ own limit (a script’s or the session’s insert), refuses with Sheets’ text and the engine stays whole', async () => {
    const before = shape();
    const report = bench.workbench.structure('KPI log', 'insertRowsBefore', 2, 400_000);
    expect(report).toMatchObject({ ok: false, error: MESSAGES.cellLimit });
    expect(shape()).toEqual(before);
    await formulasStillCompute(6);
  });
});
