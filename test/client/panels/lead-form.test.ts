// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { previewScore } from '../../../src/client/panels/lead-form';
import { renderLeads } from '../../../src/client/panels/leads';
import { FACTORS } from '../../../src/core/factors';
import type { LeadForm } from '../../../src/core/lead-form-rules';
import { button, byLabel, fakeBridge, flush, group, host, LEADS } from '../fixtures';

const HEADERS = ['Company', 'Contact', 'Owner', 'Segment', 'Campaign', 'Notes'];
const RATINGS = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];

function rate(root: HTMLElement, ratings: readonly (number | null)[]): void {
  FACTORS.forEach((factor, i) => {
    const value = ratings[i];
    if (value === null) return;
    const radio = byLabel(group(root, factor.name), String(value));
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function fill(root: HTMLElement, values: Partial<Record<string, string>>): void {
  for (const [header, value] of Object.entries(values)) {
    const control = byLabel<HTMLInputElement | HTMLSelectElement>(root, header);
    control.value = value ?? '';
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

const errorOf = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join('');

const score = (root: HTMLElement) => root.querySelector('output')?.textContent;
const status = (root: HTMLElement) => root.querySelector('form [role="status"]')?.textContent;

function filledForm() {
  const root = host();
  const bridge = fakeBridge();
  renderLeads(root, LEADS, bridge);
  fill(root, { Company: 'Acme AB', Contact: 'Eva Berg', Owner: 'Ana', Segment: 'SMB', Notes: 'Met at fair' });
  rate(root, RATINGS);
  return { root, bridge };
}

describe('the lead form', () => {
  it('labels every field with its column header, visibly', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    for (const header of HEADERS) {
      const control = byLabel(root, header);
      expect(control.isConnected).toBe(true);
    }
    expect(byLabel(root, 'Owner').tagName).toBe('SELECT');
    expect([...byLabel<HTMLSelectElement>(root, 'Owner').options].map((o) => o.value)).toEqual(['', 'Ana', 'Ben']);
    expect([...byLabel<HTMLSelectElement>(root, 'Campaign').options].map((o) => o.value)).toEqual([
      '',
      'Spring webinar',
    ]);
  });

  it('offers each factor as a group named by the factor with 1-5 and its 1 and 5 meanings', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(FACTORS.map((f) => f.name));
    const maturity = group(root, 'Maturity');
    expect([...maturity.querySelectorAll('input[type="radio"]')].map((r) => (r as HTMLInputElement).value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(maturity.textContent).toContain('ready to decide now');
    expect(maturity.textContent).toContain('far from any decision');
  });

  it('takes the meanings from the Factors tab', () => {
    const root = host();
    const factors = LEADS.factors.map((f, i) => (i === 0 ? { ...f, best: 'signs this week' } : f));
    renderLeads(root, { ...LEADS, factors }, fakeBridge());
    expect(group(root, 'Maturity').textContent).toContain('signs this week');
  });

  it('lets the rep type an owner when the Team tab lists none', () => {
    const root = host();
    renderLeads(root, { ...LEADS, owners: [] }, fakeBridge());
    expect(byLabel(root, 'Owner').tagName).toBe('INPUT');
  });

  it('previews the score live, incomplete until all ten are rated', () => {
    const root = host();
    renderLeads(root, LEADS, fakeBridge());
    expect(score(root)).toMatch(/^incomplete 0\/10 rated/);
    rate(root, [1, 2, 3, null, null, null, null, null, null, null]);
    expect(score(root)).toMatch(/^incomplete 3\/10 rated/);
    rate(root, RATINGS);
    // LEADSCORE of these ratings with equal weights: 100 * 20 / 40.
    expect(score(root)).toBe('50');
  });

  it('previews with the Factors tab weights, as LEADSCORE does', () => {
    const weights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(previewScore([1, 5, 5, 5, 5, 5, 5, 5, 5, null], weights)).toBe('20');
    expect(previewScore([null, null, null, null, null, null, null, null, null, null], weights)).toMatch(
      /^incomplete 0\/9 rated/,
    );
    expect(previewScore(RATINGS, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toMatch(/^No score: weights are all 0/);
  });

  it('a missing Company gives an inline message, focuses Company and sends nothing', async () => {
    const { root, bridge } = filledForm();
    fill(root, { Company: '' });
    button(root, 'Save lead').click();
    await flush();
    const company = byLabel(root, 'Company');
    expect(errorOf(company)).toBe('Company is required');
    expect(company.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(company);
    expect(bridge.saveLead).not.toHaveBeenCalled();
    expect(status(root)).toMatch(/Not saved/);
  });

  it('saves a first-contact lead with factors unrated, sending null for each', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderLeads(root, LEADS, bridge);
    fill(root, { Company: 'Acme AB', Owner: 'Ana' });
    rate(root, [1, 1, null, null, null, null, null, null, null, null]);
    expect(root.querySelector('.lead-form .hint')?.textContent).not.toContain('all ten factors are required');
    button(root, 'Save lead').click();
    await flush();
    expect(bridge.saveLead).toHaveBeenCalledTimes(1);
    const [sent] = bridge.saveLead.mock.calls[0] as [LeadForm];
    expect(sent.ratings).toEqual([1, 1, null, null, null, null, null, null, null, null]);
  });

  it('saves the trimmed lead and reports the row it wrote, then resets the form', async () => {
    const { root, bridge } = filledForm();
    fill(root, { Company: '  Acme AB  ' });
    button(root, 'Save lead').click();
    await flush();
    const sent: LeadForm = bridge.saveLead.mock.calls[0][0];
    expect(sent).toEqual({
      company: 'Acme AB',
      contact: 'Eva Berg',
      owner: 'Ana',
      segment: 'SMB',
      campaign: '',
      notes: 'Met at fair',
      ratings: RATINGS,
    });
    expect(status(root)).toBe('Saved L-0042 in row 43');
    expect(byLabel(root, 'Company').value).toBe('');
    expect(byLabel(root, 'Owner').value).toBe('');
    expect(root.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
    expect(score(root)).toMatch(/^incomplete 0\/10 rated/);
    // The lists below are refreshed to show the new lead.
    expect(bridge.getLeadsPanel).toHaveBeenCalledTimes(1);
  });

  it('after Save, shows the confirmation beside the Save button and moves focus to it', async () => {
    const { root } = filledForm();
    button(root, 'Save lead').click();
    await flush();
    const confirmation = root.querySelector<HTMLElement>('form [role="status"]');
    expect(confirmation?.textContent).toBe('Saved L-0042 in row 43');
    expect(document.activeElement).toBe(confirmation);
    // Right after the Save button's row, not at the top of a long form.
    expect(confirmation?.previousElementSibling?.previousElementSibling?.contains(button(root, 'Save lead'))).toBe(
      true,
    );
  });

  it('refuses a company that is already a lead until the rep confirms with Save anyway', async () => {
    const root = host();
    const match = { row: 12, lead: 'L-0011', company: 'Acme AB', status: 'Qualified' };
    const bridge = fakeBridge({
      saveLead: async (_form: never, options?: { allowDuplicate?: boolean }) =>
        options?.allowDuplicate ? { ok: true, row: 44, lead: 'L-0043' } : { ok: false, duplicate: match },
    });
    renderLeads(root, LEADS, bridge);
    fill(root, { Company: 'acme ab', Owner: 'Ana' });
    button(root, 'Save lead').click();
    await flush();
    expect(bridge.saveLead).toHaveBeenCalledTimes(1);
    expect(bridge.saveLead.mock.calls[0]).toHaveLength(1);
    expect(status(root)).toBe('Not saved yet: Acme AB is already lead L-0011.');
    const anyway = button(root, 'Save anyway');
    expect(anyway.closest('[hidden]')).toBeNull();
    expect(anyway.parentElement?.textContent).toContain('Acme AB is already lead L-0011 (Qualified, row 12)');
    expect(document.activeElement).toBe(anyway);
    expect(byLabel(root, 'Company').value).toBe('acme ab'); // nothing typed is lost
    anyway.click();
    await flush();
    expect(bridge.saveLead).toHaveBeenCalledTimes(2);
    expect(bridge.saveLead.mock.calls[1][1]).toEqual({ allowDuplicate: true });
    expect(status(root)).toBe('Saved L-0043 in row 44');
    expect(anyway.closest('[hidden]')).not.toBeNull();
  });

  it('drops the Save anyway question once the rep changes the form', async () => {
    const root = host();
    const match = { row: 12, lead: 'L-0011', company: 'Acme AB', status: '' };
    const bridge = fakeBridge({ saveLead: async () => ({ ok: false, duplicate: match }) });
    renderLeads(root, LEADS, bridge);
    fill(root, { Company: 'Acme AB', Owner: 'Ana' });
    button(root, 'Save lead').click();
    await flush();
    expect(button(root, 'Save anyway').closest('[hidden]')).toBeNull();
    fill(root, { Company: 'Acme Holding AB' });
    expect(button(root, 'Save anyway').closest('[hidden]')).not.toBeNull();
  });

  it("shows the server's field errors inline and keeps everything the rep typed", async () => {
    const root = host();
    const bridge = fakeBridge({
      saveLead: async () => ({
        ok: false,
        errors: [
          { field: 'Owner', message: 'Owner "Ana" is not in the list; pick one of Ben' },
          { field: 'Interest', message: 'Interest must be a whole number from 1 to 5' },
        ],
      }),
    });
    renderLeads(root, LEADS, bridge);
    fill(root, { Company: 'Acme AB', Contact: 'Eva', Owner: 'Ana', Notes: 'call back' });
    rate(root, RATINGS);
    button(root, 'Save lead').click();
    await flush();
    expect(errorOf(byLabel(root, 'Owner'))).toBe('Owner "Ana" is not in the list; pick one of Ben');
    expect(errorOf(group(root, 'Interest'))).toContain('Interest must be a whole number from 1 to 5');
    expect(document.activeElement).toBe(byLabel(root, 'Owner'));
    expect(byLabel(root, 'Company').value).toBe('Acme AB');
    expect(byLabel(root, 'Contact').value).toBe('Eva');
    expect(byLabel<HTMLTextAreaElement>(root, 'Notes').value).toBe('call back');
    expect(root.querySelectorAll('input[type="radio"]:checked')).toHaveLength(10);
    expect(status(root)).toMatch(/^Not saved/);
  });

  it('keeps everything the rep typed when the call fails, and says why', async () => {
    const root = host();
    const bridge = fakeBridge({
      saveLead: async () => {
        throw new Error('Another user is saving; try again in a moment.');
      },
    });
    renderLeads(root, LEADS, bridge);
    fill(root, { Company: 'Acme AB', Owner: 'Ben' });
    rate(root, RATINGS);
    button(root, 'Save lead').click();
    await flush();
    expect(status(root)).toBe('Not saved: Another user is saving; try again in a moment.');
    expect(byLabel(root, 'Company').value).toBe('Acme AB');
    expect(byLabel(root, 'Owner').value).toBe('Ben');
    expect(root.querySelectorAll('input[type="radio"]:checked')).toHaveLength(10);
  });

  it('clears inline messages once the lead is valid', async () => {
    const { root, bridge } = filledForm();
    fill(root, { Company: '' });
    button(root, 'Save lead').click();
    fill(root, { Company: 'Acme AB' });
    button(root, 'Save lead').click();
    await flush();
    expect(bridge.saveLead).toHaveBeenCalledTimes(1);
    expect(root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });
});
