/**
 * Figures 1-2: how much work one custom-function call does, against a fair floor: a plain loop over the same data
 * that does the same output work (a result of the same shape, built with the same number of allocations) but checks
 * nothing. Data and floor loops live in the script's own context, as Sheets hands ranges to the script in its realm.
 */

import vm from 'node:vm';
import { loadBundle } from '../../workbench/session/script-bundle';
import {
  alternatingRuns,
  atMost,
  type BenchOptions,
  type Figure,
  info,
  median,
  percentile,
  ratingGrid,
  seeded,
} from '../measure';

/** LEADSCORE and PROFILEGAP against their fair floors (issue 18). */
const RATIO_GOAL = 1.5;
/** Runs per figure, each pair (function, floor) run back to back; the median is reported. */
const RUNS = 31;

/** LEADSCORE's floor: each lead's weighted score into one `[score]` row, as a function declaration named `name`. */
const scoresLoop = (name: string) => `function ${name}(grid) {
  const w = floorWeights;
  const out = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += w[i] * (5 - row[i]);
    out[r] = [sum * floorScale];
  }
  return out;
}`;

/**
 * Plain loops, defined inside the context. Each returns what the function returns, in the same shape: LEADSCORE one
 * row `[score]` per lead; PROFILEGAP best one row `[label]` per row of the first argument; PROFILEGAP match one row of
 * matches per row of the first argument. They weigh each factor as the function does (weights given, all 1 here).
 */
// Inside a closure, as the bundle's functions are: a top-level name of a vm context is a property of its global object,
// and each lookup of one (a call to a helper, Math.abs per cell) would slow the floor, not the code it is the floor of.
const FLOORS = `
var [floorScores, floorBest, floorMatch, floorScoresCopy] = (() => {
const floorAbs = Math.abs;
const INF = Number.POSITIVE_INFINITY;
const floorWeights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const floorScale = 100 / (4 * 10);
${scoresLoop('floorScores')}
// The control: the same loop again, with allocation sites of its own, as the function has.
${scoresLoop('floorScoresCopy')}
function floorDistance(x, y) {
  const w = floorWeights;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += w[i] * floorAbs(x[i] - y[i]);
  return sum;
}
function floorBest(a, b) {
  const out = new Array(a.length);
  for (let p = 0; p < a.length; p++) {
    const x = a[p];
    let best = -1;
    let bestDistance = INF;
    for (let q = 0; q < b.length; q++) {
      const d = floorDistance(x, b[q]);
      if (d < bestDistance) { bestDistance = d; best = q; }
    }
    out[p] = [best + 1];
  }
  return out;
}
function floorMatch(a, b) {
  const out = new Array(a.length);
  for (let p = 0; p < a.length; p++) {
    const x = a[p];
    const row = new Array(b.length);
    for (let q = 0; q < b.length; q++) row[q] = 100 - floorDistance(x, b[q]) * floorScale;
    out[p] = row;
  }
  return out;
}
return [floorScores, floorBest, floorMatch, floorScoresCopy];
})();`;

function versusFloor(name: string, runs: number, call: () => unknown, floor: () => unknown): Figure[] {
  const [times, floorTimes] = alternatingRuns(runs, call, floor);
  // Each run's ratio to the floor run beside it: the spread shows how much the machine's load moved the ratio.
  const ratios = times.map((t, i) => t / floorTimes[i]);
  return [
    info(`${name}: time (median of ${runs})`, median(times), 'ms'),
    info(`${name}: floor (same output, median of ${runs})`, median(floorTimes), 'ms'),
    atMost(`${name}: ratio to floor`, median(times) / median(floorTimes), 'x', RATIO_GOAL),
    info(`${name}: ratio spread, 10th percentile`, percentile(ratios, 0.1), 'x'),
    info(`${name}: ratio spread, 90th percentile`, percentile(ratios, 0.9), 'x'),
  ];
}

export function computeFigures({ quick }: BenchOptions): Figure[] {
  const context = loadBundle();
  vm.runInContext(FLOORS, context);
  const random = seeded(42);
  const runs = quick ? 3 : RUNS;
  /** Puts a grid into the context's realm under `name`. */
  const put = (name: string, grid: number[][]) =>
    vm.runInContext(`var ${name} = JSON.parse(${JSON.stringify(JSON.stringify(grid))});`, context);
  // A function made once in the context per call site, so each run is one call, not a script compiled and run.
  const run = (code: string): (() => unknown) => vm.runInContext(`() => ${code}`, context);
  const same = (a: string, b: string) => {
    // The floor must compute what the function computes, or the comparison says nothing.
    const equal = vm.runInContext(`JSON.stringify(${a}) === JSON.stringify(${b})`, context);
    if (!equal) throw new Error(`bench: the floor ${b} does not give what ${a} gives`);
  };

  put('leads', ratingGrid(quick ? 2_000 : 100_000, random));
  const leadCount = vm.runInContext('leads.length', context);
  same('LEADSCORE(leads)', 'floorScores(leads)');
  const figures = versusFloor(`LEADSCORE ${leadCount} leads`, runs, run('LEADSCORE(leads)'), run('floorScores(leads)'));
  same('floorScoresCopy(leads)', 'floorScores(leads)');
  const [copies, floors] = alternatingRuns(runs, run('floorScoresCopy(leads)'), run('floorScores(leads)'));
  figures.push(
    info(`control: the floor against a copy of itself, ${leadCount} leads`, median(copies) / median(floors), 'x'),
  );

  put('many', ratingGrid(quick ? 500 : 10_000, random));
  put('profiles', ratingGrid(50, random));
  const manyCount = vm.runInContext('many.length', context);
  same('PROFILEGAP(many, profiles, "", "best")', 'floorBest(many, profiles)');
  figures.push(
    ...versusFloor(
      `PROFILEGAP best ${manyCount} x 50`,
      runs,
      run('PROFILEGAP(many, profiles, "", "best")'),
      run('floorBest(many, profiles)'),
    ),
  );
  const side = quick ? 100 : 1_000;
  put('left', ratingGrid(side, random));
  put('right', ratingGrid(side, random));
  same('PROFILEGAP(left, right, "", "match")', 'floorMatch(left, right)');
  figures.push(
    ...versusFloor(
      `PROFILEGAP match ${side} x ${side}`,
      runs,
      run('PROFILEGAP(left, right, "", "match")'),
      run('floorMatch(left, right)'),
    ),
  );
  return figures;
}
