/** Figure 3: the bundle every custom-function call loads — its size, and the time to load it cold. */

import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { readBundle } from '../../workbench/session/script-bundle';
import { atMost, type BenchOptions, type Figure, median } from '../measure';

export function bundleFigures({ quick }: BenchOptions): Figure[] {
  const code = readBundle();
  const raw = Buffer.byteLength(code);
  const gzip = gzipSync(code).length;
  const loads: number[] = [];
  for (let i = 0; i < (quick ? 10 : 50); i++) {
    const context = vm.createContext({});
    // A unique tail defeats V8's compilation cache, so every load compiles from scratch as a cold call would.
    const source = `${code}\n// load ${i} ${Date.now()}`;
    const start = performance.now();
    vm.runInContext(source, context);
    loads.push(performance.now() - start);
  }
  return [
    atMost('dist/Code.js size', Math.round((raw / 1024) * 10) / 10, 'KB', 60),
    {
      name: 'dist/Code.js gzip size',
      value: Math.round((gzip / 1024) * 10) / 10,
      unit: 'KB',
      goal: '(measured)',
      ok: true,
    },
    atMost('dist/Code.js cold load (median)', median(loads), 'ms', 5),
  ];
}
