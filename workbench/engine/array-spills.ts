/**
 * Stacking a custom function's result under a header without copying it. The add-on's computed columns are
 * `VSTACK("Score", LEADSCORE(...))` over 10,000 rows, and on every rating edit HyperFormula copied each computed row;
 * VSTACK now keeps the rows of a custom function's result (made for this call, held by nothing else) as they are.
 * (array-room.ts spares the same arrays their check for room.)
 *
 * The plugin class is private to HyperFormula 3.5; it is reached through HyperFormula.getFunctionPlugin.
 */

import { HyperFormula, SimpleRangeValue } from 'hyperformula';
import { isCustomFunctionResult } from './custom-functions';

interface RangeValueLike {
  data: unknown[][];
  width(): number;
}
interface ArrayPluginLike {
  padRowToWidth(row: unknown[], width: number): unknown[];
  metadata(name: string): unknown;
  runFunction(args: unknown, state: unknown, metadata: unknown, fn: (...ranges: RangeValueLike[]) => unknown): unknown;
  vstack(ast: { args: unknown }, state: unknown): unknown;
}

const PATCHED = Symbol('lean-sales: arrays without copies');

/**
 * VSTACK as HyperFormula 3.5 computes it (each row padded to the widest input with #N/A), except that a row of a custom
 * function's result that is already as wide is kept instead of copied: nothing else holds those rows.
 */
function stackResultRowsAsTheyAre(pluginProto: ArrayPluginLike & { [PATCHED]?: true }): void {
  if (pluginProto[PATCHED] || typeof pluginProto.vstack !== 'function') return;
  pluginProto.vstack = function (this: ArrayPluginLike, ast, state) {
    return this.runFunction(ast.args, state, this.metadata('VSTACK'), (...ranges: RangeValueLike[]) => {
      const width = Math.max(...ranges.map((range) => range.width()));
      const result: unknown[][] = [];
      for (const range of ranges) {
        const own = isCustomFunctionResult(range);
        for (const row of range.data) result.push(own && row.length === width ? row : this.padRowToWidth(row, width));
      }
      return SimpleRangeValue.onlyValues(result as never);
    });
  };
  pluginProto[PATCHED] = true;
}

/** Installs it on HyperFormula's VSTACK (shared by every engine of the process), once. */
export function spillArraysWithoutCopies(): void {
  const plugin = HyperFormula.getFunctionPlugin('VSTACK') as unknown as { prototype?: ArrayPluginLike } | undefined;
  if (plugin?.prototype) stackResultRowsAsTheyAre(plugin.prototype);
}
