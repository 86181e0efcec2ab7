/**
 * Check panel: does the score rank won leads above lost ones? The score bands with their win rates and intervals,
 * the AUC in words, and the current weights against the ones the closed leads suggest, each cross-validated; the
 * suggestion can be applied only when it does better on leads it was not learned from.
 */

import { type Bridge, errorMessage } from '../bridge';
import { fill, formatNumber, formatPercent, h, say, statusRegion, type Tone } from '../dom';
import { intervalBar } from '../score-bars';
import {
  applyRequestOf,
  type CheckPanel,
  checkPanelOf,
  type ScoreBand,
  type ScoreRanking,
  type WeightsCheck,
} from './check-model';

export const APPLY = 'Apply suggested weights';
const COIN_TOSS = 0.5;

/** An AUC or a weight with two decimals: 0.81. */
const two = (value: number) => value.toFixed(2);
const leads = (n: number) => `${n} ${n === 1 ? 'lead' : 'leads'}`;

function bandItem(band: ScoreBand): HTMLElement {
  const hasRate = band.rate !== null && band.low !== null && band.high !== null;
  const figures = hasRate
    ? `${formatPercent(band.rate as number)} won (${formatPercent(band.low as number)}-${formatPercent(band.high as number)})`
    : 'no closed leads';
  return h(
    'li',
    { class: 'check-band' },
    h(
      'div',
      { class: 'rep-line' },
      h('span', { class: 'rep-name' }, `Score ${band.band}`),
      h('span', { class: 'rep-figures' }, figures),
    ),
    intervalBar(band.rate, band.low, band.high),
    band.closed > 0 && h('p', { class: 'rep-verdict' }, `${band.won} won of ${band.closed} closed`),
  );
}

function bandsSection(bands: readonly ScoreBand[]): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'check-bands' },
    h('h3', { id: 'check-bands' }, 'Win rate by score band'),
    h(
      'p',
      { class: 'hint' },
      'Closed leads by their Score: the bar is the share won, the whisker its 95% interval. ' +
        'If the score works, higher bands win more often.',
    ),
    h('ul', { class: 'reps check-bands', 'aria-label': 'Win rate per score band' }, bands.map(bandItem)),
  );
}

/** The AUC's verdict against a coin toss, from its interval. */
function aucVerdict(low: number, high: number): [string, string] {
  if (low > COIN_TOSS) return ['good', 'clearly better than a coin toss'];
  if (high < COIN_TOSS) return ['bad', 'worse than a coin toss: lost leads tend to score higher'];
  return ['warn', 'not clearly better than a coin toss yet'];
}

function rankingSection(ranking: ScoreRanking): HTMLElement {
  const closed = ranking.won + ranking.lost;
  const title = h('h3', { id: 'check-ranking' }, 'Does the score rank won leads above lost ones?');
  if (ranking.auc === null || ranking.low === null || ranking.high === null) {
    return h(
      'section',
      { 'aria-labelledby': 'check-ranking' },
      title,
      h(
        'p',
        { class: 'empty' },
        `Not yet: this needs at least 1 won and 1 lost lead with a score; there are ${ranking.won} won and ${ranking.lost} lost.`,
      ),
    );
  }
  const [tone, verdict] = aucVerdict(ranking.low, ranking.high);
  return h(
    'section',
    { 'aria-labelledby': 'check-ranking' },
    title,
    h(
      'p',
      { class: 'headline' },
      h('span', { class: 'figure' }, `AUC ${two(ranking.auc)}`),
      ` (95% interval ${two(ranking.low)}-${two(ranking.high)}) `,
      h('span', { class: `badge tone-${tone}` }, verdict),
    ),
    intervalBar(ranking.auc, ranking.low, ranking.high, [COIN_TOSS]),
    h(
      'p',
      null,
      `Take a won and a lost lead at random: the won one has the higher score ${formatPercent(ranking.auc)} of the time. ` +
        '0.5 is a coin toss, 1 a perfect ranking.',
    ),
    h(
      'p',
      { class: 'hint' },
      `Rests on ${leads(closed)} closed with a score: ${ranking.won} won, ${ranking.lost} lost. Line: a coin toss.`,
    ),
  );
}

