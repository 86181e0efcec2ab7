/** `npm run bench`: holds the built add-on to its performance budget. Flags: --quick, --json <file>. */

import { writeFileSync } from 'node:fs';
import { build } from '../build.mjs';
import { bundleFigures } from './figures/bundle';
import { computeFigures } from './figures/compute';
import { type BenchOptions, type Figure, formatTable } from './measure';

export async function runBench(options: BenchOptions): Promise<Figure[]> {
  await build();
  return [...computeFigures(options), ...bundleFigures(options)];
}

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const figures = await runBench({ quick: args.includes('--quick') });
console.log(formatTable(figures));
if (jsonAt >= 0) {
  const file = args[jsonAt + 1];
  if (!file) throw new Error('--json needs a file name');
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
const missed = figures.filter((f) => !f.ok).length;
console.log(missed === 0 ? '\nEvery goal met.' : `\n${missed} goal(s) not met.`);
