import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.resolve(__dirname, '../../src/core');

/** Globals of Apps Script, the browser and Node that the pure domain must never touch. */
const FORBIDDEN = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ScriptApp',
  'Session',
  'Utilities',
  'Logger',
  'Charts',
  'UrlFetchApp',
  'DriveApp',
  'google',
  'GoogleAppsScript',
  'window',
  'document',
  'navigator',
  'localStorage',
  'HTMLElement',
  'fetch',
  'process',
  'require',
  'globalThis',
];

/** Source without comments and string contents, so prose may mention Sheets. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
}

describe('src/core', () => {
  const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)('%s mentions no Apps Script, DOM or Node global', (file) => {
    const source = code(readFileSync(path.join(CORE, file), 'utf8'));
    const found = FORBIDDEN.filter((name) => new RegExp(`\\b${name}\\b`).test(source));
    expect(found).toEqual([]);
  });

  it('imports nothing from outside src/core', () => {
    for (const file of files) {
      const imports = [...readFileSync(path.join(CORE, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.filter((spec) => !spec.startsWith('./')),
        file,
      ).toEqual([]);
    }
  });
});
