/**
 * The sidebar shell: a tab bar of the panels; selecting one loads its data in one server call and renders it. The
 * open panel is loaded again when the sheet may have changed (the sidebar regains focus, or Refresh), without losing
 * what the rep typed.
 */

import { type Bridge, createBridge, errorMessage, lockButtons, type ScriptRunner } from './bridge';
import { h, say, statusRegion } from './dom';
import { renderCheck } from './panels/check';
import { checkPanelOf } from './panels/check-model';
import { renderImprove } from './panels/improve';
import { improvePanelOf } from './panels/improve-model';
import { renderKpis } from './panels/kpis';
import { kpisPanelOf } from './panels/kpis-model';
import { renderLeads } from './panels/leads';
import { renderSegments } from './panels/segments';
import { segmentsPanelOf } from './panels/segments-model';
import { renderTeam } from './panels/team';
import { teamPanelOf } from './panels/team-model';
import { renderWebgraph } from './panels/webgraph';

/** A drawn panel that can take new data in place (the Leads panel: its lists, the form kept as typed). */
interface Drawn {
  update(loaded: Loaded): void;
}

/** A panel's data, loaded: what draws it afresh, its controls calling the server through `bridge`. */
interface Loaded {
  draw(host: HTMLElement, bridge: Bridge): Drawn | undefined;
  readonly data: unknown;
}

interface Panel {
  readonly name: string;
  /** Loads the data, then gives what draws it (so a stale answer can be dropped before drawing). */
  load(bridge: Bridge): Promise<Loaded>;
}

function panel<T>(
  name: string,
  load: (bridge: Bridge) => Promise<T>,
  /** Draws the panel; what it returns, when it has an `update`, takes new data in place. */
  render: (host: HTMLElement, data: T, bridge: Bridge) => unknown,
): Panel {
  return {
    name,
    load: (loadBridge) =>
      load(loadBridge).then((data) => ({
        data,
        draw: (host, drawBridge) => {
          const drawn = render(host, data, drawBridge) as { update?: (data: T) => void } | undefined;
          const update = drawn?.update;
          return typeof update === 'function' ? { update: (loaded) => update(loaded.data as T) } : undefined;
        },
      })),
  };
}

/** Whether a form control under `root` holds something the rep typed or picked (not its initial value). */
function hasTypedInput(root: HTMLElement): boolean {
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    'input, textarea, select',
  )) {
    if (el instanceof HTMLSelectElement) {
      if ([...el.options].some((o) => o.selected !== o.defaultSelected)) return true;
    } else if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
      if (el.checked !== el.defaultChecked) return true;
    } else if (el.value !== el.defaultValue && !(el instanceof HTMLInputElement && el.type === 'search')) {
      return true;
    }
  }
  return false;
}

export const PANELS: readonly Panel[] = [
  panel('Leads', (b) => b.getLeadsPanel(), renderLeads),
  panel('Webgraph', (b) => b.getWebgraphPanel(), renderWebgraph),
  panel('Segments', (b) => b.getSegmentsPanel().then(segmentsPanelOf), renderSegments),
  panel('Team', (b) => b.getTeamPanel().then(teamPanelOf), renderTeam),
  panel('KPIs', (b) => b.getKpisPanel().then(kpisPanelOf), renderKpis),
  panel('Improve', (b) => b.getImprovePanel().then(improvePanelOf), renderImprove),
  panel('Check', (b) => b.getCheckPanel().then(checkPanelOf), renderCheck),
];

export interface Sidebar {
  readonly bridge: Bridge;
  /** Selects a panel by name and loads it; resolves once it is drawn (or shows why it could not be). */
  select(name: string): Promise<void>;
  /** Loads the open panel again from the sheet, keeping what the rep typed; resolves once done. */
  refresh(): Promise<void>;
}

