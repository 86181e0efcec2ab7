/** Data validation: the builder (SpreadsheetApp.newDataValidation) and built rules, as Range.setDataValidation stores them. */

import { asEnum, DataValidationCriteria, enumName } from './apps-script-enums';
import { gasError, MESSAGES, signatureError } from './apps-script-errors';
import { copyDate, isDate } from './cell-values';
import { MODEL, type Runtime, ServiceObject } from './execution-runtime';

import { Area, type ValidationRule } from './sheet-model';

type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type GasDate = GoogleAppsScript.Base.Date;

const MAX_LIST_ITEMS = 500;

/** Criteria values as getCriteriaValues returns them: ranges as Range objects, Dates copied. */
function criteriaValues(rt: Runtime, args: readonly unknown[]): unknown[] {
  return args.map((arg) => {
    if (arg instanceof Area) return rt.objects.range(arg.sheet, arg);
    if (isDate(arg)) return copyDate(arg);
    if (Array.isArray(arg)) return arg.slice();
    return arg;
  });
}

export function newDataValidationBuilder(rt: Runtime, from?: ValidationRule): GasBuilder {
  const builder = new EmulatedDataValidationBuilder(rt);
  if (from) {
    builder.criteria = from.criteria;
    builder.args = from.args.slice();
    builder.allowInvalid = from.allowInvalid;
    builder.helpText = from.helpText;
  }
  return rt.wrap(builder, 'DataValidationBuilder');
}

export class EmulatedDataValidation
  extends ServiceObject<GasValidation>
  implements Pick<GasValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  constructor(
    rt: Runtime,
    readonly rule: ValidationRule,
  ) {
    super(rt);
  }

  get [MODEL](): ValidationRule {
    return this.rule;
  }

  copy(): GasBuilder {
    return this.rt.objects.dataValidationBuilder(this.rule);
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GasCriteria {
    return asEnum<GasCriteria>(this.rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.rt, this.rule.args);
  }

  /** Apps Script types this as string, yet returns null for a rule without help text. */
  getHelpText(): string {
    return this.rule.helpText as string;
  }
}

class EmulatedDataValidationBuilder extends ServiceObject<GasBuilder> implements GasBuilder {
  criteria: string | null = null;
  args: unknown[] = [];
  allowInvalid = true;
  helpText: string | null = null;

  build(): GasValidation {
    if (this.criteria === null)
      throw new Error('emulator: set a criteria (require...) before DataValidationBuilder.build()');
    const rule: ValidationRule = {
      criteria: this.criteria,
      args: this.args.slice(),
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    };
    return this.rt.objects.dataValidation(rule);
  }

