// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountSidebar, PANELS } from '../../src/client/app';
import type { ScriptRunner } from '../../src/client/bridge';
import { button, CHECK, host, IMPROVE, KPIS, LEADS, SEGMENTS, TEAM, WEBGRAPH } from './fixtures';

const DATA: Record<string, unknown> = {
  getLeadsPanel: LEADS,
  getWebgraphPanel: WEBGRAPH,
  getSegmentsPanel: SEGMENTS,
  getTeamPanel: TEAM,
  getKpisPanel: KPIS,
  getImprovePanel: IMPROVE,
  getCheckPanel: CHECK,
};

/** google.script.run answering each panel load with the sample data, or failing the ones named in `failing`. */
function serverRun(failing: Record<string, unknown> = {}) {
  const pending: (() => void)[] = [];
  const calls: string[] = [];
  const make = (success?: (v: unknown) => void, failure?: (e: unknown) => void): ScriptRunner => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => make(f, failure),
      withFailureHandler: (f: (e: unknown) => void) => make(success, f),
    };
    for (const name of Object.keys(DATA)) {
      runner[name] = () => {
        calls.push(name);
        pending.push(() => (name in failing ? failure?.(failing[name]) : success?.(DATA[name])));
      };
    }
    return runner as unknown as ScriptRunner;
  };
  /** Answers every call made so far. */
  const answer = () => {
    for (const reply of pending.splice(0)) reply();
  };
  return { run: make(), calls, answer };
}

const tabs = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

describe('the sidebar shell', () => {
  it('has a tab named exactly after each panel', () => {
    const root = host();
    mountSidebar(root, serverRun().run);
    expect(tabs(root).map((t) => t.textContent)).toEqual([
      'Leads',
      'Webgraph',
      'Segments',
      'Team',
      'KPIs',
      'Improve',
      'Check',
    ]);
    expect(tabs(root).every((t) => t.tagName === 'BUTTON')).toBe(true);
    expect(PANELS.map((p) => p.name)).toEqual(['Leads', 'Webgraph', 'Segments', 'Team', 'KPIs', 'Improve', 'Check']);
  });

  it('loads a panel with one call, marks its tab selected and disables buttons until the data is in', async () => {
    const root = host();
    const server = serverRun();
    const sidebar = mountSidebar(root, server.run);
    const shown = sidebar.select('Team');
    expect(server.calls).toEqual(['getTeamPanel']);
    expect(button(root, 'Team').getAttribute('aria-selected')).toBe('true');
    expect(button(root, 'Leads').getAttribute('aria-selected')).toBe('false');
    expect(tabs(root).every((t) => t.disabled)).toBe(true);
    expect(root.querySelector('[role="tabpanel"]')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe(button(root, 'Team').id);
    server.answer();
    await shown;
    expect(tabs(root).some((t) => t.disabled)).toBe(false);
    expect(root.querySelector('[role="tabpanel"]')?.hasAttribute('aria-busy')).toBe(false);
    expect(root.querySelector('li.rep')).not.toBeNull();
  });

  it.each(PANELS.map((p) => p.name))(
    'renders the %s panel with the sample data when its tab is clicked',
    async (name) => {
      const root = host();
      const server = serverRun();
      mountSidebar(root, server.run);
      button(root, name).click();
      server.answer();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const panel = root.querySelector('[role="tabpanel"]') as HTMLElement;
      expect(panel.querySelector('.error')).toBeNull();
      expect(panel.textContent?.length).toBeGreaterThan(50);
    },
  );

  it('shows a failed load as a readable message with a way to try again', async () => {
    const root = host();
    const server = serverRun({ getKpisPanel: new Error('Exception: The KPIs tab is missing') });
    const sidebar = mountSidebar(root, server.run);
    const shown = sidebar.select('KPIs');
    server.answer();
    await shown;
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('KPIs could not be loaded: The KPIs tab is missing');
    expect(button(root, 'Try again').disabled).toBe(false);
  });

  it('explains that it needs Sheets when opened without google.script.run', async () => {
    const root = host();
    await mountSidebar(root, undefined).select('Leads');
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/Not connected to a spreadsheet/);
  });

  it('moves between tabs with the arrow keys, Home and End, keeping one tab in the tab order', async () => {
    const root = host();
    const server = serverRun();
    const sidebar = mountSidebar(root, server.run);
    const shown = sidebar.select('Leads');
    server.answer();
    await shown;
    const [leads, webgraph] = tabs(root);
    const last = tabs(root)[tabs(root).length - 1];
    const press = (key: string) =>
      (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    leads.focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(webgraph);
    press('End');
    expect(document.activeElement).toBe(last);
    press('ArrowRight');
    expect(document.activeElement).toBe(leads);
    press('ArrowLeft');
    expect(document.activeElement).toBe(last);
    expect(tabs(root).filter((t) => t.tabIndex === 0)).toEqual([last]);
    // Moving focus does not open a panel: opening one calls the server.
    expect(server.calls).toEqual(['getLeadsPanel']);
  });

  it('draws only the last panel asked for when answers arrive late', async () => {
    const root = host();
    const server = serverRun();
    const sidebar = mountSidebar(root, server.run);
    const first = sidebar.select('Team');
    const second = sidebar.select('KPIs');
    server.answer();
    await Promise.all([first, second]);
    expect(root.querySelector('li.rep')).toBeNull();
    expect(root.querySelector('li.kpi')).not.toBeNull();
  });
});
