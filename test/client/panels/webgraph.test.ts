// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compare, evidenceLine, matchMatrix, renderWebgraph } from '../../../src/client/panels/webgraph';
import { RADAR_CAPTION } from '../../../src/client/radar';
import { FACTORS } from '../../../src/core/factors';
import { profileGap } from '../../../src/core/profile-gap';
import { button, byLabel, fakeBridge, flush, host, WEBGRAPH } from '../fixtures';

const EQUAL = new Array(10).fill(1);

function choose(root: HTMLElement, label: string, optionText: string): void {
  const select = byLabel<HTMLSelectElement>(root, label);
  const option = [...select.options].find((o) => o.textContent === optionText);
  if (!option) throw new Error(`no option ${optionText}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The Insert chart status: the last status region (the matrix's comes first). */
const chartStatus = (root: HTMLElement) => [...root.querySelectorAll('[role="status"]')].at(-1)?.textContent;

const verdictRows = (root: HTMLElement) =>
  [...root.querySelectorAll('table.verdicts tbody tr')].map((tr) => [
    tr.querySelector('th')?.textContent,
    tr.querySelector('.badge')?.textContent,
  ]);

describe('the webgraph', () => {
  it('draws two polygons, a legend and the match % for a profile against a campaign', () => {
    const root = host();
    renderWebgraph(root, WEBGRAPH, fakeBridge());
    expect(byLabel<HTMLSelectElement>(root, 'Profile').selectedOptions[0].textContent).toBe('Ideal SMB');
    expect(byLabel<HTMLSelectElement>(root, 'Compare with').selectedOptions[0].textContent).toBe('Spring webinar');
    expect(root.querySelectorAll('svg polygon.series')).toHaveLength(2);
    const legend = root.querySelector('.legend')?.textContent;
    expect(legend).toContain('Profile: Ideal SMB');
    expect(legend).toContain('Campaign: Spring webinar');
    // |gaps| are 3 (Company size) and 3 (Complexity): 100 * (1 - 6 / 40).
    expect(root.querySelector('.match')?.textContent).toBe('Match 85%');
    expect(root.querySelector('figcaption')?.textContent).toBe(RADAR_CAPTION);
  });

  it('gives the per-factor verdicts of PROFILEGAP', () => {
    const root = host();
    renderWebgraph(root, WEBGRAPH, fakeBridge());
    const expected = profileGap([WEBGRAPH.profiles[0].values], [WEBGRAPH.campaigns[0].values], [EQUAL], 'verdict')[0];
    expect(verdictRows(root)).toEqual(FACTORS.map((f, i) => [f.name, expected[i]]));
    expect(verdictRows(root)[3]).toEqual(['Company size', 'missed']);
    expect(verdictRows(root)[4]).toEqual(['Complexity', 'wasted']);
  });

  it('compares with a lead when one is picked', () => {
    const root = host();
    renderWebgraph(root, WEBGRAPH, fakeBridge());
    choose(root, 'Compare with', 'L-0011 Acme AB');
    expect(root.querySelector('.legend')?.textContent).toContain('Lead: L-0011 Acme AB');
    expect(root.querySelectorAll('svg polygon.series')).toHaveLength(2);
    // |gaps| against all 1s add up to 8: 100 * (1 - 8 / 40).
    expect(root.querySelector('.match')?.textContent).toBe('Match 80%');
  });

  it('says why there is no match for an incomplete profile and draws only the complete vector', () => {
    const root = host();
    renderWebgraph(root, WEBGRAPH, fakeBridge());
    choose(root, 'Profile', 'Half done');
    expect(root.querySelectorAll('svg polygon.series')).toHaveLength(1);
    expect(root.querySelector('.headline')?.textContent).toBe('No match: incomplete 9/10 rated: Authority');
    expect(root.querySelector('.legend')?.textContent).toContain('not drawn');
  });

  it('uses the Factors tab weights', () => {
    const weights = [1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
    expect(compare(WEBGRAPH.profiles[0], WEBGRAPH.campaigns[0], weights).match).toBe(100);
  });

  it('Insert chart sends the pair and reports where the chart went', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderWebgraph(root, WEBGRAPH, bridge);
    choose(root, 'Compare with', 'Trade fair');
    button(root, 'Insert chart').click();
    await flush();
    expect(bridge.insertComparisonChart).toHaveBeenCalledWith({
      profile: 'Ideal SMB',
      target: { kind: 'campaign', name: 'Trade fair' },
    });
    expect(chartStatus(root)).toBe('Chart inserted in Webgraph, drawn from A1:C11.');
  });

  it('says when Sheets drew a line chart instead of the radar', async () => {
    const root = host();
    const note = 'Sheets could not draw a radar chart here, so it drew a line chart of the same data.';
    const bridge = fakeBridge({ insertComparisonChart: async () => ({ sheet: 'Charts', range: 'A1:C11', note }) });
    renderWebgraph(root, WEBGRAPH, bridge);
    button(root, 'Insert chart').click();
    await flush();
    expect(chartStatus(root)).toBe(`Chart inserted in Charts, drawn from A1:C11. ${note}`);
  });

  it('shows a failed insert as a readable message', async () => {
    const root = host();
    const bridge = fakeBridge({
      insertComparisonChart: async () => {
        throw new Error('No profile named Ideal SMB');
      },
    });
    renderWebgraph(root, WEBGRAPH, bridge);
    button(root, 'Insert chart').click();
    await flush();
    expect(chartStatus(root)).toBe('No chart inserted: No profile named Ideal SMB');
  });

  it('explains what is missing when there is nothing to compare', () => {
    const root = host();
    renderWebgraph(root, { ...WEBGRAPH, profiles: [] }, fakeBridge());
    expect(root.textContent).toContain('No profiles yet');
    renderWebgraph(root, { ...WEBGRAPH, campaigns: [], leads: [] }, fakeBridge());
    expect(root.textContent).toContain('No campaigns or leads');
  });
});

const EVIDENCE = [
  {
    profile: 'Ideal SMB',
    assumption: 'we target small firms because they decide fast',
    won: 9,
    lost: 3,
    rate: 0.75,
    low: 0.4677,
    high: 0.9111,
    vsTeam: 'above' as const,
  },
  { profile: 'Half done', assumption: '', won: 0, lost: 0, rate: null, low: null, high: null, vsTeam: '' as const },
];

describe('the match matrix', () => {
  const matrixRows = (root: HTMLElement) =>
    [...root.querySelectorAll('table.matrix tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

  it('shows every campaign against every profile, computed by PROFILEGAP, best per campaign marked', () => {
    const root = host();
    renderWebgraph(root, WEBGRAPH, fakeBridge());
    const table = root.querySelector('table.matrix') as HTMLTableElement;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Campaign',
      'Ideal SMB',
      'Half done',
    ]);
    const match = profileGap(
      WEBGRAPH.campaigns.map((c) => c.values),
      WEBGRAPH.profiles.map((p) => p.values.map((v) => v ?? '')),
      [EQUAL],
      'match',
    );
    expect(match[0][0]).toBe(85);
    expect(typeof match[0][1]).toBe('string');
    expect(matrixRows(root)).toEqual([
      ['Spring webinar', '85% best', '-'],
      ['Trade fair', `${Math.round(match[1][0] as number)}% best`, '-'],
    ]);
    expect(table.querySelectorAll('td.best')).toHaveLength(2);
    expect(matchMatrix(WEBGRAPH.campaigns, WEBGRAPH.profiles, EQUAL).best).toEqual([0, 0]);
  });

  it('marks the best profile of each campaign, as PROFILEGAP "best" names it', () => {
    const profiles = [
      { name: 'Far', values: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] },
      { name: 'Near', values: [3, 3, 3, 3, 3, 3, 3, 3, 3, 2] },
    ];
    const root = host();
    renderWebgraph(root, { ...WEBGRAPH, profiles }, fakeBridge());
    const names = profiles.map((p) => [p.name, ...p.values]);
    const best = profileGap(
      WEBGRAPH.campaigns.map((c) => c.values),
      names,
      [EQUAL],
      'best',
    ).map(([name]) => name);
    expect(best).toEqual(['Near', 'Near']);
    for (const tr of root.querySelectorAll('table.matrix tbody tr')) {
      expect(tr.querySelector('td.best button')?.getAttribute('aria-label')).toMatch(
        /with Near: match \d+%, best profile/,
      );
    }
  });

  it('compares the pair of a matrix cell below it in one click', () => {
    const root = host();
    renderWebgraph(root, WEBGRAPH, fakeBridge());
    const cell = root.querySelectorAll<HTMLButtonElement>('table.matrix tbody tr')[1].querySelector('button');
    cell?.click();
    expect(byLabel<HTMLSelectElement>(root, 'Profile').selectedOptions[0].textContent).toBe('Ideal SMB');
    expect(byLabel<HTMLSelectElement>(root, 'Compare with').selectedOptions[0].textContent).toBe('Trade fair');
    expect(root.querySelector('.legend')?.textContent).toContain('Campaign: Trade fair');
  });

  it('Insert as formula writes the matrix on a new tab and says where', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderWebgraph(root, WEBGRAPH, bridge);
    button(root, 'Insert as formula').click();
    await flush();
    expect(bridge.insertMatrixFormula).toHaveBeenCalledWith();
    expect(root.querySelector('.matrix-section [role="status"]')?.textContent).toBe(
      'Matrix written to the new Matrix tab: =PROFILEGAP(...) in B2.',
    );
  });
});

describe('profile evidence', () => {
  it('gives each profile its evidence in one line, with its assumption', () => {
    expect(evidenceLine(EVIDENCE[0])).toBe('Ideal SMB: 9 won, 3 lost, 75% (47-91%), above the team');
    expect(evidenceLine(EVIDENCE[1])).toBe('Half done: 0 won, 0 lost, no closed leads yet');
    const root = host();
    renderWebgraph(root, { ...WEBGRAPH, evidence: EVIDENCE }, fakeBridge());
    const items = [...root.querySelectorAll('.evidence li')].map((li) => [
      li.querySelector('.evidence-line')?.textContent,
      li.querySelector('.assumption')?.textContent,
    ]);
    expect(items).toEqual([
      [
        'Ideal SMB: 9 won, 3 lost, 75% (47-91%), above the team',
        'Assumption: we target small firms because they decide fast',
      ],
      ['Half done: 0 won, 0 lost, no closed leads yet', expect.stringContaining('No assumption written yet')],
    ]);
  });
});
