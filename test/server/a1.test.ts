import { describe, expect, it } from 'vitest';
import { columnLetter, columnRuns, columnsArgument, openRange, sheetPrefix } from '../../src/server/a1';

describe('A1 notation', () => {
  it('names columns as Sheets does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('quotes sheet names that need it', () => {
    expect(sheetPrefix('Leads')).toBe('Leads!');
    expect(sheetPrefix('KPI log')).toBe("'KPI log'!");
    expect(sheetPrefix("Rep's")).toBe("'Rep''s'!");
  });

  it('writes open-ended ranges that grow with the data', () => {
    expect(openRange(8, 17)).toBe('H2:Q');
    expect(openRange(1, 1, 2, 'Profiles')).toBe('Profiles!A2:A');
  });

  it('joins columns that are not adjacent, in the order given, as an array literal', () => {
    expect(columnRuns([3, 4, 5, 8, 9, 2])).toEqual([
      [3, 5],
      [8, 9],
      [2, 2],
    ]);
    expect(columnsArgument([8, 9, 10])).toBe('H2:J');
    expect(columnsArgument([1, 3, 4], 'Profiles')).toBe('{Profiles!A2:A, Profiles!C2:D}');
    expect(columnsArgument([3, 2])).toBe('{C2:C, B2:B}');
  });
});
