/** Team panel: honest hit rates (Wilson intervals against the team's p-chart band) and the "no heroes" what-if. */

import { pChartLimits } from '../../core/hit-rate';
import { liftTheRest } from '../../core/what-if';
import type { Bridge } from '../bridge';
import { fill, formatNumber, formatPercent, h, svg, uid } from '../dom';
import type { RepRate, TeamPanel } from './team-model';

export const COMMON_CAUSE = 'within common-cause variation';

const VERDICTS: Record<RepRate['vsTeam'], string> = {
  within: COMMON_CAUSE,
  above: "above the team's limits: a real difference, learn what works",
  below: "below the team's limits: a real difference, find the cause",
  '': 'no closed leads yet',
};

/** HITRATE's p-chart limits for a rep with `n` closed leads, clamped to the 0-1 scale they are drawn on. */
export function pChartBand(teamRate: number, n: number): [number, number] {
  const [lower, upper] = pChartLimits(teamRate, n);
  return [Math.max(0, lower), Math.min(1, upper)];
}

/** One rep's bar: the band behind, the interval on it, the rate and the team rate as ticks. Scale 0-100%. */
function intervalBar(rep: RepRate, teamRate: number): SVGSVGElement {
  const x = (fraction: number) => fraction * 100;
  const parts: SVGElement[] = [];
  const n = rep.won + rep.lost;
  if (n > 0) {
    const [lower, upper] = pChartBand(teamRate, n);
    parts.push(svg('rect', { class: 'band', x: x(lower), y: 0, width: x(upper - lower), height: 14 }));
  }
  parts.push(
    svg('line', {
      class: 'team-line',
      x1: x(teamRate),
      x2: x(teamRate),
      y1: 0,
      y2: 14,
      'vector-effect': 'non-scaling-stroke',
    }),
  );
  if (rep.rate !== null && rep.low !== null && rep.high !== null) {
    parts.push(
      svg('rect', {
        class: 'interval-bar',
        x: x(rep.low),
        y: 4,
        width: Math.max(x(rep.high - rep.low), 0.5),
        height: 6,
      }),
      svg('line', {
        class: 'rate-tick',
        x1: x(rep.rate),
        x2: x(rep.rate),
        y1: 1,
        y2: 13,
        'vector-effect': 'non-scaling-stroke',
      }),
    );
  }
  return svg('svg', { class: 'bar', viewBox: '0 0 100 14', preserveAspectRatio: 'none', 'aria-hidden': 'true' }, parts);
}

function repItem(rep: RepRate, teamRate: number): HTMLElement {
  const figures =
    rep.rate === null || rep.low === null || rep.high === null
      ? '-'
      : `${formatPercent(rep.rate)} (${formatPercent(rep.low)}-${formatPercent(rep.high)})`;
  return h(
    'li',
    { class: `rep vs-${rep.vsTeam || 'none'}` },
    h(
      'div',
      { class: 'rep-line' },
      h('span', { class: 'rep-name' }, rep.rep),
      h('span', { class: 'rep-figures' }, figures),
    ),
    intervalBar(rep, teamRate),
    h('p', { class: 'rep-verdict' }, `${rep.won} won, ${rep.lost} lost: ${VERDICTS[rep.vsTeam]}`),
  );
}

function summary(reps: readonly RepRate[]): string {
  const above = reps.filter((r) => r.vsTeam === 'above').map((r) => r.rep);
  const below = reps.filter((r) => r.vsTeam === 'below').map((r) => r.rep);
  if (above.length === 0 && below.length === 0) {
    return `Every rep is ${COMMON_CAUSE}: the differences are noise, with no one to praise or blame.`;
  }
  const parts: string[] = [];
  if (above.length > 0) parts.push(`above the team's limits: ${above.join(', ')}`);
  if (below.length > 0) parts.push(`below the team's limits: ${below.join(', ')}`);
  return `Real differences (${parts.join('; ')}). Everyone else is ${COMMON_CAUSE}.`;
}

