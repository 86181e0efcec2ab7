/**
 * The BigQuery figure (issue 16): the LEADSCORE UDF body of dist/bigquery/lean_sales.sql over 1,000,000 leads in one
 * process, called as BigQuery calls it (one call per row, the body compiled once as a function of its declared
 * arguments in a bare V8 context), against a bare loop computing the same scores in the same context. BigQuery runs
 * the whole body on every call, so each row also pays for evaluating the bundled core; the third figure is what the
 * same core costs evaluated once, for comparison.
 */

import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { udfsByName } from '../../test/bigquery/harness';
import { type BenchOptions, type Figure, info, median } from '../measure';

const WEIGHTS = [3, 2, 2, 1, 1, 2, 1, 1, 1, 1];

/** Rows, weights and both loops, made inside the context, with locals only (global lookups are slow in a context). */
const SETUP = `(function (count, weights) {
  let seed = 12345;
  const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const rows = new Array(count);
  for (let r = 0; r < count; r++) {
    const row = new Array(10);
    for (let i = 0; i < 10; i++) row[i] = 1 + Math.floor(random() * 5);
    rows[r] = row;
  }
  return {
    udf(fn) {
      let total = 0;
      for (let r = 0; r < rows.length; r++) { const out = fn(rows[r], weights); if (out.score !== null) total += out.score; }
      return total;
    },
    bare() {
      let sum = 0;
      for (let i = 0; i < 10; i++) sum += weights[i];
      const scale = 100 / (4 * sum);
      let total = 0;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        let s = 0;
        for (let i = 0; i < 10; i++) s += weights[i] * (5 - row[i]);
        total += s * scale;
      }
      return total;
    },
  };
})`;

function timed(fn: () => number): { ms: number; value: number } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export function bigQueryFigures({ quick }: BenchOptions): Figure[] {
  const rows = quick ? 2_000 : 1_000_000;
  const statement = udfsByName().leadscore;
  const context = vm.createContext({});
  const names = statement.params.map((p) => p.name).join(', ');
  const udf = vm.runInContext(`(function leadscore(${names}) {\n${statement.body}\n})`, context);
  // The same bundle evaluated once: its entry, without the body's per-call evaluation.
  const once = vm.runInContext(
    `(function () {\n${statement.body.replace(/\nreturn ([A-Za-z]+)\([^)]*\);$/, '\nreturn $1;')}\n})()`,
    context,
  );
  const loops = vm.runInContext(SETUP, context)(rows, vm.runInContext(JSON.stringify(WEIGHTS), context));

  // Warm-up on the same rows, then one timed UDF pass (a million calls is long enough to time once) and the bare loop
  // five times around it (median), so a change in the machine's load hits both.
  loops.udf(once);
  loops.udf(udf);
  const bare: number[] = [];
  const floor = () => bare.push(timed(() => loops.bare()).ms);
  floor();
  floor();
  const run = timed(() => loops.udf(udf));
  floor();
  const evaluatedOnce = timed(() => loops.udf(once));
  floor();
  floor();
  const expected = loops.bare();
  if (Math.abs(run.value - expected) > 1e-9 * expected || Math.abs(evaluatedOnce.value - expected) > 1e-9 * expected) {
    throw new Error(`the LEADSCORE UDF and the bare loop disagree: ${run.value} against ${expected}`);
  }
  const floorMs = median(bare);
  const name = `BigQuery LEADSCORE UDF ${rows} rows`;
  return [
    info(`${name}: time`, Math.round(run.ms), 'ms'),
    info(`${name}: per row`, (run.ms * 1000) / rows, 'µs'),
    info(`${name}: floor (bare loop)`, floorMs, 'ms'),
    info(`${name}: ratio to floor`, run.ms / floorMs, 'x'),
    info(`${name}: ratio with the core evaluated once`, evaluatedOnce.ms / floorMs, 'x'),
  ];
}
