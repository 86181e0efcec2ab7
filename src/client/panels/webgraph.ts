/**
 * Webgraph panel: every campaign against every profile as a match matrix (best profile per campaign marked), each
 * profile's assumption with the evidence for it, and a chosen pair as a radar chart with PROFILEGAP's verdicts.
 */

import { FACTOR_NAMES } from '../../core/factors';
import { profileGap, VERDICTS } from '../../core/profile-gap';
import type { ChartRequest, NamedVector, ProfileEvidence, WebgraphPanel } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { fill, formatNumber, formatPercent, h, say, statusRegion, uid } from '../dom';
import { factorsOf } from '../panel-factors';
import { isDrawable, RADAR_CAPTION, type RadarSeries, radarChart } from '../radar';

type TargetKind = ChartRequest['target']['kind'];

export interface Comparison {
  /** PROFILEGAP "match": 0-100, or the defect text when a vector is incomplete or invalid. */
  readonly match: number | string;
  /** PROFILEGAP "verdict", one per factor: `aligned`, `wasted`, `missed`, or `''` (a blank factor weighted 0). */
  readonly verdicts: readonly string[];
}

const TONES: Record<string, string> = {
  [VERDICTS.aligned]: 'good',
  [VERDICTS.wasted]: 'warn',
  [VERDICTS.missed]: 'bad',
};

const cells = (values: readonly (number | null)[]) => values.map((v) => v ?? '');

/** Match % and per-factor verdicts of `target` against `profile`, from src/core/profile-gap.ts. */
export function compare(profile: NamedVector, target: NamedVector, weights: readonly number[]): Comparison {
  const [match] = profileGap([cells(profile.values)], [cells(target.values)], [weights], 'match')[0];
  if (typeof match !== 'number') return { match: String(match) || 'one of the two has no values yet', verdicts: [] };
  const verdicts = profileGap([cells(profile.values)], [cells(target.values)], [weights], 'verdict')[0];
  return { match, verdicts: verdicts.map(String) };
}

/** The match matrix: `match[c][p]` of campaign c with profile p (0-100 or a defect text), `best[c]` its best profile. */
export interface Matrix {
  readonly match: readonly (readonly (number | string)[])[];
  /** Index of the best profile per campaign, -1 when none could be compared. */
  readonly best: readonly number[];
}

/** PROFILEGAP "match" of every campaign (row) with every profile (column), and "best" per campaign, by the core. */
export function matchMatrix(
  campaigns: readonly NamedVector[],
  profiles: readonly NamedVector[],
  weights: readonly number[],
): Matrix {
  const rows = campaigns.map((c) => cells(c.values));
  const match = profileGap(
    rows,
    profiles.map((p) => cells(p.values)),
    [weights],
    'match',
  ).map((row) => row.map((v) => (typeof v === 'number' ? v : String(v))));
  const named = profiles.map((p) => [p.name, ...cells(p.values)]);
  const best = profileGap(rows, named, [weights], 'best').map(([name]) => profiles.findIndex((p) => p.name === name));
  return { match, best };
}

const VS_TEAM: Record<string, string> = {
  above: 'above the team',
  below: 'below the team',
  within: 'within the team’s range',
};

/** `Ready buyer: 9 won, 3 lost, 75% (47-91%), above the team`. */
export function evidenceLine(e: ProfileEvidence): string {
  const counts = `${e.profile}: ${e.won} won, ${e.lost} lost`;
  if (e.rate === null || e.low === null || e.high === null) return `${counts}, no closed leads yet`;
  const interval = `${formatPercent(e.rate)} (${formatNumber(e.low * 100, 0)}-${formatPercent(e.high)})`;
  return [counts, interval, VS_TEAM[e.vsTeam]].filter(Boolean).join(', ');
}

/** Each profile's evidence line with its Assumption under it. */
function evidenceList(evidence: readonly ProfileEvidence[]): HTMLElement {
  return h(
    'section',
    { class: 'evidence', 'aria-label': 'Profiles: assumption and evidence' },
    h('h3', null, 'Do the outcomes support each profile?'),
    h(
      'ul',
      null,
      evidence.map((e) =>
        h(
          'li',
          null,
          h('span', { class: 'evidence-line' }, evidenceLine(e)),
          h(
            'span',
            { class: 'assumption' },
            e.assumption
              ? `Assumption: ${e.assumption}`
              : 'No assumption written yet: add one in the Profiles tab’s Assumption column.',
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      'Won and lost: closed leads whose best profile it is. The range is the 95% interval; “above” or “below the team” means a real difference, not luck.',
    ),
  );
}

/** Every campaign (row) against every profile (column); a cell compares the pair below. */
function matrixTable(
  data: WebgraphPanel,
  matrix: Matrix,
  pick: (profile: number, campaign: number) => void,
): HTMLElement {
  return h(
    'table',
    { class: 'matrix' },
    h('caption', null, 'Match % of each campaign with each profile (100 = identical). “best”: its closest profile.'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Campaign'),
        data.profiles.map((p) => h('th', { scope: 'col' }, p.name)),
      ),
    ),
    h(
      'tbody',
      null,
      data.campaigns.map((c, ci) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, c.name),
          data.profiles.map((p, pi) => {
            const value = matrix.match[ci]?.[pi];
            const best = matrix.best[ci] === pi;
            const shown = typeof value === 'number' ? `${formatNumber(value, 0)}%` : '-';
            const button = h(
              'button',
              {
                type: 'button',
                class: 'link',
                title: typeof value === 'number' ? undefined : String(value),
                'aria-label': `${c.name} with ${p.name}: ${typeof value === 'number' ? `match ${shown}` : `no match, ${value}`}${best ? ', best profile' : ''}. Compare below.`,
              },
              shown,
              best ? h('span', { class: 'best-mark' }, ' best') : null,
            );
            button.addEventListener('click', () => pick(pi, ci));
            return h('td', { class: best ? 'num best' : 'num' }, button);
          }),
        ),
      ),
    ),
  );
}

