/**
 * Recomputing an array formula reports only the cells whose value changed. HyperFormula treats a recomputed array as
 * changed as a whole: every cell it covers is exported (so written back into the workbook), and every formula that
 * reads any part of it is computed again, even when one cell of 10,000 changed or none did. Sheets recomputes what
 * depends on what changed; so does the workbench with this: an array whose values all stayed the same exports nothing
 * and wakes none of its dependents, and one that changed exports the changed cells only.
 *
 * HyperFormula keeps its evaluator private, so this wraps the evaluator's `recomputeVertex` (the step that computes one
 * formula and tells the graph walk whether to go on to its dependents) and edits only the change list it fills.
 */

import { CellError, type HyperFormula } from 'hyperformula';
import { roomMayHaveChanged } from './array-room';
import { arrayCellsChanged, arraysChanged } from './custom-functions';

interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}

/** The parts of HyperFormula's internals used here (version 3.5). */
interface ArrayLike {
  raw(): readonly (readonly unknown[])[];
}
interface ArrayVertexLike {
  array: unknown;
  isComputed(): boolean;
  getAddress(service: unknown): CellAddress;
}
interface ContentChangesLike {
  addChange(value: unknown, address: CellAddress): void;
}
interface EvaluatorLike {
  lazilyTransformingAstService: unknown;
  dependencyGraph: object;
  recomputeVertex(vertex: unknown, changes: ContentChangesLike): boolean;
}

const PATCHED = Symbol('lean-sales: changed cells only');

/** Holds the one change the evaluator adds for a recomputed formula, instead of adding it to the batch's changes. */
interface CaughtChange {
  change?: [unknown, CellAddress];
  addChange(value: unknown, address: CellAddress): void;
}
function catchChange(this: CaughtChange, value: unknown, address: CellAddress): void {
  this.change = [value, address];
}

/** An array was computed, blocked, unblocked or became an error: its cells may all differ, and what it covers. */
function arrayShapeChanged(evaluator: EvaluatorLike): void {
  arraysChanged();
  roomMayHaveChanged(evaluator.dependencyGraph);
}

const isArrayVertex = (vertex: unknown): vertex is ArrayVertexLike =>
  typeof vertex === 'object' &&
  vertex !== null &&
  'array' in vertex &&
  typeof (vertex as ArrayVertexLike).isComputed === 'function';

/** A computed array's rows, or undefined for an array not computed yet or holding one error (blocked, #REF!). */
function rowsOf(array: unknown): readonly (readonly unknown[])[] | undefined {
  const raw = (array as Partial<ArrayLike> | null)?.raw;
  return typeof raw === 'function' ? raw.call(array) : undefined;
}

/** Do two engine values show the same? Errors and typed numbers (dates, percents) are new objects on each compute. */
function sameEngineValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a.constructor !== b.constructor) return false;
  if (a instanceof CellError) {
    const e = b as CellError;
    return a.type === e.type && a.message === e.message;
  }
  const x = a as { val?: unknown; format?: unknown };
  const y = b as { val?: unknown; format?: unknown };
  return 'val' in x && x.val === y.val && x.format === y.format;
}

/** Installs the wrapper on the evaluator class of `hf` (shared by every engine of the process), once. */
export function reportChangedCellsOnly(hf: HyperFormula): void {
  const evaluator = (hf as unknown as { evaluator?: EvaluatorLike }).evaluator;
  const proto = evaluator && (Object.getPrototypeOf(evaluator) as EvaluatorLike & { [PATCHED]?: true });
  if (!proto || proto[PATCHED] || typeof proto.recomputeVertex !== 'function') return;
  const recompute = proto.recomputeVertex;
  proto.recomputeVertex = function (this: EvaluatorLike, vertex: unknown, changes: ContentChangesLike): boolean {
    if (!isArrayVertex(vertex)) return recompute.call(this, vertex, changes);
    const before = vertex.isComputed() ? rowsOf(vertex.array) : undefined;
    // The evaluator adds a recomputed array as one change, and that add walks every cell of the array (10,000 address
    // keys made and deleted) to drop earlier changes under it; it is caught here and added below only where needed.
    const caught: CaughtChange = { addChange: catchChange };
    const changed = recompute.call(this, vertex, caught as unknown as ContentChangesLike);
    if (!changed) return changed;
    const after = rowsOf(vertex.array);
    if (!before || !after || after.length !== before.length || (after[0]?.length ?? 0) !== (before[0]?.length ?? 0)) {
      // Computed for the first time, blocked, an error, or unblocked: every cell may have changed.
      if (caught.change) changes.addChange(...caught.change);
      arrayShapeChanged(this);
      return changed;
    }
    const corner = vertex.getAddress(this.lazilyTransformingAstService);
    const cells: [unknown, CellAddress][] = [];
    for (let r = 0; r < after.length; r++) {
      const now = after[r];
      const then = before[r];
      for (let c = 0; c < now.length; c++) {
        if (!sameEngineValue(now[c], then[c])) {
          cells.push([now[c], { sheet: corner.sheet, row: corner.row + r, col: corner.col + c }]);
        }
      }
    }
    // The array has the size it had, so its cells held its values before: no earlier change of this batch lies under
    // it, and only the changed cells are added.
    for (const [value, address] of cells) changes.addChange(value, address);
    arrayCellsChanged(cells.map(([, address]) => address));
    // Nothing changed: the formulas reading this array keep their values, so they are not computed again.
    return cells.length > 0;
  };
  // A formula on a cycle is set to an error without being recomputed; an array among them changes every cell.
  const withCycles = proto as unknown as { processVertexOnCycle?: (vertex: unknown, changes: unknown) => void };
  const onCycle = withCycles.processVertexOnCycle;
  if (typeof onCycle === 'function') {
    withCycles.processVertexOnCycle = function (this: EvaluatorLike, vertex: unknown, changes: unknown): void {
      if (isArrayVertex(vertex)) arrayShapeChanged(this);
      onCycle.call(this, vertex, changes);
    };
  }
  proto[PATCHED] = true;
}
