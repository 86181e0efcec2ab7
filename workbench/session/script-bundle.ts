/** Loads the built dist/Code.js into one V8 context, as Apps Script does: one global scope, services as globals. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DIST_DIR } from './project-paths';

export { DIST_DIR };
export const CODE_PATH = path.join(DIST_DIR, 'Code.js');

export function readBundle(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

/**
 * A fresh context holding `services` (SpreadsheetApp, HtmlService, ...) as globals, with the bundle run in it.
 * `context` is the script's global object: top-level functions are its properties.
 */
export function loadBundle(services: Record<string, unknown> = {}, code: string = readBundle()): vm.Context {
  const context = vm.createContext({ ...services });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

/** Calls a top-level function of the loaded script by name, as Sheets or google.script.run would. */
export function callTopLevel(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js declares no top-level function ${name}`);
  return fn(...args);
}
