/** Setup's guardrails per tab: data validation, conditional formats and number formats, each keyed to a header. */

import { isDate } from '../core/cells';
import { FACTOR_NAMES } from '../core/factors';
import { KPI_STATUS } from '../core/kpi-status';
import { CLOSED_LEAD_STATUSES, LEAD_STATUS } from '../core/lead-statuses';
import { NOT_QUALIFIED, QUALIFIED } from '../core/qualify';
import { IMPROVEMENT_STAGES, KPI_DIRECTIONS, KPI_LEVELS, LEAD_STATUSES, PROVIDED, SETTINGS } from '../shared/schema';

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** A validation rule: a fixed list, `Tab:Header` for the values of another tab's column, or one of KINDS. */
export type RuleKind = readonly string[] | string;

/** The formula condition "`x` is a whole number 1-5". */
const whole = (x: string) => `AND(ISNUMBER(${x}),${x}=INT(${x}),${x}>=1,${x}<=5)`;
const oneToFive = (v: unknown) => typeof v === 'number' && v >= 1 && v <= 5;

/**
 * Each kind of rule: the values a column of that kind holds (how setup recognises a renamed column), the rule for
 * a range whose first cell is `x`, and its help text. Only `rating` and `gate` name `x`.
 */
export const KINDS: Readonly<
  Record<string, readonly [holds: (v: unknown) => boolean, rule: (b: Builder, x: string) => Builder, help?: string]>
> = {
  rating: [
    oneToFive,
    (b, x) => b.requireFormulaSatisfied(`=${whole(x)}`).setAllowInvalid(false),
    'A whole number from 1 (best) to 5',
  ],
  gate: [
    oneToFive,
    (b, x) => b.requireFormulaSatisfied(`=OR(ISBLANK(${x}),${whole(x)})`).setAllowInvalid(false),
    'Blank for no gate, or the worst rating a qualified lead may have: a whole number 1 to 5',
  ],
  target: [
    oneToFive,
    (b) => b.requireNumberBetween(1, 5).setAllowInvalid(false),
    'A number from 1 (best) to 5; decimals allowed',
  ],
  amount: [
    (v) => typeof v === 'number' && v >= 0,
    (b) => b.requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false),
    'A number, 0 or more',
  ],
  date: [isDate, (b) => b.requireDate(), 'A date, such as 2025-03-31'],
  checkbox: [(v) => typeof v === 'boolean', (b) => b.requireCheckbox()],
};

const REP = 'Team:Rep';
const SEGMENT = 'Segments:Segment';
const KPI = 'KPIs:KPI';

/** Which columns get which rule, per tab. */
export const VALIDATION: Readonly<Record<string, readonly (readonly [readonly string[], RuleKind])[]>> = {
  Leads: [
    [FACTOR_NAMES, 'rating'],
    [['Owner'], REP],
    [['Segment'], SEGMENT],
    [['Campaign'], 'Campaigns:Campaign'],
    [['Created', 'Closed', 'Rated'], 'date'],
    [['Status'], LEAD_STATUSES],
  ],
  Profiles: [[FACTOR_NAMES, 'target']],
  Campaigns: [
    [['Segment'], SEGMENT],
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
    [['KPI'], KPI],
  ],
  Factors: [
    [['Weight'], 'amount'],
    [['At most'], 'gate'],
  ],
  Improvements: [
    [['Raised', 'Due'], 'date'],
    [['Owner'], REP],
    [['Feedback KPI'], KPI],
    [['Stage'], IMPROVEMENT_STAGES],
  ],
  'Internal customers': [[['Provided'], PROVIDED]],
  Settings: [[['Value'], 'amount']],
};

/** The rule of a tab's column, if it has one. */
export const kindOf = (tab: string, header: string): RuleKind | undefined =>
  VALIDATION[tab]?.find(([headers]) => headers.includes(header))?.[1];

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
/** A target that is not a number 1-5. */
const BAD_TARGET: readonly [readonly string[], string, string] = [
  FACTOR_NAMES,
  '=AND(X2<>"",NOT(AND(ISNUMBER(X2),X2>=1,X2<=5)))',
  RED,
];
const SCORE = ['Score'];

/**
 * Conditional formats: the columns, a custom formula written for the first cell of the range (`X2` stands for it,
 * `{Header}` for the column of that header in the same tab) and the background it gives.
 */
export const FORMATS: Readonly<Record<string, readonly (readonly [readonly string[], string, string])[]>> = {
  Leads: [
    [SCORE, '=AND(ISNUMBER(X2),X2>=70)', GREEN],
    [SCORE, '=AND(ISNUMBER(X2),X2>=40,X2<70)', '#fff2cc'],
    [SCORE, '=AND(ISNUMBER(X2),X2<40)', RED],
    [SCORE, '=AND(ISTEXT(X2),X2<>"")', AMBER],
    // A rating that is not a whole number 1-5, or one left blank on a lead that has a company.
    [FACTOR_NAMES, `=OR(AND(X2<>"",NOT(${whole('X2')})),AND(X2="",{Company}2<>""))`, RED],
    [['Status'], RULE_DEVIATION, RED],
    // Ratings of an open lead never set, or older than the team's Re-rate after days.
    [['Rated'], `=AND({Company}2<>"",${OPEN_LEAD},OR(X2="",TODAY()-X2>${SETTINGS[1].rangeName}))`, AMBER],
  ],
  Profiles: [BAD_TARGET],
  Campaigns: [BAD_TARGET],
  KPIs: [
    [['Status'], `=X2="${KPI_STATUS.onTrack}"`, GREEN],
    [['Status'], `=X2="${KPI_STATUS.offTrack}"`, RED],
    [['Signal'], '=LEFT(X2,7)="signal:"', AMBER],
  ],
};

/** Number formats for the columns setup adds, besides `yyyy-mm-dd` for each column with a date rule. */
export const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  'Budget per won deal': '#,##0',
  Score: '0',
  Budget: '#,##0',
  'Hit rate': '0%',
  Low: '0%',
  High: '0%',
};
