/** Setup's guardrails per tab: data validation, conditional formats and number formats, each keyed to a header. */

import { FACTOR_NAMES } from '../core/factors';
import { KPI_STATUS } from '../core/kpi-status';
import { CLOSED_LEAD_STATUSES, LEAD_STATUS } from '../core/lead-statuses';
import { NOT_QUALIFIED, QUALIFIED } from '../core/qualify';
import { IMPROVEMENT_STAGES, KPI_DIRECTIONS, KPI_LEVELS, LEAD_STATUSES, PROVIDED, SETTINGS } from '../shared/schema';

/**
 * A validation rule: a fixed list, `Tab:Header` for the values of another tab's column, or a kind:
 * `rating` (whole 1-5), `gate` (whole 1-5 or blank), `target` (any number 1-5), `date`, `amount` (number 0 or
 * more), `checkbox`.
 */
export type RuleKind = readonly string[] | string;

/** Which columns get which rule, per tab. */
export const VALIDATION: Readonly<Record<string, readonly (readonly [readonly string[], RuleKind])[]>> = {
  Leads: [
    [FACTOR_NAMES, 'rating'],
    [['Owner'], 'Team:Rep'],
    [['Segment'], 'Segments:Segment'],
    [['Campaign'], 'Campaigns:Campaign'],
    [['Created', 'Closed', 'Rated'], 'date'],
    [['Status'], LEAD_STATUSES],
  ],
  Profiles: [[FACTOR_NAMES, 'target']],
  Campaigns: [
    [['Segment'], 'Segments:Segment'],
    [['Start', 'End'], 'date'],
    [['Budget'], 'amount'],
    [FACTOR_NAMES, 'target'],
  ],
  Segments: [[['In market'], 'checkbox']],
  KPIs: [
    [['Level'], KPI_LEVELS],
    [['Direction'], KPI_DIRECTIONS],
  ],
  'KPI log': [
    [['Date'], 'date'],
    [['KPI'], 'KPIs:KPI'],
  ],
  Factors: [
    [['Weight'], 'amount'],
    [['At most'], 'gate'],
  ],
  Improvements: [
    [['Raised', 'Due'], 'date'],
    [['Owner'], 'Team:Rep'],
    [['Feedback KPI'], 'KPIs:KPI'],
    [['Stage'], IMPROVEMENT_STAGES],
  ],
  'Internal customers': [[['Provided'], PROVIDED]],
  Settings: [[['Value'], 'amount']],
};

const RED = '#f4cccc';
const GREEN = '#d9ead3';

const AMBER = '#fce5cd';
const OPEN_STATUSES = ['', ...LEAD_STATUSES.filter((s) => !CLOSED_LEAD_STATUSES.includes(s))];
const OPEN_LEAD = `OR(${OPEN_STATUSES.map((s) => `{Status}2="${s}"`).join(',')})`;
const NOT_QUALIFIED_PREFIX = NOT_QUALIFIED.trim().replace(/:$/, '');
/** A Status the qualification rule contradicts: qualified or won against the rule, or disqualified though it passes. */
const RULE_DEVIATION =
  `=OR(AND(OR(X2="${LEAD_STATUS.qualified}",X2="${LEAD_STATUS.won}"),` +
  `LEFT({Rule}2,${NOT_QUALIFIED_PREFIX.length})="${NOT_QUALIFIED_PREFIX}"),` +
  `AND(X2="${LEAD_STATUS.disqualified}",{Rule}2="${QUALIFIED}"))`;

/**
 * Conditional formats: the columns, a custom formula written for the first cell of the range (`X2` stands for it,
 * `{Header}` for the column of that header in the same tab) and the background it gives.
 */
export const FORMATS: Readonly<Record<string, readonly (readonly [readonly string[], string, string])[]>> = {
  Leads: [
    [['Score'], '=AND(ISNUMBER(X2),X2>=70)', GREEN],
    [['Score'], '=AND(ISNUMBER(X2),X2>=40,X2<70)', '#fff2cc'],
    [['Score'], '=AND(ISNUMBER(X2),X2<40)', RED],
    [['Score'], '=AND(ISTEXT(X2),X2<>"")', AMBER],
    // A rating that is not a whole number 1-5, or one left blank on a lead that has a company.
    [FACTOR_NAMES, '=OR(AND(X2<>"",NOT(AND(ISNUMBER(X2),X2=INT(X2),X2>=1,X2<=5))),AND(X2="",{Company}2<>""))', RED],
    [['Status'], RULE_DEVIATION, RED],
    // Ratings of an open lead never set, or older than the team's Re-rate after days.
    [['Rated'], `=AND({Company}2<>"",${OPEN_LEAD},OR(X2="",TODAY()-X2>${SETTINGS[1].rangeName}))`, AMBER],
  ],
  Profiles: [[FACTOR_NAMES, '=AND(X2<>"",NOT(AND(ISNUMBER(X2),X2>=1,X2<=5)))', RED]],
  Campaigns: [[FACTOR_NAMES, '=AND(X2<>"",NOT(AND(ISNUMBER(X2),X2>=1,X2<=5)))', RED]],
  KPIs: [
    [['Status'], `=X2="${KPI_STATUS.onTrack}"`, GREEN],
    [['Status'], `=X2="${KPI_STATUS.offTrack}"`, RED],
    [['Signal'], '=LEFT(X2,7)="signal:"', AMBER],
  ],
};

/** Number formats for the columns setup adds. */
export const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  Created: 'yyyy-mm-dd',
  Closed: 'yyyy-mm-dd',
  Start: 'yyyy-mm-dd',
  End: 'yyyy-mm-dd',
  Date: 'yyyy-mm-dd',
  Rated: 'yyyy-mm-dd',
  Raised: 'yyyy-mm-dd',
  Due: 'yyyy-mm-dd',
  'Budget per won deal': '#,##0',
  Score: '0',
  Budget: '#,##0',
  'Hit rate': '0%',
  Low: '0%',
  High: '0%',
};
