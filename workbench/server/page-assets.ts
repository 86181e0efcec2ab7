/** The page's scripts, bundled by esbuild when the server starts: the page itself and the sidebar's google.script shim. */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { TOKEN_ATTRIBUTE, TOKEN_META } from '../page/server-api';
import { ROOT } from '../session/project-paths';

const PAGE_DIR = path.join(ROOT, 'workbench', 'page');

export interface PageAssets {
  readonly html: string;
  readonly script: string;
  readonly shim: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(PAGE_DIR, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export async function buildPageAssets(): Promise<PageAssets> {
  const [html, script, shim] = await Promise.all([
    readFile(path.join(PAGE_DIR, 'workbench-page.html'), 'utf8'),
    bundle('workbench-page.ts'),
    bundle('google-script-shim.ts'),
  ]);
  return { html, script, shim };
}

/** Keeps inlined script text from closing its element early. */
const inlineScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/** Puts `tag` first in the document: right after `<head>`, else after the doctype, else before everything. */
function first(html: string, tag: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /<!doctype[^>]*>/i.exec(html);
  if (doctype)
    return html.slice(0, doctype.index + doctype[0].length) + tag + html.slice(doctype.index + doctype[0].length);
  return tag + html;
}

/** The workbench page with this start's token in a meta tag, where its API calls read it. */
export function withToken(html: string, token: string): string {
  return first(html, `<meta name="${TOKEN_META}" content="${token}">`);
}

/**
 * The HTML an Apps Script HtmlOutput holds, with the shim defining google.script.run and google.script.host placed
 * first, so the page's own scripts find them as they do in Sheets; the shim's tag carries this start's token.
 */
export function withShim(html: string, shim: string, token: string): string {
  return first(html, `<script ${TOKEN_ATTRIBUTE}="${token}">${inlineScript(shim)}</script>`);
}
