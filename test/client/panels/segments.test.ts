// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { grouped, renderSegments } from '../../../src/client/panels/segments';
import { fakeBridge, host, SEGMENTS } from '../fixtures';

const cellText = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('.segment')].find((c) => c.querySelector('.segment-name')?.textContent === name);

describe('the Segments panel', () => {
  it('lays the segments out as price rows and complexity columns', () => {
    const root = host();
    renderSegments(root, SEGMENTS, fakeBridge());
    const table = root.querySelector('table.sweetspot') as HTMLTableElement;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Standard', 'Complex']);
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Low', 'High', 'Mid']);
    expect(table.rows[1].cells[1].textContent).toContain('Low/Std');
    expect(table.rows[2].cells[2].textContent).toContain('High/Cx');
  });

  it('writes the verdict in every cell, so colour is never the only signal', () => {
    const root = host();
    renderSegments(root, SEGMENTS, fakeBridge());
    const verdicts = Object.fromEntries(
      SEGMENTS.segments.map((s) => [
        s.segment,
        cellText(root, s.segment)?.querySelector('.segment-verdict')?.textContent,
      ]),
    );
    expect(verdicts).toEqual({
      'Low/Std': 'Sweet spot',
      'Low/Cx': 'Uncaptured lead',
      'High/Std': 'Lead deficit',
      'High/Cx': 'White spot',
      'Mid/Std': 'Ineffective strategy',
      'Mid/Cx': 'Outside market',
    });
  });

  it('shows deals and budget with their units, not "3 / 30000"', () => {
    const root = host();
    renderSegments(root, SEGMENTS, fakeBridge());
    const figures = (name: string) =>
      [...(cellText(root, name)?.querySelectorAll('.segment-unit') ?? [])].map((u) => u.textContent);
    expect(figures('Low/Std')).toEqual(['10 deals won', '8 budget']);
    expect(root.querySelector('.segment-figures')?.textContent).not.toContain(' / ');
    expect(root.querySelector('caption')?.textContent).toContain('deals won (sales) and campaign budget (marketing)');
  });

  it('writes large budgets with thousands separators and one deal in the singular', () => {
    const root = host();
    const segments = [{ ...SEGMENTS.segments[0], sales: 1, marketing: 30000 }];
    renderSegments(root, { ...SEGMENTS, segments }, fakeBridge());
    expect([...root.querySelectorAll('.segment-unit')].map((u) => u.textContent)).toEqual([
      '1 deal won',
      '30,000 budget',
    ]);
    expect(grouped(1234567.5)).toBe('1,234,567.5');
  });

  it('colours each cell by its verdict', () => {
    const root = host();
    renderSegments(root, SEGMENTS, fakeBridge());
    expect(cellText(root, 'Low/Std')?.className).toContain('tone-good');
    expect(cellText(root, 'Mid/Std')?.className).toContain('tone-bad');
    expect(cellText(root, 'Mid/Cx')?.className).toContain('tone-none');
  });

  it('shows the overlap % and the threshold', () => {
    const root = host();
    renderSegments(root, SEGMENTS, fakeBridge());
    expect(root.querySelector('.headline')?.textContent).toBe(
      'Overlap 42% of sales and marketing effort meet in the target market.',
    );
    expect(root.textContent).toContain('from 8.3% of all sales');
  });

  it('says so when there are no segments', () => {
    const root = host();
    renderSegments(root, { segments: [], overlap: 0, threshold: 0.5 }, fakeBridge());
    expect(root.textContent).toContain('No segments yet');
  });
});
