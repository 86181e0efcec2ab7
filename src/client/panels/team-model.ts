/** The Team panel's hit rates, computed in the browser by HITRATE's core from the reps' won and lost leads. */

import { type HitRateCells, hitRateCells } from '../../core/hit-rate';
import type { RepCount, TeamData } from '../../shared/sidebar-api';
import type { Wire } from '../bridge';

/** A rep's closed leads and HITRATE's cells for them (blank, null, when the rep has none). */
export interface RepRate extends RepCount, HitRateCells {}

export interface TeamPanel {
  readonly reps: readonly RepRate[];
  /** The pooled rate over every rep, or null when nobody has closed a lead. */
  readonly teamRate: number | null;
}

/** Each rep's won and lost leads with HITRATE's interval and p-chart verdict, and the pooled rate. */
export function teamPanelOf(data: Wire<TeamData>): TeamPanel {
  const reps = data.reps;
  if (reps.length === 0) return { reps: [], teamRate: null };
  const rates = hitRateCells(reps.map(({ won, lost }) => [won, lost]));
  let wins = 0;
  let total = 0;
  const result: RepRate[] = reps.map(({ rep, won, lost }, i) => {
    wins += won;
    total += won + lost;
    return { rep, won, lost, ...rates[i] };
  });
  return { reps: result, teamRate: total > 0 ? wins / total : null };
}
