import { describe, expect, it } from 'vitest';
import { hasOpenEndedRange, toEngineFormula } from '../../../workbench/engine/formula-translation';

const rows = (sheet: string | undefined) => ({ Leads: 500, 'KPI log': 80, "Bob's": 7 })[sheet ?? 'Leads'] ?? 1000;

describe('Sheets formulas for the engine', () => {
  it('closes open-ended ranges at the last row of their sheet', () => {
    expect(toEngineFormula('=LEADSCORE(H2:Q, Factors!B2:B11)', rows)).toBe('=LEADSCORE(H2:Q500, Factors!B2:B11)');
    expect(toEngineFormula('=COUNTIFS(Leads!$D$2:$D, A2, \'KPI log\'!B2:B, "x")', rows)).toBe(
      '=COUNTIFS(Leads!$D$2:$D500, A2, \'KPI log\'!B2:B80, "x")',
    );
    expect(toEngineFormula("=SUM('Bob''s'!A1:A)", rows)).toBe("=SUM('Bob''s'!A1:A7)");
  });

  it('leaves closed ranges, whole columns, strings and function names alone', () => {
    const formula = '=PROFILEGAP(A2:J9, Profiles!C2:L9, , "A2:B") + SUM(C:C) + LOG10(4)';
    expect(toEngineFormula(formula, rows)).toBe(formula);
    expect(hasOpenEndedRange(formula)).toBe(false);
  });

  it('rewrites open-ended ranges inside array literals, and stacks literals holding ranges or formulas', () => {
    expect(toEngineFormula('=PROFILEGAP(H2:Q, {Profiles!A2:A, Profiles!C2:L}, , "best")', rows)).toBe(
      '=PROFILEGAP(H2:Q500, HSTACK(Profiles!A2:A1000, Profiles!C2:L1000), , "best")',
    );
    expect(hasOpenEndedRange('=LEADSCORE(H2:Q)')).toBe(true);
  });

  it('writes a header cell\'s literal, `{"Score"; LEADSCORE(...)}`, as VSTACK, which HyperFormula recomputes', () => {
    expect(toEngineFormula('={"Score"; LEADSCORE(H2:Q, Factors!B2:B11)}', rows)).toBe(
      '=VSTACK("Score", LEADSCORE(H2:Q500, Factors!B2:B11))',
    );
    expect(toEngineFormula('={"Rate", "Low"; HITRATE(B2:B, C2:C)}', rows)).toBe(
      '=VSTACK(HSTACK("Rate", "Low"), HITRATE(B2:B500, C2:C500))',
    );
    expect(toEngineFormula('=SUM({1,2;3,4}) & "{a; b}"', rows)).toBe('=SUM({1,2;3,4}) & "{a; b}"');
  });
});
