// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderLeads } from '../../../src/client/panels/leads';
import { byLabel, fakeBridge, flush, host, LEADS } from '../fixtures';

describe('the lists under the form', () => {
  it('lists the top leads by score and the leads with defects', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    const text = root.textContent ?? '';
    expect(text).toContain('L-0011 Acme AB');
    expect(text).toContain('87.5');
    expect(text).toContain('incomplete 8/10 rated');
  });

  it('each top lead selects its row; each defect selects the defective cell itself', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderLeads(root, LEADS, bridge);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.row-link')];
    buttons.find((b) => b.textContent?.includes('Gamma AS'))?.click();
    buttons.find((b) => b.textContent?.includes('Acme AB'))?.click();
    buttons.find((b) => b.textContent?.includes('Won without a Closed date'))?.click();
    buttons.find((b) => b.textContent?.includes('Delta AB'))?.click();
    buttons.find((b) => b.textContent?.includes('Epsilon SA'))?.click();
    await flush();
    expect(bridge.goToRow.mock.calls).toEqual([['Leads', 12]]);
    expect(bridge.goToCell.mock.calls).toEqual([
      ['Leads', 9, 'Interest'],
      ['Leads', 10, 'Closed'],
      ['Leads', 5, 'Rated'],
      ['Leads', 4, 'Status'],
    ]);
    expect(root.textContent).toContain('Status of row 4 selected in Leads.');
  });

  it('lists duplicates and date defects among the defects', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    const defects = [...root.querySelectorAll('.row-sub.defect')].map((d) => d.textContent);
    expect(defects).toEqual([
      'incomplete 8/10 rated: Interest, Competition',
      'Same company as L-0011',
      'Won without a Closed date',
    ]);
  });

  it('filters the top leads and every defect list by owner, Everyone by default, kept across redraws', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderLeads(root, LEADS, bridge);
    const owner = () => byLabel<HTMLSelectElement>(root, 'Show the leads of');
    expect([...owner().options].map((o) => o.textContent)).toEqual(['Everyone', 'Ana', 'Ben']);
    expect(owner().value).toBe('');
    const listed = () => [...root.querySelectorAll('.row-main')].map((m) => m.textContent);
    expect(listed()).toContain('L-0006 Beta Oy');
    owner().value = 'Ana';
    owner().dispatchEvent(new Event('change', { bubbles: true }));
    expect(listed()).toEqual([
      'L-0011 Acme AB',
      'L-0009 Acme  ab',
      'L-0009 Acme  ab',
      'L-0004 Delta AB',
      'L-0003 Epsilon SA',
    ]);
    owner().value = 'Ben';
    owner().dispatchEvent(new Event('change', { bubbles: true }));
    expect(listed()).toEqual(['L-0006 Beta Oy', 'L-0008 Gamma AS', 'L-0006 Beta Oy']);
    expect(root.textContent).toContain('No Status contradicts the rule.');
    // Drawn again (the panel shown again), the same sidebar keeps the owner.
    renderLeads(root, LEADS, bridge);
    expect(owner().value).toBe('Ben');
    expect(listed()).toEqual(['L-0006 Beta Oy', 'L-0008 Gamma AS', 'L-0006 Beta Oy']);
  });

  it("shows only an owner's own best 10 of the top leads", () => {
    const root = host();
    const many = Array.from({ length: 14 }, (_, i) => ({
      row: i + 2,
      lead: `L-${100 + i}`,
      company: `Co ${i}`,
      owner: i < 12 ? 'Ben' : 'Ana',
      status: 'New',
      score: 90 - i,
      rated: 'rated today',
    }));
    renderLeads(root, { ...LEADS, top: many }, fakeBridge());
    const top = () => [...root.querySelectorAll('ol.rows .row-main')].map((m) => m.textContent);
    expect(top()).toHaveLength(10);
    const owner = byLabel<HTMLSelectElement>(root, 'Show the leads of');
    owner.value = 'Ana';
    owner.dispatchEvent(new Event('change', { bubbles: true }));
    expect(top()).toEqual(['L-112 Co 12', 'L-113 Co 13']);
  });

  it('explains the score scale and the colour bands of the Score column beside the top leads', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    expect(root.querySelector('form .score-scale')?.textContent).toBe(
      'Score runs 0 to 100 (higher is better); in the Leads tab 70 or more is green, 40 to under 70 yellow, under 40 red, and a defect amber.',
    );
    const legend = root.querySelector('.score-legend');
    expect(legend?.textContent).toContain('0 to 100');
    expect([...(legend?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'green: 70 or more',
      'yellow: 40 to under 70',
      'red: under 40',
      'amber: a defect (incomplete or invalid ratings)',
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
