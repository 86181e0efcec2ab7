/** Where a span of rows or columns goes when rows or columns are inserted or deleted, as Sheets moves references. */

/** A span [start, end] after `count` lines are inserted before line `at`: lines at or below `at` move down. */
function spanAfterInsert(start: number, end: number, at: number, count: number): [number, number] {
  return [start >= at ? start + count : start, end >= at ? end + count : end];
}

/** A span after lines at..at+count-1 are deleted; null when every line of it was deleted. */
function spanAfterDelete(start: number, end: number, at: number, count: number): [number, number] | null {
  const last = at + count - 1;
  if (start >= at && end <= last) return null;
  const newStart = start < at ? start : start > last ? start - count : at;
  const newEnd = end < at ? end : end > last ? end - count : at - 1;
  return [newStart, newEnd];
}

/** One structural change to a sheet: `count` > 0 inserts before `at`, `count` < 0 deletes from `at`. */
export interface LineShift {
  readonly dimension: 'rows' | 'columns';
  readonly at: number;
  readonly count: number;
}

export function shiftSpan(start: number, end: number, shift: LineShift): [number, number] | null {
  return shift.count > 0
    ? spanAfterInsert(start, end, shift.at, shift.count)
    : spanAfterDelete(start, end, shift.at, -shift.count);
}
