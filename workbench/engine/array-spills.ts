/**
 * Recomputing a spilled array without a copy or an object per cell. The add-on's computed columns are
 * `VSTACK("Score", LEADSCORE(...))` over 10,000 rows; on every rating edit HyperFormula copied each computed row in
 * VSTACK and made an address object per cell to check the array still has room. Both stay exact: VSTACK keeps only
 * the rows of a custom function's result (made for this call, held by nothing else), and the room check asks
 * HyperFormula's own check whenever a cell in the way holds anything but the array itself.
 *
 * The plugin and graph classes are private to HyperFormula 3.5; they are reached through the engine's instances.
 */

import { HyperFormula, SimpleRangeValue } from 'hyperformula';
import { isCustomFunctionResult } from './custom-functions';

interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}
interface RangeLike {
  start: CellAddress;
  end: CellAddress;
}
interface DependencyGraphLike {
  addressMapping: { getCell(address: CellAddress): unknown };
  isThereSpaceForArray(vertex: { getRangeOrUndef(): RangeLike | undefined }): boolean;
}
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

function checkRoomCellByCell(graphProto: DependencyGraphLike & { [PATCHED]?: true }): void {
  if (graphProto[PATCHED] || typeof graphProto.isThereSpaceForArray !== 'function') return;
  const exact = graphProto.isThereSpaceForArray;
  graphProto.isThereSpaceForArray = function (this: DependencyGraphLike, vertex) {
    const range = vertex.getRangeOrUndef();
    if (range === undefined) return false;
    const address = { sheet: range.start.sheet, row: 0, col: 0 };
    for (let row = range.start.row; row <= range.end.row; row++) {
      for (let col = range.start.col; col <= range.end.col; col++) {
        address.row = row;
        address.col = col;
        const cell = this.addressMapping.getCell(address);
        // Something other than the array here (an empty cell's vertex, a value, a formula): the exact check decides.
        if (cell !== undefined && cell !== vertex) return exact.call(this, vertex);
      }
    }
    return true;
  };
  graphProto[PATCHED] = true;
}

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

/** Installs both on the classes behind `hf` (shared by every engine of the process), once. */
export function spillArraysWithoutCopies(hf: HyperFormula): void {
  const graph = (hf as unknown as { dependencyGraph?: object }).dependencyGraph;
  if (graph) checkRoomCellByCell(Object.getPrototypeOf(graph));
  const plugin = HyperFormula.getFunctionPlugin('VSTACK') as unknown as { prototype?: ArrayPluginLike } | undefined;
  if (plugin?.prototype) stackResultRowsAsTheyAre(plugin.prototype);
}
