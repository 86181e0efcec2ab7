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

function computeInOwnProcess({ quick }: BenchOptions): Figure[] {
  const args = ['--expose-gc', '--import', 'tsx', 'bench/compute-process.ts', ...(quick ? ['--quick'] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}
