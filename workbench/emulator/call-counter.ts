/**
 * Counts service calls by method ('Range.getValues') and round trips (a read that must wait for pending writes), so
 * tests and benchmarks can hold code to batched access.
 */

/** How one call touches the spreadsheet: changes it, needs its current state, or neither. */
export type Access = 'write' | 'read' | 'flush' | 'none';

/** The classes whose calls go to the spreadsheet document. Builders, Ui, properties and locks do not. */
const DOCUMENT_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'NamedRange',
  'Protection',
  'EmbeddedChart',
]);

/** Calls that describe or name something the script already holds: answered without the document's state. */
const LOCAL = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newConditionalFormatRule',
  'SpreadsheetApp.newDataValidation',
  'Spreadsheet.getId',
  'Spreadsheet.getUrl',
  'Spreadsheet.getRange',
  'Spreadsheet.getRangeList',
  'Sheet.getParent',
  'Sheet.getRange',
  'Sheet.getRangeList',
  'Sheet.getSheetId',
  'Sheet.newChart',
  'Range.getA1Notation',
  'Range.getCell',
  'Range.getColumn',
  'Range.getGridId',
  'Range.getHeight',
  'Range.getLastColumn',
  'Range.getLastRow',
  'Range.getNumColumns',
  'Range.getNumRows',
  'Range.getRow',
  'Range.getRowIndex',
  'Range.getSheet',
  'Range.getWidth',
  'Range.isEndColumnBounded',
  'Range.isEndRowBounded',
  'Range.isStartColumnBounded',
  'Range.isStartRowBounded',
  'Range.offset',
  'RangeList.getRanges',
  'NamedRange.getName',
  'EmbeddedChart.modify',
]);

const WRITES =
  /^(?:set|insert|delete|clear|append|remove|add|protect|hide|show|sort|update|autoResize|rename|check|uncheck)/;
const READS = /^(?:get|is|can|has)/;

/**
 * Sheets applies a script's writes in batches and flushes the pending ones before any read that needs the document,
 * which is what makes alternating reads and writes slow. A write is any call that changes the document; a read any
 * call that returns its content or state (values, formulas, formats, sizes, the last row, sheets, rules...). Calls
 * that only describe what the script holds (a range's A1 notation, row and size, getRange itself) are neither.
 */
export function accessOf(method: string): Access {
  const dot = method.indexOf('.');
  const className = method.slice(0, dot);
  const name = method.slice(dot + 1);
  if (!DOCUMENT_CLASSES.has(className) || LOCAL.has(method)) return 'none';
  if (method === 'SpreadsheetApp.flush') return 'flush';
  if (WRITES.test(name)) return 'write';
  return READS.test(name) ? 'read' : 'none';
}

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private sum = 0;
  private trips = 0;
  private pendingWrites = false;

  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sum++;
    const access = accessOf(method);
    if (access === 'write') this.pendingWrites = true;
    else if ((access === 'read' || access === 'flush') && this.pendingWrites) {
      this.trips++;
      this.pendingWrites = false;
    }
  }

  total(): number {
    return this.sum;
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /**
   * Round trips: how many times a read (or SpreadsheetApp.flush) came after writes not yet flushed, each making the
   * script wait for Sheets to apply them. Read everything, then write everything: 0 round trips.
   */
  roundTrips(): number {
    return this.trips;
  }

  /** Calls per method, methods in the order first called. */
  byMethod(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
    this.trips = 0;
    this.pendingWrites = false;
  }
}
