/** The sidebar's panel loaders (part of SidebarApi): each panel's data in one call, reading each table it needs once. */

import { FACTOR_NAMES } from '../core/factors';
import type { CampaignDates } from '../core/lead-quality';
import {
  CAMPAIGNS_TAB,
  FACTORS_TAB,
  INTERNAL_CUSTOMERS_TAB,
  KPI_LOG_TAB,
  KPIS_TAB,
  LEADS_TAB,
  PROFILES_TAB,
  SEGMENTS_TAB,
  TEAM_TAB,
} from '../shared/schema';
import type { KpisData, LeadsPanel, SegmentsData, TeamData, WebgraphPanel } from '../shared/sidebar-api';
import { isoToday } from './dates';
import { qualifyRule, readSettings, rerateAfterDays } from './lead-rule';
import {
  dateText,
  factorInfo,
  kpisData,
  leadLists,
  type Rows,
  segmentsData,
  teamData,
  vectors,
  webgraphLeads,
} from './panel-data';
import { profileEvidence } from './profile-evidence';
import { leadChoices } from './save-lead';
import { computedColumnProblems } from './spill-check';
import { cell, readTable, text } from './store';

const LEAD_COLUMNS = ['Lead', 'Company', 'Owner', 'Segment', 'Status', ...FACTOR_NAMES];

/** Each campaign's Start and End as YYYY-MM-DD ('' when blank), for the leads created outside them. */
function campaignDates(campaigns: Rows, timeZone: string): CampaignDates[] {
  return campaigns.rows
    .map((row) => ({
      campaign: text(cell(campaigns, row, 'Campaign')),
      start: dateText(cell(campaigns, row, 'Start'), timeZone),
      end: dateText(cell(campaigns, row, 'End'), timeZone),
    }))
    .filter((c) => c.campaign !== '');
}

const readFactorInfo = () => factorInfo(readTable(FACTORS_TAB, ['Factor', 'Weight']));

export function getLeadsPanel(): LeadsPanel {
  const factorTable = readTable(FACTORS_TAB, ['Factor', 'Weight']);
  const factors = factorInfo(factorTable);
  const weights = factors.map((f) => f.weight);
  const leads = readTable(LEADS_TAB, LEAD_COLUMNS);
  const settings = readSettings();
  const { rule, problem } = qualifyRule(settings, factorTable, weights);
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const rerate = rerateAfterDays(settings);
  // Read once: the form's Campaign list and each campaign's dates.
  const campaignTable = readTable(CAMPAIGNS_TAB, ['Campaign']);
  return {
    factors,
    ...leadChoices(campaignTable),
    ...leadLists(leads, {
      weights,
      today: isoToday(timeZone),
      timeZone,
      rerateAfterDays: rerate,
      rule,
      campaigns: campaignDates(campaignTable, timeZone),
    }),
    rerateAfterDays: rerate,
    rule: rule && { minScore: rule.minScore, gates: rule.gates },
    problems: [...computedColumnProblems(leads), ...(problem ? [problem] : [])],
  };
}

export function getWebgraphPanel(): WebgraphPanel {
  const profiles = readTable(PROFILES_TAB, ['Profile', ...FACTOR_NAMES]);
  const campaigns = readTable(CAMPAIGNS_TAB, ['Campaign', ...FACTOR_NAMES]);
  const leads = readTable(LEADS_TAB, ['Lead', 'Company', 'Status', ...FACTOR_NAMES]);
  const factors = readFactorInfo();
  return {
    factors,
    profiles: vectors(profiles, (row) => text(cell(profiles, row, 'Profile'))),
    campaigns: vectors(campaigns, (row) => text(cell(campaigns, row, 'Campaign'))),
    leads: webgraphLeads(leads),
    evidence: profileEvidence(
      profiles,
      leads,
      factors.map((f) => f.weight),
    ),
  };
}

export function getSegmentsPanel(): SegmentsData {
  return segmentsData(
    readTable(SEGMENTS_TAB, ['Segment', 'Price', 'Complexity', 'In market']),
    readTable(LEADS_TAB, ['Segment', 'Status']),
    readTable(CAMPAIGNS_TAB, ['Segment', 'Budget']),
  );
}

export function getTeamPanel(): TeamData {
  return teamData(readTable(TEAM_TAB, ['Rep']), readTable(LEADS_TAB, ['Owner', 'Status']));
}

export function getKpisPanel(): KpisData {
  const kpis = readTable(KPIS_TAB, ['KPI', 'Level', 'Why', 'When', 'How', 'Who', 'Direction', 'Target', 'Actual']);
  return kpisData(
    kpis,
    readTable(KPI_LOG_TAB, ['Date', 'KPI', 'Value']),
    readTable(INTERNAL_CUSTOMERS_TAB, ['Information', 'Receiver', 'Via', 'Provided']),
    SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
  );
}
