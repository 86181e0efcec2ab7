import { describe, expect, it } from 'vitest';
import { toExcelFormula } from '../../../workbench/xlsx/excel-formula';

const rows = (sheet: string | undefined) => (sheet === 'Profiles' ? 200 : 1000);

describe('formulas in the .xlsx file', () => {
  it('closes open-ended ranges at the last row of their sheet', () => {
    expect(toExcelFormula('=LEADSCORE(H2:Q, Factors!B2:B11)', rows)).toBe('LEADSCORE(H2:Q1000, Factors!B2:B11)');
  });

  it('writes array literals holding ranges, which only Sheets allows, as HSTACK and VSTACK', () => {
    expect(toExcelFormula('=PROFILEGAP(H2:Q, {Profiles!A2:A, Profiles!C2:L}, , "best")', rows)).toBe(
      'PROFILEGAP(H2:Q1000, HSTACK(Profiles!A2:A200, Profiles!C2:L200), , "best")',
    );
    expect(toExcelFormula('={A1:A3; B1:B3}', rows)).toBe('VSTACK(A1:A3, B1:B3)');
  });

  it('keeps constant array literals, strings and everything else as written', () => {
    expect(toExcelFormula('=SUM({1,2;3,4})', rows)).toBe('SUM({1,2;3,4})');
    expect(toExcelFormula('=IF(A1="{x, y}", "a;b", ARRAYFORMULA(B2:B5*2))', rows)).toBe(
      'IF(A1="{x, y}", "a;b", ARRAYFORMULA(B2:B5*2))',
    );
  });
});
