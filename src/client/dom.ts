/** A tiny DOM builder: strings become text nodes and attributes go through setAttribute, so sheet text is never markup. */

export type Child = Node | string | number | null | undefined | false;
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(
  element: Element,
  attrs: Attrs | null | undefined,
  children: readonly (Child | readonly Child[])[],
): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) {
      // Handlers only as functions: an `on...` attribute set from text would run that text as script.
      if (typeof value !== 'function') throw new TypeError(`${name} must be a function`);
      element.addEventListener(name.slice(2), value);
    } else if (typeof value === 'function') {
      throw new TypeError(`${name} must not be a function`);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `h('button', { type: 'button', onclick }, 'Save lead')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attrs, children);
  return element;
}

/** An SVG element, same contract as `h`. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: (Child | readonly Child[])[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attrs, children);
  return element;
}

let lastId = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  lastId++;
  return `${prefix}-${lastId}`;
}

export type Tone = 'info' | 'ok' | 'error';

/** A polite live region: what it says is announced without moving focus. */
export function statusRegion(className = 'status'): HTMLElement {
  return h('p', { class: className, role: 'status', 'aria-live': 'polite' });
}

export function say(region: HTMLElement, text: string, tone: Tone = 'info'): void {
  region.textContent = text;
  region.dataset.tone = tone;
}

/** Finite numbers with at most `digits` decimals and no trailing zeros: 87.5, 100, 0.3. */
export function formatNumber(value: number, digits = 1): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** A 0-1 fraction as a percentage: 0.4231 -> "42%". */
export function formatPercent(fraction: number, digits = 0): string {
  return `${formatNumber(fraction * 100, digits)}%`;
}

/** Replaces the element's content; strings become text, empty children are skipped. */
export function fill(element: Element, ...children: (Child | readonly Child[])[]): void {
  element.replaceChildren();
  apply(element, null, children);
}
