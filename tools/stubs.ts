// Writes the top-level function declarations Apps Script needs in front of the esbuild bundle.
// Custom functions get the JSDoc that Sheets reads, generated from the function table and its docs (TypeScript,
// src/functions): the bundle itself carries no documentation.

import { type DocumentedFunction, paramDescription } from '../src/functions/function-docs';
import type { FunctionSpec } from '../src/functions/function-spec';

/** The global the IIFE bundle assigns; every stub calls into it. */
export const BUNDLE_GLOBAL = 'LeanSales';

/** The bundle's global object as loaded in a bare context: src/server/index.ts's exports. */
export interface BundleExports {
  readonly functionTable: readonly FunctionSpec[];
  readonly customFunctions: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  readonly [name: string]: unknown;
}

const jsdocText = (text: string): string => text.replace(/\*\//g, '* /');

/** Longest text a stub's line keeps: a tooltip's worth; the README's function reference has it whole. */
const TOOLTIP = 200;
/** What a cut line ends with. */
const MORE = ' (More in the README.)';

/**
 * `text` up to the end of its last sentence that fits in `limit` characters (a `.` before a space and a capital or a
 * quote, so "e.g. a" is no end), so the stubs every custom-function call loads stay small; the whole text when no
 * sentence ends early enough.
 */
export function brief(text: string, limit = TOOLTIP): string {
  if (text.length <= limit) return text;
  let end = -1;
  for (const match of text.slice(0, limit + 1).matchAll(/\. (?=[A-Z"])/g)) end = match.index;
  return end > 0 ? `${text.slice(0, end + 1)}${MORE}` : text;
}

/**
 * The @return line: Sheets' formula help shows the summary and the parameters, not this line, so it keeps the first
 * sentence when short, else only where the description is.
 */
function briefReturn(text: string): string {
  const cut = brief(text, TOOLTIP / 2);
  return cut.length <= TOOLTIP / 2 + MORE.length ? cut : "See the README's function reference.";
}

function customFunctionStub(fn: DocumentedFunction): string {
  const names = fn.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${jsdocText(fn.summary)}`,
    ' *',
    ` * Example: ${jsdocText(fn.example.formula)}`,
    ' *',
    ...fn.params.map(
      (p) =>
        ` * @param {${p.type}} ${p.name} ${p.optional ? 'Optional. ' : ''}${jsdocText(brief(paramDescription(p)))}`,
    ),
    ` * @return {(number|string)[][]} ${jsdocText(briefReturn(fn.returns))}`,
    ' * @customfunction',
    ' */',
    `function ${fn.name}(${names.join(', ')}) {`,
    `  return ${BUNDLE_GLOBAL}.customFunctions.${fn.name}.apply(null, arguments);`,
    '}',
  ];
  return lines.join('\n');
}

/** One line per entry point: every custom-function call loads them all. */
const entryStub = (name: string): string =>
  `function ${name}() { return ${BUNDLE_GLOBAL}.${name}.apply(null, arguments); }`;

/**
 * Stubs for everything the bundle exports: one per function export (`exports`, the loaded bundle's), and one per
 * custom function of `functions` (the TypeScript table with its docs), each of which the bundle must be able to call.
 */
export function renderStubs(exports: BundleExports, functions: readonly DocumentedFunction[]): string {
  const stubbed = functions.map((fn) => fn.name);
  const callable = Object.keys(exports.customFunctions);
  if ([...stubbed].sort().join() !== [...callable].sort().join()) {
    throw new Error(`Stubs for ${stubbed.join(', ')}, but the bundle's customFunctions holds ${callable.join(', ')}`);
  }
  const entries = Object.keys(exports)
    .filter((name) => typeof exports[name] === 'function')
    .sort()
    .map(entryStub);
  const customs = functions.map(customFunctionStub);
  const entryBlock = [
    '// Apps Script entry points (menu, triggers, sidebar); the code is in the bundle above.',
    ...entries,
  ];
  return [...customs, entryBlock.join('\n')].join('\n\n');
}
