import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../bench/measure';

const ROOT = path.resolve(__dirname, '../..');

/** Runs `npm run bench -- --quick --json` as a user would, so the benchmark never rots. No timing is asserted. */
function quickBench(): { stdout: string; figures: Figure[] } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'figures.json');
  const stdout = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/run.ts', '--quick', '--json', file],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { stdout, figures: JSON.parse(readFileSync(file, 'utf8')) };
}

describe('npm run bench -- --quick', () => {
  const { stdout, figures } = quickBench();

  it('measures every figure of the performance budget', () => {
    const names = figures.map((f) => f.name).join('\n');
    for (const expected of [
      /LEADSCORE \d+ leads: ratio to floor/,
      /control: the floor against a copy of itself/,
      /PROFILEGAP best \d+ x 50: ratio to floor/,
      /PROFILEGAP match \d+ x \d+: ratio to floor/,
      /SCOREAUC \d+ closed leads: ratio to floor/,
      /FACTORWEIGHTS \d+ leads: ratio to floor/,
      /Check panel cross-validation \d+ closed leads/,
      /dist\/Code\.js size/,
      /dist\/Code\.js gzip size/,
      /dist\/Code\.js cold load/,
      /service calls: setup on a blank workbook/,
      /service calls: reading Leads .* at 10 rows/,
      /service calls: appending one lead at 10 rows/,
      /custom-function cells written by setup at 10 rows/,
      /workbench: load and recalculate/,
    ]) {
      expect(names).toMatch(expected);
    }
  });

  it('writes each figure as {name, value, unit, goal, ok} with a finite value', () => {
    for (const figure of figures) {
      expect(Object.keys(figure).sort()).toEqual(['goal', 'name', 'ok', 'unit', 'value']);
      expect(Number.isFinite(figure.value)).toBe(true);
      expect(typeof figure.ok).toBe('boolean');
    }
  });

  it('prints the same figures as a table with a verdict per line', () => {
    for (const figure of figures) expect(stdout).toContain(figure.name);
    expect(stdout).toMatch(/Every goal met\.|\d+ goal\(s\) not met\./);
  });

  it('counts the same service calls and custom-function cells at both sizes', () => {
    const counts = figures.filter((f) => / at \d+ rows$/.test(f.name));
    expect(counts.length).toBeGreaterThanOrEqual(8);
    for (const figure of counts) expect(figure.ok, figure.name).toBe(true);
  });
});
