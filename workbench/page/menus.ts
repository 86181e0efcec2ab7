/**
 * The menu bar (File, Extensions with the add-on's menu exactly as onOpen built it, Help) and the context menu, by
 * mouse and by keyboard: Enter, Space or Down opens a menu on its first item; Up and Down move, Home and End jump;
 * Right opens a submenu or the next menu, Left closes a submenu or opens the menu before; Escape closes the menu
 * and gives focus back to where it was (the menu's button, or the parent item of a submenu); Tab closes them all.
 */

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

/**
 * Where an open menu goes: inside a landmark (the menu bar's own, or the page's main one for a context menu), so a
 * screen reader's landmark navigation finds it. It is drawn `position: fixed`, so this changes nothing on screen.
 */
const menuHost = (near?: Element | null): HTMLElement =>
  (near?.closest<HTMLElement>('header, nav, main, aside, footer') ??
    document.querySelector('main') ??
    document.body) as HTMLElement;

let openMenu: HTMLElement | undefined;
/** What had focus before the menu opened: it gets it back when the menu closes, unless an item moved it. */
let returnFocus: HTMLElement | undefined;

export function closeMenus(): void {
  const hadFocus = openMenu?.contains(document.activeElement) ?? false;
  openMenu?.remove();
  openMenu = undefined;
  for (const button of document.querySelectorAll('.menubar-item.open')) {
    button.classList.remove('open');
    button.setAttribute('aria-expanded', 'false');
  }
  const back = returnFocus;
  returnFocus = undefined;
  if (hadFocus && back?.isConnected) back.focus();
}

/** The enabled items of a menu list, in order (not those of its submenus). */
const itemsOf = (list: HTMLElement) =>
  [...list.querySelectorAll<HTMLButtonElement>(':scope > .menu-item')].filter((item) => !item.disabled);

function focusItem(list: HTMLElement, index: number): void {
  const items = itemsOf(list);
  if (items.length === 0) return;
  items[(index + items.length) % items.length].focus();
}

/** The menubar buttons, to move between menus with Left and Right. */
const menubarButtons = () => [...document.querySelectorAll<HTMLButtonElement>('.menubar-item')];

function openAdjacent(step: number): void {
  const buttons = menubarButtons();
  const current = buttons.findIndex((b) => b.classList.contains('open'));
  if (current < 0) return;
  const next = buttons[(current + step + buttons.length) % buttons.length];
  const back = returnFocus;
  closeMenus();
  returnFocus = back;
  next.dispatchEvent(new CustomEvent('open-menu'));
}

document.addEventListener('mousedown', (event) => {
  if (openMenu && !openMenu.contains(event.target as Node) && !(event.target as HTMLElement).closest('.menubar-item'))
    closeMenus();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && openMenu) {
    // A submenu's own handler closes just the submenu; here the whole menu closes.
    event.preventDefault();
    closeMenus();
  }
});

/** Arrow keys, Home, End, Escape and Tab inside a menu list. */
function onMenuKey(event: KeyboardEvent, list: HTMLElement): void {
  const items = itemsOf(list);
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const submenu = list.classList.contains('submenu');
  const key = event.key;
  if (key === 'ArrowDown' || key === 'ArrowUp') focusItem(list, at + (key === 'ArrowDown' ? 1 : -1));
  else if (key === 'Home' || key === 'End') focusItem(list, key === 'Home' ? 0 : -1);
  else if (key === 'ArrowRight') {
    const item = items[at];
    if (item?.classList.contains('has-submenu')) item.click();
    else if (!submenu) openAdjacent(1);
    else return;
  } else if (key === 'ArrowLeft' || (key === 'Escape' && submenu)) {
    if (submenu) {
      const parent = list.parentElement?.querySelector<HTMLButtonElement>(':scope > .menu-item[aria-expanded="true"]');
      list.remove();
      parent?.setAttribute('aria-expanded', 'false');
      parent?.focus();
    } else if (key === 'ArrowLeft') openAdjacent(-1);
  } else if (key === 'Tab') {
    closeMenus();
    return;
  } else return;
  event.preventDefault();
  event.stopPropagation();
}

function menuList(entries: readonly PageEntry[], className = 'menu'): HTMLElement {
  const list = el('div', className);
  list.setAttribute('role', 'menu');
  list.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLElement && event.target.parentElement === list) onMenuKey(event, list);
  });
  for (const entry of entries) {
    if (entry.kind === 'separator') {
      list.append(el('div', 'menu-separator'));
      continue;
    }
    const item = el('button', 'menu-item', entry.caption);
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    if (entry.kind === 'submenu') {
      item.classList.add('has-submenu');
      item.setAttribute('aria-haspopup', 'menu');
      item.setAttribute('aria-expanded', 'false');
      const open = () => {
        for (const other of list.querySelectorAll(':scope > .menu')) other.remove();
        for (const other of list.querySelectorAll(':scope > [aria-expanded="true"]'))
          other.setAttribute('aria-expanded', 'false');
        const sub = menuList(entry.entries);
        sub.classList.add('submenu');
        sub.style.top = `${item.offsetTop}px`;
        list.append(sub);
        item.setAttribute('aria-expanded', 'true');
        return sub;
      };
      item.addEventListener('mouseenter', () => void open());
      // A click or Enter (or Right) opens it on its first item, for the keyboard.
      item.addEventListener('click', () => focusItem(open(), 0));
    } else {
      if (entry.disabled) item.disabled = true;
      item.addEventListener('mouseenter', () => {
        for (const other of list.querySelectorAll(':scope > .menu')) other.remove();
        for (const other of list.querySelectorAll(':scope > [aria-expanded="true"]'))
          other.setAttribute('aria-expanded', 'false');
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
      button.setAttribute('aria-expanded', 'false');
      const open = (focusFirst = false) => {
        const back = returnFocus;
        closeMenus();
        returnFocus = back ?? button;
        button.classList.add('open');
        button.setAttribute('aria-expanded', 'true');
        const list = menuList(typeof menu.entries === 'function' ? menu.entries() : menu.entries);
        const rect = button.getBoundingClientRect();
        list.style.left = `${rect.left}px`;
        list.style.top = `${rect.bottom}px`;
        list.classList.add('dropdown');
        menuHost(button).append(list);
        openMenu = list;
        if (focusFirst) focusItem(list, 0);
      };
      // A click by keyboard (Enter, Space: detail 0) opens the menu on its first item.
      button.addEventListener('click', (event) =>
        button.classList.contains('open') ? closeMenus() : open(event.detail === 0),
      );
      button.addEventListener('open-menu', () => open(true));
      button.addEventListener('keydown', (event) => {
        const buttons = menubarButtons();
        const at = buttons.indexOf(button);
        if (event.key === 'ArrowDown') open(true);
        else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          buttons[(at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length].focus();
        } else return;
        event.preventDefault();
      });
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
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const list = menuList(entries, 'menu context');
  list.style.left = `${x}px`;
  list.style.top = `${y}px`;
  menuHost().append(list);
  openMenu = list;
  focusItem(list, 0);
}
