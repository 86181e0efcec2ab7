/** The stubs in front of the bundle: tooltip-sized custom-function docs and one line per entry point. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedFunctions, paramDescription } from '../../src/functions/function-docs';
import { DIST } from '../../tools/build';
import { brief } from '../../tools/stubs';

describe('brief', () => {
  it('keeps a text that fits a tooltip whole', () => {
    const text = 'Ten non-negative weights as a row or a column (the Factors tab); omitted, every factor weighs 1.';
    expect(brief(text)).toBe(text);
  });

  it('cuts a long text after its last sentence that fits, and says where the rest is', () => {
    const text = `${'First sentence here. '.repeat(8)}${'x'.repeat(100)}`;
    const cut = brief(text);
    expect(cut.length).toBeLessThan(text.length);
    expect(cut).toMatch(/here\. \(More in the README\.\)$/);
    expect(text.startsWith(cut.slice(0, cut.indexOf(' (More')))).toBe(true);
  });

  it('does not take an abbreviation for the end of a sentence', () => {
    const text = `Sales per segment (e.g. deals won in 12 months), one cell per segment. ${'x'.repeat(250)}`;
    expect(brief(text)).toBe(text);
    const cut = brief(
      `Sales per segment (e.g. deals won in 12 months), one cell per segment. Blank is 0. ${'X'.repeat(250)}`,
    );
    expect(cut).toBe(
      'Sales per segment (e.g. deals won in 12 months), one cell per segment. Blank is 0. (More in the README.)',
    );
  });

  it('keeps a long text whole when no sentence ends early enough to cut it', () => {
    const text = 'x'.repeat(400);
    expect(brief(text)).toBe(text);
  });

  it('leaves every parameter of every function its first sentence (the choices of a mode, the shape of a range)', () => {
    for (const fn of documentedFunctions()) {
      for (const text of [fn.returns, ...fn.params.map((p) => p.help)]) {
        const firstSentence = text.split('. ')[0];
        expect(brief(text).startsWith(firstSentence)).toBe(true);
      }
    }
  });
});

describe('the stubs in dist/Code.js', () => {
  const code = readFileSync(path.join(DIST, 'Code.js'), 'utf8');

  it('give each custom function its summary and each parameter at least its first sentence', () => {
    for (const fn of documentedFunctions()) {
      expect(code).toContain(` * ${fn.summary}\n`);
      for (const p of fn.params) {
        const block = code.slice(0, code.indexOf(`\nfunction ${fn.name}(`));
        const line = block.slice(block.lastIndexOf(`@param {${p.type}} ${p.name} `)).split('\n')[0];
        expect(line).toContain(paramDescription(p).split('. ')[0]);
      }
    }
  });

  it('declare each entry point on one line', () => {
    expect(code).toMatch(/^function onOpen\(\) \{ return LeanSales\.onOpen\.apply\(null, arguments\); \}$/m);
  });
});
