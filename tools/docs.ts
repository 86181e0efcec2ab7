/** `npm run docs`: rebuilds dist/ and regenerates the README's function reference from the bundle's own table. */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../build.mjs';
import { loadBundle } from '../workbench/bundle';
import { ROOT } from '../workbench/paths';
import { renderReference, withReference } from './reference.mjs';

await build();
const { LeanSales } = loadBundle();
const file = path.join(ROOT, 'README.md');
const readme = readFileSync(file, 'utf8');
const next = withReference(readme, renderReference(LeanSales.functionTable, LeanSales.customFunctions));
if (next !== readme) writeFileSync(file, next);
console.log(
  next === readme ? 'README.md function reference is up to date' : 'README.md function reference regenerated',
);
