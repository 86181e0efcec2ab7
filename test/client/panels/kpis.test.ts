// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderKpis } from '../../../src/client/panels/kpis';
import { fakeBridge, flush, host, KPIS } from '../fixtures';

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

  it('praises a clean set of KPIs', () => {
    const root = host();
    renderKpis(root, { kpis: KPIS.kpis.slice(0, 1), lint: [] }, fakeBridge());
    expect(root.textContent).toContain('Every KPI says why, when, how and who, and has a target.');
  });
});
