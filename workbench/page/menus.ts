/** The menu bar (File, Extensions with the add-on's menu exactly as onOpen built it, Help) and the context menu. */

import type { MenuEntry, MenuRecord } from '../emulator/apps-script-emulator';

/** A menu entry the page offers: an add-on item runs a script function; a page action runs a callback. */
export type PageEntry =
  | { readonly kind: 'action'; readonly caption: string; readonly run: () => void; readonly disabled?: boolean }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly entries: readonly PageEntry[] };

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The add-on's menu record as page entries whose items call `run(functionName, caption)`. */
export function addonEntries(menu: MenuRecord, run: (functionName: string, caption: string) => void): PageEntry[] {
  return menu.entries.map((entry: MenuEntry): PageEntry => {
    if (entry.kind === 'separator') return { kind: 'separator' };
    if (entry.kind === 'submenu') {
      return { kind: 'submenu', caption: entry.menu.title ?? '', entries: addonEntries(entry.menu, run) };
    }
    return { kind: 'action', caption: entry.caption, run: () => run(entry.functionName, entry.caption) };
  });
}

let openMenu: HTMLElement | undefined;

export function closeMenus(): void {
  openMenu?.remove();
  openMenu = undefined;
  for (const button of document.querySelectorAll('.menubar-item.open')) button.classList.remove('open');
}

document.addEventListener('mousedown', (event) => {
  if (openMenu && !openMenu.contains(event.target as Node) && !(event.target as HTMLElement).closest('.menubar-item'))
    closeMenus();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenus();
});

function menuList(entries: readonly PageEntry[], className = 'menu'): HTMLElement {
  const list = el('div', className);
  list.setAttribute('role', 'menu');
  for (const entry of entries) {
    if (entry.kind === 'separator') {
      list.append(el('div', 'menu-separator'));
      continue;
    }
    const item = el('button', 'menu-item', entry.caption);
    item.setAttribute('role', 'menuitem');
    if (entry.kind === 'submenu') {
      item.classList.add('has-submenu');
      item.setAttribute('aria-haspopup', 'menu');
      const open = () => {
        for (const other of list.querySelectorAll(':scope > .menu')) other.remove();
        const sub = menuList(entry.entries);
        sub.classList.add('submenu');
        sub.style.top = `${item.offsetTop}px`;
        list.append(sub);
      };
      item.addEventListener('mouseenter', open);
      item.addEventListener('click', open);
    } else {
      if (entry.disabled) item.disabled = true;
      item.addEventListener('mouseenter', () => {
        for (const other of list.querySelectorAll(':scope > .menu')) other.remove();
      });
      item.addEventListener('click', () => {
        closeMenus();
        entry.run();
      });
    }
    list.append(item);
  }
  return list;
}

/** A top-level menu; `entries` may be a function, for entries that depend on the selection when it opens. */
export interface MenubarMenu {
  readonly caption: string;
  readonly entries: readonly PageEntry[] | (() => readonly PageEntry[]);
}

/** Fills the menu bar: one button per top-level menu, each opening its list below it. */
export function renderMenubar(root: HTMLElement, menus: readonly MenubarMenu[]): void {
  root.replaceChildren(
    ...menus.map((menu) => {
      const button = el('button', 'menubar-item', menu.caption);
      button.setAttribute('aria-haspopup', 'menu');
      const open = () => {
        closeMenus();
        button.classList.add('open');
        const list = menuList(typeof menu.entries === 'function' ? menu.entries() : menu.entries);
        const rect = button.getBoundingClientRect();
        list.style.left = `${rect.left}px`;
        list.style.top = `${rect.bottom}px`;
        list.classList.add('dropdown');
        document.body.append(list);
        openMenu = list;
      };
      button.addEventListener('click', () => (button.classList.contains('open') ? closeMenus() : open()));
      button.addEventListener('mouseenter', () => {
        if (openMenu && !button.classList.contains('open')) open();
      });
      return button;
    }),
  );
}

/** A context menu at the pointer. */
export function contextMenu(x: number, y: number, entries: readonly PageEntry[]): void {
  closeMenus();
  const list = menuList(entries, 'menu context');
  list.style.left = `${x}px`;
  list.style.top = `${y}px`;
  document.body.append(list);
  openMenu = list;
}
