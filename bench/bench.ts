/** Every benchmark figure, measured on the built dist/. */

import { build } from '../build.mjs';
import { bundleFigures } from './figures/bundle';
import { computeFigures } from './figures/compute';
import { serviceCallFigures } from './figures/service-calls';
import type { BenchOptions, Figure } from './measure';

export async function runBench(options: BenchOptions): Promise<Figure[]> {
  await build();
  return [...computeFigures(options), ...bundleFigures(options), ...serviceCallFigures(options)];
}
