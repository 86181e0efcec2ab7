/** The workbench page: tabs, grid, formula bar, the add-on's menu and sidebar, wired to the workbench server. */

import { alertBox, confirmBox, htmlDialog, progress, toast } from './dialogs';
import { addonEntries, closeMenus, contextMenu, type PageEntry, renderMenubar } from './menus';
import { api, type RunReport, type Selection, type WorkbenchState } from './server-api';
import { columnName, Grid } from './sheet-grid';

const POLL_MS = 1500;
const SHIM_SOURCE = 'lean-sales-workbench-shim';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const nameBox = $<HTMLInputElement>('name-box');
const formulaBar = $<HTMLInputElement>('formula-bar');
const errorBox = $<HTMLElement>('cell-error');
const sidePanel = $<HTMLElement>('side-panel');
const sideFrame = $<HTMLIFrameElement>('side-frame');

let state: WorkbenchState | undefined;
let version = -1;
let selectTimer = 0;
let refreshing: Promise<void> | undefined;

const grid = new Grid($('sheet'), {
  select: showSelection,
  commit,
  contextMenu: (x, y, row, column) => contextMenu(x, y, structureEntries(row, column)),
});

// ---- selection and the formula bar ----

function showSelection(row: number, column: number): void {
  const cell = grid.cell(row, column);
  nameBox.value = `${columnName(column)}${row}`;
  if (document.activeElement !== formulaBar) formulaBar.value = cell?.f ?? cell?.r ?? cell?.t ?? '';
  errorBox.hidden = true;
  // A selected cell's error, or else its note (as Sheets shows a note on hover), in the popup under it.
  const popup =
    cell?.e !== undefined ? { title: 'Error', text: cell.e } : cell?.n ? { title: 'Note', text: cell.n } : null;
  errorBox.classList.toggle('note', popup?.title === 'Note');
  if (popup) {
    const rect = grid.cellRect(row, column);
    if (rect) {
      errorBox.replaceChildren(
        Object.assign(document.createElement('strong'), { textContent: popup.title }),
        document.createTextNode(popup.text),
      );
      errorBox.style.left = `${Math.max(0, Math.min(rect.left, window.innerWidth - 390))}px`;
      errorBox.style.top = `${rect.bottom + 4}px`;
      errorBox.hidden = false;
    }
  }
  clearTimeout(selectTimer);
  selectTimer = window.setTimeout(() => {
    void api.select({ sheet: grid.sheet, row, column, numRows: 1, numColumns: 1 }).catch(() => {});
  }, 150);
}

async function commit(row: number, column: number, text: string): Promise<boolean> {
  const cell = grid.cell(row, column);
  if (text === (cell?.f ?? cell?.r ?? cell?.t ?? '')) return true;
  const send = (confirmed: boolean) =>
    api
      .edit(grid.sheet, row, column, text, confirmed)
      .catch((error: Error) => ({ ok: false, error: error.message, version, confirm: undefined }));
  let report = await send(false);
  if (!report.ok && report.confirm) {
    if (!(await confirmBox('Heads up!', report.confirm))) return false;
    report = await send(true);
  }
  if (!report.ok) {
    alertBox('There was a problem', report.error ?? 'The edit was not saved.');
    showSelection(row, column);
    return false;
  }
  await refresh();
  return true;
}

formulaBar.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    const { row, column } = grid;
    void commit(row, column, formulaBar.value).then(() => {
      grid.body.focus();
      grid.moveTo(row + 1, column);
    });
  } else if (event.key === 'Escape') {
    event.preventDefault();
    grid.body.focus();
    showSelection(grid.row, grid.column);
  }
});

nameBox.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const match = /^\s*([A-Za-z]{1,3})(\d+)\s*$/.exec(nameBox.value);
  if (match) {
    const column = match[1]
      .toUpperCase()
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    grid.body.focus();
    grid.moveTo(Number(match[2]), column);
  }
});

// ---- structure ----

async function structure(
  action: 'deleteRows' | 'deleteColumns' | 'insertRowsBefore' | 'insertColumnsBefore',
  at: number,
): Promise<void> {
  const report = await api
    .structure(grid.sheet, action, at)
    .catch((error: Error) => ({ ok: false, error: error.message, version }));
  if (!report.ok) alertBox('There was a problem', report.error ?? 'That did not work.');
  await refresh();
}

function structureEntries(row: number | undefined, column: number | undefined): PageEntry[] {
  const entries: PageEntry[] = [];
  if (row !== undefined) {
    entries.push(
      { kind: 'action', caption: 'Insert 1 row above', run: () => void structure('insertRowsBefore', row) },
      { kind: 'action', caption: `Delete row ${row}`, run: () => void structure('deleteRows', row) },
    );
  }
  if (row !== undefined && column !== undefined) entries.push({ kind: 'separator' });
  if (column !== undefined) {
    entries.push(
      { kind: 'action', caption: 'Insert 1 column left', run: () => void structure('insertColumnsBefore', column) },
      {
        kind: 'action',
        caption: `Delete column ${columnName(column)}`,
        run: () => void structure('deleteColumns', column),
      },
    );
  }
  return entries;
}

