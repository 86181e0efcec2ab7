import { describe, expect, it } from 'vitest';
import { segmentsPanelOf } from '../../../src/client/panels/segments-model';
import { SEGMENTS, SEGMENTS_DATA } from '../fixtures';

describe('segmentsPanelOf', () => {
  it("gives each segment SWEETSPOT's verdict, the overlap and the threshold", () => {
    const panel = segmentsPanelOf(SEGMENTS_DATA);
    expect(panel.segments.map((s) => s.verdict)).toEqual(SEGMENTS.segments.map((s) => s.verdict));
    expect(panel.threshold).toBe(1 / 12);
    expect(panel.overlap).toBeGreaterThan(0);
  });

  it('gives an empty grid without segments', () => {
    expect(segmentsPanelOf({ segments: [] })).toEqual({ segments: [], overlap: 0, threshold: 0 });
  });
});
