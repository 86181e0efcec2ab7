/** The sidebar shell: a tab bar of the five panels; selecting one loads its data in one server call and renders it. */

import { type Bridge, createBridge, errorMessage, lockButtons, type ScriptRunner } from './bridge';
import { h } from './dom';
import { renderCheck } from './panels/check';
import { renderImprove } from './panels/improve';
import { renderKpis } from './panels/kpis';
import { renderLeads } from './panels/leads';
import { renderSegments } from './panels/segments';
import { renderTeam } from './panels/team';
import { renderWebgraph } from './panels/webgraph';

interface Panel {
  readonly name: string;
  /** Loads the data, then gives what draws it (so a stale answer can be dropped before drawing). */
  load(bridge: Bridge): Promise<(host: HTMLElement) => void>;
}

function panel<T>(
  name: string,
  load: (bridge: Bridge) => Promise<T>,
  render: (host: HTMLElement, data: T, bridge: Bridge) => void,
): Panel {
  return { name, load: (bridge) => load(bridge).then((data) => (host) => render(host, data, bridge)) };
}

export const PANELS: readonly Panel[] = [
  panel('Leads', (b) => b.getLeadsPanel(), renderLeads),
  panel('Webgraph', (b) => b.getWebgraphPanel(), renderWebgraph),
  panel('Segments', (b) => b.getSegmentsPanel(), renderSegments),
  panel('Team', (b) => b.getTeamPanel(), renderTeam),
  panel('KPIs', (b) => b.getKpisPanel(), renderKpis),
  panel('Improve', (b) => b.getImprovePanel(), renderImprove),
  panel('Check', (b) => b.getCheckPanel(), renderCheck),
];

export interface Sidebar {
  readonly bridge: Bridge;
  /** Selects a panel by name and loads it; resolves once it is drawn (or shows why it could not be). */
  select(name: string): Promise<void>;
}

export function mountSidebar(root: HTMLElement, runner: ScriptRunner | undefined): Sidebar {
  const bridge = createBridge(runner, { onBusy: lockButtons(root) });
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
    try {
      const draw = await PANELS[index].load(bridge);
      if (token === current) draw(body);
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

  root.replaceChildren(title, tablist, panelTitle, body);
  return { bridge, select };
}
