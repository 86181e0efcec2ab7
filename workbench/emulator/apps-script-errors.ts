/** Exceptions with Apps Script's own wording, so tests can match the texts users see in Sheets. */

/** Apps Script throws `Exception`s: `String(e)` reads "Exception: <message>". */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

export const MESSAGES = {
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  cellOutOfRange: 'Cell reference out of range',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  removeAllSheets: "You can't remove all the sheets in a document.",
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  // Sheets' text for its 10 million cell limit (Sheets API and Apps Script alike).
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  // Google's own text for the 18,278-column limit was not found; this follows the wording of the cell limit.
  columnLimit: 'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
  listTooLong:
    'The data validation rule has more items than the limit of 500. Use the \u2018List from a range\u2019 criteria instead.',
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowCountMismatch: (given: number, expected: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${given} but the range has ${expected}.`,
  columnCountMismatch: (given: number, expected: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${given} but the range has ${expected}.`,
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
  noPermission: (method: string, scope?: string) =>
    scope
      ? `You do not have permission to call ${method}. Required permissions: ${scope}`
      : `You do not have permission to call ${method}.`,
} as const;

/** How Apps Script names an argument's type in "The parameters (...) don't match the method signature" errors. */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  return '(class)';
}

/** Apps Script's error for a call whose arguments fit none of the method's overloads. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}
