/**
 * COUNTIFS, SUMIFS and the like keep every criterion they computed over a range, not the last one. HyperFormula caches
 * a conditional aggregate on the range's vertex, one map per function and condition ranges, but each miss replaces
 * the whole map with one holding the criterion just computed: a formula counting "Won" and then "Lost" over the same
 * ranges (the KPIs tab's win rate, recomputed on every edit because it reads TODAY()) evicts one with the other and
 * scans 10,000 rows twice on every edit. Kept entries stay exact: the range's cache is cleared whenever a cell of it,
 * or of a condition range, changes.
 *
 * The range vertex class is private to HyperFormula; it is reached through the first vertex the range mapping adds.
 */

import type { HyperFormula } from 'hyperformula';

type CriterionCache = Map<string, unknown>;
interface RangeVertexLike {
  criterionFunctionCache?: Map<string, CriterionCache>;
  setCriterionFunctionValues(key: string, values: CriterionCache): void;
}
interface RangeMappingLike {
  addOrUpdateVertex(vertex: object): void;
}

const PATCHED = Symbol('lean-sales: keep every criterion');

function keepOnVertexClass(vertex: object): void {
  const proto = Object.getPrototypeOf(vertex) as RangeVertexLike & { [PATCHED]?: true };
  if (proto[PATCHED] || typeof proto.setCriterionFunctionValues !== 'function') return;
  const set = proto.setCriterionFunctionValues;
  proto.setCriterionFunctionValues = function (this: RangeVertexLike, key: string, values: CriterionCache): void {
    const kept = this.criterionFunctionCache?.get(key);
    if (kept && kept !== values) {
      for (const [criterion, value] of kept) if (!values.has(criterion)) values.set(criterion, value);
    }
    set.call(this, key, values);
  };
  proto[PATCHED] = true;
}

/** Installs the merge on the range vertex class of `hf` (shared by every engine of the process), once. */
export function keepEveryCriterion(hf: HyperFormula): void {
  const mapping = (hf as unknown as { dependencyGraph?: { rangeMapping?: RangeMappingLike } }).dependencyGraph
    ?.rangeMapping;
  const proto = mapping && (Object.getPrototypeOf(mapping) as RangeMappingLike & { [PATCHED]?: true });
  if (!proto || proto[PATCHED] || typeof proto.addOrUpdateVertex !== 'function') return;
  const add = proto.addOrUpdateVertex;
  proto.addOrUpdateVertex = function (this: RangeMappingLike, vertex: object): void {
    keepOnVertexClass(vertex);
    add.call(this, vertex);
  };
  proto[PATCHED] = true;
}
