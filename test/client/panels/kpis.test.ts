// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderKpis } from '../../../src/client/panels/kpis';
import { fakeBridge, flush, host, KPIS, XSS } from '../fixtures';

describe('the KPIs panel', () => {
  it('shows each KPI with its status', () => {
    const root = host();
    renderKpis(root, KPIS, fakeBridge());
    const items = [...root.querySelectorAll('li.kpi')].map((li) => [
      li.querySelector('.kpi-name')?.textContent,
      li.querySelector('.badge')?.textContent,
    ]);
    expect(items).toEqual([
      ['Hit rate', 'on track'],
      ['Lead defects', 'off track'],
      ['Calls per day', 'no status'],
    ]);
    expect(root.querySelector('.headline')?.textContent).toBe('1 on track, 1 off track, 1 without status.');
    expect(root.textContent).toContain('actual 9, target 5, lower is better');
  });

  it('lists the KPIs missing Why, When, How, Who or a target', () => {
    const root = host();
    renderKpis(root, KPIS, fakeBridge());
    const lint = [...root.querySelectorAll('.lint button')].map((b) => b.textContent);
    expect(lint).toEqual(['Lead defectsmissing Why, How, Who', 'Calls per daymissing Why, When, How, Who, Target']);
  });

  it('selecting a lint entry goes to its row in the KPIs tab', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderKpis(root, KPIS, bridge);
    [...root.querySelectorAll<HTMLButtonElement>('.lint button')][1].click();
    await flush();
    expect(bridge.goToRow).toHaveBeenCalledWith('KPIs', 4);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Row 4 selected in KPIs.');
  });

  it('shows a failed jump as a readable message', async () => {
    const root = host();
    const bridge = fakeBridge({
      goToRow: async () => {
        throw new Error('The KPIs tab is missing');
      },
    });
    renderKpis(root, KPIS, bridge);
    root.querySelector<HTMLButtonElement>('.lint button')?.click();
    await flush();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('The KPIs tab is missing');
  });

  it("draws each KPI's run chart with its centre and limits, and says the signal in words", () => {
    const root = host();
    renderKpis(root, KPIS, fakeBridge());
    const [hit, defects, calls] = [...root.querySelectorAll('li.kpi')];
    expect(hit.querySelectorAll('svg.run circle.point')).toHaveLength(12);
    expect(hit.querySelectorAll('svg.run line.limit')).toHaveLength(2);
    expect(hit.querySelector('svg.run')?.getAttribute('aria-label')).toBe(
      'Run chart of Hit rate: 12 values from 2026-01-05 to 2026-03-23. Centre 0.4, limits 0.3 to 0.5. Routine variation: no week stands out, so no reaction is needed.',
    );
    expect(defects.querySelector('figcaption')?.textContent).toBe(
      'Centre 88.9, limits 80.3 to 97.5. Signal: the last 8 values are all above the centre line, a real shift up.',
    );
    expect(defects.querySelector('figcaption')?.classList.contains('tone-warn')).toBe(true);
    expect(calls.querySelector('figcaption')?.textContent).toBe(
      'Not enough data: limits need 5 logged values, the KPI log has 1.',
    );
    expect(calls.querySelectorAll('svg.run line')).toHaveLength(0);
  });

  it("shows each KPI's Why, When, How and Who, marking what is missing", () => {
    const root = host();
    renderKpis(root, KPIS, fakeBridge());
    const parts = (li: Element) => [...li.querySelectorAll('.kpi-parts dd')].map((dd) => dd.textContent);
    const [hit, defects] = [...root.querySelectorAll('li.kpi')];
    expect(parts(hit)).toEqual(['Win more of what we quote', 'Monthly', 'HITRATE over Team', 'Sales manager']);
    expect(parts(defects)).toEqual(['missing', 'Weekly', 'missing', 'missing']);
    expect(defects.querySelectorAll('dd.missing')).toHaveLength(3);
  });

  it('lists the Internal customers lint, each a way to its row in its tab', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderKpis(root, KPIS, bridge);
    const items = [...root.querySelectorAll('.customer-lint button')];
    expect(items.map((b) => b.querySelector('.row-main')?.textContent)).toEqual([
      'Through a second party: Customer specifications',
      `Needed, not provided: ${XSS}`,
      'KPI for nobody listed: Hit rate',
    ]);
    expect(root.querySelector('img')).toBeNull();
    (items[1] as HTMLButtonElement).click();
    await flush();
    expect(bridge.goToRow).toHaveBeenCalledWith('Internal customers', 5);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Row 5 selected in Internal customers.');
  });

  it('praises a clean set of KPIs', () => {
    const root = host();
    renderKpis(root, { kpis: KPIS.kpis.slice(0, 1), lint: [], customers: [] }, fakeBridge());
    expect(root.textContent).toContain('Every KPI says why, when, how and who, and has a target.');
  });
});
