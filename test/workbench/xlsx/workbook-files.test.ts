// The .xlsx and its sidecar are one unit: a crash at any point of a save leaves the previous pair or the new one
// (finished at the next start), never a mix; a pair no save explains is refused with both files kept; temporary files
// left by a crash are removed at start.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { Workbench } from '../../../workbench/session/workbench-session';
import { type SaveStep, settleWorkbookFiles, WorkbookFilesMismatch } from '../../../workbench/xlsx/workbook-files';
import { readXlsx, sidecarPath, writeXlsx } from '../../../workbench/xlsx/xlsx-workbook';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'workbench-files-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * Two saves of one workbook that a mix would load wrong: the sidecar holds what the .xlsx cannot (the open-ended
 * `A2:A` of a formula, the sheet's size), and the second save changes both.
 */
function version(which: 'old' | 'new'): Workbook {
  const workbook = createWorkbook({ name: 'Pair', timeZone: 'Etc/UTC' });
  const sheet = workbook.sheets[0];
  workbook.write('Sheet1', 1, 1, [['Amount'], [which === 'old' ? 1 : 10], [2]]);
  workbook.write('Sheet1', 1, 2, [[which === 'old' ? '=SUM(A2:A)' : '=SUM(A2:A)*2']]);
  if (which === 'new') workbook.insertRows(sheet, 5, 500);
  return workbook;
}

/** What a reader sees of a workbook: cells, formulas (as Sheets holds them) and sizes. */
const seen = (workbook: Workbook) => ({
  snapshot: workbook.snapshot(),
  sizes: workbook.sheets.map((s) => [s.name, s.maxRows, s.maxColumns]),
});

const tmpFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

const STEPS: SaveStep[] = ['begin', 'xlsx-written', 'sidecar-written', 'sidecar-renamed', 'xlsx-renamed'];

describe('the .xlsx and its sidecar as one unit', () => {
  it('after a crash at each step of a save, the next start reads the old pair or the new one, and no temporary file', async () => {
    const dir = path.join(root, 'live');
    const file = path.join(dir, 'workbook.xlsx');
    await mkdir(dir);
    await writeXlsx(version('old'), file, { sidecar: true });
    const old = seen(await readXlsx(file));
    // The folder as a crash at each step would leave it: copied when the save reaches the step.
    await writeXlsx(version('new'), file, {
      sidecar: true,
      onStep: (step) => cpSync(dir, path.join(root, `crash-${step}`), { recursive: true }),
    });
    const fresh = seen(await readXlsx(file));
    expect(fresh).not.toEqual(old);

    const outcomes: Record<string, string> = {};
    for (const step of STEPS) {
      const crashed = path.join(root, `crash-${step}`);
      const xlsx = path.join(crashed, 'workbook.xlsx');
      const notices = await settleWorkbookFiles(xlsx, sidecarPath(xlsx));
      const back = seen(await readXlsx(xlsx));
      outcomes[step] =
        JSON.stringify(back) === JSON.stringify(old)
          ? 'old'
          : JSON.stringify(back) === JSON.stringify(fresh)
            ? 'new'
            : 'MIXED';
      expect(tmpFiles(crashed), step).toEqual([]);
      if (step === 'sidecar-renamed')
        expect(notices.join('\n')).toMatch(/interrupted .* finished it .* nothing was lost/);
      if (step === 'xlsx-written' || step === 'sidecar-written')
        expect(notices.join('\n')).toMatch(/Removed \d temporary file\(s\) of a save that did not finish/);
    }
    expect(outcomes).toEqual({
      begin: 'old',
      'xlsx-written': 'old',
      'sidecar-written': 'old',
      'sidecar-renamed': 'new',
      'xlsx-renamed': 'new',
    });
  });

  it('removes a torn temporary file (a crash while it was written) and reads the last pair', async () => {
    const dir = await mkdtempIn(root);
    const file = path.join(dir, 'workbook.xlsx');
    await writeXlsx(version('old'), file, { sidecar: true });
    const saved = seen(await readXlsx(file));
    await writeFile(`${file}.0123456789abcdef.tmp`, 'PK\u0003\u0004 half a zip');
    await writeFile(`${sidecarPath(file)}.0123456789abcdef.tmp`, '{"xlsxSha256":"01');
    const notices = await settleWorkbookFiles(file, sidecarPath(file));
    expect(notices).toEqual([expect.stringMatching(/Removed 2 temporary file/)]);
    expect(tmpFiles(dir)).toEqual([]);
    expect(seen(await readXlsx(file))).toEqual(saved);
  });

  it('never loads a mixed pair: the new sidecar beside the old .xlsx with no save to finish is refused, both files kept', async () => {
    const a = await mkdtempIn(root);
    const b = await mkdtempIn(root);
    await writeXlsx(version('old'), path.join(a, 'workbook.xlsx'), { sidecar: true });
    await writeXlsx(version('new'), path.join(b, 'workbook.xlsx'), { sidecar: true });
    // What today's two renames leave after a crash between them: the new sidecar, the old .xlsx.
    cpSync(path.join(b, 'workbook.json'), path.join(a, 'workbook.json'));
    const file = path.join(a, 'workbook.xlsx');
    const bytes = [await readFile(file), await readFile(sidecarPath(file))];
    await expect(readXlsx(file)).rejects.toThrow(WorkbookFilesMismatch);
    await expect(settleWorkbookFiles(file, sidecarPath(file))).rejects.toThrow(/not from the same save/);
    expect([await readFile(file), await readFile(sidecarPath(file))]).toEqual(bytes);
  });

  it('does not start the workbench on a mixed pair: it says why and keeps both files where they are', async () => {
    const a = await mkdtempIn(root);
    const b = await mkdtempIn(root);
    await writeXlsx(version('old'), path.join(a, 'workbook.xlsx'), { sidecar: true });
    await writeXlsx(version('new'), path.join(b, 'workbook.xlsx'), { sidecar: true });
    cpSync(path.join(b, 'workbook.xlsx'), path.join(a, 'workbook.xlsx'));
    const before = readdirSync(a).sort();
    await expect(Workbench.open({ dir: a, timeZone: 'Etc/UTC' })).rejects.toThrow(
      /workbook\.xlsx and workbook\.json .* are not from the same save .* Both files were kept/,
    );
    expect(readdirSync(a).sort()).toEqual(before);
  });

  it('still reads a sidecar written before it named its .xlsx (by the tabs, as before)', async () => {
    const dir = await mkdtempIn(root);
    const file = path.join(dir, 'workbook.xlsx');
    await writeXlsx(version('new'), file, { sidecar: true });
    const saved = seen(await readXlsx(file));
    const json = JSON.parse(await readFile(sidecarPath(file), 'utf8'));
    delete json.xlsxSha256;
    await writeFile(sidecarPath(file), JSON.stringify(json));
    expect(await settleWorkbookFiles(file, sidecarPath(file))).toEqual([]);
    expect(seen(await readXlsx(file))).toEqual(saved);
  });

  it('starts over when the .xlsx was deleted, even with its sidecar left behind', async () => {
    const dir = await mkdtempIn(root);
    const file = path.join(dir, 'workbook.xlsx');
    await writeXlsx(version('old'), file, { sidecar: true });
    await rm(file);
    expect(await settleWorkbookFiles(file, sidecarPath(file))).toEqual([]);
    expect(existsSync(sidecarPath(file))).toBe(true);
  });
});

async function mkdtempIn(dir: string): Promise<string> {
  return mkdtemp(path.join(dir, 'case-'));
}
