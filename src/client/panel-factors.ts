/** The factors as the panels use them: the Factors tab's ten rows, or the built-in ten with equal weights. */

import { FACTORS } from '../core/factors';
import type { FactorInfo } from '../shared/sidebar-api';

/** The Factors tab's rows when it gives ten; otherwise the built-in factors, each weighing 1 (LEADSCORE's default). */
export function factorsOf(given: readonly FactorInfo[]): readonly FactorInfo[] {
  if (given.length === FACTORS.length) return given;
  return FACTORS.map((f) => ({ ...f, weight: 1 }));
}
