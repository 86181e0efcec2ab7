/** Data validation and conditional formats between the model and their .xlsx forms (for Excel, LibreOffice, Drive). */

import type ExcelJS from 'exceljs';
import { columnLetters, columnNumber, quoteSheetName } from '../emulator/a1-notation';
import type { SheetModel, ValidationRule, Workbook } from '../emulator/apps-script-emulator';
import { Area, type BooleanConditionModel } from '../emulator/sheet-model';
import { toExcelFormula } from './excel-formula';

export const argb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;
export const hex = (color: string | undefined) =>
  color && /^[0-9A-F]{8}$/i.test(color) ? `#${color.slice(2).toLowerCase()}` : undefined;

/** Parts of ExcelJS's Worksheet its type declarations leave out. */
export function sheetExtras(ws: ExcelJS.Worksheet) {
  return ws as unknown as {
    dataValidations: {
      model: Record<string, ExcelJS.DataValidation | undefined>;
      add(ref: string, validation: ExcelJS.DataValidation): void;
    };
    conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  };
}

export function validationForExcel(
  rule: ValidationRule,
  sheet: SheetModel,
  rowsOf: (name: string | undefined) => number,
): ExcelJS.DataValidation | undefined {
  const [a, b] = rule.args as unknown[];
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText, error: rule.helpText } : {}),
  } as const;
  const operators: Record<string, string> = {
    NUMBER_BETWEEN: 'between',
    NUMBER_NOT_BETWEEN: 'notBetween',
    NUMBER_EQUAL_TO: 'equal',
    NUMBER_NOT_EQUAL_TO: 'notEqual',
    NUMBER_GREATER_THAN: 'greaterThan',
    NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
    NUMBER_LESS_THAN: 'lessThan',
    NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
    DATE_AFTER: 'greaterThan',
    DATE_BEFORE: 'lessThan',
    DATE_BETWEEN: 'between',
    DATE_NOT_BETWEEN: 'notBetween',
    DATE_EQUAL_TO: 'equal',
    DATE_ON_OR_AFTER: 'greaterThanOrEqual',
    DATE_ON_OR_BEFORE: 'lessThanOrEqual',
  };
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (a as unknown[]).map(String).join(',');
      return list.length <= 255 ? { ...common, type: 'list', formulae: [`"${list.replace(/"/g, '""')}"`] } : undefined;
    }
    case 'VALUE_IN_RANGE': {
      if (!(a instanceof Area)) return undefined;
      const prefix = a.sheet === sheet ? '' : `${quoteSheetName(a.sheet.name)}!`;
      const from = `$${columnLetters(a.column)}$${a.row}`;
      const to = `$${columnLetters(a.column + a.numColumns - 1)}$${a.row + a.numRows - 1}`;
      return { ...common, type: 'list', formulae: [`${prefix}${from}:${to}`] };
    }
    case 'CHECKBOX':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'CUSTOM_FORMULA':
      return { ...common, type: 'custom', formulae: [toExcelFormula(String(a), rowsOf)] };
    default: {
      const operator = operators[rule.criteria];
      if (!operator) return undefined;
      const type = rule.criteria.startsWith('DATE') ? 'date' : 'decimal';
      const formulae = [a, b].filter((v) => v !== undefined);
      return { ...common, type, operator, formulae } as ExcelJS.DataValidation;
    }
  }
}

export function conditionStyle(condition: BooleanConditionModel): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (condition.background) {
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(condition.background) } };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (condition.fontColor) font.color = { argb: argb(condition.fontColor) };
  if (condition.bold) font.bold = true;
  if (condition.italic) font.italic = true;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

