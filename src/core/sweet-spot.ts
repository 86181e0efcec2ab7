/** SWEETSPOT: where sales results and marketing effort meet the target market, segment by segment. */

import {
  cellPosition,
  describeCell,
  type Grid,
  isAtLeast,
  isBlank,
  isOmitted,
  type OutCell,
  type OutGrid,
  readChoice,
  readFraction,
  requireSameShape,
  StructuralError,
  toFlag,
  toGrid,
  toNumber,
} from './cells';

export const SWEETSPOT_MODES = ['label', 'overlap'] as const;
export const SWEETSPOT_DEFAULT_MODE: (typeof SWEETSPOT_MODES)[number] = 'label';

export const LABELS = {
  sweetSpot: 'Sweet spot',
  uncaptured: 'Uncaptured lead',
  deficit: 'Lead deficit',
  white: 'White spot',
  ineffective: 'Ineffective strategy',
} as const;

/** One number per segment (blank is 0) as shares of their total, and which cells were blank. */
interface Shares {
  readonly shares: Float64Array;
  readonly blank: Uint8Array;
}

function readShares(grid: Grid, what: string): Shares {
  const width = grid[0].length;
  const shares = new Float64Array(grid.length * width);
  const blank = new Uint8Array(shares.length);
  let sum = 0;
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < width; c++) {
      const cell = grid[r][c];
      const i = r * width + c;
      if (isBlank(cell)) {
        blank[i] = 1;
        continue;
      }
      const n = toNumber(cell);
      if (n === undefined || n < 0) {
        throw new StructuralError(
          `${what} ${cellPosition(r, c)} is ${describeCell(cell)}; expected a number 0 or more`,
        );
      }
      shares[i] = n;
      sum += n;
    }
  }
  if (!Number.isFinite(sum)) throw new StructuralError(`${what} are too large to add up; use a larger unit`);
  if (sum > 0) for (let i = 0; i < shares.length; i++) shares[i] /= sum;
  return { shares, blank };
}

/** 1 for a segment in the target market, 0 outside; omitted, every segment is in it (and none is marked). */
function readMarket(value: unknown, sales: Grid): { inMarket: Uint8Array; marked: boolean } {
  const width = sales[0].length;
  const inMarket = new Uint8Array(sales.length * width);
  if (isOmitted(value)) return { inMarket: inMarket.fill(1), marked: false };
  const grid = toGrid(value, 'market');
  requireSameShape(grid, 'market', sales, 'sales');
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < width; c++) {
      const flag = toFlag(grid[r][c]);
      if (flag === undefined) {
        throw new StructuralError(
          `market ${cellPosition(r, c)} is ${describeCell(grid[r][c])}; expected TRUE, 1, "yes" or "x" for a segment in the market, or blank, FALSE, 0 or "no" for one outside`,
        );
      }
      inMarket[r * width + c] = flag ? 1 : 0;
    }
  }
  return { inMarket, marked: true };
}

function label(inMarket: boolean, salesOver: boolean, marketingOver: boolean): OutCell {
  if (!inMarket) return salesOver || marketingOver ? LABELS.ineffective : '';
  if (salesOver && marketingOver) return LABELS.sweetSpot;
  if (marketingOver) return LABELS.uncaptured;
  if (salesOver) return LABELS.deficit;
  return LABELS.white;
}

/**
 * `label` mode: one label per segment, in the input's layout. `overlap` mode: 0-100, how much of the sales and
 * marketing shares meet in the target market. A segment whose sales and marketing are both blank and that is not
 * marked as in the market is an empty cell of the layout: it gets a blank and does not count as a segment.
 */
export function sweetSpot(
  sales: unknown,
  marketing: unknown,
  market?: unknown,
  threshold?: unknown,
  mode?: unknown,
): OutGrid {
  const salesGrid = toGrid(sales, 'sales');
  const marketingGrid = toGrid(marketing, 'marketing');
  requireSameShape(marketingGrid, 'marketing', salesGrid, 'sales');
  const chosenMode = readChoice(mode, 'mode', SWEETSPOT_MODES, SWEETSPOT_DEFAULT_MODE);
  const given = isOmitted(threshold) ? undefined : readFraction(threshold, 'threshold', 0, '0.1');
  const s = readShares(salesGrid, 'sales');
  const m = readShares(marketingGrid, 'marketing');
  const { inMarket, marked } = readMarket(market, salesGrid);

  const count = inMarket.length;
  const empty = new Uint8Array(count);
  let segments = 0;
  for (let i = 0; i < count; i++) {
    empty[i] = s.blank[i] && m.blank[i] && !(marked && inMarket[i]) ? 1 : 0;
    if (!empty[i]) segments++;
  }

  if (chosenMode === 'overlap') {
    let overlap = 0;
    for (let i = 0; i < count; i++) if (inMarket[i]) overlap += Math.min(s.shares[i], m.shares[i]);
    return [[Math.min(100, Math.max(0, 100 * overlap))]];
  }

  const t = given ?? 1 / (2 * segments);
  const width = salesGrid[0].length;
  return salesGrid.map((_, r) =>
    Array.from({ length: width }, (_, c) => {
      const i = r * width + c;
      if (empty[i]) return '';
      return label(inMarket[i] === 1, isAtLeast(s.shares[i], t), isAtLeast(m.shares[i], t));
    }),
  );
}
