// What was saved is what comes back: text with control characters, lone surrogates, noncharacters or a literal `_x`
// goes through the .xlsx exactly (it used to be dropped, changed, or make the whole file unreadable).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { escapeXlsxText, firstUnkept } from '../../../workbench/xlsx/xlsx-text';
import { readXlsx, writeXlsx } from '../../../workbench/xlsx/xlsx-workbook';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** Each text stored in a cell as a script stores it (as text), saved, and read back as the next start reads it. */
async function roundTrip(texts: readonly string[], sidecar = true): Promise<unknown[]> {
  const workbook = createWorkbook({ timeZone: 'Etc/UTC' });
  const sheet = workbook.sheets[0];
  workbook.writeCells(
    sheet,
    1,
    1,
    texts.map((text) => [text]),
    texts.map(() => ['']),
  );
  const file = path.join(dir, `text-${++files}.xlsx`);
  await writeXlsx(workbook, file, { sidecar });
  const back = await readXlsx(file);
  return texts.map((_, i) => back.sheets[0].values.get(i, 0));
}

const CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code));

describe('text in the .xlsx', () => {
  it('comes back exactly with every control character, DEL, a lone surrogate, U+FFFE/U+FFFF and a bare \\r', async () => {
    const texts = [
      ...CONTROLS.map((c) => `a${c}b`),
      'a\u007fb',
      'a\ud800b',
      'a\udc00b',
      'lone high at the end \ud83d',
      'a\ufffeb',
      'a\uffffb',
      'a\rb',
      'a\r\nb',
      'emoji \ud83d\ude00 stays',
      'ünïcödé \u2028 \u0085',
    ];
    expect(await roundTrip(texts)).toEqual(texts);
  });

  it('keeps text that looks like the escape itself', async () => {
    const texts = ['_x0041_', '_X0041_', '_x005F_', '__x0041__', '_x0041\u0001', '\u0001x0041_', '_x', 'a_b', '_'];
    expect(await roundTrip(texts)).toEqual(texts);
    expect(await roundTrip(texts, false)).toEqual(texts);
  });

  it('keeps any text at all (property: arbitrary UTF-16, lone surrogates included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 40 }),
        async (texts) => {
          const cells = texts.map((text) => `t${text}`);
          expect(await roundTrip(cells)).toEqual(cells);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('writes a readable file whatever a formula holds; the sidecar keeps the formula exactly', async () => {
    const workbook = createWorkbook({ timeZone: 'Etc/UTC' });
    workbook.writeCells(workbook.sheets[0], 1, 1, [['']], [['="a\ufffe\u0001b"']]);
    const file = path.join(dir, 'formula.xlsx');
    await writeXlsx(workbook, file, { sidecar: true });
    expect((await readXlsx(file)).formulas('Sheet1')[0][0]).toBe('="a\ufffe\u0001b"');
  });

  it('escapes as OOXML does and names the first character it escapes for a message', () => {
    expect(escapeXlsxText('a\u0001b\rc_x0041_')).toBe('a_x0001_b_x000D_c_x005F_x0041_');
    expect(escapeXlsxText('plain text, tabs\tand\nlines')).toBe('plain text, tabs\tand\nlines');
    expect(firstUnkept('ok\u0000')).toEqual({ position: 3, code: 'U+0000' });
    expect(firstUnkept('\ud83d\ude00 \ud800')).toEqual({ position: 4, code: 'U+D800' });
    expect(firstUnkept('tab\tline\n')).toBeUndefined();
  });
});
