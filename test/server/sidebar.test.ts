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

describe('goToCell', () => {
  it('selects the cell under the named column, found by its header wherever the column is', () => {
    const book = sampleWorkbook();
    call(book, 'goToCell', 'Leads', 12, 'Closed');
    const closed = (book.values('Leads')[0] as unknown[]).indexOf('Closed') + 1;
    expect(closed).toBeGreaterThan(1);
    expect(book.activeSheet.name).toBe('Leads');
    expect(book.activeRange).toMatchObject({ row: 12, column: closed, numRows: 1, numColumns: 1 });
    call(book, 'goToCell', 'Leads', 3, 'competition');
    const competition = (book.values('Leads')[0] as unknown[]).indexOf('Competition') + 1;
    expect(book.activeRange).toMatchObject({ row: 3, column: competition, numRows: 1, numColumns: 1 });
  });

  it('selects the row when the tab has no such column, and refuses a tab or row that does not exist', () => {
    const book = sampleWorkbook();
    call(book, 'goToCell', 'Leads', 5, 'No such column');
    expect(book.activeRange).toMatchObject({ row: 5, column: 1, numRows: 1 });
    expect(() => call(book, 'goToCell', 'Nope', 2, 'Closed')).toThrow('There is no Nope tab.');
    expect(() => call(book, 'goToCell', 'Leads', 0, 'Closed')).toThrow('Leads has no row 0.');
  });
});
