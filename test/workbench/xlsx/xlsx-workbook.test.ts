import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { exportSample, sampleWorkbook } from '../../../workbench/export';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';
import { readXlsx, writeXlsx } from '../../../workbench/xlsx/xlsx-workbook';

/** The first round's tabs; setup adds more (Settings, Score check, ...), which these tests need not list. */
const TABS = ['Leads', 'Profiles', 'Campaigns', 'Segments', 'Team', 'KPIs', 'KPI log', 'Factors'];
const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('writes a sample workbook that ExcelJS opens with every tab, header and formula, and cached Scores equal to LEADSCORE', async () => {
    const file = path.join(dir, 'sample.xlsx');
    await exportSample(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(TABS));

    const leads = book.getWorksheet('Leads') as ExcelJS.Worksheet;
    // A computed column's header cell holds its formula, whose cached result is the header text.
    const shown = (value: unknown) =>
      typeof value === 'object' && value !== null && 'result' in value ? (value as { result: unknown }).result : value;
    const header = (leads.getRow(1).values as unknown[]).slice(1).map(shown);
    expect(header).toEqual(
      expect.arrayContaining(['Lead', 'Company', 'Maturity', 'Purchase history', 'Score', 'Best profile', 'Status']),
    );
    for (const name of TABS)
      expect((book.getWorksheet(name) as ExcelJS.Worksheet).getRow(1).cellCount).toBeGreaterThan(1);

    const col = (name: string) => header.indexOf(name) + 1;
    // Sheets' {"Score"; LEADSCORE(...)} is VSTACK in the file, which Excel, LibreOffice and Sheets all read.
    expect(leads.getCell(1, col('Score')).formula).toMatch(/^VSTACK\("Score", LEADSCORE\(H2:Q\d+, Factors!B2:B11\)\)$/);
    expect(leads.getCell(1, col('Best profile')).formula).toMatch(/^VSTACK\("Best profile", PROFILEGAP\(/);
    expect(book.getWorksheet('Team')?.getCell('D1').formula).toMatch(/^VSTACK\(HSTACK\("Hit rate", .*\), HITRATE\(/);
    expect(book.getWorksheet('KPIs')?.getCell(1, 10).formula).toMatch(/^VSTACK\("Status", KPISTATUS\(/);

    // Every lead's cached Score is what the add-on's LEADSCORE gives for its ratings and the Factors weights.
    const weights = Array.from({ length: 10 }, (_, i) => [book.getWorksheet('Factors')?.getCell(i + 2, 2).value]);
    let checked = 0;
    for (let row = 2; row <= leads.rowCount; row++) {
      const ratings = Array.from({ length: 10 }, (_, i) => leads.getCell(row, col('Maturity') + i).value ?? '');
      if (ratings.every((r) => r === '')) continue;
      const [[expected]] = callTopLevel(context, 'LEADSCORE', [ratings], weights) as unknown[][];
      expect(leads.getCell(row, col('Score')).value).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(leads.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('the workbench file', () => {
  it('reads back, with its JSON beside it, to the same cells, formulas, rules and layout', async () => {
    const { workbook, engine } = sampleWorkbook();
    const file = path.join(dir, 'round.xlsx');
    await writeXlsx(workbook, file, { engine, sidecar: true });
    const back = await readXlsx(file);
    const again = FormulaEngine.attach(back, { host });
    expect(back.snapshot()).toEqual(workbook.snapshot());
    for (const sheet of workbook.sheets) {
      const copy = back.sheet(sheet.name);
      expect(copy.frozenRows).toBe(sheet.frozenRows);
      expect([copy.maxRows, copy.maxColumns]).toEqual([sheet.maxRows, sheet.maxColumns]);
      expect(copy.validations.distinct().size).toBe(sheet.validations.distinct().size);
      expect(copy.conditionalFormatRules.map((r) => r.condition.args)).toEqual(
        sheet.conditionalFormatRules.map((r) => r.condition.args),
      );
      expect(copy.protections.map((p) => p.description)).toEqual(sheet.protections.map((p) => p.description));
    }
    engine.detach();
    again.detach();
  });

  it('reads back from the .xlsx alone: tabs, values, formulas with closed ranges, validation lists', async () => {
    const { workbook, engine } = sampleWorkbook();
    const file = path.join(dir, 'alone.xlsx');
    await writeXlsx(workbook, path.join(dir, 'with-sidecar.xlsx'), { engine, sidecar: true });
    await copyFile(path.join(dir, 'with-sidecar.xlsx'), file);
    const back = await readXlsx(file);
    const again = FormulaEngine.attach(back, { host });
    expect(back.sheetNames()).toEqual(workbook.sheetNames());
    expect(back.sheetNames()).toEqual(expect.arrayContaining(TABS));
    expect(back.formulas('Leads')[0][17]).toBe('=VSTACK("Score", LEADSCORE(H2:Q1000, Factors!B2:B11))');
    // Named ranges travel as the file's defined names, so formulas using them (QUALIFY's QualifyAtScore) compute.
    for (const [name, area] of workbook.namedRanges) {
      const copy = back.namedRanges.get(name);
      expect([copy?.sheet.name, copy?.row, copy?.column, copy?.numRows]).toEqual([
        area.sheet.name,
        area.row,
        area.column,
        area.numRows,
      ]);
    }
    // Computed again from the formulas, the values match the original.
    expect(back.values('Leads')).toEqual(workbook.values('Leads'));
    expect(back.values('Team')).toEqual(workbook.values('Team'));
    const statusRule = back.sheet('Leads').validations.get(1, 19);
    expect(statusRule?.criteria).toBe('VALUE_IN_LIST');
    expect(statusRule?.args[0]).toEqual(['New', 'Qualified', 'Disqualified', 'Won', 'Lost']);
    engine.detach();
    again.detach();
  });
});
