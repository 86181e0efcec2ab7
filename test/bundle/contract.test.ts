import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { leadScore } from '../../src/core/lead-score';
import { documentedFunctions } from '../../src/functions/function-docs';
import { FUNCTION_TABLE } from '../../src/functions/function-table';
import { CODE_PATH, callTopLevel, DIST_DIR, loadBundle, readBundle } from '../../workbench/session/script-bundle';

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'Session',
  'Utilities',
  'Charts',
  'CacheService',
  'Logger',
];

/** A service stand-in that records every touch. */
function spyService(name: string, touched: string[]): unknown {
  return new Proxy(() => undefined, {
    get: (_t, prop) => {
      touched.push(`${name}.${String(prop)}`);
      return undefined;
    },
    apply: () => {
      touched.push(`${name}()`);
    },
  });
}

const code = readBundle();
const context = loadBundle();
const bundleExports = context.LeanSales as Record<string, unknown>;
const entryNames = Object.keys(bundleExports).filter((k) => typeof bundleExports[k] === 'function');

describe('dist/Code.js loads as Apps Script loads it', () => {
  it('loads in a bare V8 context with no Apps Script service', () => {
    expect(() => loadBundle({}, code)).not.toThrow();
  });

  it('touches no service while loading', () => {
    const touched: string[] = [];
    const services = Object.fromEntries(SERVICES.map((s) => [s, spyService(s, touched)]));
    loadBundle(services, code);
    expect(touched).toEqual([]);
  });

  it('is a script, not a module', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });
});

describe('top-level entry points', () => {
  it('exports the menu and sidebar entries', () => {
    expect(entryNames).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar']));
  });

  it.each([...entryNames, ...FUNCTION_TABLE.map((s) => s.name)])('%s is a top-level function declaration', (name) => {
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    expect(typeof context[name]).toBe('function');
  });

  it.each(documentedFunctions().map((s) => [s.name, s] as const))(
    '%s carries its @customfunction JSDoc directly on the declaration',
    (name, spec) => {
      const match = code.match(new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`));
      expect(match, `no JSDoc right above function ${name}`).not.toBeNull();
      const [, doc, params] = match as RegExpMatchArray;
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(spec.summary);
      expect(doc).toMatch(/@return \{[^}]+\} \S/);
      for (const p of spec.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.name} \\S`));
      expect(params.split(', ')).toEqual(spec.params.map((p) => p.name));
    },
  );
});

describe('the bundle carries no documentation (it is in the stubs, from src/functions/function-docs.ts)', () => {
  // The minified bundle, before the first stub's JSDoc.
  const bundlePart = code.slice(0, code.indexOf('\n/**\n'));
  const docs = documentedFunctions();

  it('ends where the first custom-function stub begins', () => {
    expect(code.slice(bundlePart.length + 1).startsWith(`/**\n * ${docs[0].summary}\n`)).toBe(true);
  });

  it.each(docs.map((d) => [d.name, d] as const))('holds none of the words of %s', (_name, doc) => {
    const texts = [doc.summary, doc.returns, ...doc.params.map((p) => p.help)];
    // Minified code writes quotes its own way, and a text may quote a runtime constant (a status, a message): each
    // text is looked for by the start of its longest run without quotes.
    const longestRun = (text: string) => text.split(/["'`\\]/).reduce((a, b) => (b.length > a.length ? b : a));
    const leaked = texts.map((t) => longestRun(t).slice(0, 32)).filter((run) => bundlePart.includes(run));
    expect(leaked).toEqual([]);
    expect(bundlePart.includes(doc.example.formula)).toBe(false);
  });

  it('exports a function table of runtime parts: name, params (name, optional, choices, default), run, outputShape', () => {
    const table = bundleExports.functionTable as readonly Record<string, unknown>[];
    for (const entry of table) {
      expect(Object.keys(entry).sort()).toEqual(['name', 'outputShape', 'params', 'run']);
      for (const param of entry.params as Record<string, unknown>[]) {
        expect(['choices', 'default', 'name', 'optional']).toEqual(expect.arrayContaining(Object.keys(param)));
      }
    }
    expect(table.map((entry) => entry.name)).toEqual(docs.map((d) => d.name));
  });
});

describe('LEADSCORE through the bundle', () => {
  const rows = [
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
    ['', '', '', '', '', '', '', '', '', ''],
    [2, '3', 1, 4, 2, 1, 2, 3, 3, ''],
  ];

  it('gives the same answers as the core', () => {
    expect(callTopLevel(context, 'LEADSCORE', rows)).toEqual(leadScore(rows));
    const weights = [[1], [2], [0], [1], [1], [1], [1], [1], [1], [0]];
    expect(callTopLevel(context, 'LEADSCORE', rows, weights)).toEqual(leadScore(rows, weights));
  });

  it('reads a Date made inside the script context as a date, as Sheets passes date cells', () => {
    const date = vm.runInContext('new Date(2024, 0, 2)', context);
    expect(date instanceof Date).toBe(false); // another realm's Date, as in Apps Script
    const row = [1, 1, 1, 1, 1, date, 1, 1, 1, 1];
    expect(callTopLevel(context, 'LEADSCORE', [row])).toEqual([['invalid Interest: a date (whole number 1-5)']]);
  });

  it('throws a structural error Sheets can show as #ERROR! with its message', () => {
    expect(() => callTopLevel(context, 'LEADSCORE', [[1, 2, 3]])).toThrow(/^LEADSCORE: ratings must have 10 columns/);
  });
});

describe('what clasp pushes', () => {
  it('is exactly Code.js, the HTML files and appsscript.json from dist/', () => {
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/clasp'), ['status', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const status = JSON.parse(out.slice(out.indexOf('{')));
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/Help.html',
      'dist/SampleData.html',
      'dist/Setup.html',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
  });

  it('has a V8 manifest with exactly the two narrow scopes and no add-on block', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(manifest.addOns).toBeUndefined();
  });

  it('bundles no runtime dependency from node_modules', () => {
    expect(readFileSync(CODE_PATH, 'utf8')).not.toMatch(/node_modules/);
  });
});
