/** KPISTATUS: whether each KPI's actual value meets its target, where higher or lower is better. */

import {
  describeCell,
  describeShape,
  type Grid,
  isAtLeast,
  isBlank,
  matchChoice,
  type OutGrid,
  readChoice,
  requireSameShape,
  StructuralError,
  toGrid,
  toNumber,
} from './cells';

/** Which way is better: the KPIs tab's Direction list and KPISTATUS's `direction`. */
export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
type Direction = (typeof KPI_DIRECTIONS)[number];
/** What a KPI without a direction (omitted, or a blank cell of a per-KPI range) is held to. */
export const DEFAULT_DIRECTION: Direction = 'higher';

/** KPISTATUS's verdicts. */
export const KPI_STATUS = { onTrack: 'on track', offTrack: 'off track' } as const;

/** One direction cell of a per-KPI range: blank is the default; `undefined` when it is neither word. */
function toDirection(value: unknown): Direction | undefined {
  return isBlank(value) ? DEFAULT_DIRECTION : matchChoice(value, KPI_DIRECTIONS);
}

/** A single direction for every KPI, or a grid of the shape of `actual` with one per KPI. */
function readDirections(value: unknown, shape: Grid): Direction | Grid {
  if (!Array.isArray(value)) return readChoice(value, 'direction', KPI_DIRECTIONS, DEFAULT_DIRECTION);
  const grid = toGrid(value, 'direction');
  if (grid.length === shape.length && grid[0].length === shape[0].length) return grid;
  throw new StructuralError(
    `direction must be a single "higher" or "lower", or a range the shape of actual (${describeShape(shape)}); got ${describeShape(grid)}`,
  );
}

/** `on track` or `off track` per KPI, blank where actual or target is blank, or the cell's `invalid` text. */
export function kpiStatus(actual: unknown, target: unknown, direction?: unknown): OutGrid {
  const actualGrid = toGrid(actual, 'actual');
  const targetGrid = toGrid(target, 'target');
  requireSameShape(targetGrid, 'target', actualGrid, 'actual');
  const directions = readDirections(direction, actualGrid);

  return actualGrid.map((row, r) =>
    row.map((actualCell, c) => {
      const targetCell = targetGrid[r][c];
      if (isBlank(actualCell) || isBlank(targetCell)) return '';
      const a = toNumber(actualCell);
      if (a === undefined) return `invalid actual: ${describeCell(actualCell)} (number)`;
      const t = toNumber(targetCell);
      if (t === undefined) return `invalid target: ${describeCell(targetCell)} (number)`;
      const way = typeof directions === 'string' ? directions : toDirection(directions[r][c]);
      if (way === undefined) return `invalid direction: ${describeCell((directions as Grid)[r][c])} (higher or lower)`;
      const met = way === 'higher' ? isAtLeast(a, t) : isAtLeast(t, a);
      return met ? KPI_STATUS.onTrack : KPI_STATUS.offTrack;
    }),
  );
}
