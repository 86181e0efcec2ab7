/** Conditional formatting: the rule builder (SpreadsheetApp.newConditionalFormatRule), built rules, boolean conditions. */

import { asEnum, BooleanCriteria, enumName } from './apps-script-enums';
import { signatureError } from './apps-script-errors';
import { copyDate, isDate } from './cell-values';
import { MODEL, type Runtime, ServiceObject } from './execution-runtime';

import type { Area, BooleanConditionModel, ConditionalRuleModel } from './sheet-model';

type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GasCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type RelativeDate = GoogleAppsScript.Spreadsheet.RelativeDate;

const NO_FORMAT = {
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
} as const;

export function newConditionalFormatRuleBuilder(rt: Runtime, from?: ConditionalRuleModel): GasBuilder {
  const builder = new EmulatedConditionalRuleBuilder(rt);
  if (from) {
    builder.condition = from.condition;
    builder.ranges = from.ranges.map((area) => area.clone());
  }
  return rt.wrap(builder, 'ConditionalFormatRuleBuilder');
}

function conditionOf(rt: Runtime, model: BooleanConditionModel | null): GasCondition | null {
  return model ? rt.wrap(new EmulatedBooleanCondition(rt, model), 'BooleanCondition') : null;
}

class EmulatedBooleanCondition extends ServiceObject<GasCondition> implements GasCondition {
  constructor(
    rt: Runtime,
    readonly model: BooleanConditionModel,
  ) {
    super(rt);
  }

  getCriteriaType(): GasCriteria {
    return asEnum<GasCriteria>(this.model.criteria);
  }

  getCriteriaValues(): unknown[] {
    return this.model.args.map((arg) => (isDate(arg) ? copyDate(arg) : arg));
  }

  getBackground(): string | null {
    return this.model.background;
  }

  getFontColor(): string | null {
    return this.model.fontColor;
  }

  getBold(): boolean | null {
    return this.model.bold;
  }

  getItalic(): boolean | null {
    return this.model.italic;
  }

  getStrikethrough(): boolean | null {
    return this.model.strikethrough;
  }

  getUnderline(): boolean | null {
    return this.model.underline;
  }
}

export class EmulatedConditionalRule
  extends ServiceObject<GasRule>
  implements Pick<GasRule, 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'>
{
  constructor(
    rt: Runtime,
    readonly model: ConditionalRuleModel,
  ) {
    super(rt);
  }

  get [MODEL](): ConditionalRuleModel {
    return this.model;
  }

  copy(): GasBuilder {
    return newConditionalFormatRuleBuilder(this.rt, this.model);
  }

  getBooleanCondition(): GasCondition | null {
    return conditionOf(this.rt, this.model.condition);
  }

  /** Gradient rules are not modelled: every rule here has a boolean condition. */
  getGradientCondition(): null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.model.ranges.map((area) => this.rt.objects.range(area.sheet, area));
  }
}

type SupportedBuilderMethods = Exclude<
  keyof GasBuilder,
  | 'setGradientMaxpoint'
  | 'setGradientMaxpointWithValue'
  | 'setGradientMidpointWithValue'
  | 'setGradientMinpoint'
  | 'setGradientMinpointWithValue'
>;

