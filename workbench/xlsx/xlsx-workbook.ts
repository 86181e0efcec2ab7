/**
 * The workbook as an .xlsx file (ExcelJS): every tab in order, values, formulas with their cached values (a formula
 * that spills is written as an array formula over its area), number formats, fonts and fills, data validation,
 * conditional formats, frozen rows and column widths. Excel, LibreOffice and a Google Drive upload open it.
 *
 * What the format cannot hold exactly (Sheets formula text such as `H2:Q`, sheet sizes, the exact validation rules,
 * protections, charts, named ranges, properties) goes to a JSON file beside it, used when the workbench reads the file
 * back; without it the .xlsx alone still rebuilds the tabs, cells, formulas (closed ranges) and formats.
 */

import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { columnLetters, columnNumber, quoteSheetName } from '../emulator/a1-notation';
import { type CellValue, createWorkbook, type SheetModel, type Workbook } from '../emulator/apps-script-emulator';
import { isDate } from '../emulator/cell-values';
import { DEFAULT_COLUMN_WIDTH } from '../emulator/sheet-model';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from '../emulator/workbook';
import { wallClock, zonedDate } from '../emulator/zoned-dates';
import { looksLikeError } from '../engine/cell-conversion';
import type { FormulaEngine } from '../engine/formula-engine';
import { AUTOMATIC } from '../view/cell-display';
import { toExcelFormula } from './excel-formula';
import { regionsOf } from './layer-regions';
import { type SaveStep, sha256, WorkbookFilesMismatch, writeWorkbookFiles } from './workbook-files';
import { argb, conditionStyle, hex, readValidationsAndFormats, sheetExtras, validationForExcel } from './xlsx-rules';
import { applySidecar, readSidecar, sidecarOf, sidecarPath, validationBoxes, WORKBENCH_USER } from './xlsx-sidecar';
import { escapeXlsxText } from './xlsx-text';

export { type SaveStep, sidecarPath, WORKBENCH_USER };

const PIXELS_PER_CHARACTER = 7;

// ---- values ----

/** Sheets dates are wall-clock times in the spreadsheet's zone; Excel serials carry no zone, so they go as UTC. */
function toExcelDate(date: Date, timeZone: string): Date {
  const c = wallClock(date, timeZone);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}

