// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { closeMenus, contextMenu, renderMenubar } from '../../../workbench/page/menus';

const key = (target: Element | null, name: string) =>
  target?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
const focused = () => document.activeElement?.textContent;
const menubarButton = (caption: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.menubar-item')].find((b) => b.textContent === caption);

let ran: string[];

beforeEach(() => {
  closeMenus();
  document.body.replaceChildren();
  const bar = document.createElement('nav');
  document.body.append(bar);
  ran = [];
  const action = (caption: string, disabled = false) => ({
    kind: 'action' as const,
    caption,
    disabled,
    run: () => ran.push(caption),
  });
  renderMenubar(bar, [
    { caption: 'File', entries: [action('Download'), action('Disabled', true), action('Recalculate')] },
    {
      caption: 'Extensions',
      entries: [
        { kind: 'submenu', caption: 'Lean Sales', entries: [action('Open sidebar'), action('Help')] },
        action('Other'),
      ],
    },
  ]);
});

describe('the workbench menus by keyboard', () => {
  it('Down opens a menu on its first item; Up and Down move over enabled items, wrapping', () => {
    const file = menubarButton('File');
    file?.focus();
    key(file ?? null, 'ArrowDown');
    expect(file?.getAttribute('aria-expanded')).toBe('true');
    expect(focused()).toBe('Download');
    key(document.activeElement, 'ArrowDown');
    expect(focused()).toBe('Recalculate');
    key(document.activeElement, 'ArrowDown');
    expect(focused()).toBe('Download');
    key(document.activeElement, 'ArrowUp');
    expect(focused()).toBe('Recalculate');
    key(document.activeElement, 'Home');
    expect(focused()).toBe('Download');
  });

  it('Escape closes the menu and gives focus back to its button', () => {
    const file = menubarButton('File');
    file?.focus();
    key(file ?? null, 'ArrowDown');
    key(document.activeElement, 'Escape');
    expect(document.querySelector('.menu')).toBeNull();
    expect(document.activeElement).toBe(file);
    expect(file?.getAttribute('aria-expanded')).toBe('false');
  });

  it('Right opens a submenu on its first item, Left closes it onto its parent item, Enter runs an item', () => {
    const extensions = menubarButton('Extensions');
    extensions?.focus();
    key(extensions ?? null, 'ArrowDown');
    expect(focused()).toBe('Lean Sales');
    key(document.activeElement, 'ArrowRight');
    expect(focused()).toBe('Open sidebar');
    key(document.activeElement, 'ArrowDown');
    expect(focused()).toBe('Help');
    key(document.activeElement, 'ArrowLeft');
    expect(focused()).toBe('Lean Sales');
    expect(document.querySelector('.submenu')).toBeNull();
    key(document.activeElement, 'ArrowRight');
    (document.activeElement as HTMLButtonElement).click();
    expect(ran).toEqual(['Open sidebar']);
    expect(document.querySelector('.menu')).toBeNull();
    expect(document.activeElement).toBe(extensions);
  });

  it('Left and Right on a menu move to the menu beside it', () => {
    const file = menubarButton('File');
    file?.focus();
    key(file ?? null, 'ArrowDown');
    key(document.activeElement, 'ArrowRight');
    expect(menubarButton('Extensions')?.getAttribute('aria-expanded')).toBe('true');
    expect(focused()).toBe('Lean Sales');
    key(document.activeElement, 'ArrowLeft');
    expect(menubarButton('File')?.getAttribute('aria-expanded')).toBe('true');
    expect(focused()).toBe('Download');
  });

  it('a context menu takes focus and gives it back on Escape', () => {
    const cell = document.createElement('div');
    cell.tabIndex = 0;
    document.body.append(cell);
    cell.focus();
    contextMenu(10, 10, [{ kind: 'action', caption: 'Insert 1 row above', run: vi.fn() }]);
    expect(focused()).toBe('Insert 1 row above');
    key(document.activeElement, 'Escape');
    expect(document.activeElement).toBe(cell);
  });
});
