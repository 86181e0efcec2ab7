// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountSidebar, PANELS } from '../../src/client/app';
import type { ScriptRunner } from '../../src/client/bridge';
import {
  button,
  byLabel,
  CHECK_DATA,
  group,
  host,
  IMPROVE_DATA,
  KPIS_DATA,
  LEADS,
  SEGMENTS_DATA,
  TEAM_DATA,
  WEBGRAPH,
} from './fixtures';

const DATA: Record<string, unknown> = {
  getLeadsPanel: LEADS,
  getWebgraphPanel: WEBGRAPH,
  getSegmentsPanel: SEGMENTS_DATA,
  getTeamPanel: TEAM_DATA,
  getKpisPanel: KPIS_DATA,
  getImprovePanel: IMPROVE_DATA,
  getCheckPanel: CHECK_DATA,
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

  describe('keeps up with the sheet and keeps what was typed', () => {
    const loadLeads = async (server: ReturnType<typeof serverRun>, sidebar: ReturnType<typeof mountSidebar>) => {
      const shown = sidebar.select('Leads');
      server.answer();
      await shown;
    };
    const company = (root: HTMLElement) => byLabel<HTMLInputElement>(root, 'Company');
    const type = (control: HTMLInputElement | HTMLSelectElement, value: string) => {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const settle = async (server: ReturnType<typeof serverRun>, done: Promise<void>) => {
      await Promise.resolve();
      server.answer();
      await done;
    };

    it('keeps a half-filled lead form across switching panels, until it is cleared', async () => {
      const root = host();
      const server = serverRun();
      const sidebar = mountSidebar(root, server.run);
      await loadLeads(server, sidebar);
      type(company(root), 'Half typed AB');
      const owner = byLabel<HTMLSelectElement>(root, 'Owner');
      owner.value = 'Ben';
      owner.dispatchEvent(new Event('change', { bubbles: true }));
      const radio = byLabel(group(root, 'Interest'), '2');
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      const team = sidebar.select('Team');
      server.answer();
      await team;
      await loadLeads(server, sidebar);
      expect(company(root).value).toBe('Half typed AB');
      expect(byLabel<HTMLSelectElement>(root, 'Owner').value).toBe('Ben');
      expect(byLabel(group(root, 'Interest'), '2').checked).toBe(true);
      expect(root.querySelector('form [role="status"]')?.textContent).toMatch(/unsaved lead is still here/);
      button(root, 'Clear form').click();
      expect(company(root).value).toBe('');
      const again = sidebar.select('Team');
      server.answer();
      await again;
      await loadLeads(server, sidebar);
      expect(company(root).value).toBe('');
    });

    it('refreshes the open panel when the sidebar regains focus and on Refresh, keeping the form as typed', async () => {
      const root = host();
      const server = serverRun();
      const sidebar = mountSidebar(root, server.run);
      await loadLeads(server, sidebar);
      expect(root.textContent).toContain('incomplete 8/10 rated');
      type(company(root), 'Still typing AB');
      company(root).focus();
      const fixed = { ...LEADS, defects: [] };
      DATA.getLeadsPanel = fixed;
      try {
        window.dispatchEvent(new Event('focus'));
        expect(server.calls.filter((c) => c === 'getLeadsPanel')).toHaveLength(2);
        // A background refresh locks no button: the click that brought the rep back is never swallowed.
        expect(tabs(root).some((t) => t.disabled)).toBe(false);
        expect(button(root, 'Save lead').disabled).toBe(false);
        await settle(server, sidebar.refresh());
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(root.textContent).not.toContain('incomplete 8/10 rated');
        expect(company(root).value).toBe('Still typing AB');
        expect(document.activeElement).toBe(company(root));
        DATA.getLeadsPanel = LEADS;
        const refresh = button(root, 'Refresh');
        expect(refresh.closest('[role="tabpanel"]')).toBeNull();
        refresh.click();
        server.answer();
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(root.textContent).toContain('incomplete 8/10 rated');
        expect(company(root).value).toBe('Still typing AB');
        expect(root.textContent).toContain('Leads is up to date with the sheet.');
      } finally {
        DATA.getLeadsPanel = LEADS;
      }
    });

    it('redraws another panel on Refresh, but not over what the rep typed into it', async () => {
      const root = host();
      const server = serverRun();
      const sidebar = mountSidebar(root, server.run);
      const shown = sidebar.select('Improve');
      server.answer();
      await shown;
      const before = server.calls.length;
      const refreshed = sidebar.refresh();
      server.answer();
      await refreshed;
      expect(server.calls.length).toBe(before + 1);
      const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        '[role="tabpanel"] textarea, [role="tabpanel"] input[type="text"]',
      );
      if (!field) throw new Error('no text field in Improve');
      field.value = 'A problem half described';
      await sidebar.refresh();
      expect(server.calls.length).toBe(before + 1);
      expect(field.isConnected).toBe(true);
      expect(root.textContent).toContain('Improve not refreshed: it holds what you typed or picked.');
    });
  });
});
