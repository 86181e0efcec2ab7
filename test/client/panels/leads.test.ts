// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderLeads } from '../../../src/client/panels/leads';
import { fakeBridge, flush, host, LEADS } from '../fixtures';

describe('the lists under the form', () => {
  it('lists the top leads by score and the leads with defects', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    const text = root.textContent ?? '';
    expect(text).toContain('L-0011 Acme AB');
    expect(text).toContain('87.5');
    expect(text).toContain('incomplete 8/10 rated');
  });

  it('each lead selects its row in the Leads tab', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderLeads(root, LEADS, bridge);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.row-link')];
    buttons.find((b) => b.textContent?.includes('Gamma AS'))?.click();
    buttons.find((b) => b.textContent?.includes('Acme AB'))?.click();
    await flush();
    expect(bridge.goToRow.mock.calls).toEqual([
      ['Leads', 9],
      ['Leads', 12],
    ]);
  });

  it('says so when there are no leads to list', () => {
    const root = host();
    renderLeads(root, { ...LEADS, top: [], defects: [] }, fakeBridge());
    expect(root.textContent).toContain('No scored leads yet.');
    expect(root.textContent).toContain('No defects');
  });

  it('shows what blocks a computed column above the form, as an alert', () => {
    const root = host();
    const problem = 'Leads Score: R14 holds a typed value where the formula in R1 puts its results; clear it.';
    renderLeads(root, { ...LEADS, problems: [problem] }, fakeBridge());
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(problem);
    expect(root.firstElementChild?.contains(alert ?? null)).toBe(true);
  });

  it('shows no alert while every computed column fills', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
