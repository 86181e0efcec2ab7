/** Every benchmark figure, measured on the built dist/. */

import { execFileSync } from 'node:child_process';
import { build } from '../tools/build';
import { ROOT } from '../workbench/session/project-paths';
import { bundleFigures } from './figures/bundle';
import { peerFigures } from './figures/peer';
import { serviceCallFigures } from './figures/service-calls';
import { workbenchFigures } from './figures/workbench';
import type { BenchOptions, Figure } from './measure';

export async function runBench(options: BenchOptions): Promise<Figure[]> {
  await build();
  return [
    ...computeInOwnProcess(options),
    ...bundleFigures(options),
    ...serviceCallFigures(options),
    ...workbenchFigures(options),
    ...peerFigures(options),
  ];
}

/**
 * V8 may decide, per allocation site, to allocate straight into the old generation ("pretenuring"), from survival
 * samples taken whenever a scavenge happens to run. After the warm-up runs it had tenured the floor's result rows
 * (traced: "undecided => tenure") but not LEADSCORE's, whose rows were still copied by every scavenge; the floor's
 * loop with LEADSCORE's rating checks added measured 1.06x in one process and 2.75x in another. A custom-function call
 * in Apps Script loads the script afresh, so its allocation sites start undecided: no call inherits such a decision.
 * With the heuristic off, function and floor allocate alike, as on a cold call; the control figure (the floor against
 * a copy of itself) shows the comparison's own noise.
 */
const SAME_GC_FOR_BOTH = '--no-allocation-site-pretenuring';

function computeInOwnProcess({ quick }: BenchOptions): Figure[] {
  const args = [
    '--expose-gc',
    SAME_GC_FOR_BOTH,
    '--import',
    'tsx',
    'bench/compute-process.ts',
    ...(quick ? ['--quick'] : []),
  ];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}
