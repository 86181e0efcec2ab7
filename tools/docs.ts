/**
 * `npm run docs`: rebuilds dist/ and regenerates the README's function reference from the function table and its docs
 * (src/functions), its examples computed by the built bundle's own custom functions.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentedFunctions } from '../src/functions/function-docs';
import { build, DIST, exportsOf } from './build';
import { renderReference, withReference } from './reference';

await build();
const { customFunctions } = exportsOf(readFileSync(path.join(DIST, 'Code.js'), 'utf8'));
const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const next = withReference(readme, renderReference(documentedFunctions(), customFunctions));
if (next !== readme) writeFileSync(file, next);
console.log(
  next === readme ? 'README.md function reference is up to date' : 'README.md function reference regenerated',
);
