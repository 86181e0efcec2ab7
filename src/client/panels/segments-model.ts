/** The Segments panel's verdicts, computed in the browser by SWEETSPOT's core from the segments the server counts. */

import { sweetSpot } from '../../core/sweet-spot';
import type { SegmentCount, SegmentsData } from '../../shared/sidebar-api';
import type { Wire } from '../bridge';

export interface SegmentCell extends SegmentCount {
  /** SWEETSPOT's label: `Sweet spot`, `Uncaptured lead`, `Lead deficit`, `White spot`, `Ineffective strategy` or ``. */
  readonly verdict: string;
}

export interface SegmentsPanel {
  readonly segments: readonly SegmentCell[];
  /** SWEETSPOT overlap, 0-100. */
  readonly overlap: number;
  readonly threshold: number;
}

/** Each segment with SWEETSPOT's verdict, and the overlap of sales and marketing. */
export function segmentsPanelOf(data: Wire<SegmentsData>): SegmentsPanel {
  const cells = data.segments;
  if (cells.length === 0) return { segments: [], overlap: 0, threshold: 0 };
  const column = (pick: (c: SegmentCount) => unknown) => cells.map((c) => [pick(c)]);
  const [sales, marketing, market] = [column((c) => c.sales), column((c) => c.marketing), column((c) => c.inMarket)];
  const labels = sweetSpot(sales, marketing, market);
  const overlap = sweetSpot(sales, marketing, market, undefined, 'overlap')[0][0] as number;
  return {
    segments: cells.map((c, i) => ({ ...c, verdict: String(labels[i][0]) })),
    overlap,
    threshold: 1 / (2 * cells.length),
  };
}
