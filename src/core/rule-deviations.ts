/**
 * Deviations from the team's qualification rule: a Status that says more, or less, than QUALIFY says about the same
 * ratings. Computed from the ratings by the same core as QUALIFY, never read from the Rule column.
 */

import type { OutCell } from './cells';
import { LEAD_STATUS } from './lead-statuses';
import { QUALIFIED } from './qualify';

const key = (status: string) => status.trim().toLowerCase();
const CLAIMS_QUALIFIED = new Set([LEAD_STATUS.qualified, LEAD_STATUS.won].map(key));
const CLAIMS_NOT_QUALIFIED = key(LEAD_STATUS.disqualified);

/**
 * The deviation of a lead with this `status` whose ratings the rule judged `verdict` (QUALIFY's cell), as a sentence,
 * or undefined when there is none. A lead the rule cannot judge (blank, incomplete or invalid ratings) deviates from
 * nothing: its defect is listed as a rating defect.
 */
export function deviationOf(status: string, verdict: OutCell): string | undefined {
  if (typeof verdict !== 'string') return undefined;
  const s = key(status);
  if (CLAIMS_QUALIFIED.has(s) && verdict.startsWith('not qualified')) {
    return `Status ${status.trim()}, but the rule says ${verdict}`;
  }
  if (s === CLAIMS_NOT_QUALIFIED && verdict === QUALIFIED)
    return `Status ${status.trim()}, but the rule says qualified`;
  return undefined;
}
