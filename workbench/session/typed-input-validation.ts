/**
 * Data validation applied to what a user types, as Sheets applies it: a rule set to reject input refuses a value that
 * breaks it (scripts' writes are never checked). Returns the message Sheets shows, or undefined when the value passes.
 */

import type { CellValue, SheetModel, ValidationRule, Workbook } from '../emulator/apps-script-emulator';
import { isDate } from '../emulator/cell-values';
import { offsetFormula } from '../emulator/formula-references';
import { Area } from '../emulator/sheet-model';
import type { FormulaEngine } from '../engine/formula-engine';
import { AUTOMATIC, displayValue } from '../view/cell-display';
import { listFromRange } from '../view/sheet-window';

/** The top-left cell of the block of cells sharing the rule, which its custom formula is written for. */
function anchorOf(sheet: SheetModel, rule: ValidationRule, row: number, column: number): [number, number] {
  let r = row;
  let c = column;
  while (r > 1 && sheet.validations.get(r - 2, c - 1) === rule) r--;
  while (c > 1 && sheet.validations.get(r - 1, c - 2) === rule) c--;
  return [r, c];
}

const numberOf = (value: CellValue) =>
  typeof value === 'number' ? value : isDate(value) ? value.getTime() : undefined;
const bound = (arg: unknown) => (isDate(arg) ? arg.getTime() : Number(arg));

function passes(
  rule: ValidationRule,
  value: CellValue,
  context: { workbook: Workbook; sheet: SheetModel; row: number; column: number; engine: FormulaEngine },
): boolean {
  const [a, b] = rule.args as unknown[];
  const n = numberOf(value);
  const text = displayValue(value, AUTOMATIC, context.workbook.timeZone);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (a as unknown[]).map(String).includes(text);
    case 'VALUE_IN_RANGE':
      return a instanceof Area && listFromRange(context.workbook, a).includes(text);
    case 'CHECKBOX':
      return rule.args.length === 0 ? typeof value === 'boolean' : rule.args.map(String).includes(String(value));
    case 'CUSTOM_FORMULA': {
      const [anchorRow, anchorColumn] = anchorOf(context.sheet, rule, context.row, context.column);
      const formula = offsetFormula(String(a), context.row - anchorRow, context.column - anchorColumn);
      const result = context.engine.calculate(context.sheet.name, formula);
      return result === true || (typeof result === 'number' && result !== 0);
    }
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    case 'TEXT_IS_VALID_URL':
      return /^https?:\/\/\S+$/.test(text);
    case 'TEXT_CONTAINS':
      return text.includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a));
    case 'TEXT_EQUAL_TO':
      return text === String(a);
    default: {
      if (n === undefined || (rule.criteria.startsWith('DATE') && !isDate(value))) return false;
      const x = bound(a);
      const y = bound(b);
      const ops: Record<string, boolean> = {
        BETWEEN: n >= x && n <= y,
        NOT_BETWEEN: n < x || n > y,
        EQUAL_TO: n === x,
        NOT_EQUAL_TO: n !== x,
        GREATER_THAN: n > x,
        GREATER_THAN_OR_EQUAL_TO: n >= x,
        LESS_THAN: n < x,
        LESS_THAN_OR_EQUAL_TO: n <= x,
        AFTER: n > x,
        BEFORE: n < x,
        ON_OR_AFTER: n >= x,
        ON_OR_BEFORE: n <= x,
      };
      return ops[rule.criteria.replace(/^(NUMBER|DATE)_/, '')] ?? true;
    }
  }
}

/** What Sheets says when it rejects input, for a rule without help text. */
function defaultMessage(rule: ValidationRule): string {
  const [a, b] = rule.args as unknown[];
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return 'Input must be an item on the specified list.';
    case 'CHECKBOX':
      return 'Input must be a checkbox value.';
    case 'NUMBER_BETWEEN':
      return `Input must be a number between ${a} and ${b}.`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Input must be a number greater than or equal to ${a}.`;
    case 'DATE_IS_VALID_DATE':
      return 'Input must be a valid date.';
    case 'CUSTOM_FORMULA':
      return 'Input must satisfy the specified formula.';
    default:
      return 'Input must fall within the specified range.';
  }
}

/** The message for a value a user typed into (row, column) that its reject-input rule refuses; undefined when allowed. */
export function rejectionOf(
  workbook: Workbook,
  engine: FormulaEngine,
  sheetName: string,
  row: number,
  column: number,
): string | undefined {
  const sheet = workbook.sheet(sheetName);
  const rule = sheet.validations.get(row - 1, column - 1);
  if (!rule || rule.allowInvalid) return undefined;
  const value = sheet.values.get(row - 1, column - 1);
  if (value === '' && !sheet.formulas.get(row - 1, column - 1)) return undefined;
  if (passes(rule, value, { workbook, sheet, row, column, engine })) return undefined;
  return rule.helpText || defaultMessage(rule);
}
