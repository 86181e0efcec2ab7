/** Webgraph panel: a profile against a campaign or a lead as a radar chart, with PROFILEGAP's match % and verdicts. */

import { FACTOR_NAMES } from '../../core/factors';
import { profileGap, VERDICTS } from '../../core/profile-gap';
import type { ChartRequest, NamedVector, WebgraphPanel } from '../../shared/sidebar-api';
import { type Bridge, errorMessage } from '../bridge';
import { fill, formatNumber, h, say, statusRegion, uid } from '../dom';
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
  fill(
    host,
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
