import { describe, expect, it } from 'vitest';
import { RowLayout } from '../../../workbench/page/row-layout';

describe('the rows the grid draws below the frozen header', () => {
  it('without a filter: every row, in order', () => {
    const layout = new RowLayout(1, 10);
    expect(layout.count).toBe(9);
    expect([layout.rowAt(0), layout.rowAt(8), layout.rowAt(99)]).toEqual([2, 10, 10]);
    expect(layout.indexOf(5)).toBe(3);
    expect(layout.isHidden(5)).toBe(false);
    expect([layout.step(1, 1), layout.step(2, -1), layout.step(9, 5)]).toEqual([2, 1, 10]);
  });

  it('with a filter: the rows it leaves, and moves skip the hidden ones', () => {
    const layout = new RowLayout(1, 10, [3, 4, 6, 7, 8]);
    expect(layout.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => layout.rowAt(i))).toEqual([2, 5, 9, 10]);
    expect([layout.indexOf(5), layout.indexOf(9)]).toEqual([1, 2]);
    expect(layout.isHidden(4)).toBe(true);
    expect(layout.indexOf(4)).toBe(1);
    expect(layout.step(2, 1)).toBe(5);
    expect(layout.step(5, 1)).toBe(9);
    expect(layout.step(9, -2)).toBe(2);
    expect(layout.step(2, -1)).toBe(1);
    expect(layout.isHidden(1)).toBe(false);
  });
});
