import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../tools/build';

// Built by vitest's globalSetup (test/setup/build-dist.ts) before any test runs.
const SIDEBAR = path.join(DIST, 'Sidebar.html');
const html = readFileSync(SIDEBAR, 'utf8');

describe('dist/Sidebar.html', () => {
  it('is under 100 KB', () => {
    expect(statSync(SIDEBAR).size).toBeLessThan(100 * 1024);
  });

  it('is one self-contained page: no external script, style, font or image', () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import\b/i);
    expect(html).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*['"]?(?:https?:)?\/\//i);
  });

  it('has the styles and the script inlined, each closed once', () => {
    expect(html).not.toContain('/*INLINE_CSS*/');
    expect(html).not.toContain('/*INLINE_JS*/');
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
    expect(html).toContain('#1a73e8');
    expect(html).toContain('id="app"');
  });
});
