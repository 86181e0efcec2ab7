import { afterEach, describe, expect, it } from 'vitest';
import { createWorkbook, type Workbook } from '../../../workbench/emulator/apps-script-emulator';
import { FormulaEngine } from '../../../workbench/engine/formula-engine';
import { callTopLevel, loadBundle } from '../../../workbench/session/script-bundle';

const context = loadBundle();
const host = {
  table: context.LeanSales.functionTable,
  call: (name: string, args: unknown[]) => callTopLevel(context, name, ...args),
};

const RATINGS = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [2, 3, 1, 4, 2, 1, 2, 3, 3, 2],
];

let engines: FormulaEngine[] = [];
afterEach(() => {
  for (const engine of engines) engine.detach();
  engines = [];
});

function workbookWithEngine(): { workbook: Workbook; engine: FormulaEngine; failures: string[] } {
  const workbook = createWorkbook();
  const failures: string[] = [];
  const engine = FormulaEngine.attach(workbook, { host, onFailure: (m) => failures.push(m) });
  engines.push(engine);
  return { workbook, engine, failures };
}

/** Leads-like sheet: ratings in A:J from row 2, LEADSCORE over the open-ended range in K2. */
function leads(): { workbook: Workbook; engine: FormulaEngine; failures: string[]; score: (row: number) => unknown } {
  const setup = workbookWithEngine();
  setup.workbook.write('Sheet1', 2, 1, RATINGS);
  setup.workbook.write('Sheet1', 2, 11, [['=LEADSCORE(A2:J)']]);
  const score = (row: number) => setup.workbook.sheet('Sheet1').values.get(row - 1, 10);
  return { ...setup, score };
}

