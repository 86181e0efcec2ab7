/** The KPIs panel's lints, computed in the browser from the KPIs and Internal customers rows the server sends. */

import { type CustomerFinding, internalCustomersLint } from '../../core/internal-customers-lint';
import { type KpiPart, missingKpiParts } from '../../core/kpi-lint';
import type { KpiRow, KpisData } from '../../shared/sidebar-api';
import type { Wire } from '../bridge';

export interface KpiLint {
  readonly row: number;
  readonly kpi: string;
  /** What the KPI lacks: any of `Why`, `When`, `How`, `Who`, `Target`. */
  readonly missing: readonly KpiPart[];
}

export interface KpisPanel {
  readonly kpis: readonly KpiRow[];
  readonly lint: readonly KpiLint[];
  /** Information through a second party, not or partly provided, and KPIs whose Who is no listed receiver. */
  readonly customers: readonly CustomerFinding[];
}

/** The lint of KPIs missing WHY, WHEN, HOW, WHO or a target, and the Internal customers lint (which checks each Who). */
export function kpisPanelOf(data: Wire<KpisData>): KpisPanel {
  const customers = internalCustomersLint(
    data.internalCustomers,
    data.kpis.map(({ row, kpi, who }) => ({ row, kpi, who })),
  );
  const lint = data.kpis
    .map((k) => ({
      row: k.row,
      kpi: k.kpi,
      missing: missingKpiParts({ Why: k.why, When: k.when, How: k.how, Who: k.who, Target: k.target }),
    }))
    .filter((k) => k.missing.length > 0);
  return { kpis: data.kpis, lint, customers };
}