  copy(): GasBuilder {
    return this.rt.objects.dataValidationBuilder({
      criteria: this.criteria ?? '',
      args: this.args,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getCriteriaType(): GasCriteria {
    return asEnum<GasCriteria>(this.criteria ?? '');
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.rt, this.args);
  }

  getHelpText(): string | null {
    return this.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): GasBuilder {
    this.allowInvalid = Boolean(allowInvalidData);
    return this.self;
  }

  setHelpText(helpText: string): GasBuilder {
    this.helpText = String(helpText);
    return this.self;
  }

  withCriteria(criteria: GasCriteria, args: unknown[]): GasBuilder {
    const name = enumName(DataValidationCriteria, criteria);
    if (!name || !Array.isArray(args)) throw signatureError('DataValidationBuilder.withCriteria', [criteria, args]);
    return this.#set(
      name,
      args.map((arg) => this.rt.modelOf(arg, 'Range') ?? arg),
    );
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GasBuilder {
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.#set('CHECKBOX', args);
  }

  requireDate(): GasBuilder {
    return this.#set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: GasDate): GasBuilder {
    return this.#set('DATE_AFTER', this.#dates('requireDateAfter', date));
  }

  requireDateBefore(date: GasDate): GasBuilder {
    return this.#set('DATE_BEFORE', this.#dates('requireDateBefore', date));
  }

  requireDateBetween(start: GasDate, end: GasDate): GasBuilder {
    return this.#set('DATE_BETWEEN', this.#dates('requireDateBetween', start, end));
  }

  requireDateNotBetween(start: GasDate, end: GasDate): GasBuilder {
    return this.#set('DATE_NOT_BETWEEN', this.#dates('requireDateNotBetween', start, end));
  }

  requireDateEqualTo(date: GasDate): GasBuilder {
    return this.#set('DATE_EQUAL_TO', this.#dates('requireDateEqualTo', date));
  }

  requireDateOnOrAfter(date: GasDate): GasBuilder {
    return this.#set('DATE_ON_OR_AFTER', this.#dates('requireDateOnOrAfter', date));
  }

  requireDateOnOrBefore(date: GasDate): GasBuilder {
    return this.#set('DATE_ON_OR_BEFORE', this.#dates('requireDateOnOrBefore', date));
  }

  requireFormulaSatisfied(formula: string): GasBuilder {
    if (typeof formula !== 'string') throw signatureError('DataValidationBuilder.requireFormulaSatisfied', [formula]);
    return this.#set('CUSTOM_FORMULA', [formula]);
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    return this.#set('NUMBER_BETWEEN', this.#numbers('requireNumberBetween', start, end));
  }

  requireNumberNotBetween(start: number, end: number): GasBuilder {
    return this.#set('NUMBER_NOT_BETWEEN', this.#numbers('requireNumberNotBetween', start, end));
  }

  requireNumberEqualTo(number: number): GasBuilder {
    return this.#set('NUMBER_EQUAL_TO', this.#numbers('requireNumberEqualTo', number));
  }

  requireNumberNotEqualTo(number: number): GasBuilder {
    return this.#set('NUMBER_NOT_EQUAL_TO', this.#numbers('requireNumberNotEqualTo', number));
  }

  requireNumberGreaterThan(number: number): GasBuilder {
    return this.#set('NUMBER_GREATER_THAN', this.#numbers('requireNumberGreaterThan', number));
  }

  requireNumberGreaterThanOrEqualTo(number: number): GasBuilder {
    return this.#set('NUMBER_GREATER_THAN_OR_EQUAL_TO', this.#numbers('requireNumberGreaterThanOrEqualTo', number));
  }

  requireNumberLessThan(number: number): GasBuilder {
    return this.#set('NUMBER_LESS_THAN', this.#numbers('requireNumberLessThan', number));
  }

  requireNumberLessThanOrEqualTo(number: number): GasBuilder {
    return this.#set('NUMBER_LESS_THAN_OR_EQUAL_TO', this.#numbers('requireNumberLessThanOrEqualTo', number));
  }

  requireTextContains(text: string): GasBuilder {
    return this.#set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextDoesNotContain(text: string): GasBuilder {
    return this.#set('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  requireTextEqualTo(text: string): GasBuilder {
    return this.#set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireTextIsEmail(): GasBuilder {
    return this.#set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GasBuilder {
    return this.#set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown?: boolean): GasBuilder {
    if (!Array.isArray(values)) throw signatureError('DataValidationBuilder.requireValueInList', [values]);
    if (values.length > MAX_LIST_ITEMS) throw gasError(MESSAGES.listTooLong);
    return this.#set('VALUE_IN_LIST', [values.slice(), showDropdown ?? true]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): GasBuilder {
    const source = this.rt.expect(range, 'Range', 'DataValidationBuilder.requireValueInRange', [range]);
    return this.#set('VALUE_IN_RANGE', [source, showDropdown ?? true]);
  }

  #set(criteria: string, args: unknown[]): GasBuilder {
    this.criteria = criteria;
    this.args = args;
    return this.self;
  }

  #numbers(method: string, ...numbers: unknown[]): number[] {
    if (!numbers.every((n) => typeof n === 'number')) throw signatureError(`DataValidationBuilder.${method}`, numbers);
    return numbers as number[];
  }

  #dates(method: string, ...dates: unknown[]): Date[] {
    if (!dates.every(isDate)) throw signatureError(`DataValidationBuilder.${method}`, dates);
    return dates.map(copyDate);
  }
}