/** Insert as formula: the matrix as PROFILEGAP formulas on a new tab; `status` says where. */
function matrixFormulaButton(bridge: Bridge, status: HTMLElement): HTMLButtonElement {
  const insert = h('button', { type: 'button' }, 'Insert as formula');
  insert.addEventListener('click', () => {
    say(status, 'Writing the matrix formula…');
    bridge
      .insertMatrixFormula()
      .then((placed) =>
        say(status, `Matrix written to the new ${placed.sheet} tab: ${placed.formula} in ${placed.cell}.`, 'ok'),
      )
      .catch((error: unknown) => say(status, `No matrix written: ${errorMessage(error)}`, 'error'));
  });
  return insert;
}

function matrixSection(
  data: WebgraphPanel,
  weights: readonly number[],
  bridge: Bridge,
  pick: (p: number, c: number) => void,
) {
  if (data.campaigns.length === 0) return null;
  let matrix: Matrix;
  try {
    matrix = matchMatrix(data.campaigns, data.profiles, weights);
  } catch (error) {
    return h('p', { class: 'error' }, `No match matrix: ${errorMessage(error)}`);
  }
  const status = statusRegion();
  return h(
    'section',
    { class: 'matrix-section', 'aria-label': 'Match matrix' },
    h('h3', null, 'Campaigns against profiles'),
    h('div', { class: 'table-scroll' }, matrixTable(data, matrix, pick)),
    h('div', { class: 'matrix-actions' }, matrixFormulaButton(bridge, status)),
    status,
  );
}

function select(label: string, control: HTMLSelectElement): HTMLElement {
  const id = uid('webgraph');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

interface Chosen {
  readonly profile: NamedVector;
  readonly kind: TargetKind;
  readonly target: NamedVector;
}

/** What to say instead of the webgraph while there is nothing to compare. */
function missingData(data: WebgraphPanel): string | undefined {
  if (data.profiles.length === 0) return 'No profiles yet: add ideal lead profiles in the Profiles tab.';
  if (data.campaigns.length === 0 && data.leads.length === 0) {
    return 'No campaigns or leads to compare with the profiles yet.';
  }
  return undefined;
}

/** The campaigns and leads to compare with, grouped; an option's value is `kind:index`. */
function targetSelect(targets: Readonly<Record<TargetKind, readonly NamedVector[]>>): HTMLSelectElement {
  const group = (kind: TargetKind, label: string) =>
    targets[kind].length > 0 &&
    h(
      'optgroup',
      { label },
      targets[kind].map((t, i) => h('option', { value: `${kind}:${i}` }, t.name)),
    );
  return h('select', null, group('campaign', 'Campaigns'), group('lead', 'Leads'));
}

/** Who is who in the chart, and which of the two could not be drawn. */
function legend(series: readonly RadarSeries[], targetLabel: string): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    series.map((s, i) =>
      h(
        'li',
        null,
        h('span', { class: `swatch ${s.className}`, 'aria-hidden': 'true' }),
        `${i === 0 ? 'Profile' : targetLabel}: `,
        h('span', { class: 'legend-name' }, s.name),
        isDrawable(s.values, FACTOR_NAMES.length) ? null : ' (not drawn: incomplete or invalid)',
      ),
    ),
  );
}

function verdictRow(name: string, i: number, { profile, target }: Chosen, verdicts: readonly string[]): HTMLElement {
  return h(
    'tr',
    null,
    h('th', { scope: 'row' }, name),
    h('td', { class: 'num' }, formatValue(profile.values[i])),
    h('td', { class: 'num' }, formatValue(target.values[i])),
    h('td', null, h('span', { class: `badge tone-${TONES[verdicts[i]] ?? 'none'}` }, verdicts[i] || '-')),
  );
}

