/** KPI lint: a KPI is trusted only when its purpose, rhythm, method, audience and target are written down. */

import { isBlank } from './cells';

/** The parts of a KPI the lint checks, by the name it reports when one is missing. */
const KPI_PARTS = ['Why', 'When', 'How', 'Who', 'Target'] as const;
export type KpiPart = (typeof KPI_PARTS)[number];

/** What the KPI lacks, in KPI_PARTS order; empty when it is complete. */
export function missingKpiParts(kpi: Readonly<Record<KpiPart, unknown>>): KpiPart[] {
  return KPI_PARTS.filter((part) => isBlank(kpi[part]));
}