function validationFromExcel(dv: ExcelJS.DataValidation, workbook: Workbook, sheet: SheetModel): ValidationRule | null {
  const helpText = dv.prompt ?? null;
  const allowInvalid = dv.errorStyle === 'warning' || dv.errorStyle === 'information' || !dv.showErrorMessage;
  const [first, second] = (dv.formulae ?? []) as unknown[];
  if (dv.type === 'list') {
    const text = String(first ?? '');
    if (text.startsWith('"')) {
      const values = text.slice(1, -1).replace(/""/g, '"').split(',');
      if (values.join(',') === 'TRUE,FALSE') return { criteria: 'CHECKBOX', args: [], allowInvalid: true, helpText };
      return { criteria: 'VALUE_IN_LIST', args: [values, true], allowInvalid, helpText };
    }
    const area = areaFromA1(text, workbook, sheet);
    return area ? { criteria: 'VALUE_IN_RANGE', args: [area, true], allowInvalid, helpText } : null;
  }
  if (dv.type === 'custom') return { criteria: 'CUSTOM_FORMULA', args: [`=${first}`], allowInvalid, helpText };
  const kind = dv.type === 'date' ? 'DATE' : 'NUMBER';
  const names: Record<string, string> = {
    between: 'BETWEEN',
    notBetween: 'NOT_BETWEEN',
    equal: 'EQUAL_TO',
    notEqual: 'NOT_EQUAL_TO',
    greaterThan: kind === 'DATE' ? 'AFTER' : 'GREATER_THAN',
    greaterThanOrEqual: kind === 'DATE' ? 'ON_OR_AFTER' : 'GREATER_THAN_OR_EQUAL_TO',
    lessThan: kind === 'DATE' ? 'BEFORE' : 'LESS_THAN',
    lessThanOrEqual: kind === 'DATE' ? 'ON_OR_BEFORE' : 'LESS_THAN_OR_EQUAL_TO',
  };
  const name = names[dv.operator ?? 'between'];
  if (!name || (dv.type !== 'decimal' && dv.type !== 'whole' && dv.type !== 'date')) return null;
  const args = [first, second].filter((v) => v !== undefined);
  if (kind === 'DATE' && name === 'AFTER' && (first as Date)?.getUTCFullYear?.() === 1900) {
    return { criteria: 'DATE_IS_VALID_DATE', args: [], allowInvalid, helpText };
  }
  return { criteria: `${kind}_${name}`, args, allowInvalid, helpText };
}

function areaFromA1(text: string, workbook: Workbook, sheet: SheetModel): Area | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))?!?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
    text.replace(/^=/, ''),
  );
  if (!match) return undefined;
  const name = match[1]?.replace(/''/g, "'") ?? (text.includes('!') ? match[2] : undefined);
  const target = name ? workbook.findSheet(name) : sheet;
  if (!target) return undefined;
  const column = columnNumber(match[3]);
  const row = Number(match[4]);
  const endColumn = match[5] ? columnNumber(match[5]) : column;
  const endRow = match[6] ? Number(match[6]) : row;
  return new Area(target, row, column, endRow - row + 1, endColumn - column + 1);
}

/** Without the sidecar: validation and conditional formats as the .xlsx describes them. */
export function readValidationsAndFormats(ws: ExcelJS.Worksheet, sheet: SheetModel, workbook: Workbook): void {
  const model = sheetExtras(ws).dataValidations.model;
  const built = new Map<ExcelJS.DataValidation, ValidationRule | null>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    if (!built.has(dv)) built.set(dv, validationFromExcel(dv, workbook, sheet));
    const rule = built.get(dv);
    const match = /^([A-Z]+)(\d+)$/i.exec(address);
    if (rule && match) sheet.validations.set(Number(match[2]) - 1, columnNumber(match[1]) - 1, rule);
  }
  for (const cf of sheetExtras(ws).conditionalFormattings ?? []) {
    const ranges = cf.ref
      .split(/\s+/)
      .map((ref) => areaFromA1(ref, workbook, sheet))
      .filter((a): a is Area => a !== undefined);
    for (const rule of cf.rules) {
      if (rule.type !== 'expression' || !ranges.length) continue;
      const style = rule.style ?? {};
      const fill = style.fill as ExcelJS.FillPattern | undefined;
      sheet.conditionalFormatRules.push({
        ranges: ranges.map((a) => a.clone()),
        condition: {
          criteria: 'CUSTOM_FORMULA',
          args: [`=${(rule as { formulae?: string[] }).formulae?.[0] ?? ''}`],
          background: hex(fill?.bgColor?.argb ?? fill?.fgColor?.argb) ?? null,
          fontColor: hex(style.font?.color?.argb) ?? null,
          bold: style.font?.bold ?? null,
          italic: style.font?.italic ?? null,
          strikethrough: null,
          underline: null,
        },
      });
    }
  }
}
