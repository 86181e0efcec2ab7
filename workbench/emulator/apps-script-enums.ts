/** Apps Script enums as the script sees them: each value's name, e.g. `Ui.Button.OK` is 'OK' and prints as OK. */

function enumOf<const N extends string>(...names: N[]): Readonly<Record<N, N>> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name])) as Record<N, N>);
}

/** Reads an enum argument: the value's name, or undefined when it is no member of `values`. */
export function enumName(values: Readonly<Record<string, string>>, value: unknown): string | undefined {
  const name = String(value);
  return Object.hasOwn(values, name) ? name : undefined;
}

/** A name typed as the Apps Script enum it belongs to (the @types declare numeric enums; at run time they are names). */
export function asEnum<E>(name: string): E {
  return name as unknown as E;
}

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export const ProtectionType = enumOf('RANGE', 'SHEET');
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
export const AuthModeEnum = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);

export const ChartType = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);

export const ChartHiddenDimensionStrategy = enumOf('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH');
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
