/** `npm run bench`: holds the built add-on to its performance budget. Flags: --quick, --json <file>. */

import { writeFileSync } from 'node:fs';
import { runBench } from './bench';
import { formatTable } from './measure';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) throw new Error('--json needs a file name: npm run bench -- --json bench.json');

const figures = await runBench({ quick: args.includes('--quick') });
figures.push(...(await import('./figures/bigquery')).bigQueryFigures({ quick: args.includes('--quick') }));
console.log(formatTable(figures));
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
const missed = figures.filter((f) => !f.ok).length;
console.log(missed === 0 ? '\nEvery goal met.' : `\n${missed} goal(s) not met.`);