for (const [id, action] of [
  ['insert-row', 'insertRowsBefore'],
  ['delete-row', 'deleteRows'],
  ['insert-column', 'insertColumnsBefore'],
  ['delete-column', 'deleteColumns'],
] as const) {
  $(id).addEventListener('click', () => void structure(action, action.includes('Row') ? grid.row : grid.column));
}
$('recalculate').addEventListener('click', () => void recalculate());

// ---- Data: sort and filter the rows below the header ----

async function sortRows(column: number, ascending: boolean): Promise<void> {
  progress('Sorting…');
  const report = await api
    .sort(grid.sheet, column, ascending)
    .catch((error: Error) => ({ ok: false, error: error.message, version }));
  progress(undefined);
  if (!report.ok) alertBox('There was a problem', report.error ?? 'The sort did not work.');
  await refresh();
}

async function filterRows(column: number, value: string | null): Promise<void> {
  const report = await api
    .filter(grid.sheet, column, value)
    .catch((error: Error) => ({ ok: false, error: error.message, version }));
  if (!report.ok) alertBox('There was a problem', report.error ?? 'The filter did not work.');
  await refresh();
}

/** The Data menu, for the column of the selected cell: sort the rows below the header, filter them by its value. */
function dataEntries(): PageEntry[] {
  const column = grid.column;
  const name = columnName(column);
  const inHeader = grid.row <= grid.frozenRows;
  const value = grid.cell(grid.row, column)?.t ?? '';
  const filter = grid.filter;
  return [
    { kind: 'action', caption: `Sort sheet by column ${name} (A to Z)`, run: () => void sortRows(column, true) },
    { kind: 'action', caption: `Sort sheet by column ${name} (Z to A)`, run: () => void sortRows(column, false) },
    { kind: 'separator' },
    {
      kind: 'action',
      caption: inHeader
        ? 'Filter by the selected value (select a cell below the header)'
        : `Filter: show only rows where ${name} is "${value}"`,
      run: () => void filterRows(column, value),
      disabled: inHeader,
    },
    {
      kind: 'action',
      caption: filter ? `Remove filter (${columnName(filter.column)} is "${filter.value}")` : 'Remove filter',
      run: () => void filterRows(filter?.column ?? column, null),
      disabled: !filter,
    },
  ];
}

async function recalculate(): Promise<void> {
  progress('Recalculating…');
  try {
    const { ms } = await api.recalculate();
    toast({ title: '', message: `Recalculated in ${Math.round(ms)} ms`, timeoutSeconds: 3 });
  } finally {
    progress(undefined);
  }
  await refresh();
}

// ---- the add-on: menu items, reports of what a run showed ----

async function runMenuItem(functionName: string, caption: string): Promise<void> {
  progress(`Running ${caption}…`);
  let report: RunReport;
  try {
    report = await api.menu(functionName);
  } catch (error) {
    progress(undefined);
    alertBox('Error', (error as Error).message);
    return;
  }
  progress(undefined);
  await showReport(report, true);
}

/** Shows what a run showed; `alertErrors` for menu items, whose errors Sheets shows in an alert. */
async function showReport(report: RunReport, alertErrors: boolean): Promise<void> {
  if (report.toasts.length > 0) toast(...report.toasts);
  for (const alert of report.alerts) alertBox(alert.title, alert.prompt, alert.buttons);
  if (!report.ok && alertErrors) alertBox('Error', report.error ?? 'The script failed.');
  for (const shown of report.shown) {
    if (shown.kind === 'sidebar') openSidebar(shown.id, shown.title);
    else htmlDialog(shown.title, `/sidebar?id=${shown.id}`, shown.width, shown.height);
  }
  if (report.version !== version || report.selection) await refresh(report.selection);
}

/** Focus moves into the sidebar once its page has loaded: its first control, as Sheets moves it into a sidebar. */
function focusSidebar(): void {
  const doc = sideFrame.contentDocument;
  const first = doc?.querySelector<HTMLElement>(
    '[role="tab"][aria-selected="true"], button:not([disabled]), input, select, textarea, a[href], [tabindex="0"]',
  );
  if (!first) {
    sideFrame.focus();
    return;
  }
  first.focus();
  // A sidebar busy with its first server call has its buttons disabled, and a disabled button takes no focus:
  // it gets it once enabled, unless the person has put the focus somewhere by then.
  // (The frame's elements are of its own window: no instanceof here.)
  const button = first as HTMLButtonElement;
  if (first.tagName !== 'BUTTON' || !button.disabled || !doc) return;
  const watch = new MutationObserver(() => {
    if (button.disabled) return;
    watch.disconnect();
    const idle = doc.activeElement === null || doc.activeElement === doc.body;
    if (idle && document.activeElement === sideFrame) button.focus();
  });
  watch.observe(first, { attributes: true, attributeFilter: ['disabled'] });
  setTimeout(() => watch.disconnect(), 30_000);
}

