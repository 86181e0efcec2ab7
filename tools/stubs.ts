// Writes the top-level function declarations Apps Script needs in front of the esbuild bundle.
// Custom functions get the JSDoc that Sheets reads, generated from the function table.

import { type FunctionSpec, paramDescription } from '../src/functions/function-spec';

/** The global the IIFE bundle assigns; every stub calls into it. */
export const BUNDLE_GLOBAL = 'LeanSales';

/** The bundle's global object as loaded in a bare context: src/server/index.ts's exports. */
export interface BundleExports {
  readonly functionTable: readonly FunctionSpec[];
  readonly customFunctions: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  readonly [name: string]: unknown;
}

const jsdocText = (text: string): string => text.replace(/\*\//g, '* /');

function customFunctionStub(spec: FunctionSpec): string {
  const names = spec.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${jsdocText(spec.summary)}`,
    ' *',
    ` * Example: ${jsdocText(spec.example.formula)}`,
    ' *',
    ...spec.params.map(
      (p) => ` * @param {${p.type}} ${p.name} ${p.optional ? 'Optional. ' : ''}${jsdocText(paramDescription(p))}`,
    ),
    ` * @return {(number|string)[][]} ${jsdocText(spec.returns)}`,
    ' * @customfunction',
    ' */',
    `function ${spec.name}(${names.join(', ')}) {`,
    `  return ${BUNDLE_GLOBAL}.customFunctions.${spec.name}.apply(null, arguments);`,
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

/** Stubs for everything the bundle exports: each function export, and each entry of the table. */
export function renderStubs(exports: BundleExports): string {
  const entries = Object.keys(exports)
    .filter((name) => typeof exports[name] === 'function')
    .sort()
    .map(entryStub);
  const customs = exports.functionTable.map(customFunctionStub);
  return [...customs, ...entries].join('\n\n');
}
