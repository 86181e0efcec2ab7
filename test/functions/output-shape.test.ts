import { describe, expect, it } from 'vitest';
import type { ArgShape } from '../../src/functions/function-spec';
import { FUNCTION_TABLE } from '../../src/functions/function-table';
import { customFunctions } from '../../src/functions/function-wrappers';

const PROFILE = [2, 2, 1, 1, 3, 2, 2, 3, 3, 2];
const rows = (count: number, width = 10) =>
  Array.from({ length: count }, (_, r) => (width === 11 ? [`row ${r + 1}`, ...PROFILE] : PROFILE.slice(0, width)));
const column = (values: unknown[]) => values.map((v) => [v]);

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
});
