/** What the Check panel shows for a workbook, computed as the sidebar computes it, and what applying it sends. */

import { applyRequestOf, type CheckPanel, checkPanelOf } from '../../src/client/panels/check-model';
import type { ApplyWeightsRequest, CheckData } from '../../src/shared/sidebar-api';
import { call, type Workbook } from './harness';

export interface Shown {
  readonly data: CheckData;
  readonly panel: CheckPanel;
  /** What Apply sends; for a panel that offers nothing, what it would send with the numbers it shows. */
  readonly request: ApplyWeightsRequest;
}

export function shownCheck(workbook: Workbook): Shown {
  const data = call<CheckData>(workbook, 'getCheckPanel');
  const panel = checkPanelOf(data);
  const { suggested, currentAuc, suggestedAuc } = panel.weights;
  const request = applyRequestOf(panel) ?? {
    fingerprint: data.fingerprint,
    suggested: suggested ?? [],
    currentAuc: currentAuc ?? 0,
    suggestedAuc: suggestedAuc ?? 0,
  };
  return { data, panel, request };
}
