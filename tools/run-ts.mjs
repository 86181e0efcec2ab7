// Runs a TypeScript entry (workbench, benchmarks, tools) on Node 20: esbuild compiles it to .cache/run/, then it is imported.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const outfile = path.join(root, '.cache', 'run', `${path.basename(entry, '.ts')}.mjs`);
await mkdir(path.dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  // Plain .mjs modules (build.mjs, tools/*.mjs) stay where they are, so their own paths still hold.
  plugins: [
    {
      name: 'keep-mjs',
      setup(b) {
        b.onResolve({ filter: /\.mjs$/ }, (args) => ({
          path: path.resolve(args.resolveDir, args.path),
          external: true,
        }));
      },
    },
  ],
});
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
