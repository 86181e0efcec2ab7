/**
 * Information quality beyond ratings: what makes a lead's row untrustworthy even when its ten ratings are fine. A
 * company recorded twice (same name, case and spacing aside), a Won or Lost lead without a Closed date, a Closed
 * date before Created, and a lead created outside its campaign's Start..End. Pure: dates come in as YYYY-MM-DD.
 */

import { dayNumber } from './stale-ratings';

/** What the checks read of one lead; dates as YYYY-MM-DD, '' when blank (any other text is not checked). */
export interface QualityLead {
  readonly lead: string;
  readonly company: string;
  readonly status: string;
  readonly created: string;
  readonly closed: string;
  readonly campaign: string;
}

/** A campaign's dates as YYYY-MM-DD; '' leaves that side open. */
export interface CampaignDates {
  readonly campaign: string;
  readonly start: string;
  readonly end: string;
}

/** One defect of the lead at `index`: the column whose cell is wrong, and a sentence saying what is wrong. */
export interface QualityDefect {
  readonly index: number;
  readonly column: 'Company' | 'Closed' | 'Created';
  readonly defect: string;
}

/** A company name as duplicates are judged: case and every kind of spacing aside (`ACME  ab` is `Acme AB`). */
export function companyKey(company: string): string {
  return company.replace(/\s+/gu, '').toLowerCase();
}

const key = (text: string) => text.trim().toLowerCase();
const NEEDS_CLOSED = new Set(['won', 'lost']);

/** The first lead whose company is `company` (case and spacing aside), or undefined; a blank company matches none. */
export function sameCompany<T extends { readonly company: string }>(
  company: string,
  leads: readonly T[],
): T | undefined {
  const wanted = companyKey(company);
  if (wanted === '') return undefined;
  return leads.find((lead) => companyKey(lead.company) === wanted);
}

/** Most other leads a duplicate names; the rest are counted. */
const NAMED = 3;

/** `L-0012`, `L-0012 and L-0030`, `L-0012, L-0030 and L-0041`, or `L-0012, L-0030, L-0041 and 7 more`. */
function names(ids: readonly string[], total: number): string {
  if (total > ids.length) return `${ids.join(', ')} and ${total - ids.length} more`;
  return ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

const day = (iso: string) => (iso.trim() === '' ? undefined : dayNumber(iso.trim()));

/** Every quality defect of `leads`, lead by lead in row order, each lead's in the order Company, Closed, Created. */
export function leadQualityDefects(
  leads: readonly QualityLead[],
  campaigns: readonly CampaignDates[] = [],
): QualityDefect[] {
  const byCompany = new Map<string, number[]>();
  leads.forEach((lead, i) => {
    const k = companyKey(lead.company);
    if (k === '') return;
    const list = byCompany.get(k);
    if (list) list.push(i);
    else byCompany.set(k, [i]);
  });
  const byCampaign = new Map<string, CampaignDates>();
  for (const c of campaigns)
    if (key(c.campaign) !== '' && !byCampaign.has(key(c.campaign))) byCampaign.set(key(c.campaign), c);
  const defects: QualityDefect[] = [];
  leads.forEach((lead, index) => {
    const same = byCompany.get(companyKey(lead.company)) ?? [];
    if (same.length > 1) {
      // The first few others by row, so 10,000 copies of one company stay linear.
      const others = same
        .slice(0, NAMED + 1)
        .filter((j) => j !== index)
        .slice(0, NAMED)
        .map((j) => leads[j].lead.trim() || `row ${j + 2}`);
      defects.push({ index, column: 'Company', defect: `Same company as ${names(others, same.length - 1)}` });
    }
    const status = lead.status.trim();
    const created = day(lead.created);
    const closed = day(lead.closed);
    if (NEEDS_CLOSED.has(key(status)) && lead.closed.trim() === '') {
      defects.push({ index, column: 'Closed', defect: `${status} without a Closed date` });
    } else if (created !== undefined && closed !== undefined && closed < created) {
      defects.push({
        index,
        column: 'Closed',
        defect: `Closed ${lead.closed.trim()} is before Created ${lead.created.trim()}`,
      });
    }
    const campaign = byCampaign.get(key(lead.campaign));
    if (campaign && created !== undefined) {
      const start = day(campaign.start);
      const end = day(campaign.end);
      if ((start !== undefined && created < start) || (end !== undefined && created > end)) {
        const span = `${campaign.start.trim() || '…'} to ${campaign.end.trim() || '…'}`;
        defects.push({
          index,
          column: 'Created',
          defect: `Created ${lead.created.trim()}, outside campaign ${campaign.campaign.trim()} (${span})`,
        });
      }
    }
  });
  return defects;
}
