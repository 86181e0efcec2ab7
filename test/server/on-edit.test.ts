import { describe, expect, it } from 'vitest';
import { type AuthMode, createServices, type Workbook } from '../../workbench/emulator/apps-script-emulator';
import { callTopLevel, loadBundle, readBundle } from '../../workbench/session/script-bundle';
import { columnOf, FACTORS10, records, sampleWorkbook } from './harness';

const code = readBundle();
const today = () => new Date().toISOString().slice(0, 10); // the sample workbook's time zone is Etc/UTC
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/**
 * A person's edit as Sheets reports it to the simple trigger: the cells are already changed (workbook.write, as a
 * person typing or pasting), then onEdit runs in its own execution under `authMode` with the edited block as e.range.
 */
function personEdits(
  workbook: Workbook,
  sheet: string,
  row: number,
  column: number,
  grid: unknown[][],
  authMode: AuthMode = 'LIMITED',
) {
  workbook.write(sheet, row, column, grid);
  const execution = createServices(workbook, { authMode });
  const scriptApp = execution.globals.ScriptApp as { AuthMode: Record<string, unknown> };
  let range: unknown;
  if (authMode === 'NONE') {
    // Under NONE the script may not touch the document: any use of e.range fails, as Apps Script's would.
    range = new Proxy(
      {},
      {
        get: () => {
          throw new Error('onEdit used e.range under AuthMode.NONE');
        },
      },
    );
  } else {
    range = execution.services.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName(sheet)
      ?.getRange(row, column, grid.length, grid[0].length);
  }
  execution.calls.reset();
  const before = workbook.snapshot();
  const leads = workbook.values('Leads');
  try {
    callTopLevel(loadBundle(execution.globals, code), 'onEdit', {
      authMode: scriptApp.AuthMode[authMode],
      range,
      source: undefined,
      user: undefined,
    });
  } finally {
    execution.finish();
  }
  return { before, leads, calls: execution.calls };
}

/** A sample workbook whose Rated column is cleared, so any date onEdit writes shows. */
function undatedWorkbook(): Workbook {
  const workbook = sampleWorkbook();
  const rated = columnOf(workbook, 'Leads', 'Rated');
  const rows = workbook.values('Leads').length - 1;
  workbook.write(
    'Leads',
    2,
    rated,
    Array.from({ length: rows }, () => ['']),
  );
  return workbook;
}

const ratedOf = (workbook: Workbook) => records(workbook, 'Leads').map((r) => day(r.Rated));

describe('onEdit', () => {
  it('dates Rated today when a person changes one rating cell, and writes nothing else', () => {
    const workbook = undatedWorkbook();
    const interest = columnOf(workbook, 'Leads', 'Interest');
    const { leads } = personEdits(workbook, 'Leads', 5, interest, [[2]]);
    // Only the one Rated cell differs from the Leads tab as the person left it.
    const changed: string[] = [];
    workbook.values('Leads').forEach((row, r) => {
      row.forEach((v, c) => {
        if (day(v) !== day(leads[r][c])) changed.push(`${r + 1}:${c + 1}`);
      });
    });
    expect(changed).toEqual([`5:${columnOf(workbook, 'Leads', 'Rated')}`]);
    expect(ratedOf(workbook)[3]).toBe(today());
  });

  it('dates every row of a pasted block of ratings, and skips rows whose ratings were all cleared', () => {
    const workbook = undatedWorkbook();
    const maturity = columnOf(workbook, 'Leads', 'Maturity');
    const block = [
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5],
      ['', '', '', '', '', '', '', '', '', ''],
      [2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ];
    personEdits(workbook, 'Leads', 10, maturity, block);
    const rated = ratedOf(workbook);
    expect(rated.slice(8, 12)).toEqual([today(), '', today(), today()]);
    expect(rated.filter((d) => d !== '')).toHaveLength(3);
    expect(FACTORS10.map((f) => records(workbook, 'Leads')[8][f])).toEqual(block[0]);
  });

  it('writes nothing for an edit outside the rating columns, in the header, or in another tab', () => {
    const workbook = undatedWorkbook();
    const notes = columnOf(workbook, 'Leads', 'Notes');
    for (const [sheet, row, column, grid] of [
      ['Leads', 6, notes, [['called']]],
      ['Leads', 3, columnOf(workbook, 'Leads', 'Status'), [['Qualified']]],
      ['Leads', 1, columnOf(workbook, 'Leads', 'Maturity'), [['Maturity']]],
      ['Profiles', 2, 3, [[2]]],
    ] as const) {
      const { before } = personEdits(workbook, sheet, row, column, grid as unknown as unknown[][]);
      expect(workbook.snapshot(), `${sheet} ${row}:${column}`).toEqual(before);
    }
    expect(ratedOf(workbook).filter((d) => d !== '')).toEqual([]);
  });

  it('reads only the edited sheet name for an edit in another tab', () => {
    const workbook = undatedWorkbook();
    const { calls } = personEdits(workbook, 'Team', 2, 1, [['Anna Berg']]);
    expect(calls.byMethod()).toEqual({ 'Range.getSheet': 1, 'Sheet.getName': 1 });
  });

  it('runs as a simple trigger does: under LIMITED it dates the row; under NONE it touches nothing', () => {
    const workbook = undatedWorkbook();
    const interest = columnOf(workbook, 'Leads', 'Interest');
    const none = personEdits(workbook, 'Leads', 7, interest, [[3]], 'NONE');
    expect(workbook.snapshot()).toEqual(none.before);
    expect(none.calls.total()).toBe(0);
    personEdits(workbook, 'Leads', 7, interest, [[3]], 'LIMITED');
    expect(ratedOf(workbook)[5]).toBe(today());
  });

  it('is declared as a top-level function of the bundle', () => {
    expect(code).toMatch(/^function onEdit\(/m);
  });
});
