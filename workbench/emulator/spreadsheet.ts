/** Spreadsheet: the document; its sheets, named ranges, active sheet and selection, toasts. */

import { enumName, ProtectionType } from './apps-script-enums';
import { gasError, MESSAGES, signatureError } from './apps-script-errors';
import { ServiceObject } from './execution-runtime';
import { assertCoordinates } from './sheet-model';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

type SupportedSpreadsheetMethods =
  | 'deleteSheet'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getRangeList'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export class EmulatedSpreadsheet
  extends ServiceObject<GasSpreadsheet>
  implements Pick<GasSpreadsheet, SupportedSpreadsheetMethods>
{
  getId(): string {
    return this.rt.workbook.id;
  }

  getName(): string {
    return this.rt.workbook.name;
  }

  rename(newName: string): void {
    this.rt.workbook.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.rt.workbook.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.rt.workbook.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.rt.workbook.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    return this.rt.workbook.locale;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.rt.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // ---- sheets ----

  getSheets(): GasSheet[] {
    return this.rt.workbook.sheets.map((model) => this.rt.objects.sheet(model));
  }

  getNumSheets(): number {
    return this.rt.workbook.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    const model = this.rt.workbook.findSheet(String(name));
    return model ? this.rt.objects.sheet(model) : null;
  }

  getSheetById(id: number): GasSheet | null {
    const model = this.rt.workbook.sheets.find((sheet) => sheet.id === id);
    return model ? this.rt.objects.sheet(model) : null;
  }

  /** insertSheet([name], [index], [options]): a 1000 x 26 sheet at 0-based `index` (default last), made active. */
  insertSheet(
    ...args: [nameOrIndex?: string | number | object, indexOrOptions?: number | object, options?: object]
  ): GasSheet {
    const name = typeof args[0] === 'string' ? args[0] : this.#unusedName();
    const index = args.find((arg): arg is number => typeof arg === 'number');
    const options = args.find((arg) => typeof arg === 'object' && arg !== null) as { template?: unknown } | undefined;
    if (options?.template !== undefined) throw new Error('emulator: insertSheet with a template is not modelled');
    if (args[0] !== undefined && !['string', 'number', 'object'].includes(typeof args[0])) {
      throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    const workbook = this.rt.workbook;
    const model = workbook.insertSheet(name, index === undefined ? workbook.sheets.length : Math.trunc(index));
    workbook.activeSheet = model;
    workbook.activeRange = null;
    return this.rt.objects.sheet(model);
  }

  deleteSheet(sheet: GasSheet): void {
    this.rt.workbook.deleteSheet(this.rt.expect(sheet, 'Sheet', 'SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]));
  }

  getActiveSheet(): GasSheet {
    return this.rt.objects.sheet(this.rt.workbook.activeSheet);
  }

  setActiveSheet(sheet: GasSheet, _restoreSelection?: boolean): GasSheet {
    const model = this.rt.expect(sheet, 'Sheet', 'SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this.rt.workbook.activeSheet = model;
    this.rt.workbook.activeRange = null;
    return this.rt.objects.sheet(model);
  }

  // ---- ranges and selection ----

  /** A1 notation with a sheet name, or on the active sheet without one. */
  getRange(a1Notation: string): GasRange {
    if (typeof a1Notation !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const resolved = this.rt.workbook.resolveA1(a1Notation, this.rt.workbook.activeSheet);
    if (!resolved) throw gasError(MESSAGES.rangeNotFound);
    const { area, box } = resolved;
    assertCoordinates(area.sheet, box.row, box.column, box.numRows, box.numColumns);
    return this.rt.objects.range(area.sheet, box);
  }

  /** Ranges of the active sheet by A1 notation, as one RangeList. */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const sheet = this.rt.uncounted(this.rt.objects.sheet(this.rt.workbook.activeSheet));
    return sheet.getRangeList(a1Notations);
  }

  getActiveRange(): GasRange | null {
    const workbook = this.rt.workbook;
    const area = workbook.activeRange;
    return area
      ? this.rt.objects.range(area.sheet, area)
      : this.rt.objects.range(workbook.activeSheet, { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  getActiveCell(): GasRange {
    const area = this.rt.workbook.activeRange;
    const sheet = area?.sheet ?? this.rt.workbook.activeSheet;
    return this.rt.objects.range(sheet, { row: area?.row ?? 1, column: area?.column ?? 1, numRows: 1, numColumns: 1 });
  }

  setActiveRange(range: GasRange): GasRange {
    return this.#select(range, 'setActiveRange');
  }

  setActiveSelection(range: GasRange | string): GasRange {
    return this.#select(typeof range === 'string' ? this.getRange(range) : range, 'setActiveSelection');
  }

  // ---- named ranges and protections ----

  setNamedRange(name: string, range: GasRange): void {
    const area = this.rt.expect(range, 'Range', 'SpreadsheetApp.Spreadsheet.setNamedRange', [name, range]);
    this.rt.workbook.namedRanges.set(String(name), area);
  }

  getRangeByName(name: string): GasRange | null {
    const area = this.rt.workbook.namedRanges.get(String(name));
    return area ? this.rt.objects.range(area.sheet, area) : null;
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.rt.workbook.namedRanges.keys()].map((name) => this.rt.objects.namedRange(name));
  }

  removeNamedRange(name: string): void {
    this.rt.workbook.namedRanges.delete(String(name));
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    const name = enumName(ProtectionType, type);
    if (!name) throw signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    return this.rt.workbook.sheets.flatMap((sheet) =>
      sheet.protections.filter((p) => p.type === name).map((p) => this.rt.objects.protection(p)),
    );
  }

  // ---- internals ----

  #select(range: GasRange, method: string): GasRange {
    const area = this.rt.expect(range, 'Range', `SpreadsheetApp.Spreadsheet.${method}`, [range]);
    this.rt.workbook.activeSheet = area.sheet;
    this.rt.workbook.activeRange = area;
    return range;
  }

  #unusedName(): string {
    const taken = new Set(this.rt.workbook.sheets.map((sheet) => sheet.name.toLowerCase()));
    let n = this.rt.workbook.sheets.length + 1;
    while (taken.has(`sheet${n}`)) n++;
    return `Sheet${n}`;
  }
}
