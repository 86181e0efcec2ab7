/**
 * Figures 1-2: how much work one custom-function call does, against a plain loop over the same data.
 * Data and floor loops live in the script's own context, as Sheets hands ranges to the script in its realm.
 */

import vm from 'node:vm';
import { loadBundle } from '../../workbench/session/script-bundle';
import { alternatingMedians, atMost, type BenchOptions, type Figure, info, ratingGrid, seeded } from '../measure';

const RATIO_GOAL = 3;

/** Plain loops, defined inside the context: sum every cell, and sum |a_i - b_i| over every pair of rows. */
// Math.abs is taken once, as the add-on does: a global lookup per cell would slow the floor, not just the code.
const FLOORS = `
const floorAbs = Math.abs;
function floorSum(grid) {
  let sum = 0;
  for (let r = 0; r < grid.length; r++) { const row = grid[r]; for (let i = 0; i < row.length; i++) sum += row[i]; }
  return sum;
}
function floorPairs(a, b) {
  let sum = 0;
  for (let p = 0; p < a.length; p++) for (let q = 0; q < b.length; q++) {
    const x = a[p], y = b[q];
    for (let i = 0; i < 10; i++) sum += floorAbs(x[i] - y[i]);
  }
  return sum;
}`;

function versusFloor(name: string, runs: number, call: () => unknown, floor: () => unknown): Figure[] {
  const [time, floorTime] = alternatingMedians(runs, call, floor);
  return [
    info(`${name}: time`, time, 'ms'),
    info(`${name}: floor (plain loop)`, floorTime, 'ms'),
    atMost(`${name}: ratio to floor`, time / floorTime, 'x', RATIO_GOAL),
  ];
}

export function computeFigures({ quick }: BenchOptions): Figure[] {
  const context = loadBundle();
  vm.runInContext(FLOORS, context);
  const random = seeded(42);
  const runs = quick ? 3 : 21;
  /** Puts a grid into the context's realm under `name`. */
  const put = (name: string, grid: number[][]) =>
    vm.runInContext(`var ${name} = JSON.parse(${JSON.stringify(JSON.stringify(grid))});`, context);
  const run = (code: string) => () => vm.runInContext(code, context);

  put('leads', ratingGrid(quick ? 2_000 : 100_000, random));
  const leadCount = vm.runInContext('leads.length', context);
  const figures = versusFloor(`LEADSCORE ${leadCount} leads`, runs, run('LEADSCORE(leads)'), run('floorSum(leads)'));

  {
    put('many', ratingGrid(quick ? 500 : 10_000, random));
    put('profiles', ratingGrid(50, random));
    const manyCount = vm.runInContext('many.length', context);
    figures.push(
      ...versusFloor(
        `PROFILEGAP best ${manyCount} x 50`,
        runs,
        run('PROFILEGAP(many, profiles, "", "best")'),
        run('floorPairs(many, profiles)'),
      ),
    );
    const side = quick ? 100 : 1_000;
    put('left', ratingGrid(side, random));
    put('right', ratingGrid(side, random));
    figures.push(
      ...versusFloor(
        `PROFILEGAP match ${side} x ${side}`,
        runs,
        run('PROFILEGAP(left, right, "", "match")'),
        run('floorPairs(left, right)'),
      ),
    );
  }
  return figures;
}
