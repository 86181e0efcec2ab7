/**
 * The JSON file kept beside the workbench's .xlsx: what the .xlsx cannot hold exactly (Sheets formula text such as
 * `H2:Q`, sheet sizes, validation rules as built, protections, charts, named ranges, properties).
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SheetModel, ValidationRule, Workbook } from '../emulator/apps-script-emulator';
import { isDate } from '../emulator/cell-values';
import { Area, type BooleanConditionModel, type ChartModel, ProtectionModel } from '../emulator/sheet-model';
import { regionsOf } from './layer-regions';

/** The user the workbench runs the add-on as (Session.getActiveUser, user properties). */
export const WORKBENCH_USER = 'user@example.com';
const SIDECAR_FORMAT = 1;

/** The JSON file beside an .xlsx: `workbook.xlsx` keeps `workbook.json`. */
export function sidecarPath(xlsxPath: string): string {
  return `${xlsxPath.replace(/\.xlsx$/i, '')}.json`;
}

type AreaJson = { sheet: string; row: number; column: number; numRows: number; numColumns: number };
export type Box = [row: number, column: number, numRows: number, numColumns: number];

export interface SheetJson {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenColumns: number;
  /** Formula text per cell, as Sheets holds it. */
  formulas: [row: number, column: number, formula: string][];
  validations: { rule: unknown; boxes: Box[] }[];
  conditionalFormats: { ranges: AreaJson[]; condition: unknown }[];
  protections: unknown[];
  charts: unknown[];
  notes: [row: number, column: number, note: string][];
}

export interface Sidecar {
  /** The SHA-256 of the .xlsx saved with it: the pair is one save (absent in sidecars written before). */
  xlsxSha256?: string;
  format: number;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheet: string;
  sheets: SheetJson[];
  namedRanges: [string, AreaJson][];
  documentProperties: [string, string][];
  scriptProperties: [string, string][];
  userProperties: [string, string][];
}

const areaJson = (area: Area): AreaJson => ({
  sheet: area.sheet.name,
  row: area.row,
  column: area.column,
  numRows: area.numRows,
  numColumns: area.numColumns,
});

/** Rule arguments with Areas and Dates made JSON. */
function argsJson(args: readonly unknown[]): unknown[] {
  return args.map((arg) =>
    arg instanceof Area ? { area: areaJson(arg) } : isDate(arg) ? { date: arg.toISOString() } : arg,
  );
}

function argsFromJson(args: readonly unknown[], workbook: Workbook): unknown[] {
  return args.map((arg) => {
    const tagged = arg as { area?: AreaJson; date?: string } | null;
    if (tagged && typeof tagged === 'object' && !Array.isArray(tagged)) {
      if (tagged.area) return areaFromJson(tagged.area, workbook) ?? '';
      if (tagged.date) return new Date(tagged.date);
    }
    return arg;
  });
}

function areaFromJson(json: AreaJson, workbook: Workbook): Area | undefined {
  const sheet = workbook.findSheet(json.sheet);
  return sheet && new Area(sheet, json.row, json.column, json.numRows, json.numColumns);
}

function sheetJson(sheet: SheetModel): SheetJson {
  const formulas: SheetJson['formulas'] = [];
  const notes: SheetJson['notes'] = [];
  for (let r = 0; r < sheet.formulas.lastRow(); r++) {
    for (const [c, formula] of (sheet.formulas.line(r) ?? []).entries())
      if (formula) formulas.push([r + 1, c + 1, formula]);
  }
  for (let r = 0; r < sheet.notes.lastRow(); r++) {
    for (const [c, note] of (sheet.notes.line(r) ?? []).entries()) if (note) notes.push([r + 1, c + 1, note]);
  }
  return {
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenColumns: sheet.frozenColumns,
    formulas,
    validations: validationBoxes(sheet).map(({ rule, boxes }) => ({
      rule: { ...rule, args: argsJson(rule.args) },
      boxes,
    })),
    conditionalFormats: sheet.conditionalFormatRules.map((rule) => ({
      ranges: rule.ranges.map(areaJson),
      condition: { ...rule.condition, args: argsJson(rule.condition.args) },
    })),
    protections: sheet.protections.map((p) => ({
      type: p.type,
      area: areaJson(p.area),
      description: p.description,
      warningOnly: p.warningOnly,
      domainEdit: p.domainEdit,
      unprotected: p.unprotected.map(areaJson),
      editors: p.editors,
    })),
    charts: sheet.charts.map((chart) => ({ ...chart, ranges: chart.ranges.map(areaJson) })),
    notes,
  };
}

