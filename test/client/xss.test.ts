// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderKpis } from '../../src/client/panels/kpis';
import { renderLeads } from '../../src/client/panels/leads';
import { renderSegments } from '../../src/client/panels/segments';
import { renderTeam } from '../../src/client/panels/team';
import { renderWebgraph } from '../../src/client/panels/webgraph';
import { fakeBridge, host, KPIS, LEADS, SEGMENTS, TEAM, WEBGRAPH, XSS } from './fixtures';

const CLIENT = path.resolve(__dirname, '../../src/client');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** Renders, then checks the markup arrived as text: no element was made from it and it reads as typed. */
function expectText(root: HTMLElement): void {
  expect(root.querySelector('img')).toBeNull();
  expect(root.querySelector('[onerror]')).toBeNull();
  expect(root.textContent).toContain(XSS);
}

describe('sheet text is rendered as text, never as markup', () => {
  it('a company named <img src=x onerror=alert(1)> shows as that text in the lead lists', () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const root = host();
    renderLeads(
      root,
      {
        ...LEADS,
        owners: [XSS],
        top: [{ ...LEADS.top[0], company: XSS, owner: XSS }],
        defects: [{ ...LEADS.defects[0], company: XSS }],
        stale: [{ ...LEADS.stale[1], company: XSS, age: XSS }],
        deviations: [{ ...LEADS.deviations[0], company: XSS, deviation: XSS }],
      },
      fakeBridge(),
    );
    expectText(root);
    expect([...root.querySelectorAll('.row-main')].map((e) => e.textContent)).toEqual([
      `L-0011 ${XSS}`,
      `L-0008 ${XSS}`,
      `L-0004 ${XSS}`,
      `L-0003 ${XSS}`,
    ]);
    expect([...root.querySelectorAll('.row-sub.stale, .row-sub.deviation')].map((e) => e.textContent)).toEqual([
      XSS,
      XSS,
    ]);
    expect([...root.querySelectorAll('option')].some((o) => o.textContent === XSS && o.value === XSS)).toBe(true);
    expect(alert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('in the Factors tab meanings', () => {
    const root = host();
    renderLeads(root, { ...LEADS, factors: LEADS.factors.map((f) => ({ ...f, best: XSS })) }, fakeBridge());
    expectText(root);
  });

  it('in profile, campaign and lead names of the webgraph, SVG included', () => {
    const root = host();
    renderWebgraph(
      root,
      {
        ...WEBGRAPH,
        profiles: [{ ...WEBGRAPH.profiles[0], name: XSS }],
        campaigns: [{ ...WEBGRAPH.campaigns[0], name: XSS }],
      },
      fakeBridge(),
    );
    expectText(root);
    expect(root.querySelector('svg polygon title')?.textContent).toBe(XSS);
  });

  it('in segment names, prices and complexities', () => {
    const root = host();
    renderSegments(
      root,
      { ...SEGMENTS, segments: [{ ...SEGMENTS.segments[0], segment: XSS, price: XSS, complexity: XSS }] },
      fakeBridge(),
    );
    expectText(root);
  });

  it('in rep names, also in the what-if', () => {
    const root = host();
    renderTeam(root, { ...TEAM, reps: TEAM.reps.map((r, i) => (i === 0 ? { ...r, rep: XSS } : r)) }, fakeBridge());
    expectText(root);
    expect(root.querySelector('.whatif-result')?.textContent).toContain(XSS);
  });

  it('in KPI names and values', () => {
    const root = host();
    renderKpis(
      root,
      {
        kpis: [{ ...KPIS.kpis[0], kpi: XSS, level: XSS, actual: XSS, status: XSS }],
        lint: [{ row: 2, kpi: XSS, missing: ['Why'] }],
        customers: KPIS.customers,
      },
      fakeBridge(),
    );
    expectText(root);
  });

  it('no client module writes markup from strings', () => {
    for (const file of sources(CLIENT)) {
      const code = readFileSync(file, 'utf8');
      expect(code, path.relative(CLIENT, file)).not.toMatch(
        /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/,
      );
    }
  });
});
