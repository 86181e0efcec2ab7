import { describe, expect, it } from 'vitest';
import { improvePanelOf } from '../../../src/client/panels/improve-model';
import { IMPROVE, IMPROVE_DATA, improveData } from '../fixtures';

describe('improvePanelOf', () => {
  it('reads the items from their rows, by stage and oldest first, with their lint, skipping blank rows', () => {
    const panel = improvePanelOf(IMPROVE_DATA);
    const withoutVersion = ({ version: _, ...item }: { version: string }) => item;
    expect(panel.items.map(withoutVersion)).toEqual(IMPROVE.items.map(withoutVersion));
    expect(panel.items.map((i) => i.row)).toEqual([4, 5, 2]);
    expect(panel.items[2].lint).toEqual(['due 2026-02-01 has passed']);
    expect({ ...panel, items: [] }).toEqual({ ...IMPROVE, items: [] });
  });

  it("gives each item its row's cells as JSON for its version, as the server compares them on save", () => {
    const panel = improvePanelOf(IMPROVE_DATA);
    expect(panel.items[2].version).toBe(JSON.stringify(IMPROVE_DATA.rows[0]));
  });

  it('trims what it reads and finds the columns by header, in any order', () => {
    const data = improveData(IMPROVE);
    const order = data.headers.map((_, i) => data.headers.length - 1 - i);
    const reversed = {
      ...data,
      headers: order.map((i) => ` ${data.headers[i].toUpperCase()} `),
      rows: data.rows.map((cells) => order.map((i) => (typeof cells[i] === 'string' ? ` ${cells[i]} ` : cells[i]))),
    };
    const items = improvePanelOf(reversed).items;
    expect(items.map((i) => [i.id, i.problem, i.stage])).toEqual(IMPROVE.items.map((i) => [i.id, i.problem, i.stage]));
  });
});
