// Sheet.moveRows as Sheets moves rows: the rows go to the destination (counted before the move), the rows between
// shift to make room, nothing is overwritten; and what a person does while a script runs.
import { describe, expect, it } from 'vitest';
import { lastTypedRow, personEdits } from '../../../workbench/emulator/person-edits';
import { session } from './helpers';

const NAMES = [['a'], ['b'], ['c'], ['d'], ['e']];

describe('Sheet.moveRows', () => {
  it('moves a row up: the rows from the destination down shift by one', () => {
    const { sheet } = session();
    sheet.getRange('A1:A5').setValues(NAMES);
    sheet.getRange('B4').setFormula('=A4&"!"');
    sheet.moveRows(sheet.getRange('A4'), 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], ['d'], ['b'], ['c'], ['e']]);
    // A formula moves with its row, its relative references with it.
    expect(sheet.getRange('B2').getFormula()).toBe('=A2&"!"');
  });

  it('moves a row down: the destination counts rows before the move', () => {
    const { sheet } = session();
    sheet.getRange('A1:A5').setValues(NAMES);
    sheet.moveRows(sheet.getRange('A2'), 5);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], ['c'], ['d'], ['b'], ['e']]);
  });

  it('leaves the rows as they are when the destination is inside the moved rows', () => {
    const { sheet } = session();
    sheet.getRange('A1:A5').setValues(NAMES);
    sheet.moveRows(sheet.getRange('A2:A3'), 3);
    expect(sheet.getRange('A1:A5').getValues()).toEqual(NAMES);
  });
});

describe('what a person does while a script runs', () => {
  it('types the next row below the last typed one, inserts, deletes and sorts', () => {
    const s = session();
    s.sheet.getRange('A1:B4').setValues([
      ['Name', 'Score'],
      ['b', 2],
      ['a', 1],
      ['c', 3],
    ]);
    const person = personEdits(s.workbook, s.sheet.getName());
    expect(person.typeNextRow(['d', 4])).toBe(5);
    person.sortBy(1, false);
    expect(s.sheet.getRange('A2:A5').getValues()).toEqual([['d'], ['c'], ['b'], ['a']]);
    person.insertRow(2);
    expect(lastTypedRow(s.workbook.sheet(s.sheet.getName()))).toBe(6);
    person.deleteRow(2);
    expect(s.sheet.getRange('A2:A5').getValues()).toEqual([['d'], ['c'], ['b'], ['a']]);
  });
});
