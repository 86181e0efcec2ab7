// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fill, formatNumber, formatPercent, h, svg } from '../../src/client/dom';
import { XSS } from './fixtures';

describe('the h helper', () => {
  it('makes strings and numbers text, and skips empty children', () => {
    const element = h('p', { class: 'x', title: XSS }, XSS, 3, null, false, undefined, [' a', ' b']);
    expect(element.children).toHaveLength(0);
    expect(element.textContent).toBe(`${XSS}3 a b`);
    expect(element.getAttribute('title')).toBe(XSS);
  });

  it('sets true as an empty attribute and leaves false and null out', () => {
    const input = h('input', { disabled: true, required: false, placeholder: null });
    expect(input.outerHTML).toBe('<input disabled="">');
  });

  it('adds handlers from functions and refuses them as text', () => {
    const onclick = vi.fn();
    h('button', { onclick }).click();
    expect(onclick).toHaveBeenCalledTimes(1);
    expect(() => h('img', { onerror: 'alert(1)' })).toThrow(TypeError);
  });

  it('makes SVG elements in the SVG namespace', () => {
    const text = svg('text', { x: 1 }, XSS);
    expect(text.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(text.textContent).toBe(XSS);
  });

  it('fill replaces the content', () => {
    const element = h('div', null, 'old');
    fill(element, h('b', null, 'new'), null);
    expect(element.innerHTML).toBe('<b>new</b>');
  });
});

describe('number formats', () => {
  it.each([
    [87.5, '87.5'],
    [100, '100'],
    [66.66666, '66.7'],
    [-0.01, '0'],
  ])('formatNumber(%s) is %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('formats fractions as percentages', () => {
    expect(formatPercent(0.4231)).toBe('42%');
    expect(formatPercent(1 / 12, 1)).toBe('8.3%');
  });
});
