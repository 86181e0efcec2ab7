import { type DetailedCellError, HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import {
  type CustomFunctionHost,
  registerCustomFunctions,
  serialToDate,
  toSheetsValue,
  withHost,
} from '../../../workbench/engine/custom-functions';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const host: CustomFunctionHost = {
  table: context.LeanSales.functionTable,
  call: (name, args) => callTopLevel(context, name, ...args),
};
registerCustomFunctions(host.table);

function sheet(rows: unknown[][]) {
  return withHost(host, () => {
    const hf = HyperFormula.buildFromSheets({ S: rows as never }, { licenseKey: 'gpl-v3' });
    return { hf, values: () => withHost(host, () => hf.getSheetValues(0)) };
  });
}

describe('custom functions in the formula engine', () => {
  it('computes LEADSCORE from the bundle and spills one row per lead', () => {
    const { values } = sheet([
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, '=LEADSCORE(A1:J3)'],
      [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
      [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ]);
    expect(values().map((row) => row[10])).toEqual([100, 67.5, 0]);
  });

  it('passes blank cells as empty text, so blank rows give blank scores', () => {
    const { values } = sheet([[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, '=LEADSCORE(A1:J2)'], []]);
    expect(values()[1]?.[10] ?? '').toBe('');
  });

  it('shows a structural error as #ERROR! with the add-on message', () => {
    const { hf } = sheet([[1, 2, 3, '=LEADSCORE(A1:C1)']]);
    const value = withHost(host, () => hf.getCellValue({ sheet: 0, row: 0, col: 3 })) as DetailedCellError;
    expect(value.value).toBe('#ERROR!');
    expect(value.message).toMatch(/^LEADSCORE: ratings must have 10 columns/);
  });

  it('treats an argument left empty as omitted', () => {
    const { values } = sheet([[2, 3, 1, 4, 2, 1, 2, 3, 3, 2, '=LEADSCORE(A1:J1, )']]);
    expect(values()[0][10]).toBe(67.5);
  });

  it('recalculates a score when a rating changes', () => {
    const { hf, values } = sheet([[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, '=LEADSCORE(A1:J1)']]);
    withHost(host, () => hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 5));
    expect(values()[0][10]).toBe(90);
  });

  it('never pads or cuts a result to its predicted size: a mismatch is #ERROR! naming both sizes', () => {
    const liar: CustomFunctionHost = {
      table: [
        {
          name: 'LIARSHAPE',
          params: [{ name: 'n' }],
          outputShape: () => ({ rows: 2, cols: 1 }),
        },
      ],
      call: (_name, args) => Array.from({ length: Number(args[0]) }, (_, i) => [i]),
    };
    registerCustomFunctions(liar.table);
    const values = withHost(liar, () => {
      const hf = HyperFormula.buildFromSheets(
        { S: [['=LIARSHAPE(2)', '=LIARSHAPE(3)', '=LIARSHAPE(1)']] },
        { licenseKey: 'gpl-v3' },
      );
      return [0, 1, 2].map((col) => hf.getCellValue({ sheet: 0, row: 0, col }));
    });
    expect(values[0]).toBe(0);
    expect((values[1] as DetailedCellError).value).toBe('#ERROR!');
    expect((values[1] as DetailedCellError).message).toBe(
      'LIARSHAPE returned 3 rows x 1 column, but its outputShape predicted 2 rows x 1 column for these arguments.',
    );
    expect((values[2] as DetailedCellError).message).toBe(
      'LIARSHAPE returned 1 row x 1 column, but its outputShape predicted 2 rows x 1 column for these arguments.',
    );
  });

  it('hands dates over as Dates and errors as their text', () => {
    expect(serialToDate(45413).toISOString().slice(0, 10)).toBe('2024-05-01');
    expect(toSheetsValue({ val: 45413, getDetailedType: () => 'NUMBER_DATE' })).toEqual(serialToDate(45413));
    expect(toSheetsValue({ val: 0.5, getDetailedType: () => 'NUMBER_PERCENT' })).toBe(0.5);
  });
});