function openSidebar(id: number, title: string): void {
  $('side-title').textContent = title;
  sideFrame.addEventListener('load', focusSidebar, { once: true });
  sideFrame.src = `/sidebar?id=${id}`;
  sidePanel.hidden = false;
  sideFrame.focus();
}

function closeSidebar(): void {
  const hadFocus = sidePanel.contains(document.activeElement);
  sidePanel.hidden = true;
  sideFrame.src = 'about:blank';
  // Focus goes back to the grid, not to a hidden panel.
  if (hadFocus) grid.body.focus();
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !sidePanel.hidden && sidePanel.contains(document.activeElement)) closeSidebar();
});
$('side-close').addEventListener('click', closeSidebar);

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.data?.source !== SHIM_SOURCE) return;
  if (event.data.type === 'report') void showReport(event.data.report as RunReport, false);
  else if (event.data.type === 'close') closeSidebar();
  else if (event.data.type === 'focus-editor') grid.body.focus();
});

// ---- tabs, menus, refreshing ----

function renderTabs(): void {
  const tabs = state?.tabs ?? [];
  $('tabs').replaceChildren(
    ...tabs.map((tab) => {
      const button = document.createElement('button');
      button.className = `tab${tab.name === grid.sheet ? ' active' : ''}`;
      button.textContent = tab.name;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(tab.name === grid.sheet));
      if (tab.tabColor) button.style.borderBottomColor = tab.tabColor;
      button.addEventListener('click', () => void showSheet(tab.name));
      return button;
    }),
  );
}

async function showSheet(name: string, row = 1, column = 1): Promise<void> {
  closeMenus();
  await grid.show(name, row, column);
  renderTabs();
  grid.body.focus();
}

function renderMenus(): void {
  const name = state?.addonName ?? 'Add-on';
  const addon: PageEntry = state?.menu
    ? {
        kind: 'submenu',
        caption: name,
        entries: addonEntries(state.menu, (fn, caption) => void runMenuItem(fn, caption)),
      }
    : { kind: 'action', caption: `${name} (onOpen built no menu)`, run: () => {}, disabled: true };
  renderMenubar($('menubar'), [
    {
      caption: 'File',
      entries: [
        {
          kind: 'action',
          caption: 'Download (.xlsx)',
          run: () => void api.download().catch((error) => alertBox('There was a problem', (error as Error).message)),
        },
        { kind: 'action', caption: 'Recalculate now', run: () => void recalculate() },
      ],
    },
    { caption: 'Data', entries: dataEntries },
    {
      caption: 'Extensions',
      entries: [
        {
          kind: 'submenu',
          caption: 'Add-ons',
          entries: [{ kind: 'action', caption: 'Get add-ons', run: () => {}, disabled: true }],
        },
        { kind: 'separator' },
        addon,
      ],
    },
    {
      caption: 'Help',
      entries: [
        {
          kind: 'action',
          caption: 'About the workbench',
          run: () =>
            alertBox(
              'Lean Sales workbench',
              `The built add-on (dist/) running locally: its server code against an emulated spreadsheet, its custom functions in a formula engine (HyperFormula), its sidebar as it ships. The workbook is kept in ${state?.file ?? '.workbench/workbook.xlsx'}.`,
            ),
        },
      ],
    },
    ...(state?.menus ?? []).map((menu) => ({
      caption: menu.title ?? '',
      entries: addonEntries(menu, (fn, caption) => void runMenuItem(fn, caption)),
    })),
  ]);
}

/** Reloads the tabs and the rows in view; `selection` moves to where a script pointed. */
async function refresh(selection?: Selection): Promise<void> {
  if (refreshing) await refreshing;
  refreshing = (async () => {
    state = await api.state();
    version = state.version;
    const names = state.tabs.map((t) => t.name);
    if (selection && names.includes(selection.sheet)) {
      if (selection.sheet !== grid.sheet) await grid.show(selection.sheet, selection.row, selection.column);
      else {
        await grid.refresh();
        grid.moveTo(selection.row, selection.column);
      }
    } else if (!names.includes(grid.sheet)) await grid.show(names[0]);
    else await grid.refresh();
    renderTabs();
    showSelection(grid.row, grid.column);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = undefined;
  }
}

async function poll(): Promise<void> {
  try {
    const current = await api.version();
    if (current.version !== version && !grid.editing && document.activeElement !== formulaBar) await refresh();
  } catch {
    // The server may be restarting; the next poll tries again.
  }
  window.setTimeout(() => void poll(), POLL_MS);
}

async function start(): Promise<void> {
  state = await api.state();
  version = state.version;
  renderMenus();
  const selection = state.selection;
  const first = state.tabs.some((t) => t.name === selection.sheet) ? selection.sheet : state.tabs[0].name;
  await showSheet(first, selection.row, selection.column);
  for (const notice of state.notices) toast({ title: 'Workbench', message: notice, timeoutSeconds: 8 });
  document.body.dataset.ready = 'true';
  window.setTimeout(() => void poll(), POLL_MS);
}

void start().catch((error: Error) => alertBox('The workbench could not start', error.message));
