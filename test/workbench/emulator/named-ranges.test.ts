import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('named ranges', () => {
  it('setNamedRange names a range; getRangeByName finds it', () => {
    const { spreadsheet } = session();
    const factors = spreadsheet.insertSheet('Factors');
    spreadsheet.setNamedRange('Weights', factors.getRange('B2:B11'));
    const range = spreadsheet.getRangeByName('Weights');
    expect([range?.getSheet().getName(), range?.getA1Notation()]).toEqual(['Factors', 'B2:B11']);
  });

  it('getRangeByName returns null for an unknown name', () => {
    const { spreadsheet } = session();
    expect(spreadsheet.getRangeByName('Nope')).toBeNull();
  });

  it('getNamedRanges lists them; a NamedRange can be renamed, moved and removed', () => {
    const { spreadsheet, sheet } = session();
    spreadsheet.setNamedRange('A', sheet.getRange('A1'));
    spreadsheet.setNamedRange('B', sheet.getRange('B1'));
    const [first, second] = spreadsheet.getNamedRanges();
    expect([first.getName(), second.getName()]).toEqual(['A', 'B']);
    first.setName('Renamed').setRange(sheet.getRange('C3'));
    second.remove();
    expect(spreadsheet.getNamedRanges().map((n) => n.getName())).toEqual(['Renamed']);
    expect(spreadsheet.getRangeByName('Renamed')?.getA1Notation()).toBe('C3');
    spreadsheet.removeNamedRange('Renamed');
    expect(spreadsheet.getNamedRanges()).toEqual([]);
  });

  it('sheet.getNamedRanges lists the names on that sheet', () => {
    const { spreadsheet, sheet } = session();
    spreadsheet.setNamedRange('Here', sheet.getRange('A1'));
    spreadsheet.setNamedRange('There', spreadsheet.insertSheet('Other').getRange('A1'));
    expect(sheet.getNamedRanges().map((n) => n.getName())).toEqual(['Here']);
  });

  it('a named range moves when rows are inserted above it', () => {
    const { spreadsheet, sheet } = session();
    spreadsheet.setNamedRange('Weights', sheet.getRange('B2:B11'));
    sheet.insertRowsBefore(1, 3);
    expect(spreadsheet.getRangeByName('Weights')?.getA1Notation()).toBe('B5:B14');
  });
});
