import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('setValues: shape', () => {
  it('needs exactly as many rows as the range, with Google text', () => {
    const { sheet } = session();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('needs exactly as many columns in every row', () => {
    const { sheet } = session();
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('writes nothing when the shape is wrong', () => {
    const { sheet } = session();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('takes only a 2D array: a flat array fails with the signature message', () => {
    const { sheet } = session();
    const setValues = sheet.getRange('A1:C1').setValues as unknown as (values: unknown) => unknown;
    expect(() => setValues([1, 2, 3])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });
});

describe('setValue(s): how Sheets reads what is written', () => {
  const written = (input: unknown, timeZone = 'Etc/UTC') => {
    const { sheet } = session({ timeZone });
    sheet.getRange('A1').setValue(input);
    return { value: sheet.getRange('A1').getValue(), formula: sheet.getRange('A1').getFormula() };
  };

  it('a string starting with = becomes a formula', () => {
    expect(written('=SUM(B1:B3)')).toEqual({ value: '', formula: '=SUM(B1:B3)' });
  });

  it('a leading apostrophe stores the rest as literal text, without the apostrophe', () => {
    expect(written('\'=IMPORTXML("http://x","//a")')).toEqual({ value: '=IMPORTXML("http://x","//a")', formula: '' });
    expect(written("'007")).toEqual({ value: '007', formula: '' });
  });

  it('number-like strings become numbers, spaces around them ignored', () => {
    expect(['3', ' 3 ', '-2.5', '1e3', '.5', '+4', '007', '1,234.5'].map((text) => written(text).value)).toEqual([
      3, 3, -2.5, 1000, 0.5, 4, 7, 1234.5,
    ]);
  });

  it('percentages become fractions', () => {
    expect(['50%', '12.5%', '-3%'].map((text) => written(text).value)).toEqual([0.5, 0.125, -0.03]);
  });

  it('TRUE and FALSE, in any case, become booleans', () => {
    expect(['TRUE', 'false', 'True'].map((text) => written(text).value)).toEqual([true, false, true]);
  });

  it("ISO dates become Dates at that day's midnight in the spreadsheet's time zone", () => {
    const value = written('2024-05-01', 'Europe/Berlin').value as Date;
    expect(value.toISOString()).toBe('2024-04-30T22:00:00.000Z');
    expect((written('2024-05-01 13:45', 'Etc/UTC').value as Date).toISOString()).toBe('2024-05-01T13:45:00.000Z');
  });

  it('everything else stays text, as written', () => {
    expect(['Acme', '3 4', '2024-02-30', '0x10', ' padded ', 'N/A', '='].map((text) => written(text).value)).toEqual([
      'Acme',
      '3 4',
      '2024-02-30',
      '0x10',
      ' padded ',
      'N/A',
      '=',
    ]);
  });

  it('numbers, booleans and Dates written stay what they are; null and undefined clear the cell', () => {
    const when = new Date(Date.UTC(2020, 0, 2));
    expect(written(2.5).value).toBe(2.5);
    expect(written(false).value).toBe(false);
    expect(written(when).value).toEqual(when);
    expect(written(null).value).toBe('');
  });

  it('refuses more than 50000 characters in a cell', () => {
    const { sheet } = session();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('setValue on a multi-cell range writes every cell', () => {
    const { sheet } = session();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('replacing a formula with a value drops the formula', () => {
    const { sheet } = session();
    sheet.getRange('A1').setFormula('=1+1');
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe(5);
  });
});

describe('setFormula(s) and clearContent', () => {
  it('setFormulas writes a grid of formulas; an empty string clears that cell', () => {
    const { sheet } = session();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A2:B2').setFormulas([['=A1*2', '']]);
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['=A1*2', '']]);
    expect(sheet.getRange('B2').getValue()).toBe('');
  });

  it('setFormula on several cells moves relative references as filling does, keeps $ references', () => {
    const { sheet } = session();
    sheet.getRange('C1:C3').setFormula('=A1+$B$1');
    expect(sheet.getRange('C1:C3').getFormulas()).toEqual([['=A1+$B$1'], ['=A2+$B$1'], ['=A3+$B$1']]);
  });

  it('clearContent empties values and formulas and keeps formats', () => {
    const { sheet } = session();
    sheet
      .getRange('A1:B1')
      .setValues([[1, '=A1']])
      .setNumberFormat('0.00');
    sheet.getRange('A1:B1').clearContent();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
  });

  it('setters return the range, so calls chain', () => {
    const { sheet } = session();
    const range = sheet.getRange('A1');
    expect(range.setValue(1).setNumberFormat('0').getValue()).toBe(1);
  });
});
