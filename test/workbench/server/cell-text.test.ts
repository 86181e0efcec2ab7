// Text typed into a cell on the page must be text the saved workbook keeps: control characters, a lone surrogate, a
// bare carriage return are refused with a message naming the cell, and neither the live workbook nor the file changes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorkbench, startWorkbench } from '../../../workbench/server/http-server';
import type { EditReport } from '../../../workbench/session/workbench-session';
import { readXlsx } from '../../../workbench/xlsx/xlsx-workbook';

let dir: string;
let bench: RunningWorkbench;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-cell-text-'));
  bench = await startWorkbench({ port: 0, dir, saveDelayMs: 20, timeZone: 'Etc/UTC' });
});

afterAll(async () => {
  await bench?.close();
  await rm(dir, { recursive: true, force: true });
});

async function edit(sheet: string, row: number, column: number, text: string): Promise<EditReport> {
  const response = await fetch(`${bench.url}/api/edit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': bench.token },
    body: JSON.stringify({ sheet, row, column, text }),
  });
  return (await response.json()) as EditReport;
}

const NOTES = 22;

// A budget for a busy machine (two cores shared with the other test files), not a timing assertion.
describe('cell text from the page', { timeout: 120_000 }, () => {
  it.each([
    ['a NUL', 'Call\u0000back', 'Leads!V5: the text holds a control character (U+0000) at character 5'],
    ['U+0001', 'ok \u0001', 'Leads!V5: the text holds a control character (U+0001) at character 4'],
    ['a lone surrogate', 'half \ud83d', 'Leads!V5: the text holds an unpaired surrogate (U+D83D) at character 6'],
    ['a bare \\r', 'line\rbreak', 'Leads!V5: the text holds a carriage return (U+000D) at character 5'],
    ['a Windows line break', 'line\r\nbreak', 'Leads!V5: the text holds a carriage return (U+000D) at character 5'],
    ['DEL', 'x\u007f', 'Leads!V5: the text holds a control character (U+007F) at character 2'],
    ['U+FFFE', '\ufffe', 'Leads!V5: the text holds a noncharacter (U+FFFE) at character 1'],
    ['a formula with U+0001', '="a\u0001"', 'Leads!V5: the text holds a control character (U+0001) at character 4'],
  ])('refuses %s, naming the cell, and changes nothing', async (_name, text, message) => {
    await bench.workbench.flush();
    const before = JSON.stringify(bench.workbench.workbook.snapshot());
    const file = await readFile(bench.workbench.file);
    const report = await edit('Leads', 5, NOTES, text);
    expect(report.ok).toBe(false);
    expect(report.error).toBe(`${message}, which Sheets does not keep in a cell. Remove it and enter the text again.`);
    expect(JSON.stringify(bench.workbench.workbook.snapshot())).toBe(before);
    await bench.workbench.flush();
    expect(await readFile(bench.workbench.file)).toEqual(file);
  });

  it('names a cell of a sheet whose name needs quotes as Sheets writes it', async () => {
    const report = await edit('KPI log', 12, 2, 'x\u0002');
    expect(report.error).toMatch(/^'KPI log'!B12: the text holds a control character \(U\+0002\)/);
  });

  it('takes tabs, line feeds and any other text, and the saved workbook gives it back as typed', async () => {
    const text = 'Two lines\nand\ta tab, _x0041_, ünïcödé, \ud83d\ude00';
    expect((await edit('Leads', 6, NOTES, text)).ok).toBe(true);
    const saved = await readXlsx(bench.workbench.file);
    expect(saved.values('Leads')[5][NOTES - 1]).toBe(text);
  });
});
