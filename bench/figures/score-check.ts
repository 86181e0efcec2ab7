/**
 * Figures of the score check (issue 11): SCOREAUC and FACTORWEIGHTS through the built bundle against plain floors on
 * the same data, each pair run alternately in one process (median and the spread of the per-pair ratios), and the
 * Check panel's cross-validation against its time budget. Data and floors live in the script's own context, as
 * Sheets hands ranges to the script in its realm.
 */

import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { checkWeights } from '../../src/core/cross-validation';
import { loadBundle } from '../../workbench/session/script-bundle';
import { atMost, type BenchOptions, type Figure, info, median, ratingGrid, seeded } from '../measure';

const RATIO_GOAL = 3;
const CROSS_VALIDATION_BUDGET_MS = 300;
const RUNS = 21;

/**
 * The floors: the scores copied out of their column into a Float64Array and sorted (what ranking them costs at
 * least), and one pass summing every rating (what reading the ratings once costs).
 */
const FLOORS = `
function floorSortScores(grid) {
  const scores = new Float64Array(grid.length);
  for (let r = 0; r < grid.length; r++) scores[r] = grid[r][0];
  scores.sort();
  return scores[0];
}
function floorSumRatings(grid) {
  let sum = 0;
  for (let r = 0; r < grid.length; r++) { const row = grid[r]; for (let i = 0; i < 10; i++) sum += row[i]; }
  return sum;
}`;

const collect: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * The times of `a` and `b`, run alternately, garbage collected before every run, after as many warm-up runs of each:
 * on a loaded machine V8's optimizing compiler, a background thread, may take a dozen runs to finish a function as
 * large as FACTORWEIGHTS' loop, while the floor is optimized on the spot; timing the runs before would compare the
 * interpreter with compiled code.
 */
function alternate(runs: number, a: () => unknown, b: () => unknown): [number[], number[]] {
  for (let i = 0; i < runs; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      collect();
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    }
  }
  return times;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

function versusFloor(name: string, runs: number, call: () => unknown, floor: () => unknown): Figure[] {
  const [times, floorTimes] = alternate(runs, call, floor);
  const ratios = times.map((t, i) => t / floorTimes[i]);
  return [
    info(`${name}: time (median of ${runs})`, median(times), 'ms'),
    info(`${name}: floor (median of ${runs})`, median(floorTimes), 'ms'),
    atMost(`${name}: ratio to floor`, median(times) / median(floorTimes), 'x', RATIO_GOAL),
    info(`${name}: ratio spread, 10th percentile`, percentile(ratios, 0.1), 'x'),
    info(`${name}: ratio spread, 90th percentile`, percentile(ratios, 0.9), 'x'),
    // On a loaded machine the longer call is the likelier to be preempted: the fastest runs show the code's own cost.
    info(`${name}: ratio of the fastest runs`, Math.min(...times) / Math.min(...floorTimes), 'x'),
  ];
}

/** Leads whose outcome follows three of the ten factors, with noise: closed (Won or Lost) unless `open` says. */
function closedLeads(count: number, random: () => number, open = 0): { ratings: number[][]; outcomes: string[][] } {
  const ratings = ratingGrid(count, random);
  const outcomes = ratings.map((row) => {
    if (random() < open) return ['New'];
    const goodness = 3 * (5 - row[0]) + 2 * (5 - row[2]) + (5 - row[5]) + 6 * (random() - 0.5) * 4;
    return [goodness > 12 ? 'Won' : 'Lost'];
  });
  return { ratings, outcomes };
}

export function scoreCheckFigures({ quick }: BenchOptions): Figure[] {
  const context = loadBundle();
  vm.runInContext(FLOORS, context);
  const random = seeded(11);
  const runs = quick ? 3 : RUNS;
  const put = (name: string, value: unknown) =>
    vm.runInContext(`var ${name} = JSON.parse(${JSON.stringify(JSON.stringify(value))});`, context);
  const run = (code: string) => () => vm.runInContext(code, context);
  const figures: Figure[] = [];

  {
    // Scores as LEADSCORE gives them (0-100, not rounded) and half the leads won: every lead closed.
    const count = quick ? 5_000 : 200_000;
    put(
      'aucScores',
      Array.from({ length: count }, () => [random() * 100]),
    );
    put(
      'aucOutcomes',
      Array.from({ length: count }, () => [random() < 0.5 ? 'Won' : 'Lost']),
    );
    figures.push(
      ...versusFloor(
        `SCOREAUC ${count} closed leads`,
        runs,
        run('SCOREAUC(aucScores, aucOutcomes)'),
        run('floorSortScores(aucScores)'),
      ),
    );
  }

  {
    const count = quick ? 5_000 : 100_000;
    const { ratings, outcomes } = closedLeads(count, random, 0.3);
    put('weightRatings', ratings);
    put('weightOutcomes', outcomes);
    figures.push(
      ...versusFloor(
        `FACTORWEIGHTS ${count} leads`,
        runs,
        run('FACTORWEIGHTS(weightRatings, weightOutcomes)'),
        run('floorSumRatings(weightRatings)'),
      ),
    );
  }

  {
    // The Check panel's whole weights check: eligible leads, current AUC, suggestion, 5 folds and their pooled AUC.
    const count = quick ? 1_000 : 10_000;
    const { ratings, outcomes } = closedLeads(count, random);
    const weights = [[2], [1], [1], [2], [1], [1], [1], [2], [1], [1]];
    const check = () => checkWeights(ratings, outcomes, weights);
    for (let i = 0; i < runs; i++) check();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      collect();
      const start = performance.now();
      check();
      times.push(performance.now() - start);
    }
    const name = `Check panel cross-validation ${count} closed leads`;
    figures.push(
      atMost(`${name} (median of ${runs})`, median(times), 'ms', CROSS_VALIDATION_BUDGET_MS),
      info(`${name}: slowest of ${runs}`, Math.max(...times), 'ms'),
    );
  }
  return figures;
}