/** Both vectors and PROFILEGAP's verdict, factor by factor. */
function verdictTable(chosen: Chosen, targetLabel: string, verdicts: readonly string[]): HTMLElement {
  return h(
    'table',
    { class: 'verdicts' },
    h('caption', null, 'Per factor: gap of more than 1 step is wasted or missed.'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Factor', 'Profile', targetLabel, 'Verdict'].map((text) => h('th', { scope: 'col' }, text)),
      ),
    ),
    h(
      'tbody',
      null,
      FACTOR_NAMES.map((name, i) => verdictRow(name, i, chosen, verdicts)),
    ),
  );
}

function matchHeadline(match: number | string): HTMLElement {
  return h(
    'p',
    { class: 'headline' },
    typeof match === 'number'
      ? [h('span', { class: 'figure match' }, `Match ${formatNumber(match)}%`), ' (100% = identical).']
      : h('span', { class: 'error' }, `No match: ${match}`),
  );
}

/** The radar chart of the two, its legend, the match % and, when both are complete, the verdicts. */
function comparisonView(result: HTMLElement, chosen: Chosen, weights: readonly number[]): void {
  const { profile, kind, target } = chosen;
  const targetLabel = kind === 'campaign' ? 'Campaign' : 'Lead';
  let comparison: Comparison;
  try {
    comparison = compare(profile, target, weights);
  } catch (error) {
    result.replaceChildren(h('p', { class: 'error' }, errorMessage(error)));
    return;
  }
  const series = [
    { name: profile.name, values: profile.values, className: 'series-profile' },
    { name: target.name, values: target.values, className: 'series-target' },
  ];
  const verdicts = comparison.verdicts.length > 0;
  fill(
    result,
    h(
      'figure',
      { class: 'radar-figure' },
      radarChart(FACTOR_NAMES, series, `Radar chart of ${profile.name} and ${target.name} on the ten factors`),
      h('figcaption', null, RADAR_CAPTION),
    ),
    legend(series, targetLabel),
    matchHeadline(comparison.match),
    verdicts && verdictTable(chosen, targetLabel, comparison.verdicts),
    verdicts &&
      h(
        'p',
        { class: 'hint' },
        `Wasted: the ${targetLabel.toLowerCase()} works on a weakness the profile does not have. Missed: the profile has a weakness it does not address.`,
      ),
  );
}

/** Insert chart: the chosen pair as a native radar chart in the Charts tab; `status` says where it went. */
function insertButton(bridge: Bridge, chosen: () => Chosen, status: HTMLElement): HTMLButtonElement {
  const insert = h('button', { type: 'button', class: 'primary' }, 'Insert chart');
  insert.addEventListener('click', () => {
    const { profile, kind, target } = chosen();
    say(status, 'Inserting chart…');
    bridge
      .insertComparisonChart({ profile: profile.name, target: { kind, name: target.name } })
      .then((placed) =>
        say(
          status,
          [`Chart inserted in ${placed.sheet}, drawn from ${placed.range}.`, placed.note].filter(Boolean).join(' '),
          'ok',
        ),
      )
      .catch((error: unknown) => say(status, `No chart inserted: ${errorMessage(error)}`, 'error'));
  });
  return insert;
}

export function renderWebgraph(host: HTMLElement, data: WebgraphPanel, bridge: Bridge): void {
  const missing = missingData(data);
  if (missing) {
    fill(host, h('p', { class: 'empty' }, missing));
    return;
  }
  const weights = factorsOf(data.factors).map((f) => f.weight);
  const targets: Record<TargetKind, readonly NamedVector[]> = { campaign: data.campaigns, lead: data.leads };
  const profiles = h(
    'select',
    null,
    data.profiles.map((p, i) => h('option', { value: i }, p.name)),
  );
  const compareWith = targetSelect(targets);
  const chosen = (): Chosen => {
    const [kind, index] = compareWith.value.split(':') as [TargetKind, string];
    return { profile: data.profiles[Number(profiles.value)], kind, target: targets[kind][Number(index)] };
  };
  const result = h('div', { class: 'comparison' });
  const draw = () => comparisonView(result, chosen(), weights);
  profiles.addEventListener('change', draw);
  compareWith.addEventListener('change', draw);
  const status = statusRegion();
  const pick = (profile: number, campaign: number) => {
    profiles.value = String(profile);
    compareWith.value = `campaign:${campaign}`;
    draw();
    profiles.focus();
  };
  fill(
    host,
    matrixSection(data, weights, bridge, pick),
    data.evidence && data.evidence.length > 0 ? evidenceList(data.evidence) : null,
    h('h3', null, 'One profile against a campaign or a lead'),
    select('Profile', profiles),
    select('Compare with', compareWith),
    result,
    h('div', { class: 'actions' }, insertButton(bridge, chosen, status)),
    status,
  );
  draw();
}

function formatValue(value: number | null | undefined): string {
  return typeof value === 'number' ? formatNumber(value, 2) : '-';
}
