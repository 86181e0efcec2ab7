/** NamedRange: a name in the workbook's named-range table and the range it points to. */

import type { Runtime } from './execution-runtime';
import { EmulatedRange, rangeOfArea } from './range';
import { ServiceObject } from './service-object';

type GasNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

export function namedRangeOf(rt: Runtime, name: string): GasNamedRange {
  return rt.wrap(new EmulatedNamedRange(rt, name), 'NamedRange');
}

export class EmulatedNamedRange extends ServiceObject<GasNamedRange> implements GasNamedRange {
  constructor(
    rt: Runtime,
    public name: string,
  ) {
    super(rt);
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): GasNamedRange {
    const table = this.rt.workbook.namedRanges;
    const area = table.get(this.name);
    if (area) {
      table.delete(this.name);
      table.set(String(name), area);
    }
    this.name = String(name);
    return this.self;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const area = this.rt.workbook.namedRanges.get(this.name);
    if (!area) throw new Error(`emulator: the named range ${this.name} was removed`);
    return rangeOfArea(this.rt, area);
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): GasNamedRange {
    const area = this.rt.expect(range, EmulatedRange, 'NamedRange.setRange', [range]).area;
    this.rt.workbook.namedRanges.set(this.name, area);
    return this.self;
  }

  remove(): void {
    this.rt.workbook.namedRanges.delete(this.name);
  }
}
