/** The list a dropdown cell (data validation from a list or a range) opens below itself. */

/** Opens the choices below `rect`, named `label`; `pick` gets the one chosen. A click elsewhere closes the list. */
export function openDropdown(
  rect: DOMRect,
  label: string,
  values: readonly string[],
  pick: (value: string) => void,
): void {
  document.querySelector('.dropdown-list')?.remove();
  const list = document.createElement('div');
  list.className = 'dropdown-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', label);
  const close = (event: MouseEvent) => {
    if (list.contains(event.target as Node)) return;
    list.remove();
    document.removeEventListener('mousedown', close, true);
  };
  for (const value of values) {
    const option = document.createElement('button');
    option.className = 'dropdown-option';
    option.textContent = value;
    option.setAttribute('role', 'option');
    option.addEventListener('mousedown', (event) => {
      event.preventDefault();
      list.remove();
      document.removeEventListener('mousedown', close, true);
      pick(value);
    });
    list.append(option);
  }
  list.style.left = `${rect.left}px`;
  list.style.top = `${rect.bottom + 2}px`;
  list.style.minWidth = `${rect.width}px`;
  // Inside the page's main landmark (drawn fixed, so nothing moves), where landmark navigation finds it.
  (document.querySelector('main') ?? document.body).append(list);
  document.addEventListener('mousedown', close, true);
}
