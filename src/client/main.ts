/** The sidebar's entry point. */

import { FACTORS } from '../core/factors';

function renderFactors(host: HTMLElement): void {
  const list = document.createElement('dl');
  for (const factor of FACTORS) {
    const term = document.createElement('dt');
    term.textContent = factor.name;
    const meaning = document.createElement('dd');
    meaning.textContent = `1: ${factor.best} · 5: ${factor.worst}`;
    list.append(term, meaning);
  }
  host.append(list);
}

const host = document.getElementById('factors');
if (host) renderFactors(host);
