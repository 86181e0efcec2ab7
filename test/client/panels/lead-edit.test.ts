// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderLeads } from '../../../src/client/panels/leads';
import { FACTORS } from '../../../src/core/factors';
import { button, byLabel, fakeBridge, flush, group, host, LEAD_RECORD, LEADS } from '../fixtures';

function rate(root: HTMLElement, ratings: readonly number[]): void {
  FACTORS.forEach((factor, i) => {
    const radio = byLabel(group(root, factor.name), String(ratings[i]));
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const checked = (root: HTMLElement) =>
  FACTORS.map((f) => {
    const radio = group(root, f.name).querySelector<HTMLInputElement>('input:checked');
    return radio ? Number(radio.value) : null;
  });
const rule = (root: HTMLElement) => root.querySelector('.rule-value')?.textContent;
const status = (root: HTMLElement) => root.querySelector('form [role="status"]')?.textContent;
const form = (root: HTMLElement) => root.querySelector('form.lead-form') as HTMLFormElement;
const submit = (root: HTMLElement) => form(root).dispatchEvent(new Event('submit', { cancelable: true }));

async function editing(bridge = fakeBridge()) {
  const root = host();
  renderLeads(root, LEADS, bridge);
  (root.querySelector('button[aria-label="Edit L-0011 Acme AB"]') as HTMLButtonElement).click();
  await flush();
  return { root, bridge };
}

describe('the live rule preview', () => {
  it('says what the rule says about the ratings picked so far, with the same core as QUALIFY', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    expect(rule(root)).toBe('rate the ten factors to see it');
    rate(root, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(rule(root)).toBe('qualified');
    // LEADS' rule: Authority at most 2, score at least 60.
    rate(root, [1, 1, 3, 1, 1, 1, 1, 1, 1, 1]);
    expect(rule(root)).toBe('not qualified: Authority 3 (at most 2)');
    rate(root, [5, 5, 2, 5, 5, 5, 5, 5, 5, 5]);
    expect(rule(root)).toBe('not qualified: score 7.5 (at least 60)');
  });

  it('says so when there is no rule to apply', () => {
    const root = host();
    renderLeads(root, { ...LEADS, rule: null }, fakeBridge());
    expect(rule(root)).toBe('No rule to apply (see the notice above the form).');
  });
});

describe('editing a lead', () => {
  it('loads every field, rating and the Status of the lead picked from a list', async () => {
    const { root, bridge } = await editing();
    expect(bridge.getLead).toHaveBeenCalledWith('L-0011');
    expect(form(root).getAttribute('aria-label')).toBe('Edit lead L-0011');
    expect(byLabel(root, 'Company').value).toBe('Acme AB');
    expect(byLabel(root, 'Contact').value).toBe('Eva Ek');
    expect(byLabel<HTMLSelectElement>(root, 'Owner').value).toBe('Ana');
    expect(byLabel<HTMLSelectElement>(root, 'Status').value).toBe('Qualified');
    expect(checked(root)).toEqual(LEAD_RECORD.ratings);
    expect(button(root, 'Save changes')).toBeTruthy();
    expect(root.querySelector('.editing')?.textContent).toBe('Editing L-0011 (row 12), rated 2026-08-01.');
  });

  it('finds leads by id or company and loads the one picked', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderLeads(root, LEADS, bridge);
    byLabel(root, 'Lead id or company').value = 'acme';
    (root.querySelector('form.find') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(bridge.findLeads).toHaveBeenCalledWith('acme');
    const pick = [...root.querySelectorAll('.picker-results button')].find((b) =>
      b.textContent?.startsWith('Edit L-0011'),
    );
    (pick as HTMLButtonElement).click();
    await flush();
    expect(bridge.getLead).toHaveBeenCalledWith('L-0011');
    button(root, 'Edit the lead in the selected row').click();
    await flush();
    expect(bridge.getSelectedLead).toHaveBeenCalled();
  });

  it('sends the lead as loaded and as changed; the rule preview follows the Status', async () => {
    const { root, bridge } = await editing();
    rate(root, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const status = byLabel<HTMLSelectElement>(root, 'Status');
    status.value = 'Disqualified';
    status.dispatchEvent(new Event('change'));
    expect(rule(root)).toBe('qualified. Status Disqualified, but the rule says qualified.');
    submit(root);
    await flush();
    expect(bridge.saveLeadChanges).toHaveBeenCalledWith({
      loaded: LEAD_RECORD,
      form: {
        company: 'Acme AB',
        contact: 'Eva Ek',
        owner: 'Ana',
        segment: 'SMB',
        campaign: '',
        notes: 'Met at the fair',
        ratings: new Array(10).fill(1),
        status: 'Disqualified',
        closed: '',
      },
    });
    expect(status.isConnected).toBe(true);
    expect(form(root).getAttribute('aria-label')).toBe('New lead');
  });

  it('keeps what was typed when the row changed meanwhile, and reloads on request', async () => {
    const conflict = 'Not saved: someone changed L-0011 in the sheet since you loaded it (Interest "1" is now "4").';
    const bridge = fakeBridge({ saveLeadChanges: async () => ({ ok: false, conflict, changes: [] }) });
    const { root } = await editing(bridge);
    byLabel(root, 'Notes').value = 'typed by the rep';
    submit(root);
    await flush();
    expect(status(root)).toContain(conflict);
    expect(byLabel(root, 'Notes').value).toBe('typed by the rep');
    expect(form(root).getAttribute('aria-label')).toBe('Edit lead L-0011');
    const reload = button(root, 'Reload the lead');
    expect(reload.hidden).toBe(false);
    reload.click();
    await flush();
    expect(bridge.getLead).toHaveBeenLastCalledWith('L-0011');
    expect(byLabel(root, 'Notes').value).toBe('Met at the fair');
  });

  it('checks Status and Closed before sending anything', async () => {
    const { root, bridge } = await editing();
    byLabel(root, 'Closed').value = '';
    const company = byLabel(root, 'Company');
    company.value = '';
    submit(root);
    await flush();
    expect(bridge.saveLeadChanges).not.toHaveBeenCalled();
    expect(status(root)).toBe('Not saved: fix 1 field first.');
  });
});

describe('the lists', () => {
  it('shows the rating age of each top lead, the stale ratings and the rule deviations, each with Edit', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    const text = root.textContent ?? '';
    expect(text).toContain('Ana · Qualified · rated 12 days ago');
    expect(text).toContain('Ratings older than 90 days');
    expect(text).toContain('L-0004 Delta ABrated 120 days ago');
    expect(text).toContain('Status Won, but the rule says not qualified: score 40 (at least 60)');
    expect(root.querySelector('button[aria-label="Edit L-0003 Epsilon SA"]')).not.toBeNull();
  });
});
