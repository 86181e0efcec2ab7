import { describe, expect, it } from 'vitest';
import { call, sampleWorkbook } from './harness';

const workbook = sampleWorkbook();

describe('goToRow', () => {
  it('selects the row the sidebar points at', () => {
    call(workbook, 'goToRow', 'Leads', 35);
    expect(workbook.activeSheet.name).toBe('Leads');
    expect(workbook.activeRange).toMatchObject({ row: 35, column: 1, numRows: 1 });
  });

  it('refuses a tab or row that does not exist', () => {
    expect(() => call(workbook, 'goToRow', 'Nope', 2)).toThrow('There is no Nope tab.');
    expect(() => call(workbook, 'goToRow', 'Leads', 0)).toThrow('Leads has no row 0.');
  });
});