function fromExcelDate(date: Date, timeZone: string): Date {
  return zonedDate(
    timeZone,
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

function excelValue(value: CellValue, timeZone: string, computed: boolean): ExcelJS.CellValue {
  if (value === '') return null;
  if (isDate(value)) return toExcelDate(value, timeZone);
  if (computed && looksLikeError(value)) return { error: value as ExcelJS.CellErrorValue['error'] };
  return typeof value === 'string' ? escapeXlsxText(value) : value;
}

// ---- writing ----

function writeSheet(book: ExcelJS.Workbook, sheet: SheetModel, workbook: Workbook, engine?: FormulaEngine): void {
  const ws = book.addWorksheet(sheet.name, {
    views:
      sheet.frozenRows || sheet.frozenColumns
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  });
  const timeZone = workbook.timeZone;
  const rowsOf = (name: string | undefined) => (name ? workbook.findSheet(name) : sheet)?.maxRows ?? NEW_SHEET_ROWS;
  for (const [column, width] of sheet.columnWidths) ws.getColumn(column).width = width / PIXELS_PER_CHARACTER;

  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  // Cells inside an array formula's area hold its cached values (the engine computes them again on reading).
  const inArray = new Set<string>();
  for (let r = 1; r <= lastRow; r++) {
    const formulas = sheet.formulas.line(r - 1);
    if (!formulas) continue;
    for (let c = 1; c <= formulas.length; c++) {
      const formula = formulas[c - 1];
      if (!formula) continue;
      const extent = engine?.arrayExtent(sheet.name, r, c) ?? { rows: 1, columns: 1 };
      const value = excelValue(sheet.values.get(r - 1, c - 1), timeZone, true);
      const result = (value ?? '') as ExcelJS.CellFormulaValue['result'];
      // The sidecar keeps the formula exactly; the .xlsx must stay readable whatever text the formula holds.
      const excel = escapeXlsxText(toExcelFormula(formula, rowsOf));
      if (extent.rows > 1 || extent.columns > 1) {
        const rows = Math.min(extent.rows, sheet.maxRows - r + 1);
        const columns = Math.min(extent.columns, sheet.maxColumns - c + 1);
        const ref = `${columnLetters(c)}${r}:${columnLetters(c + columns - 1)}${r + rows - 1}`;
        ws.getCell(r, c).value = { formula: excel, result, shareType: 'array', ref } as ExcelJS.CellValue;
        for (let dr = 0; dr < rows; dr++)
          for (let dc = 0; dc < columns; dc++) if (dr || dc) inArray.add(`${r + dr}:${c + dc}`);
      } else {
        ws.getCell(r, c).value = { formula: excel, result } as ExcelJS.CellValue;
      }
    }
  }
  for (let r = 1; r <= lastRow; r++) {
    const values = sheet.values.line(r - 1);
    if (!values) continue;
    for (let c = 1; c <= Math.min(values.length, lastColumn); c++) {
      const value = values[c - 1];
      if (value === undefined || value === '' || sheet.formulas.get(r - 1, c - 1)) continue;
      const computed = inArray.has(`${r}:${c}`);
      ws.getCell(r, c).value = excelValue(value, timeZone, computed);
      if (isDate(value) && !sheet.formats.numberFormat.get(r - 1, c - 1)) ws.getCell(r, c).numFmt = 'yyyy-mm-dd';
    }
  }
  writeFormats(ws, sheet);
  for (const { rule, boxes } of validationBoxes(sheet)) {
    for (const box of boxes) {
      const validation = validationForExcel(rule, sheet, rowsOf);
      if (!validation) continue;
      const [row, column, numRows, numColumns] = box;
      const ref = `${columnLetters(column)}${row}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
      sheetExtras(ws).dataValidations.add(ref, validation);
    }
  }
  sheet.conditionalFormatRules.forEach((rule, index) => {
    if (rule.condition.criteria !== 'CUSTOM_FORMULA' || rule.ranges.length === 0) return;
    const ref = rule.ranges
      .map(
        (a) =>
          `${columnLetters(a.column)}${a.row}:${columnLetters(a.column + a.numColumns - 1)}${a.row + a.numRows - 1}`,
      )
      .join(' ');
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: index + 1,
          formulae: [toExcelFormula(String(rule.condition.args[0]), rowsOf)],
          style: conditionStyle(rule.condition),
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
}

function writeFormats(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const f = sheet.formats;
  const each = (grid: (typeof f)[keyof typeof f], apply: (cell: ExcelJS.Cell, value: string) => void) => {
    for (const region of regionsOf(grid, grid.lastRow(), grid.lastColumn())) {
      for (let r = region.row; r < region.row + region.numRows; r++) {
        for (let c = region.column; c < region.column + region.numColumns; c++) apply(ws.getCell(r, c), region.value);
      }
    }
  };
  each(f.numberFormat, (cell, format) => {
    if (format !== AUTOMATIC) cell.numFmt = format;
  });
  each(f.fontWeight, (cell, weight) => {
    if (weight === 'bold') cell.font = { ...cell.font, bold: true };
  });
  each(f.fontStyle, (cell, style) => {
    if (style === 'italic') cell.font = { ...cell.font, italic: true };
  });
  each(f.fontColor, (cell, color) => {
    cell.font = { ...cell.font, color: { argb: argb(color) } };
  });
  each(f.background, (cell, color) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
  });
  each(f.horizontalAlignment, (cell, align) => {
    const horizontal =
      align === 'normal' || align === 'general' ? undefined : (align as ExcelJS.Alignment['horizontal']);
    if (horizontal) cell.alignment = { ...cell.alignment, horizontal };
  });
}

/** An Area as `'KPI log'!$B$2` or `Settings!$B$2:$B$3`, as a defined name's range is written. */
function absoluteA1(area: { sheet: SheetModel; row: number; column: number; numRows: number; numColumns: number }) {
  const cell = (row: number, column: number) => `$${columnLetters(column)}$${row}`;
  const start = cell(area.row, area.column);
  const end = cell(area.row + area.numRows - 1, area.column + area.numColumns - 1);
  return `${quoteSheetName(area.sheet.name)}!${start === end ? start : `${start}:${end}`}`;
}

/** Named ranges as the .xlsx's defined names, so formulas that use them (`QualifyAtScore`) work in Excel too. */
function writeNamedRanges(book: ExcelJS.Workbook, workbook: Workbook): void {
  for (const [name, area] of workbook.namedRanges) book.definedNames.add(absoluteA1(area), name);
}

/** Defined names that name a range of one of the workbook's sheets, as its named ranges. */
function readNamedRanges(book: ExcelJS.Workbook, workbook: Workbook): void {
  for (const { name, ranges } of book.definedNames.model as { name: string; ranges: string[] }[]) {
    const resolved = ranges.length === 1 ? workbook.resolveA1(ranges[0].replace(/\$/g, ''), workbook.sheets[0]) : null;
    if (resolved) workbook.namedRanges.set(name, resolved.area);
  }
}

export interface WriteOptions {
  /** Gives formulas that spill their array areas; without it every formula is written as a single cell. */
  readonly engine?: FormulaEngine;
  /** Also write the JSON beside the file, so the workbench reads everything back exactly. */
  readonly sidecar?: boolean;
  /** Hears each step of the save (tests copy the folder there to see what a crash would leave). */
  readonly onStep?: (step: SaveStep) => void;
}

/**
 * Writes the workbook to `file`, and its sidecar beside it, as one unit (see workbook-files.ts): synced temporary
 * files renamed into place, the sidecar naming the .xlsx by its SHA-256.
 */
export async function writeXlsx(workbook: Workbook, file: string, options: WriteOptions = {}): Promise<void> {
  // Everything is read from the model before the first await, so the file is one consistent state of it.
  const book = new ExcelJS.Workbook();
  book.creator = 'Lean Sales workbench';
  book.title = workbook.name;
  for (const sheet of workbook.sheets) writeSheet(book, sheet, workbook, options.engine);
  writeNamedRanges(book, workbook);
  const active = workbook.sheets.indexOf(workbook.activeSheet);
  book.views = [{ activeTab: Math.max(0, active), x: 0, y: 0, width: 20000, height: 12000 } as ExcelJS.WorkbookView];
  const sidecar = options.sidecar ? JSON.stringify(sidecarOf(workbook)) : undefined;
  const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
  await writeWorkbookFiles(
    file,
    xlsx,
    sidecar === undefined
      ? undefined
      : { path: sidecarPath(file), text: (hash) => `{"xlsxSha256":${JSON.stringify(hash)},${sidecar.slice(1)}` },
    options.onStep,
  );
}

// ---- reading ----

function modelValue(value: ExcelJS.CellValue, timeZone: string): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fromExcelDate(value, timeZone);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return modelValue((value.result ?? null) as ExcelJS.CellValue, timeZone);
  }
  return String(value);
}

function readSheet(ws: ExcelJS.Worksheet, sheet: SheetModel, workbook: Workbook): void {
  const timeZone = workbook.timeZone;
  const arrayAreas: [number, number, number, number][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value as ExcelJS.CellValue & { formula?: string; shareType?: string; ref?: string };
      if (value && typeof value === 'object' && 'formula' in value && value.formula) {
        if (value.shareType === 'array' && value.ref) {
          const [from, to] = value.ref.split(':');
          const a = /^([A-Z]+)(\d+)$/i.exec(from);
          const b = /^([A-Z]+)(\d+)$/i.exec(to ?? from);
          if (a && b) arrayAreas.push([Number(a[2]), columnNumber(a[1]), Number(b[2]), columnNumber(b[1])]);
        }
      }
    });
  });
  const inArray = (r: number, c: number) =>
    arrayAreas.some(
      ([top, left, bottom, right]) => r >= top && r <= bottom && c >= left && c <= right && !(r === top && c === left),
    );

  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cell.value as ExcelJS.CellValue;
      const formula =
        value && typeof value === 'object' && 'formula' in value ? (value as ExcelJS.CellFormulaValue).formula : '';
      if (!formula && inArray(r, c)) return;
      sheet.values.set(r - 1, c - 1, modelValue(value, timeZone));
      if (formula) sheet.formulas.set(r - 1, c - 1, `=${formula}`);
      const format = cell.numFmt;
      if (format && format !== 'General' && format !== AUTOMATIC) sheet.formats.numberFormat.set(r - 1, c - 1, format);
      if (cell.font?.bold) sheet.formats.fontWeight.set(r - 1, c - 1, 'bold');
      if (cell.font?.italic) sheet.formats.fontStyle.set(r - 1, c - 1, 'italic');
      const color = hex(cell.font?.color?.argb);
      if (color && color !== '#000000') sheet.formats.fontColor.set(r - 1, c - 1, color);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const background = fill?.type === 'pattern' && fill.pattern === 'solid' ? hex(fill.fgColor?.argb) : undefined;
      if (background && background !== '#ffffff') sheet.formats.background.set(r - 1, c - 1, background);
      const align = cell.alignment?.horizontal;
      if (align && align !== 'fill' && align !== 'justify' && align !== 'distributed') {
        sheet.formats.horizontalAlignment.set(r - 1, c - 1, align === 'centerContinuous' ? 'center' : align);
      }
    });
  });

  const view = ws.views?.[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  ws.columns?.forEach((column, index) => {
    if (column.width && Math.round(column.width * PIXELS_PER_CHARACTER) !== DEFAULT_COLUMN_WIDTH) {
      sheet.columnWidths.set(index + 1, Math.round(column.width * PIXELS_PER_CHARACTER));
    }
  });
  const tab = hex((ws.properties?.tabColor as { argb?: string } | undefined)?.argb);
  if (tab) sheet.tabColor = tab;
}

/**
 * Rebuilds a Workbook from an .xlsx and the JSON beside it. A sidecar that names its .xlsx by hash is used only with
 * that .xlsx (another throws WorkbookFilesMismatch); an older one, when it has the same tabs.
 */
export async function readXlsx(file: string, options: { timeZone?: string } = {}): Promise<Workbook> {
  const bytes = await readFile(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  let sidecar = await readSidecar(file);
  if (sidecar?.xlsxSha256 !== undefined && sidecar.xlsxSha256 !== sha256(bytes))
    throw new WorkbookFilesMismatch(file, sidecarPath(file));
  const names = book.worksheets.map((ws) => ws.name);
  if (sidecar && sidecar.sheets.map((s) => s.name).join('\n') !== names.join('\n')) sidecar = undefined;
  const workbook = createWorkbook({
    name: sidecar?.name ?? book.title ?? 'Workbook',
    timeZone: sidecar?.timeZone ?? options.timeZone,
  });
  const placeholder = workbook.sheets[0];
  workbook.renameSheet(placeholder, `__workbench_${Date.now()}`);
  for (const ws of book.worksheets) {
    const json = sidecar?.sheets.find((s) => s.name === ws.name);
    const rows = Math.max(json?.maxRows ?? 0, NEW_SHEET_ROWS, ws.rowCount);
    const columns = Math.max(json?.maxColumns ?? 0, Math.min(NEW_SHEET_COLUMNS, 26), ws.columnCount);
    const sheet = workbook.insertSheet(
      ws.name,
      workbook.sheets.length,
      json ? json.maxRows : rows,
      json ? json.maxColumns : columns,
    );
    readSheet(ws, sheet, workbook);
  }
  if (workbook.sheets.length > 1) workbook.deleteSheet(placeholder);
  else workbook.renameSheet(placeholder, 'Sheet1');
  readNamedRanges(book, workbook);
  if (sidecar) applySidecar(workbook, sidecar);
  else {
    for (const ws of book.worksheets) readValidationsAndFormats(ws, workbook.sheet(ws.name), workbook);
    workbook.activeSheet = workbook.sheets[Math.min(workbook.sheets.length - 1, book.views?.[0]?.activeTab ?? 0)];
  }
  return workbook;
}