function weightsTable(factors: readonly string[], check: WeightsCheck): HTMLTableElement {
  const suggested = check.suggested;
  const head = ['Factor', 'Now', ...(suggested ? ['Suggested'] : [])];
  const auc = (value: number | null) => (value === null ? '-' : two(value));
  return h(
    'table',
    { class: 'verdicts check-weights' },
    h('caption', null, suggested ? 'Weights: today and suggested' : 'Weights today'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        head.map((text) => h('th', { scope: 'col', class: text === 'Factor' ? '' : 'num' }, text)),
      ),
    ),
    h(
      'tbody',
      null,
      factors.map((name, i) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, name),
          h('td', { class: 'num' }, formatNumber(check.current[i], 2)),
          suggested && h('td', { class: 'num' }, formatNumber(suggested[i], 2)),
        ),
      ),
    ),
    suggested &&
      h(
        'tfoot',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, 'Cross-validated AUC'),
          h('td', { class: 'num' }, auc(check.currentAuc)),
          h('td', { class: 'num' }, auc(check.suggestedAuc)),
        ),
      ),
  );
}

function weightsSection(data: CheckPanel, bridge: Bridge, host: HTMLElement): HTMLElement {
  const check = data.weights;
  const closed = `${check.won} won and ${check.lost} lost`;
  const parts: (HTMLElement | false)[] = [];
  if (check.status === 'too little data') {
    parts.push(
      h(
        'p',
        { class: 'notice info', role: 'note' },
        `A suggestion needs at least ${check.minimum} won and ${check.minimum} lost leads, each with all ten ratings; ` +
          `there are ${closed}. Until then keep the current weights, and close and rate more leads.`,
      ),
    );
  } else if (check.status === 'no factor separates') {
    parts.push(
      h(
        'p',
        { class: 'notice info', role: 'note' },
        `No factor separates the ${closed} leads: nothing to suggest, keep the current weights.`,
      ),
    );
  } else {
    parts.push(
      h(
        'p',
        { class: 'hint' },
        `Cross-validated on the ${closed} closed leads with all ten ratings, in ${check.folds} folds: ` +
          'each lead is scored by weights learned without it, so the suggestion cannot flatter itself.',
      ),
    );
  }
  parts.push(weightsTable(data.factors, check));
  const { suggestedAuc, currentAuc } = check;
  if (check.status === 'ready' && suggestedAuc !== null && currentAuc !== null) {
    const request = applyRequestOf(data);
    if (request) {
      const status = statusRegion();
      const apply = h('button', { type: 'button', class: 'primary', onclick: () => run() }, APPLY);
      const run = () => {
        apply.disabled = true;
        say(status, 'Applying the suggested weights…');
        bridge
          .applySuggestedWeights(request)
          .then((result) => {
            const note = result.ok
              ? `Applied: Factors now holds the suggested weights, and ${result.improvement} in Improvements (row ${result.row}) records the change.`
              : result.message;
            draw(host, checkPanelOf(result.panel), bridge, { text: note, tone: result.ok ? 'ok' : 'info' });
          })
          .catch((error: unknown) => {
            apply.disabled = false;
            say(status, `Nothing was applied: ${errorMessage(error)}`, 'error');
          });
      };
      parts.push(
        h(
          'p',
          { class: 'summary verdict-better' },
          `The suggested weights rank won leads above lost ones better: ${two(suggestedAuc)} against ${two(currentAuc)} today, on leads they were not learned from.`,
        ),
        h('div', { class: 'actions' }, apply),
        h(
          'p',
          { class: 'hint' },
          'Writes the ten weights (two decimals) into Factors and records the change, with both AUCs, in Improvements.',
        ),
        status,
      );
    } else {
      parts.push(
        h(
          'p',
          { class: 'summary' },
          `The current weights are as good as the data can tell: ${two(currentAuc)} today against ${two(suggestedAuc)} for the suggestion. Keep them.`,
        ),
      );
    }
  }
  return h(
    'section',
    { 'aria-labelledby': 'check-weights' },
    h('h3', { id: 'check-weights' }, 'Weights: today against the suggestion'),
    ...parts,
  );
}

interface Notice {
  readonly text: string;
  readonly tone: Tone;
}

function draw(host: HTMLElement, data: CheckPanel, bridge: Bridge, notice: Notice | null): void {
  const top = statusRegion('status check-notice');
  top.tabIndex = -1;
  fill(
    host,
    top,
    rankingSection(data.ranking),
    bandsSection(data.bands),
    weightsSection(data, bridge, host),
    h('p', { class: 'hint' }, 'The Score check tab shows the same blocks as formulas.'),
  );
  if (notice) {
    say(top, notice.text, notice.tone);
    // The button the user pressed is gone with the redraw: the message is where they are now.
    top.focus();
  }
}

export function renderCheck(host: HTMLElement, data: CheckPanel, bridge: Bridge): void {
  draw(host, data, bridge, null);
}