describe('the formula engine mirrors the workbook', () => {
  it('computes formula cells as they are written, and their spills', () => {
    const { workbook, score } = leads();
    expect([score(2), score(3)]).toEqual([100, 67.5]);
    expect(workbook.formulas('Sheet1')[1][10]).toBe('=LEADSCORE(A2:J)');
  });

  it('recalculates dependants synchronously when a user edits a rating', () => {
    const { workbook, score } = leads();
    workbook.write('Sheet1', 3, 1, [[5]]);
    expect(score(3)).toBe(60);
  });

  it('gives a lead added below the others its score: the open-ended range reaches the last row', () => {
    const { workbook, score } = leads();
    workbook.write('Sheet1', 1000, 1, [RATINGS[1]]);
    expect(score(1000)).toBe(67.5);
  });

  it('closes open-ended ranges again when the sheet grows, so rows appended later are scored', () => {
    const { workbook, engine, score } = leads();
    const sheet = workbook.sheet('Sheet1');
    workbook.insertRows(sheet, sheet.maxRows + 1, 500);
    expect(engine.engineFormula('Sheet1', 2, 11)).toBe('=LEADSCORE(A2:J1500)');
    workbook.write('Sheet1', 1400, 1, [RATINGS[1]]);
    expect(score(1400)).toBe(67.5);
  });

  it('clears the cells a shrinking array no longer fills', () => {
    const { workbook, score } = leads();
    expect(score(3)).toBe(67.5);
    workbook.write('Sheet1', 2, 11, [['=LEADSCORE(A2:J2)']]);
    expect(score(2)).toBe(100);
    expect(score(3)).toBe('');
  });

  it('spills an array again once the cell in its way is cleared', () => {
    const { workbook, engine, score } = leads();
    workbook.write('Sheet1', 3, 11, [['in the way']]);
    expect(score(2)).toBe('#REF!');
    expect(engine.errorAt('Sheet1', 2, 11)?.message).toMatch(/would overwrite data/);
    workbook.write('Sheet1', 3, 11, [['']]);
    expect([score(2), score(3)]).toEqual([100, 67.5]);
  });

  it('names the first cell in an array\'s way, as Sheets does: #REF! "...would overwrite data in K5."', () => {
    const { workbook, engine, score } = leads();
    workbook.write('Sheet1', 5, 11, [[42]]);
    workbook.write('Sheet1', 9, 11, [['also in the way']]);
    expect(score(2)).toBe('#REF!');
    expect(engine.errorAt('Sheet1', 2, 11)).toEqual({
      value: '#REF!',
      message: 'Array result was not expanded because it would overwrite data in K5.',
    });
    expect(score(3)).toBe('');
  });

  it('computes a header-cell formula {"Score"; LEADSCORE(...)} again whenever a rating changes', () => {
    const { workbook } = workbookWithEngine();
    workbook.write('Sheet1', 2, 1, RATINGS);
    workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J)}']]);
    const column = () => [1, 2, 3, 4].map((row) => workbook.sheet('Sheet1').values.get(row - 1, 10));
    expect(column()).toEqual(['Score', 100, 67.5, '']);
    workbook.write('Sheet1', 3, 1, [[5]]);
    expect(column()).toEqual(['Score', 100, 60, '']);
    workbook.write('Sheet1', 4, 1, [RATINGS[0]]);
    expect(column()).toEqual(['Score', 100, 60, 100]);
  });

  it('blocks a header-cell formula where a value is typed into its column, and names the cell', () => {
    const { workbook, engine } = workbookWithEngine();
    workbook.write('Sheet1', 2, 1, RATINGS);
    workbook.write('Sheet1', 1, 11, [['={"Score"; LEADSCORE(A2:J)}']]);
    workbook.write('Sheet1', 3, 11, [[99]]);
    expect(workbook.sheet('Sheet1').values.get(0, 10)).toBe('#REF!');
    expect(engine.errorAt('Sheet1', 1, 11)?.message).toBe(
      'Array result was not expanded because it would overwrite data in K3.',
    );
    workbook.write('Sheet1', 3, 11, [['']]);
    expect(workbook.sheet('Sheet1').values.get(0, 10)).toBe('Score');
  });

  it("counts the cells an array covers as content, '' included, as Sheets' getLastRow does", () => {
    const { workbook } = workbookWithEngine();
    const sheet = workbook.sheet('Sheet1');
    workbook.write('Sheet1', 2, 1, [['a'], ['b']]);
    expect(sheet.lastContentRow()).toBe(3);
    workbook.write('Sheet1', 1, 2, [['=ARRAYFORMULA(IF(A1:A="", "", A1:A & "!"))']]);
    expect(sheet.values.get(1, 1)).toBe('a!');
    expect(sheet.values.get(999, 1)).toBe('');
    expect(sheet.lastContentRow()).toBe(1000);
    expect(sheet.lastRow()).toBe(3);
    expect(workbook.values('Sheet1')).toHaveLength(3);
    workbook.write('Sheet1', 1, 2, [['']]);
    expect(sheet.lastContentRow()).toBe(3);
  });

  it('moves formulas with inserted rows and keeps computing them', () => {
    const { workbook, engine, score } = leads();
    workbook.insertRows(workbook.sheet('Sheet1'), 2, 3);
    expect(workbook.formulas('Sheet1')[4][10]).toBe('=LEADSCORE(A5:J)');
    expect(engine.engineFormula('Sheet1', 5, 11)).toBe('=LEADSCORE(A5:J1003)');
    expect([score(5), score(6)]).toEqual([100, 67.5]);
  });

  it('shows a structural error with its message after a rating column is deleted, and keeps running', () => {
    const { workbook, engine, failures } = leads();
    workbook.deleteColumns(workbook.sheet('Sheet1'), 3, 1);
    expect(workbook.formulas('Sheet1')[1][9]).toBe('=LEADSCORE(A2:I)');
    expect(workbook.sheet('Sheet1').values.get(1, 9)).toBe('#ERROR!');
    expect(engine.errorAt('Sheet1', 2, 10)?.message).toMatch(/LEADSCORE: ratings must have 10 columns/);
    // The old spill is gone, and the next edit is computed.
    expect(workbook.sheet('Sheet1').values.get(2, 9)).toBe('');
    workbook.write('Sheet1', 5, 12, [['=1+1']]);
    expect(workbook.sheet('Sheet1').values.get(4, 11)).toBe(2);
    expect(failures).toEqual([]);
  });

  it('turns a reference to a deleted cell into #REF!', () => {
    const { workbook, engine } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [[1, 2, '=B1*10']]);
    workbook.deleteColumns(workbook.sheet('Sheet1'), 2, 1);
    expect(workbook.formulas('Sheet1')[0][1]).toBe('=#REF!*10');
    expect(workbook.values('Sheet1')[0][1]).toBe('#REF!');
    expect(engine.errorAt('Sheet1', 1, 2)?.value).toBe('#REF!');
  });

  it('follows sheets inserted, renamed and deleted', () => {
    const { workbook } = workbookWithEngine();
    workbook.insertSheet('Factors');
    workbook.write('Factors', 1, 1, [[2], [3]]);
    workbook.write('Sheet1', 1, 1, [['=SUM(Factors!A1:A)']]);
    expect(workbook.values('Sheet1')[0][0]).toBe(5);
    workbook.renameSheet(workbook.sheet('Factors'), 'Weights');
    workbook.write('Weights', 3, 1, [[5]]);
    expect(workbook.formulas('Sheet1')[0][0]).toBe('=SUM(Weights!A1:A)');
    expect(workbook.values('Sheet1')[0][0]).toBe(10);
    workbook.deleteSheet(workbook.sheet('Weights'));
    expect(workbook.values('Sheet1')[0][0]).toBe('#REF!');
  });

  it('computes a formula written before the sheet it reads exists, once the sheet is added', () => {
    const { workbook } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [['=SUM(Later!A1:A3)']]);
    expect(workbook.values('Sheet1')[0][0]).toBe('#REF!');
    workbook.insertSheet('Later');
    workbook.write('Later', 1, 1, [[4], [5]]);
    expect(workbook.values('Sheet1')[0][0]).toBe(9);
  });
});

