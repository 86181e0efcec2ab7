import { describe, expect, it } from 'vitest';
import type { ArgShape } from '../../src/functions/function-spec';
import { FUNCTION_TABLE } from '../../src/functions/function-table';
import { customFunctions } from '../../src/functions/function-wrappers';

const PROFILE = [2, 2, 1, 1, 3, 2, 2, 3, 3, 2];
const rows = (count: number, width = 10) =>
  Array.from({ length: count }, (_, r) => (width === 11 ? [`row ${r + 1}`, ...PROFILE] : PROFILE.slice(0, width)));
const column = (values: unknown[]) => values.map((v) => [v]);
const SCORES = [92.5, 80, 75, 67.5, 55, '', 30, 'incomplete 9/10 rated: Competition'];
const OUTCOMES = ['Won', 'Won', 'Lost', 'Won', 'Lost', 'Won', 'Lost', 'Lost'];
const GATES = [2, '', 2, '', '', 3, '', '', '', ''];
const LOG_KPIS = ['Calls', 'Calls', 'Win rate', 'Calls', 'Calls', 'Calls', 'Calls'];
const LOG_VALUES = [40, 42, 0.3, 38, 45, 41, 70];
const LOG_DATES = LOG_VALUES.map((_, i) => new Date(2024, 0, 1 + 7 * i));

/** What the workbench's formula engine knows before the call: sizes, and the value of a literal. */
function argShape(arg: unknown): ArgShape | undefined {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return { rows: 1, cols: 1, value: arg };
  return Array.isArray(arg[0]) ? { rows: arg.length, cols: arg[0].length } : { rows: 1, cols: arg.length };
}

const CASES: [string, string, unknown[]][] = [
  ['LEADSCORE', 'leads as rows', [rows(3)]],
  ['LEADSCORE', 'one lead as a column', [column(PROFILE)]],
  ['PROFILEGAP', 'match, unnamed against named', [rows(3), rows(4, 11)]],
  ['PROFILEGAP', 'match, a column of ten against rows', [column(PROFILE), rows(2)]],
  ['PROFILEGAP', 'match, with weights and mode given', [rows(2), rows(5), column(PROFILE), 'match']],
  ['PROFILEGAP', 'gap, one profile against campaigns', [rows(1), rows(4), undefined, 'gap']],
  ['PROFILEGAP', 'gap, profiles against one campaign', [rows(3, 11), rows(1, 11), undefined, 'gap']],
  ['PROFILEGAP', 'verdict, one against one', [rows(1), rows(1), undefined, 'verdict']],
  ['PROFILEGAP', 'verdict, a column of ten against campaigns', [column(PROFILE), rows(3), undefined, 'Verdict']],
  ['PROFILEGAP', 'best', [rows(5), rows(3, 11), undefined, ' BEST ']],
  ['SWEETSPOT', 'label, a column', [column([1, 2, 3]), column([3, 2, 1])]],
  ['SWEETSPOT', 'label, a row with market', [[[1, 2, 3, 4]], [[3, 2, 1, 0]], [['x', '', 'x', '']]]],
  [
    'SWEETSPOT',
    'label, a grid with threshold',
    [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [6, 5],
        [4, 3],
        [2, 1],
      ],
      undefined,
      0.2,
      'label',
    ],
  ],
  ['SWEETSPOT', 'overlap', [column([1, 2, 3]), column([3, 2, 1]), undefined, undefined, 'overlap']],
  ['HITRATE', 'a column of reps', [column([3, 5, 0, 2]), column([7, 5, 0, 8])]],
  ['HITRATE', 'a row of reps', [[[3, 5, 0]], [[7, 5, 0]], 0.9]],
  ['HITRATE', 'a single rep', [3, 7]],
  ['KPISTATUS', 'a column with directions', [column([1, 2]), column([2, 1]), column(['lower', 'higher'])]],
  ['KPISTATUS', 'a row', [[[1, 2, 3]], [[2, 2, 2]], 'lower']],
  [
    'KPISTATUS',
    'a grid',
    [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [2, 2],
        [2, 2],
      ],
    ],
  ],
  ['SCOREAUC', 'a column', [column(SCORES), column(OUTCOMES)]],
  ['SCOREAUC', 'a row, with confidence', [[SCORES], [OUTCOMES], 0.9]],
  ['SCOREAUC', 'no lost lead', [column([80, 60]), column(['Won', 'New'])]],
  ['SCOREAUC', 'a single lead', [80, 'Won']],
  ['SCOREBANDS', 'default edges', [column(SCORES), column(OUTCOMES)]],
  ['SCOREBANDS', 'edges left empty', [column(SCORES), column(OUTCOMES), '', 0.9]],
  ['SCOREBANDS', 'one edge typed as a number', [column(SCORES), column(OUTCOMES), 50]],
  ['SCOREBANDS', 'one edge typed as text', [column(SCORES), column(OUTCOMES), ' 60 ']],
  ['SCOREBANDS', 'edges as a row', [column(SCORES), column(OUTCOMES), [[20, 40, 60, 80]]]],
  ['SCOREBANDS', 'edges as a column, scores as a row', [[SCORES], [OUTCOMES], column([10, 90])]],
  ['FACTORWEIGHTS', 'enough closed leads', [rows(6), column(['Won', 'Won', 'Won', 'Lost', 'Lost', 'Lost']), 3]],
  ['FACTORWEIGHTS', 'too few closed leads', [rows(3), column(['Won', 'Lost', 'New'])]],
  ['FACTORWEIGHTS', 'one lead as a column', [column(PROFILE), 'Won']],
  ['QUALIFY', 'leads as rows', [rows(3), 60]],
  ['QUALIFY', 'one lead as a column, with gates and weights', [column(PROFILE), 50, [GATES], column(PROFILE)]],
  ['QUALIFY', 'one lead as a row', [rows(1), 0, column(GATES)]],
  ['KPISIGNAL', 'a column of KPIs', [column(['Calls', '', 'Win rate']), column(LOG_KPIS), column(LOG_VALUES)]],
  ['KPISIGNAL', 'one KPI, with dates', [' calls ', column(LOG_KPIS), column(LOG_VALUES), column(LOG_DATES)]],
];