export function sidecarOf(workbook: Workbook): Sidecar {
  return {
    format: SIDECAR_FORMAT,
    id: workbook.id,
    name: workbook.name,
    timeZone: workbook.timeZone,
    locale: workbook.locale,
    activeSheet: workbook.activeSheet.name,
    sheets: workbook.sheets.map(sheetJson),
    namedRanges: [...workbook.namedRanges].map(([name, area]) => [name, areaJson(area)]),
    documentProperties: [...workbook.documentProperties],
    scriptProperties: [...workbook.scriptProperties],
    userProperties: [...workbook.userProperties(WORKBENCH_USER)],
  };
}

export function validationBoxes(sheet: SheetModel): { rule: ValidationRule; boxes: Box[] }[] {
  const byRule = new Map<ValidationRule, Box[]>();
  for (const region of regionsOf(sheet.validations, sheet.validations.lastRow(), sheet.validations.lastColumn())) {
    const rule = region.value as ValidationRule;
    const boxes = byRule.get(rule) ?? [];
    boxes.push([region.row, region.column, region.numRows, region.numColumns]);
    byRule.set(rule, boxes);
  }
  return [...byRule].map(([rule, boxes]) => ({ rule, boxes }));
}

/** What the sidecar knows beyond the .xlsx: exact formulas, rules, protections, charts, names, properties. */
export function applySidecar(workbook: Workbook, sidecar: Sidecar): void {
  for (const json of sidecar.sheets) {
    const sheet = workbook.findSheet(json.name);
    if (!sheet) continue;
    for (const [r, c, formula] of json.formulas) sheet.formulas.set(r - 1, c - 1, formula);
    for (const [r, c, note] of json.notes) sheet.notes.set(r - 1, c - 1, note);
    sheet.frozenColumns = json.frozenColumns;
    sheet.validations.clearAll();
  }
  // Rules may point at other sheets, so they are built once every sheet exists.
  for (const json of sidecar.sheets) {
    const sheet = workbook.findSheet(json.name);
    if (!sheet) continue;
    for (const { rule, boxes } of json.validations) {
      const raw = rule as ValidationRule;
      const built: ValidationRule = { ...raw, args: argsFromJson(raw.args, workbook) };
      for (const [row, column, numRows, numColumns] of boxes)
        sheet.validations.fill(row - 1, column - 1, numRows, numColumns, built);
    }
    sheet.conditionalFormatRules = json.conditionalFormats.flatMap(({ ranges, condition }) => {
      const areas = ranges.map((r) => areaFromJson(r, workbook)).filter((a): a is Area => a !== undefined);
      const model = condition as BooleanConditionModel;
      return areas.length ? [{ ranges: areas, condition: { ...model, args: argsFromJson(model.args, workbook) } }] : [];
    });
    sheet.protections = json.protections.flatMap((raw) => {
      const p = raw as {
        type: 'RANGE' | 'SHEET';
        area: AreaJson;
        description: string;
        warningOnly: boolean;
        domainEdit: boolean;
        unprotected: AreaJson[];
        editors: string[];
      };
      const area = areaFromJson(p.area, workbook);
      if (!area) return [];
      const protection = new ProtectionModel(p.type, area, WORKBENCH_USER);
      protection.description = p.description;
      protection.warningOnly = p.warningOnly;
      protection.domainEdit = p.domainEdit;
      protection.unprotected = p.unprotected
        .map((u) => areaFromJson(u, workbook))
        .filter((a): a is Area => a !== undefined);
      protection.editors = p.editors;
      return [protection];
    });
    sheet.charts = json.charts.map((raw) => {
      const chart = raw as Omit<ChartModel, 'ranges'> & { ranges: AreaJson[] };
      const ranges = chart.ranges.map((r) => areaFromJson(r, workbook)).filter((a): a is Area => a !== undefined);
      return { ...chart, ranges };
    });
  }
  for (const [name, area] of sidecar.namedRanges) {
    const built = areaFromJson(area, workbook);
    if (built) workbook.namedRanges.set(name, built);
  }
  for (const [k, v] of sidecar.documentProperties) workbook.documentProperties.set(k, v);
  for (const [k, v] of sidecar.scriptProperties) workbook.scriptProperties.set(k, v);
  for (const [k, v] of sidecar.userProperties) workbook.userProperties(WORKBENCH_USER).set(k, v);
  workbook.locale = sidecar.locale;
  workbook.activeSheet = workbook.findSheet(sidecar.activeSheet) ?? workbook.sheets[0];
}

export async function readSidecar(file: string): Promise<Sidecar | undefined> {
  const json = sidecarPath(file);
  if (!existsSync(json)) return undefined;
  try {
    const parsed = JSON.parse(await readFile(json, 'utf8')) as Sidecar;
    return parsed.format === SIDECAR_FORMAT ? parsed : undefined;
  } catch {
    return undefined;
  }
}