function numberField(label: string, value: number, min: number, max: number): [HTMLElement, HTMLInputElement] {
  const id = uid('whatif');
  const input = h('input', { id, type: 'number', value, min, max, step: 1, inputmode: 'decimal' });
  return [h('div', { class: 'field inline' }, h('label', { for: id }, label), input), input];
}

function whatIf(reps: readonly RepRate[]): HTMLElement {
  const figures = reps.map((r) => ({ name: r.rep, value: r.won }));
  const [liftField, liftInput] = numberField('Lift the rest by %', 10, -100, 1000);
  const [dropField, dropInput] = numberField('Top seller drops by %', 0, 0, 100);
  const out = h('div', { class: 'whatif-result', 'aria-live': 'polite' });
  const update = () => {
    const lift = liftInput.value.trim() === '' ? Number.NaN : Number(liftInput.value);
    const drop = dropInput.value.trim() === '' ? 0 : Number(dropInput.value);
    let lines: string[];
    try {
      const result = liftTheRest(figures, lift, drop);
      if (result === null) lines = ['The what-if needs at least two reps.'];
      else if (result.before === 0) lines = ['Nobody has won a deal yet.'];
      else {
        const top = result.top.name;
        const others = figures.length - 1;
        const change = (value: number) => `${value >= 0 ? '+' : ''}${formatNumber(value)}`;
        lines = [
          `Today: ${formatNumber(result.before)} won; ${top} won ${formatNumber(result.top.value)} (${formatPercent(result.topShare)} of the team).`,
          `Lift the other ${others} by ${formatNumber(lift)}%${drop > 0 ? ` while ${top} drops ${formatNumber(drop)}%` : ''}: ${formatNumber(result.after)} won (${change(result.gain)}).`,
        ];
        if (result.topEquivalent !== null && result.topEquivalent > 0) {
          lines.push(
            `Relying on ${top} instead, ${top} alone would have to win ${formatPercent(result.topEquivalent, 1)} more for the same gain.`,
            `With the rest lifted, ${top} could win up to ${formatPercent(result.breakEvenDrop ?? 0, 1)} less and the team would still win as many as today.`,
          );
        }
      }
    } catch (error) {
      lines = [error instanceof Error ? error.message : String(error)];
    }
    out.replaceChildren(...lines.map((line) => h('p', null, line)));
  };
  liftInput.addEventListener('input', update);
  dropInput.addEventListener('input', update);
  update();
  return h(
    'section',
    { class: 'whatif', 'aria-label': 'What-if: no heroes' },
    h('h3', null, 'What-if: no heroes'),
    h(
      'p',
      { class: 'hint' },
      'Counts won deals. Everyone but the top seller wins X% more; compare that with relying on the top seller.',
    ),
    liftField,
    dropField,
    out,
  );
}

export function renderTeam(host: HTMLElement, data: TeamPanel, _bridge: Bridge): void {
  if (data.reps.length === 0) {
    fill(host, h('p', { class: 'empty' }, 'No reps yet: add them in the Team tab.'));
    return;
  }
  const teamRate = data.teamRate;
  const rates =
    teamRate === null
      ? [h('p', { class: 'empty' }, 'Nobody has closed a lead yet, so there are no hit rates.')]
      : [
          h(
            'p',
            { class: 'headline' },
            h('span', { class: 'figure' }, `Team ${formatPercent(teamRate)}`),
            ' of closed leads won.',
          ),
          h('p', { class: 'summary', role: 'note' }, summary(data.reps)),
          h(
            'ul',
            { class: 'reps', 'aria-label': 'Hit rate per rep' },
            data.reps.map((rep) => repItem(rep, teamRate)),
          ),
          h(
            'p',
            { class: 'hint legend' },
            h('span', { class: 'swatch band' }),
            " Team's 3-sigma limits for the rep's number of deals. ",
            h('span', { class: 'swatch interval' }),
            " The rep's interval. Ticks: rate (dark), team (blue). Scale 0-100%.",
          ),
        ];
  fill(host, ...rates, whatIf(data.reps));
}
