/**
 * Each profile's evidence for or against its assumption, as the Profiles tab's Won, Lost and HITRATE columns give it:
 * every lead goes to its best profile (PROFILEGAP "best", the Leads tab's Best profile), its Status counts won or
 * lost there, and HITRATE's core gives the rate, its Wilson interval and the verdict against the team.
 */

import { FACTOR_NAMES } from '../core/factors';
import { hitRateCells } from '../core/hit-rate';
import { OPEN, readOutcome, WON } from '../core/outcomes';
import { profileGap } from '../core/profile-gap';
import type { ProfileEvidence } from '../shared/sidebar-api';
import type { Rows } from './panel-data';
import { cell, text } from './store';

/** One entry per named profile, in the tab's order; `weights` as the Factors tab gives them. */
export function profileEvidence(profiles: Rows, leads: Rows, weights: readonly number[]): ProfileEvidence[] {
  const named = profiles.rows.filter((row) => text(cell(profiles, row, 'Profile')) !== '');
  if (named.length === 0) return [];
  const names = named.map((row) => text(cell(profiles, row, 'Profile')));
  const won = new Map<string, number>();
  const lost = new Map<string, number>();
  const closed = leads.rows.filter((row) => readOutcome(cell(leads, row, 'Status')) !== OPEN);
  if (closed.length > 0) {
    const ratings = closed.map((row) => FACTOR_NAMES.map((f) => cell(leads, row, f)));
    const targets = named.map((row, i) => [names[i], ...FACTOR_NAMES.map((f) => cell(profiles, row, f))]);
    const best = profileGap(ratings, targets, [weights], 'best');
    closed.forEach((row, i) => {
      const counts = readOutcome(cell(leads, row, 'Status')) === WON ? won : lost;
      const name = String(best[i][0]);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    });
  }
  const counts = names.map((name): [number, number] => [won.get(name) ?? 0, lost.get(name) ?? 0]);
  const rates = hitRateCells(counts);
  return names.map((profile, i) => ({
    profile,
    assumption: text(cell(profiles, named[i], 'Assumption')),
    won: counts[i][0],
    lost: counts[i][1],
    ...rates[i],
  }));
}
