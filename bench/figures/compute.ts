/** Figures 1-2: how much work one custom-function call does, against a plain loop over the same data. */

import { callTopLevel, loadBundle } from '../../workbench/bundle';
import { atMost, type BenchOptions, type Figure, info, medianMs, ratingGrid, seeded } from '../measure';

const RATIO_GOAL = 3;

/** The floor: read every cell of the 2D array and sum it. */
function sumAll(grid: readonly (readonly number[])[]): number {
  let sum = 0;
  for (const row of grid) for (let i = 0; i < row.length; i++) sum += row[i];
  return sum;
}

/** The floor for pairwise comparison: sum of |a_i - b_i| over every pair of rows. */
function pairDistances(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let sum = 0;
  for (const x of a) for (const y of b) for (let i = 0; i < 10; i++) sum += Math.abs(x[i] - y[i]);
  return sum;
}

function versusFloor(name: string, runs: number, call: () => unknown, floor: () => unknown): Figure[] {
  const time = medianMs(runs, call);
  const floorTime = medianMs(runs, floor);
  return [
    info(`${name}: time`, time, 'ms'),
    info(`${name}: floor (plain loop)`, floorTime, 'ms'),
    atMost(`${name}: ratio to floor`, time / floorTime, 'x', RATIO_GOAL),
  ];
}

export function computeFigures({ quick }: BenchOptions): Figure[] {
  const context = loadBundle();
  const random = seeded(42);
  const runs = quick ? 3 : 7;

  const leads = ratingGrid(quick ? 2_000 : 100_000, random);
  const figures = versusFloor(
    `LEADSCORE ${leads.length} leads`,
    runs,
    () => callTopLevel(context, 'LEADSCORE', leads),
    () => sumAll(leads),
  );

  if (typeof context.PROFILEGAP === 'function') {
    const many = ratingGrid(quick ? 500 : 10_000, random);
    const profiles = ratingGrid(50, random);
    figures.push(
      ...versusFloor(
        `PROFILEGAP best ${many.length} x ${profiles.length}`,
        runs,
        () => callTopLevel(context, 'PROFILEGAP', many, profiles, '', 'best'),
        () => pairDistances(many, profiles),
      ),
    );
    const side = ratingGrid(quick ? 100 : 1_000, random);
    const other = ratingGrid(side.length, random);
    figures.push(
      ...versusFloor(
        `PROFILEGAP match ${side.length} x ${other.length}`,
        runs,
        () => callTopLevel(context, 'PROFILEGAP', side, other, '', 'match'),
        () => pairDistances(side, other),
      ),
    );
  }
  return figures;
}