describe('Sheets formulas the templates use', () => {
  function team(): Workbook {
    const { workbook } = workbookWithEngine();
    workbook.insertSheet('Leads');
    workbook.write('Leads', 1, 1, [
      ['Owner', 'Status', 'Amount'],
      ['Anna', 'Won', 10],
      ['Anna', 'Lost', 20],
      ['Jonas', 'Won', 30],
      ['Anna', 'Won', 40],
    ]);
    workbook.write('Sheet1', 1, 1, [['Rep'], ['Anna'], ['Jonas'], ['Maria']]);
    return workbook;
  }

  it('ARRAYFORMULA over COUNTIFS with one criterion per row spills one count per rep', () => {
    const workbook = team();
    workbook.write('Sheet1', 2, 2, [['=ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!A2:A, A2:A, Leads!B2:B, "Won")))']]);
    expect(workbook.values('Sheet1').map((row) => row[1])).toEqual(['', 2, 1, 0]);
  });

  it('SUMIF, SUMIFS, INDEX/MATCH and IF', () => {
    const workbook = team();
    workbook.write('Sheet1', 1, 3, [
      ['=SUMIF(Leads!A2:A, "Anna", Leads!C2:C)'],
      ['=SUMIFS(Leads!C2:C, Leads!A2:A, "Anna", Leads!B2:B, "Won")'],
      ['=INDEX(Leads!A2:A, MATCH(30, Leads!C2:C, 0))'],
      ['=IF(C1>50, "big", "small")'],
    ]);
    expect(workbook.values('Sheet1').map((row) => row[2])).toEqual([70, 50, 'Jonas', 'big']);
  });

  it('array literals join ranges side by side, as PROFILEGAP "best" takes labelled profiles', () => {
    const { workbook } = workbookWithEngine();
    workbook.insertSheet('Profiles');
    workbook.write('Profiles', 2, 1, [
      ['Ready', 'x', 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      ['Far', 'y', 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ]);
    workbook.write('Sheet1', 2, 1, [
      [1, 1, 2, 1, 1, 1, 1, 1, 1, 1],
      [5, 4, 5, 5, 5, 5, 5, 5, 5, 5],
    ]);
    workbook.write('Sheet1', 2, 11, [['=PROFILEGAP(A2:J3, {Profiles!A2:A3, Profiles!C2:L3}, , "best")']]);
    expect(
      workbook
        .values('Sheet1')
        .slice(1)
        .map((row) => row[10]),
    ).toEqual(['Ready', 'Far']);
  });

  it('hands dates to formulas and custom functions as dates, and date results back as Dates', () => {
    const { workbook } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [['2024-05-01', '=A1+30', '=YEAR(A1)']]);
    const [date, later, year] = workbook.values('Sheet1')[0];
    expect(Object.prototype.toString.call(later)).toBe('[object Date]');
    expect((later as Date).getTime() - (date as Date).getTime()).toBe(30 * 86_400_000);
    expect(year).toBe(2024);
  });

  it('keeps text that looks like a number or a formula as text', () => {
    const { workbook } = workbookWithEngine();
    const sheet = workbook.sheet('Sheet1');
    workbook.writeCells(sheet, 1, 1, [['3', '=1+1', 'TRUE']], [['', '', '']]);
    workbook.write('Sheet1', 1, 4, [['=ISTEXT(A1)', '=ISTEXT(B1)', '=ISTEXT(C1)']]);
    expect(workbook.values('Sheet1')[0].slice(3)).toEqual([true, true, true]);
  });

  it('draws SPARKLINE as text instead of a chart', () => {
    const { workbook } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [[1, 5, 3, 8, '=SPARKLINE(A1:D1)']]);
    expect(workbook.values('Sheet1')[0][4]).toBe('▁▅▃█');
  });

  it('shows #NAME? with a clear message for a Sheets function the engine lacks', () => {
    const { workbook, engine } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [['=REGEXMATCH("abc", "b")', '=NOSUCHTHING(1)']]);
    expect(workbook.values('Sheet1')[0]).toEqual(['#NAME?', '#NAME?']);
    expect(engine.errorAt('Sheet1', 1, 1)?.message).toMatch(
      /REGEXMATCH is a Google Sheets function .*\(HyperFormula\)/,
    );
    expect(engine.errorAt('Sheet1', 1, 2)?.message).toBe("Unknown function: 'NOSUCHTHING'.");
  });

  it('shows a formula that does not parse as #ERROR! and goes on computing the others', () => {
    const { workbook, engine, failures } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [['=SUM(1,', '=2*3']]);
    expect(workbook.values('Sheet1')[0]).toEqual(['#ERROR!', 6]);
    expect(engine.errorAt('Sheet1', 1, 1)?.message).toBe('Formula parse error.');
    expect(failures).toEqual([]);
  });

  it('reports a circular reference as Sheets does', () => {
    const { workbook, engine } = workbookWithEngine();
    workbook.write('Sheet1', 1, 1, [['=B1', '=A1']]);
    expect(workbook.values('Sheet1')[0]).toEqual(['#REF!', '#REF!']);
    expect(engine.errorAt('Sheet1', 1, 1)?.message).toMatch(/Circular dependency/);
  });
});

describe('batching', () => {
  it('mirrors the changes made inside deferred() in one update when it ends', () => {
    const { workbook, engine, score } = leads();
    const before = engine.stats.updates;
    engine.deferred(() => {
      for (let row = 4; row < 54; row++) workbook.write('Sheet1', row, 1, [RATINGS[1]]);
      expect(score(53)).toBe('');
    });
    expect(score(53)).toBe(67.5);
    expect(engine.stats.updates - before).toBe(50);
  });

  it('rebuilds everything from the workbook on recalculate()', () => {
    const { workbook, engine, score } = leads();
    workbook.sheet('Sheet1').values.set(1, 10, 'stale');
    engine.recalculate();
    expect(score(2)).toBe(100);
  });
});
