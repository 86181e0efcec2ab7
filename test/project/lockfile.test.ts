/** The lockfile lists every platform's optional package, so `npm ci` installs on any machine without rewriting it. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  readonly version?: string;
  readonly optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  readonly packages: Record<string, LockEntry>;
};

/** Where npm would look for `name` when `from` depends on it: nested under `from` first, then each parent up to the root. */
function resolve(from: string, name: string): LockEntry | undefined {
  let base = from;
  for (;;) {
    const found = lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (found) return found;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

const withOptionals = Object.entries(lock.packages).filter(([, entry]) => entry.optionalDependencies);

describe('package-lock.json', () => {
  it('has the platform binaries of Biome and esbuild among its packages with optional dependencies', () => {
    const names = withOptionals.map(([path]) => path);
    expect(names).toContain('node_modules/@biomejs/biome');
    expect(names).toContain('node_modules/esbuild');
  });

  it.each(withOptionals)('%s: every optional dependency has an entry', (path, entry) => {
    const missing = Object.keys(entry.optionalDependencies ?? {}).filter((name) => !resolve(path, name));
    expect(missing).toEqual([]);
  });
});
