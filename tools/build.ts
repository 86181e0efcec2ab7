/**
 * Builds dist/ for `clasp push` and the workbench: Code.js, Sidebar.html, appsscript.json, and Help.html,
 * SampleData.html and Setup.html, which the add-on reads only when it shows Help, sets up the workbook (Setup.html is
 * the setup code) or sets up the sample. `npm run build` runs it.
 */

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { documentedFunctions } from '../src/functions/function-docs';
import { sampleDataJson } from './sample-data';
import { BUNDLE_GLOBAL, type BundleExports, renderStubs } from './stubs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DIST = path.join(root, 'dist');

async function bundle(entry: string, options: Omit<esbuild.BuildOptions, 'write'>): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

/** Loads the bundle in a bare context, as Apps Script does, to read what it exports. */
export function exportsOf(code: string): BundleExports {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context[BUNDLE_GLOBAL];
}

async function buildCode(): Promise<string> {
  // Minified, names too, as every custom-function call loads the whole file (keeping names cost 4 KB of its 75 KB
  // budget); the add-on's errors say what went wrong in words, so a stack trace is rarely what a user needs.
  const code = await bundle('src/server/index.ts', {
    globalName: BUNDLE_GLOBAL,
    platform: 'neutral',
    minify: true,
  });
  const header = '// Lean Sales for Google Sheets. Built by build.mjs from src/; do not edit.\n';
  // The custom functions' JSDoc comes from the TypeScript tables (src/functions), not the bundle, which has no docs.
  return `${header}${code}\n${renderStubs(exportsOf(code), documentedFunctions())}\n`;
}

/**
 * dist/Setup.html: the actions that build the workbook (src/server/setup-actions.ts) as one expression whose value is
 * their exports, for src/server/setup-loader.ts to run when one is called. Code.js does not carry them.
 */
async function buildSetup(): Promise<string> {
  const global = 'LeanSalesSetup';
  const code = await bundle('src/server/setup-actions.ts', { globalName: global, platform: 'neutral', minify: true });
  const declaration = new RegExp(`^("use strict";)?var ${global}=`);
  if (!declaration.test(code)) throw new Error(`build: Setup.html expected esbuild's "var ${global}=" first`);
  return code.replace(declaration, '$1');
}

/** Keeps inlined text from closing its element early. */
const escapeInline = (text: string, tag: string): string =>
  text.replace(new RegExp(`</(${tag})`, 'gi'), (_m, name) => `<\\/${name}`).replace(/<!--/g, () => '<\\!--');

async function buildSidebar(): Promise<string> {
  const [template, css, js] = await Promise.all([
    readFile(path.join(root, 'src/client/sidebar.html'), 'utf8'),
    readFile(path.join(root, 'src/client/style.css'), 'utf8'),
    bundle('src/client/main.ts', { platform: 'browser', minify: true }),
  ]);
  const minCss = (await esbuild.transform(css, { loader: 'css', minify: true })).code;
  return template
    .replace('/*INLINE_CSS*/', () => escapeInline(minCss.trim(), 'style'))
    .replace('/*INLINE_JS*/', () => escapeInline(js.trim(), 'script'));
}

/** Writes dist/ (or `outDir`) and returns the sizes in bytes of Code.js and Sidebar.html. */
export async function build(outDir = DIST): Promise<{ code: number; sidebar: number }> {
  const [code, setup, sidebar, manifest, help] = await Promise.all([
    buildCode(),
    buildSetup(),
    buildSidebar(),
    readFile(path.join(root, 'appsscript.json'), 'utf8'),
    readFile(path.join(root, 'src/server/help.html'), 'utf8'),
  ]);
  await mkdir(outDir, { recursive: true });
  // Each file is replaced in one rename, so a test reading dist/ while another run rebuilds it never sees half a file.
  const files = {
    'Code.js': code,
    'Sidebar.html': sidebar,
    'appsscript.json': manifest,
    // Out of Code.js, which every custom-function call loads whole; read with HtmlService when needed.
    'Help.html': help,
    'Setup.html': setup,
    'SampleData.html': sampleDataJson(),
  };
  await Promise.all(
    Object.entries(files).map(async ([name, text]) => {
      const target = path.join(outDir, name);
      await writeFile(`${target}.${process.pid}.tmp`, text);
      await rename(`${target}.${process.pid}.tmp`, target);
    }),
  );
  await (await import('./bigquery')).writeBigQuery(outDir); // dist/bigquery/: the core as BigQuery UDFs (issue 16)
  return { code: Buffer.byteLength(code), sidebar: Buffer.byteLength(sidebar) };
}