export function mountSidebar(root: HTMLElement, runner: ScriptRunner | undefined): Sidebar {
  const bridge = createBridge(runner, { onBusy: lockButtons(root) });
  // Refreshes run in the background: they lock no button, so a click that brought focus back is never swallowed.
  const quiet = createBridge(runner);
  const body = h('section', { id: 'panel', class: 'panel', role: 'tabpanel', tabindex: 0 });
  const tabs = PANELS.map((p, i) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${p.name.toLowerCase()}`,
        'aria-controls': 'panel',
        'aria-selected': 'false',
        tabindex: -1,
        onclick: () => void select(PANELS[i].name),
      },
      p.name,
    ),
  );
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Lean Sales panels' }, tabs);
  // The page's one level-one heading, and the open panel's name as its level-two one, both for screen readers only:
  // the tab bar says the same on screen.
  const title = h('h1', { class: 'visually-hidden' }, 'Lean Sales');
  const panelTitle = h('h2', { class: 'visually-hidden' });

  // Arrow keys move between tabs (roving tabindex); Enter or Space opens one, as each opening calls the server.
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    for (const tab of tabs) tab.tabIndex = tab === next ? 0 : -1;
    next.focus();
  });

  let current = 0;
  let shown = -1;
  let drawn: Drawn | undefined;
  let refreshing = false;
  const refreshStatus = statusRegion();
  const refreshButton = h(
    'button',
    { type: 'button', class: 'refresh', onclick: () => void refresh(), 'aria-describedby': 'refresh-hint' },
    'Refresh',
  );
  const refreshBar = h(
    'div',
    { class: 'refresh-bar' },
    refreshButton,
    h('span', { id: 'refresh-hint', class: 'visually-hidden' }, 'Loads the open panel again from the sheet'),
    refreshStatus,
  );

  /**
   * Loads the open panel again. A panel that takes new data in place (Leads) keeps its form as typed; any other is
   * drawn afresh, unless the rep has typed into it, which is kept (and said).
   */
  async function refresh(): Promise<void> {
    const index = shown;
    if (index < 0 || refreshing || !root.isConnected || body.getAttribute('aria-busy') === 'true') return;
    const token = current;
    const name = PANELS[index].name;
    if (!drawn && hasTypedInput(body)) {
      say(refreshStatus, `${name} not refreshed: it holds what you typed or picked. Save or clear it first.`, 'info');
      return;
    }
    refreshing = true;
    try {
      const loaded = await PANELS[index].load(quiet);
      if (token !== current) return;
      if (drawn) drawn.update(loaded);
      else if (hasTypedInput(body)) {
        say(refreshStatus, `${name} not refreshed: it holds what you typed or picked. Save or clear it first.`, 'info');
        return;
      } else drawn = loaded.draw(body, bridge);
      say(refreshStatus, `${name} is up to date with the sheet.`, 'ok');
    } catch (error) {
      if (token === current) say(refreshStatus, `${name} not refreshed: ${errorMessage(error)}`, 'error');
    } finally {
      refreshing = false;
    }
  }

  async function select(name: string): Promise<void> {
    const index = PANELS.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`No panel named ${name}`);
    const token = ++current;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    body.setAttribute('aria-labelledby', tabs[index].id);
    panelTitle.textContent = name;
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading', role: 'status' }, `Loading ${name}…`));
    shown = -1;
    drawn = undefined;
    say(refreshStatus, '', 'info');
    try {
      const loaded = await PANELS[index].load(bridge);
      if (token === current) {
        drawn = loaded.draw(body, bridge);
        shown = index;
      }
    } catch (error) {
      if (token !== current) return;
      body.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, `${name} could not be loaded: ${errorMessage(error)}`),
        h('button', { type: 'button', onclick: () => void select(name) }, 'Try again'),
      );
    } finally {
      if (token === current) body.removeAttribute('aria-busy');
    }
  }

  // Back in the sidebar after working in the sheet: what it shows may be stale.
  const view = root.ownerDocument.defaultView;
  view?.addEventListener('focus', () => void refresh());
  root.ownerDocument.addEventListener('visibilitychange', () => {
    if (root.ownerDocument.visibilityState === 'visible') void refresh();
  });

  root.replaceChildren(title, tablist, refreshBar, panelTitle, body);
  return { bridge, select, refresh };
}
