/** Setup's guardrails per tab: data validation, conditional formats and number formats, each keyed to a header. */

import { FACTOR_NAMES } from '../core/factors';
import { KPI_DIRECTIONS, KPI_LEVELS, LEAD_STATUSES } from '../shared/schema';

/**
 * A validation rule: a fixed list, `Tab:Header` for the values of another tab's column, or a kind:
 * `rating` (whole 1-5), `target` (any number 1-5), `date`, `amount` (number 0 or more), `checkbox`.
 */
export type RuleKind = readonly string[] | string;

/** Which columns get which rule, per tab. */
export const VALIDATION: Readonly<Record<string, readonly (readonly [readonly string[], RuleKind])[]>> = {
  Leads: [
    [FACTOR_NAMES, 'rating'],
    [['Owner'], 'Team:Rep'],
    [['Segment'], 'Segments:Segment'],
    [['Campaign'], 'Campaigns:Campaign'],
    [['Created', 'Closed'], 'date'],
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
  Factors: [[['Weight'], 'amount']],
};

const RED = '#f4cccc';
const GREEN = '#d9ead3';

/**
 * Conditional formats: the columns, a custom formula written for the first cell of the range (`X2` stands for
 * it; `$C` for the tab's Company column) and the background it gives.
 */
export const FORMATS: Readonly<Record<string, readonly (readonly [readonly string[], string, string])[]>> = {
  Leads: [
    [['Score'], '=AND(ISNUMBER(X2),X2>=70)', GREEN],
    [['Score'], '=AND(ISNUMBER(X2),X2>=40,X2<70)', '#fff2cc'],
    [['Score'], '=AND(ISNUMBER(X2),X2<40)', RED],
    [['Score'], '=AND(ISTEXT(X2),X2<>"")', '#fce5cd'],
    // A rating that is not a whole number 1-5, or one left blank on a lead that has a company.
    [FACTOR_NAMES, '=OR(AND(X2<>"",NOT(AND(ISNUMBER(X2),X2=INT(X2),X2>=1,X2<=5))),AND(X2="",$C2<>""))', RED],
  ],
  Profiles: [[FACTOR_NAMES, '=AND(X2<>"",NOT(AND(ISNUMBER(X2),X2>=1,X2<=5)))', RED]],
  Campaigns: [[FACTOR_NAMES, '=AND(X2<>"",NOT(AND(ISNUMBER(X2),X2>=1,X2<=5)))', RED]],
  KPIs: [
    [['Status'], '=X2="on track"', GREEN],
    [['Status'], '=X2="off track"', RED],
  ],
};

/** Number formats for the columns setup adds. */
export const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  Created: 'yyyy-mm-dd',
  Closed: 'yyyy-mm-dd',
  Start: 'yyyy-mm-dd',
  End: 'yyyy-mm-dd',
  Date: 'yyyy-mm-dd',
  Score: '0',
  Budget: '#,##0',
  'Hit rate': '0%',
  Low: '0%',
  High: '0%',
};
