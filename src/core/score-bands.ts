/** SCOREBANDS: is a higher score really a better chance? Win rates of closed leads per score band, best band first. */

import {
  describeCell,
  describeShape,
  isAtLeast,
  isBlank,
  isOmitted,
  type OutGrid,
  StructuralError,
  toGrid,
  toNumber,
} from './cells';
import { readConfidence, wilson } from './hit-rate';
import { readClosedScores } from './outcomes';

export const DEFAULT_EDGES: readonly number[] = [25, 50, 75];
export const BAND_COLUMNS = 6;
const TOP = 100;

const EDGES_EXAMPLE = 'such as 25, 50, 75';

/**
 * The band edges: numbers strictly between 0 and 100 in strictly ascending order, as a single value, a row or a
 * column; omitted, 25, 50, 75. Anything else, a blank cell in the range included, is a structural error: every cell
 * is an edge, so the output has one band more than the range has cells (the output shape is known in advance).
 */
export function readEdges(value: unknown): readonly number[] {
  if (isOmitted(value)) return DEFAULT_EDGES;
  const grid = toGrid(value, 'edges');
  if (grid.length > 1 && grid[0].length > 1) {
    throw new StructuralError(
      `edges must be a single number, a row or a column of numbers between 0 and 100, ${EDGES_EXAMPLE}; got ${describeShape(grid)}`,
    );
  }
  const edges: number[] = [];
  for (const row of grid) {
    for (const cell of row) {
      const n = isBlank(cell) ? undefined : toNumber(cell);
      if (n === undefined || !(n > 0 && n < TOP)) {
        throw new StructuralError(
          `edges must be numbers between 0 and 100 (not 0 or 100), ${EDGES_EXAMPLE}; got ${isBlank(cell) ? 'blank' : describeCell(cell)}`,
        );
      }
      const previous = edges[edges.length - 1];
      if (previous !== undefined && !(n > previous)) {
        throw new StructuralError(
          `edges must be in ascending order, each above the one before; got ${n} after ${previous}`,
        );
      }
      edges.push(n);
    }
  }
  return edges;
}

/**
 * Scores on the 0-100 scale the bands cover (100 to 12 significant digits: a perfect score can round a hair above);
 * others are skipped like any score that is not a number.
 */
function onScale(score: number): boolean {
  return score >= 0 && (score <= TOP || isAtLeast(TOP, score));
}

/**
 * The band of a score: 0 for the lowest, `edges.length` for the top. A score on an edge (to 12 significant digits,
 * so 74.99999999999999 from rounding counts as 75) belongs to the band above it; 100 is in the top band.
 */
function bandOf(score: number, edges: readonly number[]): number {
  let band = edges.length;
  while (band > 0 && !atLeastEdge(score, edges[band - 1])) band--;
  return band;
}

/** Scores this close below an edge are checked with isAtLeast; farther ones are plainly below (cheap pre-check). */
const NEAR_EDGE = 0.999999;

function atLeastEdge(score: number, edge: number): boolean {
  return score >= edge || (score > edge * NEAR_EDGE && isAtLeast(score, edge));
}

/**
 * One row per band, the best (highest) first: `band, closed, won, win rate, low, high`, the label being the band's
 * edges as written (`75-100`) and low/high the Wilson interval of HITRATE; a band without closed leads shows its
 * label, 0, 0 and three blanks.
 */
export function scoreBands(scores: unknown, outcomes: unknown, edges?: unknown, confidence?: unknown): OutGrid {
  const { won, lost } = readClosedScores(scores, outcomes, onScale);
  const bandEdges = readEdges(edges);
  const z = readConfidence(confidence);
  const bands = bandEdges.length + 1;
  const wonIn = new Float64Array(bands);
  const closedIn = new Float64Array(bands);
  for (let i = 0; i < won.length; i++) {
    const band = bandOf(won[i], bandEdges);
    wonIn[band]++;
    closedIn[band]++;
  }
  for (let i = 0; i < lost.length; i++) closedIn[bandOf(lost[i], bandEdges)]++;

  const bounds = [0, ...bandEdges, TOP];
  const out: OutGrid = [];
  for (let band = bands - 1; band >= 0; band--) {
    const label = `${bounds[band]}-${bounds[band + 1]}`;
    const closed = closedIn[band];
    const wins = wonIn[band];
    if (closed === 0) {
      out.push([label, 0, 0, '', '', '']);
      continue;
    }
    const [low, high] = wilson(wins, closed, z);
    out.push([label, closed, wins, wins / closed, low, high]);
  }
  return out;
}