describe('outputShape reserves exactly the size each function returns', () => {
  it.each(CASES)('%s: %s', (name, _case, args) => {
    const spec = FUNCTION_TABLE.find((s) => s.name === name);
    const out = customFunctions[name](...args);
    const size = { rows: out.length, cols: out[0].length };
    expect(out.every((row) => row.length === size.cols)).toBe(true);
    expect(spec?.outputShape(args.map(argShape))).toEqual(size);
  });

  it('covers every function in the table and every mode', () => {
    expect(new Set(CASES.map(([name]) => name))).toEqual(new Set(FUNCTION_TABLE.map((s) => s.name)));
    const modesOf = (name: string, position: number, fallback: string) =>
      new Set(
        CASES.filter(([n]) => n === name).map(([, , args]) =>
          String(args[position] ?? fallback)
            .trim()
            .toLowerCase(),
        ),
      );
    expect(modesOf('PROFILEGAP', 3, 'match')).toEqual(new Set(['match', 'gap', 'verdict', 'best']));
    expect(modesOf('SWEETSPOT', 4, 'label')).toEqual(new Set(['label', 'overlap']));
  });

  it('gives SCOREBANDS one band per cell of a range of edges, and one more (a blank edge is an error)', () => {
    const spec = FUNCTION_TABLE.find((s) => s.name === 'SCOREBANDS');
    expect(spec?.outputShape([undefined, undefined, { rows: 1, cols: 1 }])).toEqual({ rows: 2, cols: 6 });
    expect(spec?.outputShape([undefined, undefined, { rows: 3, cols: 1 }])).toEqual({ rows: 4, cols: 6 });
    expect(spec?.outputShape([])).toEqual({ rows: 4, cols: 6 });
  });
});