class EmulatedConditionalRuleBuilder
  extends ServiceObject<GasBuilder>
  implements Pick<GasBuilder, SupportedBuilderMethods>
{
  condition: BooleanConditionModel | null = null;
  ranges: Area[] = [];

  build(): GasRule {
    if (!this.condition?.criteria)
      throw new Error('emulator: set a condition (when...) before ConditionalFormatRuleBuilder.build()');
    return this.rt.objects.conditionalRule({
      condition: this.condition,
      ranges: this.ranges.map((area) => area.clone()),
    });
  }

  copy(): GasBuilder {
    const builder = newConditionalFormatRuleBuilder(this.rt);
    const emulated = this.rt.unwrap(builder, EmulatedConditionalRuleBuilder);
    if (emulated) {
      emulated.condition = this.condition;
      emulated.ranges = this.ranges.map((area) => area.clone());
    }
    return builder;
  }

  getBooleanCondition(): GasCondition | null {
    return conditionOf(this.rt, this.condition);
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.ranges.map((area) => this.rt.objects.range(area.sheet, area));
  }

  setRanges(ranges: GasRange[]): GasBuilder {
    if (!Array.isArray(ranges)) throw signatureError('ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.ranges = ranges.map((range) =>
      this.rt.expect(range, 'Range', 'ConditionalFormatRuleBuilder.setRanges', [ranges]),
    );
    return this.self;
  }

  setBackground(color: string | null): GasBuilder {
    return this.#format({ background: color });
  }

  setFontColor(color: string | null): GasBuilder {
    return this.#format({ fontColor: color });
  }

  setBold(bold: boolean | null): GasBuilder {
    return this.#format({ bold });
  }

  setItalic(italic: boolean | null): GasBuilder {
    return this.#format({ italic });
  }

  setStrikethrough(strikethrough: boolean | null): GasBuilder {
    return this.#format({ strikethrough });
  }

  setUnderline(underline: boolean | null): GasBuilder {
    return this.#format({ underline });
  }

  whenCellEmpty(): GasBuilder {
    return this.#when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GasBuilder {
    return this.#when('CELL_NOT_EMPTY', []);
  }

  whenFormulaSatisfied(formula: string): GasBuilder {
    if (typeof formula !== 'string')
      throw signatureError('ConditionalFormatRuleBuilder.whenFormulaSatisfied', [formula]);
    return this.#when('CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): GasBuilder {
    return this.#when('NUMBER_BETWEEN', this.#numbers('whenNumberBetween', start, end));
  }

  whenNumberNotBetween(start: number, end: number): GasBuilder {
    return this.#when('NUMBER_NOT_BETWEEN', this.#numbers('whenNumberNotBetween', start, end));
  }

  whenNumberEqualTo(number: number): GasBuilder {
    return this.#when('NUMBER_EQUAL_TO', this.#numbers('whenNumberEqualTo', number));
  }

  whenNumberNotEqualTo(number: number): GasBuilder {
    return this.#when('NUMBER_NOT_EQUAL_TO', this.#numbers('whenNumberNotEqualTo', number));
  }

  whenNumberGreaterThan(number: number): GasBuilder {
    return this.#when('NUMBER_GREATER_THAN', this.#numbers('whenNumberGreaterThan', number));
  }

  whenNumberGreaterThanOrEqualTo(number: number): GasBuilder {
    return this.#when('NUMBER_GREATER_THAN_OR_EQUAL_TO', this.#numbers('whenNumberGreaterThanOrEqualTo', number));
  }

  whenNumberLessThan(number: number): GasBuilder {
    return this.#when('NUMBER_LESS_THAN', this.#numbers('whenNumberLessThan', number));
  }

  whenNumberLessThanOrEqualTo(number: number): GasBuilder {
    return this.#when('NUMBER_LESS_THAN_OR_EQUAL_TO', this.#numbers('whenNumberLessThanOrEqualTo', number));
  }

  whenTextContains(text: string): GasBuilder {
    return this.#when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextDoesNotContain(text: string): GasBuilder {
    return this.#when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  whenTextEqualTo(text: string): GasBuilder {
    return this.#when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextStartsWith(text: string): GasBuilder {
    return this.#when('TEXT_STARTS_WITH', [String(text)]);
  }

  whenTextEndsWith(text: string): GasBuilder {
    return this.#when('TEXT_ENDS_WITH', [String(text)]);
  }

  whenDateAfter(date: GoogleAppsScript.Base.Date | RelativeDate): GasBuilder {
    return this.#whenDate('DATE_AFTER', date);
  }

  whenDateBefore(date: GoogleAppsScript.Base.Date | RelativeDate): GasBuilder {
    return this.#whenDate('DATE_BEFORE', date);
  }

  whenDateEqualTo(date: GoogleAppsScript.Base.Date | RelativeDate): GasBuilder {
    return this.#whenDate('DATE_EQUAL_TO', date);
  }

  withCriteria(criteria: GasCriteria, args: unknown[]): GasBuilder {
    const name = enumName(BooleanCriteria, criteria);
    if (!name || !Array.isArray(args))
      throw signatureError('ConditionalFormatRuleBuilder.withCriteria', [criteria, args]);
    return this.#when(name, args.slice());
  }

  #when(criteria: string, args: unknown[]): GasBuilder {
    const format = this.condition ?? NO_FORMAT;
    this.condition = { ...NO_FORMAT, ...format, criteria, args };
    return this.self;
  }

  #whenDate(criteria: string, date: unknown): GasBuilder {
    return isDate(date) ? this.#when(criteria, [copyDate(date)]) : this.#when(`${criteria}_RELATIVE`, [String(date)]);
  }

  #format(format: Partial<BooleanConditionModel>): GasBuilder {
    this.condition = { criteria: '', args: [], ...NO_FORMAT, ...this.condition, ...format };
    return this.self;
  }

  #numbers(method: string, ...numbers: unknown[]): number[] {
    if (!numbers.every((n) => typeof n === 'number'))
      throw signatureError(`ConditionalFormatRuleBuilder.${method}`, numbers);
    return numbers as number[];
  }
}
