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

function customFunctionStub(fn: DocumentedFunction): string {
  const names = fn.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${jsdocText(fn.summary)}`,
    ' *',
    ` * Example: ${jsdocText(fn.example.formula)}`,
    ' *',
    ...fn.params.map(
      (p) => ` * @param {${p.type}} ${p.name} ${p.optional ? 'Optional. ' : ''}${jsdocText(paramDescription(p))}`,
    ),
    ` * @return {(number|string)[][]} ${jsdocText(fn.returns)}`,
    ' * @customfunction',
    ' */',
    `function ${fn.name}(${names.join(', ')}) {`,
    `  return ${BUNDLE_GLOBAL}.customFunctions.${fn.name}.apply(null, arguments);`,
    '}',
  ];
  return lines.join('\n');
}

function entryStub(name: string): string {
  return [
    `/** Apps Script entry point; the code is in the bundle above (src/server). */`,
    `function ${name}() {`,
    `  return ${BUNDLE_GLOBAL}.${name}.apply(null, arguments);`,
    '}',
  ].join('\n');
}

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
  return [...customs, ...entries].join('\n\n');
}
