/** NamedRange: a name in the workbook's named-range table and the range it points to. */

import { type Runtime, ServiceObject } from './execution-runtime';

type GasNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

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
    return this.rt.objects.range(area.sheet, area);
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): GasNamedRange {
    const area = this.rt.expect(range, 'Range', 'NamedRange.setRange', [range]);
    this.rt.workbook.namedRanges.set(this.name, area);
    return this.self;
  }

  remove(): void {
    this.rt.workbook.namedRanges.delete(this.name);
  }
}
