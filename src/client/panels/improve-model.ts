/** The Improve panel's items, read in the browser from the Improvements rows the server sends: linted and ordered. */

import { compareImprovements, type Improvement, improvementLint, WHY_COUNT } from '../../core/improvement-lint';
import { headerKey } from '../../shared/schema';
import type { ImproveData, RunChartData } from '../../shared/sidebar-api';
import type { Wire } from '../bridge';

/** An Improvements row as the Improve panel shows and walks it (days as YYYY-MM-DD). */
export interface ImprovementItem extends Improvement {
  readonly row: number;
  /** The row's input cells as read (ImproveData): a save goes through only while the row still holds exactly these. */
  readonly version: string;
  /** What stalls it (core/improvement-lint). */
  readonly lint: readonly string[];
}

export interface ImprovePanel {
  /** By stage (Plan first), oldest first. */
  readonly items: readonly ImprovementItem[];
  /** Owners: the Rep column of Team. */
  readonly owners: readonly string[];
  /** Feedback KPIs: the KPI column of KPIs. */
  readonly kpis: readonly string[];
  /** The run chart of every KPI named in `kpis`, by name. */
  readonly charts: Readonly<Record<string, RunChartData>>;
  /** Today in the spreadsheet's time zone. */
  readonly today: string;
}

const WHY_HEADERS = Array.from({ length: WHY_COUNT }, (_, i) => `Why ${i + 1}`);

/** The items of the rows with their sheet rows, versions and lint, by stage and oldest first (rows without ID or problem skipped). */
export function improvePanelOf(data: Wire<ImproveData>): ImprovePanel {
  const columns = new Map(data.headers.map((h, i) => [headerKey(h), i]));
  const items: ImprovementItem[] = [];
  data.rows.forEach((cells, i) => {
    const get = (header: string) => String(cells[columns.get(headerKey(header)) ?? -1] ?? '').trim();
    const item: Improvement = {
      id: get('ID'),
      raised: get('Raised'),
      raisedBy: get('Raised by'),
      problem: get('Problem'),
      whys: WHY_HEADERS.map(get),
      rootCause: get('Root cause'),
      action: get('Action'),
      owner: get('Owner'),
      due: get('Due'),
      feedbackKpi: get('Feedback KPI'),
      stage: get('Stage'),
      result: get('Result'),
    };
    if (item.id === '' && item.problem === '') return;
    items.push({ ...item, row: i + 2, version: JSON.stringify(cells), lint: improvementLint(item, data.today) });
  });
  return {
    items: items.sort(compareImprovements),
    owners: data.owners,
    kpis: data.kpis,
    charts: data.charts,
    today: data.today,
  };
}
