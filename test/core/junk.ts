/** Arbitrary cells as a careless sheet could hold them, and the check that a function's answer is still safe. */

import fc from 'fast-check';
import { expect } from 'vitest';
import { type OutGrid, StructuralError } from '../../src/core/cells';

/** Anything a cell may hold, valid values included so that some rows get through. */
export const junkCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '=1+1', '=A1*2', 'NaN', 'Infinity', '-Infinity', '1e999', 'abc', 'TRUE', '#N/A'),
  fc.constantFrom('3', ' 3 ', '2.5', '-1', '0x10', '1,5', 'yes', 'x', 'no', 'higher', 'LOWER', 'up'),
  fc.boolean(),
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 5e-324, -0),
  fc.date(),
  fc.string({ maxLength: 30 }),
);

/** A rectangular grid of `cell`s, `rows` x `cols`. */
export function gridOf<T>(cell: fc.Arbitrary<T>, rows: number, cols: number): fc.Arbitrary<T[][]> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

/** A grid with random sizes in the given ranges. */
export function sizedGrid<T>(cell: fc.Arbitrary<T>, maxRows: number, cols: fc.Arbitrary<number>): fc.Arbitrary<T[][]> {
  return fc.tuple(fc.integer({ min: 1, max: maxRows }), cols).chain(([rows, width]) => gridOf(cell, rows, width));
}

/**
 * Runs `call`: it must either throw a StructuralError with a message, or return a grid whose numbers are finite and
 * whose texts are blank, one of `texts`, or a row-level defect (`incomplete ...` / `invalid ...`).
 */
export function expectSafe(call: () => OutGrid, texts: readonly unknown[] = []): OutGrid | undefined {
  let out: OutGrid;
  try {
    out = call();
  } catch (error) {
    expect(error).toBeInstanceOf(StructuralError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return undefined;
  }
  for (const row of out) {
    for (const cell of row) {
      if (typeof cell === 'number') expect(Number.isFinite(cell), `cell ${cell}`).toBe(true);
      else if (typeof cell === 'string' && cell !== '' && !texts.includes(cell)) {
        expect(cell).toMatch(/^(incomplete|invalid) /);
      }
    }
  }
  return out;
}
