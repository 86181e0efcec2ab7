/** Sample panel data and a fake bridge for the sidebar's tests: every server call is a vi.fn. */

import { vi } from 'vitest';
import type { Bridge } from '../../src/client/bridge';
import { CHECK_DATA, CHECK_DATA_APPLIED } from './check-data';
import { IMPROVE_DATA, KPIS_DATA, LEAD_RECORD, LEADS, SEGMENTS_DATA, TEAM_DATA, WEBGRAPH } from './sample-data';

export * from './check-data';
export * from './sample-data';

export type FakeBridge = { [K in keyof Bridge]: Bridge[K] & ReturnType<typeof vi.fn> };

/** A bridge whose calls resolve with the sample data as the server sends it; override any call per test. */
export function fakeBridge(overrides: Partial<Record<keyof Bridge, (...args: never[]) => unknown>> = {}): FakeBridge {
  const defaults: Record<keyof Bridge, (...args: never[]) => unknown> = {
    getLeadsPanel: async () => LEADS,
    saveLead: async () => ({ ok: true, row: 43, lead: 'L-0042' }),
    findLeads: async () => [{ row: 12, lead: 'L-0011', company: 'Acme AB', status: 'Qualified' }],
    getLead: async () => ({ ok: true, lead: LEAD_RECORD }),
    getSelectedLead: async () => ({ ok: true, lead: LEAD_RECORD }),
    saveLeadChanges: async () => ({ ok: true, row: 12, lead: 'L-0011', rated: '2026-12-01', closed: '' }),
    goToRow: async () => undefined,
    goToCell: async () => undefined,
    getWebgraphPanel: async () => WEBGRAPH,
    insertComparisonChart: async () => ({ sheet: 'Webgraph', range: 'A1:C11' }),
    insertMatrixFormula: async () => ({ sheet: 'Matrix', cell: 'B2', formula: '=PROFILEGAP(...)' }),
    getSegmentsPanel: async () => SEGMENTS_DATA,
    getTeamPanel: async () => TEAM_DATA,
    getKpisPanel: async () => KPIS_DATA,
    getImprovePanel: async () => IMPROVE_DATA,
    raiseProblem: async () => ({ ok: true, row: 6, id: 'I-005' }),
    saveImprovement: async () => ({ ok: true, row: 2, id: 'I-001' }),
    getCheckPanel: async () => CHECK_DATA,
    applySuggestedWeights: async () => ({ ok: true, improvement: 'I-005', row: 6, panel: CHECK_DATA_APPLIED }),
  };
  const bridge: Record<string, unknown> = {};
  for (const name of Object.keys(defaults) as (keyof Bridge)[]) {
    bridge[name] = vi.fn(overrides[name] ?? defaults[name]);
  }
  return bridge as FakeBridge;
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** The form control whose visible <label> reads exactly `text`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input');
  if (!control) throw new Error(`label "${text}" labels nothing`);
  return control as T;
}

/** The fieldset whose legend reads exactly `name`. */
export function group(root: ParentNode, name: string): HTMLFieldSetElement {
  const found = [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === name);
  if (!found) throw new Error(`no group "${name}"`);
  return found;
}

/** The button whose text reads exactly `name`. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** A fresh host element attached to the document (so focus works). */
export function host(): HTMLElement {
  document.body.replaceChildren();
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}
