/** What the add-on shows besides the grid, drawn as Sheets draws it: toasts, alerts, the "Running script" box. */

interface Toast {
  readonly title: string;
  readonly message: string;
  readonly timeoutSeconds: number;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const queue: Toast[] = [];
let showing = false;

/**
 * Shows toasts one after another in the bottom right, as Sheets does (a new toast replaces the last). A toast
 * followed by others stays only briefly, so a script's progress toasts play back after it finished.
 */
export function toast(...toasts: Toast[]): void {
  queue.push(...toasts);
  if (!showing) void playToasts();
}

async function playToasts(): Promise<void> {
  showing = true;
  const root = document.getElementById('toasts') as HTMLElement;
  while (queue.length > 0) {
    const next = queue.shift() as Toast;
    const box = el('div', 'toast');
    box.setAttribute('role', 'status');
    if (next.title) box.append(el('div', 'toast-title', next.title));
    box.append(el('div', 'toast-message', next.message));
    const close = el('button', 'toast-close', '×');
    close.setAttribute('aria-label', 'Close');
    box.append(close);
    root.replaceChildren(box);
    const seconds = next.timeoutSeconds < 0 ? Number.POSITIVE_INFINITY : next.timeoutSeconds || 5;
    await new Promise<void>((resolve) => {
      const wait = queue.length > 0 ? Math.min(seconds, 1.2) : seconds;
      const timer = Number.isFinite(wait) ? setTimeout(resolve, wait * 1000) : undefined;
      close.addEventListener('click', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    box.remove();
  }
  showing = false;
}

const alerts: { title: string; message: string; buttons: string; answer?: (button: string) => void }[] = [];

/** A modal alert with its buttons (for the add-on's alerts the emulator already answered: the buttons only close it). */
export function alertBox(title: string, message: string, buttons = 'OK'): void {
  alerts.push({ title, message, buttons });
  if (alerts.length === 1) showAlert();
}

/** A question with Cancel and OK; resolves true for OK. */
export function confirmBox(title: string, message: string): Promise<boolean> {
  return new Promise((resolve) => {
    alerts.push({ title, message, buttons: 'OK_CANCEL', answer: (button) => resolve(button === 'OK') });
    if (alerts.length === 1) showAlert();
  });
}

function showAlert(): void {
  const next = alerts[0];
  if (!next) return;
  const root = document.getElementById('modal-root') as HTMLElement;
  const backdrop = el('div', 'modal-backdrop');
  const dialog = el('div', 'modal alert');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  // Named by its title (or, untitled, by its message) and described by its message, as screen readers expect.
  const message = el('p', 'modal-message', next.message);
  message.id = 'alert-message';
  dialog.setAttribute('aria-describedby', message.id);
  if (next.title) {
    const title = el('h2', 'modal-title', next.title);
    title.id = 'alert-title';
    dialog.setAttribute('aria-labelledby', title.id);
    dialog.append(title);
  } else dialog.setAttribute('aria-labelledby', message.id);
  dialog.append(message);
  const row = el('div', 'modal-buttons');
  const labels = {
    OK: ['OK'],
    OK_CANCEL: ['Cancel', 'OK'],
    YES_NO: ['No', 'Yes'],
    YES_NO_CANCEL: ['Cancel', 'No', 'Yes'],
  }[next.buttons] ?? ['OK'];
  for (const label of labels) {
    const button = el('button', label === labels[labels.length - 1] ? 'modal-button primary' : 'modal-button', label);
    button.addEventListener('click', () => {
      backdrop.remove();
      alerts.shift();
      next.answer?.(label);
      showAlert();
    });
    row.append(button);
  }
  dialog.append(row);
  backdrop.append(dialog);
  root.append(backdrop);
  (row.lastElementChild as HTMLElement).focus();
}

/** The box Sheets shows while a script runs. */
export function progress(text: string | undefined): void {
  const box = document.getElementById('progress') as HTMLElement;
  box.hidden = text === undefined;
  (document.getElementById('progress-text') as HTMLElement).textContent = text ?? '';
}

/** A dialog showing an HtmlOutput (showModalDialog / showModelessDialog) in a frame. */
export function htmlDialog(title: string, src: string, width = 600, height = 400): void {
  const root = document.getElementById('modal-root') as HTMLElement;
  const backdrop = el('div', 'modal-backdrop');
  const dialog = el('div', 'modal html-dialog');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  const head = el('div', 'html-dialog-head');
  const heading = el('h2', 'modal-title', title);
  heading.id = `html-dialog-title-${root.childElementCount}`;
  dialog.setAttribute('aria-labelledby', heading.id);
  head.append(heading);
  const close = el('button', 'icon', '×');
  close.setAttribute('aria-label', 'Close');
  // Focus goes back to where it was when the dialog closes (by its button or Escape).
  const back = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const dismiss = () => {
    backdrop.remove();
    back?.focus();
  };
  close.addEventListener('click', dismiss);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') dismiss();
  });
  head.append(close);
  const frame = el('iframe');
  frame.src = src;
  frame.title = title;
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  dialog.append(head, frame);
  backdrop.append(dialog);
  root.append(backdrop);
  close.focus();
}
