// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { COMMON_CAUSE, pChartBand, renderTeam } from '../../../src/client/panels/team';
import type { TeamPanel } from '../../../src/client/panels/team-model';
import { byLabel, fakeBridge, host, TEAM } from '../fixtures';

const rep = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('li.rep')].find((li) => li.querySelector('.rep-name')?.textContent === name) as HTMLElement;

const OUTLIERS: TeamPanel = {
  reps: [
    { rep: 'Ana', won: 45, lost: 5, rate: 0.9, low: 0.79, high: 0.96, vsTeam: 'above' },
    { rep: 'Ben', won: 20, lost: 30, rate: 0.4, low: 0.28, high: 0.54, vsTeam: 'within' },
    { rep: 'Cy', won: 2, lost: 48, rate: 0.04, low: 0.01, high: 0.14, vsTeam: 'below' },
  ],
  teamRate: 67 / 150,
};

describe('the Team panel', () => {
  it("draws each rep's interval as a bar over the team's p-chart band", () => {
    const root = host();
    renderTeam(root, TEAM, fakeBridge());
    const ana = rep(root, 'Ana');
    const bar = ana.querySelector('rect.interval-bar') as SVGRectElement;
    expect(Number(bar.getAttribute('x'))).toBeCloseTo(27, 6);
    expect(Number(bar.getAttribute('width'))).toBeCloseTo(34, 6);
    const band = ana.querySelector('rect.band') as SVGRectElement;
    const [low, high] = pChartBand(TEAM.teamRate as number, 30);
    expect(Number(band.getAttribute('x'))).toBeCloseTo(low * 100, 6);
    expect(Number(band.getAttribute('width'))).toBeCloseTo((high - low) * 100, 6);
    // The band is drawn first, so it sits behind the interval.
    expect(band.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(ana.querySelector('.rep-figures')?.textContent).toBe('43% (27%-61%)');
  });

  it('says "within common-cause variation" where that is the truth', () => {
    const root = host();
    renderTeam(root, TEAM, fakeBridge());
    expect(rep(root, 'Ana').textContent).toContain(COMMON_CAUSE);
    expect(rep(root, 'Ben').textContent).toContain(COMMON_CAUSE);
    expect(rep(root, 'Cy').textContent).not.toContain(COMMON_CAUSE);
    expect(rep(root, 'Cy').textContent).toContain('no closed leads yet');
    expect(rep(root, 'Cy').querySelector('rect.interval-bar')).toBeNull();
    expect(root.querySelector('.summary')?.textContent).toContain(`Every rep is ${COMMON_CAUSE}`);
  });

  it('calls out reps above and below the limits', () => {
    const root = host();
    renderTeam(root, OUTLIERS, fakeBridge());
    expect(rep(root, 'Ana').textContent).toContain("above the team's limits");
    expect(rep(root, 'Cy').textContent).toContain("below the team's limits");
    expect(rep(root, 'Ben').textContent).toContain(COMMON_CAUSE);
    const summary = root.querySelector('.summary')?.textContent;
    expect(summary).toContain("above the team's limits: Ana");
    expect(summary).toContain("below the team's limits: Cy");
  });

  it('clamps the p-chart band to 0-100%', () => {
    expect(pChartBand(0.5, 1)).toEqual([0, 1]);
    const [low, high] = pChartBand(0.5, 100);
    expect(low).toBeCloseTo(0.35, 12);
    expect(high).toBeCloseTo(0.65, 12);
  });

  it('shows no rates before anyone closes a lead', () => {
    const root = host();
    renderTeam(
      root,
      {
        reps: TEAM.reps.map((r) => ({ ...r, won: 0, lost: 0, rate: null, low: null, high: null, vsTeam: '' })),
        teamRate: null,
      },
      fakeBridge(),
    );
    expect(root.textContent).toContain('Nobody has closed a lead yet');
    expect(root.querySelector('rect.interval-bar')).toBeNull();
  });
});

describe('the no-heroes what-if', () => {
  const result = (root: HTMLElement) => root.querySelector('.whatif-result')?.textContent ?? '';

  it('compares lifting the rest with relying on the top seller, on won deals', () => {
    const root = host();
    renderTeam(root, TEAM, fakeBridge());
    // Ana won 13 of 23; lifting Ben (10) and Cy (0) by 10% adds 1.
    expect(result(root)).toContain('Today: 23 won; Ana won 13 (57% of the team).');
    expect(result(root)).toContain('Lift the other 2 by 10%: 24 won (+1).');
    expect(result(root)).toContain('Ana alone would have to win 7.7% more for the same gain.');
    expect(result(root)).toContain('Ana could win up to 7.7% less');
  });

  it('recomputes as the lift and the drop are typed', () => {
    const root = host();
    renderTeam(root, TEAM, fakeBridge());
    const lift = byLabel(root, 'Lift the rest by %');
    lift.value = '30';
    lift.dispatchEvent(new Event('input'));
    expect(result(root)).toContain('Lift the other 2 by 30%: 26 won (+3).');
    const drop = byLabel(root, 'Top seller drops by %');
    drop.value = '50';
    drop.dispatchEvent(new Event('input'));
    expect(result(root)).toContain('while Ana drops 50%: 19.5 won (-3.5).');
  });

  it('explains a lift it cannot use', () => {
    const root = host();
    renderTeam(root, TEAM, fakeBridge());
    const lift = byLabel(root, 'Lift the rest by %');
    lift.value = '';
    lift.dispatchEvent(new Event('input'));
    expect(result(root)).toMatch(/lift must be a percentage/);
  });

  it('needs two reps', () => {
    const root = host();
    renderTeam(root, { reps: TEAM.reps.slice(0, 1), teamRate: TEAM.teamRate }, fakeBridge());
    expect(result(root)).toBe('The what-if needs at least two reps.');
  });
});
