/** `npm run build` runs the top-level build.mjs through tsx: a thin entry over tools/build.ts that writes dist/. */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, DIST } from '../../tools/build';

const ROOT = path.resolve(__dirname, '../..');

describe('npm run build', () => {
  it('prints the sizes and writes the same dist/ as tools/build.ts', async () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout).toMatch(/^dist\/Code\.js \d+\.\d KB, dist\/Sidebar\.html \d+\.\d KB\n$/);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'dist-'));
    await build(elsewhere);
    for (const name of ['Code.js', 'Sidebar.html', 'Help.html', 'SampleData.html', 'Setup.html', 'appsscript.json']) {
      expect(readFileSync(path.join(DIST, name), 'utf8'), name).toBe(readFileSync(path.join(elsewhere, name), 'utf8'));
    }
  });
});
