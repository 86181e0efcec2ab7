/**
 * COUNTIFS, SUMIFS, COUNTIF, AVERAGEIF(S), MINIFS and MAXIFS scanning their ranges with plain loops. HyperFormula 3.5
 * walks a range through generators: a generator step, a `split` and a `zip` with arrays for every cell of every
 * condition range, about a microsecond a cell. The Profiles tab's win and loss counts (`COUNTIFS` over the 10,000
 * leads, once per profile) took 25-50 ms each after an edit that changed a lead's best profile.
 *
 * `computeConditionalAggregationFunction` is replaced by the same steps as HyperFormula's (its module-private
 * `CriterionFunctionCompute`): the criteria are parsed by its criterion builder (once per engine and value), #VALUE!
 * for a bad criterion and then for ranges of other sizes, results cached on the values range's vertex under its keys
 * (so `criterion-cache.ts` and HyperFormula's cache clearing apply unchanged), a range one row longer than a cached
 * one extended by its last row. What differs is how the cells are read and scanned: read once per range (kept until
 * a cell of it changes), each condition's lambda called once per distinct raw value (a rich number's `.val`), the
 * matching values mapped and composed row by row in the same order from the same initial value.
 */

import { CellError, ErrorType, HyperFormula, SimpleRangeValue } from 'hyperformula';

/** The parts of HyperFormula's internals used here (version 3.5). */
interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}
interface CellRangeLike {
  start: CellAddress;
  end: CellAddress;
  withStart(start: CellAddress): CellRangeLike;
  addresses(graph: GraphLike): CellAddress[];
  effectiveEndRow(graph: GraphLike): number;
  effectiveEndColumn(graph: GraphLike): number;
}
interface RangeValueLike {
  range?: CellRangeLike;
  /** The values, when given or read already (a literal array, an array formula's own range); else read on demand. */
  _data?: readonly (readonly unknown[])[];
  readonly data: readonly (readonly unknown[])[];
  sameDimensionsAs(other: RangeValueLike): boolean;
}
type Lambda = (raw: unknown) => boolean;
type CacheEntry = [unknown, Lambda[]];
interface RangeVertexLike {
  functionCache: Map<unknown, unknown>;
  getCriterionFunctionValue(key: string, criterion: string): unknown;
  getCriterionFunctionValues(key: string): Map<string, CacheEntry>;
  setCriterionFunctionValues(key: string, values: Map<string, CacheEntry>): void;
  addDependentCacheRange(vertex: RangeVertexLike): void;
}
interface GraphLike {
  getRange(start: CellAddress, end: CellAddress): RangeVertexLike | undefined;
  existsEdge(from: RangeVertexLike, to: RangeVertexLike): boolean;
  getScalarValue(address: CellAddress): unknown;
  getCellValue(address: CellAddress): unknown;
  lazilyTransformingAstService: { version(): number };
}
interface InterpreterLike {
  dependencyGraph: GraphLike;
  criterionBuilder: { fromCellValue(raw: unknown, helper: unknown): { raw: unknown; lambda: Lambda } | undefined };
  stats: { incrementCriterionFunctionFullCacheUsed(): void; incrementCriterionFunctionPartialCacheUsed(): void };
}
type Compose = (left: unknown, right: unknown) => unknown;
type MapValue = (value: unknown) => unknown;
interface AggregationPluginLike {
  interpreter: InterpreterLike;
  arithmeticHelper: unknown;
  computeConditionalAggregationFunction(
    valuesRange: RangeValueLike,
    conditionArgs: unknown[],
    functionName: string,
    reduceInitialValue: unknown,
    composeFunction: Compose,
    mapFunction: MapValue,
  ): unknown;
}

// HyperFormula's ErrorMessage.BadCriterion, EqualLength and ScalarExpected (not exported).
const BAD_CRITERION = 'Incorrect criterion.';
const EQUAL_LENGTH = 'Ranges need to be of equal length.';
const SCALAR_EXPECTED = 'Cell range not allowed.';

/**
 * HyperFormula's getRawValue: a rich number (a date, time, currency or percent) is an object holding its number in
 * `.val`. Among the scalar values a range holds (numbers, strings, booleans, the empty symbol, errors, rich numbers)
 * the only other objects are errors.
 */
const rawValue = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !(value instanceof CellError)
    ? (value as { val: unknown }).val
    : value;

/**
 * A range's cells in row-major order (every row read as wide as the first, as HyperFormula reads a range), and,
 * once a criterion is tested on them, each cell's raw value as the index of its distinct value: a criterion's lambda
 * is a pure function of the raw value (and of the engine's configuration), so it is called once per distinct value
 * and each cell looks its verdict up. HyperFormula's text criteria lower-case, decompose and strip the accents of every
 * cell before testing a pattern (half a microsecond a cell), and condition columns hold few distinct values.
 */
interface Cells {
  values: unknown[];
  codes?: Int32Array;
  distinct?: unknown[];
}

/** Map keys compare -0 equal to 0; -0 gets a key of its own so that the lambda sees each value as the cell holds it. */
const MINUS_ZERO = Symbol('-0');

function cellsOf(grid: readonly (readonly unknown[])[]): Cells {
  const width = grid.length > 0 ? grid[0].length : 0;
  const values = new Array<unknown>(grid.length * width);
  let i = 0;
  for (const row of grid) for (let col = 0; col < width; col++) values[i++] = row[col];
  return { values };
}

function encode(cells: Cells): { codes: Int32Array; distinct: unknown[] } {
  if (cells.codes === undefined || cells.distinct === undefined) {
    const codes = new Int32Array(cells.values.length);
    const distinct: unknown[] = [];
    const index = new Map<unknown, number>();
    for (let i = 0; i < codes.length; i++) {
      const raw = rawValue(cells.values[i]);
      const key = Object.is(raw, -0) ? MINUS_ZERO : raw;
      let code = index.get(key);
      if (code === undefined) {
        code = distinct.push(raw) - 1;
        index.set(key, code);
      }
      codes[i] = code;
    }
    cells.codes = codes;
    cells.distinct = distinct;
  }
  return { codes: cells.codes, distinct: cells.distinct };
}

/**
 * The cells of a range argument, read once per argument: a vectorised `COUNTIFS(Leads!S2:S, A2:A, ...)` is called
 * once per criterion with the same range values, which HyperFormula reads once too (and never changes afterwards).
 * A range not read yet is read as SimpleRangeValue reads it (a cell holding an array is #VALUE!), but with its end
 * looked up once instead of once a cell, and without an address object per cell.
 *
 * A range with a vertex keeps what was read (and its encoding) in the vertex's function cache, where HyperFormula
 * keeps SUM and COUNT over it: the evaluator clears that cache whenever a cell of the range changes, before any
 * formula reading the range is computed again. So the Profiles tab's two counts read the 10,000 leads' profiles once
 * between them, and the statuses not at all while no status changes. Rows and columns inserted, removed or moved
 * shift cells without clearing it: what was read is kept for one version of the sheets' structure (the version
 * HyperFormula's own lookup indexes are kept for) and one effective size of the range.
 */
const readCells = new WeakMap<RangeValueLike, Cells>();
const KEPT_CELLS = Symbol('lean-sales: the cells of the range');
interface KeptCells {
  version: number;
  bottom: number;
  right: number;
  cells: Cells;
}
function cellsOfRange(graph: GraphLike, rangeValue: RangeValueLike): Cells {
  let cells = readCells.get(rangeValue);
  if (cells === undefined) {
    const range = rangeValue._data === undefined ? rangeValue.range : undefined;
    cells = range === undefined ? cellsOf(rangeValue.data) : cellsOfCellRange(graph, range);
    readCells.set(rangeValue, cells);
  }
  return cells;
}

function cellsOfCellRange(graph: GraphLike, range: CellRangeLike): Cells {
  const bottom = range.effectiveEndRow(graph);
  const right = range.effectiveEndColumn(graph);
  const vertex = graph.getRange(range.start, range.end);
  const version = graph.lazilyTransformingAstService.version();
  const kept = vertex?.functionCache.get(KEPT_CELLS) as KeptCells | undefined;
  if (kept !== undefined && kept.version === version && kept.bottom === bottom && kept.right === right) {
    return kept.cells;
  }
  const cells = readCellRange(graph, range, bottom, right);
  vertex?.functionCache.set(KEPT_CELLS, { version, bottom, right, cells } satisfies KeptCells);
  return cells;
}

function readCellRange(graph: GraphLike, range: CellRangeLike, bottom: number, right: number): Cells {
  const { sheet, row: top, col: left } = range.start;
  const values: unknown[] = [];
  const address = { sheet, row: top, col: left };
  for (let row = top; row <= bottom; row++) {
    for (let col = left; col <= right; col++) {
      address.row = row;
      address.col = col;
      const value = graph.getCellValue(address);
      values.push(value instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, SCALAR_EXPECTED) : value);
    }
  }
  return { values };
}

/**
 * Criteria parsed once per engine and text: HyperFormula parses each criterion of each call afresh, trying a text
 * as a number and as a date in every configured format (about 70 microseconds for "Ready buyer"). A criterion
 * depends on its raw value and the engine's configuration only; the lambda is a pure function.
 */
type Criterion = { raw: unknown; lambda: Lambda };
const parsedCriteria = new WeakMap<object, Map<unknown, Criterion | undefined>>();
const MAX_CRITERIA = 10_000;
function criterionOf(plugin: AggregationPluginLike, raw: unknown): Criterion | undefined {
  const builder = plugin.interpreter.criterionBuilder;
  let parsed = parsedCriteria.get(builder);
  if (parsed === undefined) {
    parsed = new Map();
    parsedCriteria.set(builder, parsed);
  }
  const key = Object.is(raw, -0) ? MINUS_ZERO : raw;
  if (parsed.has(key)) return parsed.get(key);
  const criterion = builder.fromCellValue(raw, plugin.arithmeticHelper);
  if (parsed.size >= MAX_CRITERIA) parsed.clear();
  parsed.set(key, criterion);
  return criterion;
}

/**
 * Composes, from `initial`, the mapped values whose row-major position passes every condition's lambda: what
 * HyperFormula's `reduceFunction(ifFilter(...))` gives, without a generator or an array per cell. The caller has
 * checked the ranges are of one size.
 */
function scan(
  values: Cells,
  conditions: readonly Cells[],
  lambdas: readonly Lambda[],
  initial: unknown,
  compose: Compose,
  map: MapValue,
): unknown {
  const encoded = conditions.map(encode);
  const codes = encoded.map((cells) => cells.codes);
  const verdicts = encoded.map((cells, k) => Uint8Array.from(cells.distinct, (raw) => (lambdas[k](raw) ? 1 : 0)));
  const cells = values.values;
  let acc = initial;
  outer: for (let i = 0; i < cells.length; i++) {
    for (let k = 0; k < codes.length; k++) if (verdicts[k][codes[k][i]] === 0) continue outer;
    acc = compose(acc, map(cells[i]));
  }
  return acc;
}

/** A range's cells as HyperFormula's getRangeValues reads them (used for the one row extending a cached range). */
function rangeValues(graph: GraphLike, range: CellRangeLike): Cells {
  return { values: range.addresses(graph).map((address) => rawValue(graph.getScalarValue(address))) };
}

function computeConditionalAggregation(
  this: AggregationPluginLike,
  valuesRange: RangeValueLike,
  conditionArgs: unknown[],
  functionName: string,
  initial: unknown,
  compose: Compose,
  map: MapValue,
): unknown {
  const ranges: RangeValueLike[] = [];
  const criteria: Criterion[] = [];
  for (let i = 0; i < conditionArgs.length; i += 2) {
    const criterion = criterionOf(this, conditionArgs[i + 1]);
    if (criterion === undefined) return new CellError(ErrorType.VALUE, BAD_CRITERION);
    ranges.push(conditionArgs[i] as RangeValueLike);
    criteria.push(criterion);
  }
  for (const range of ranges) {
    if (!range.sameDimensionsAs(valuesRange)) return new CellError(ErrorType.VALUE, EQUAL_LENGTH);
  }
  const lambdas = criteria.map((criterion) => criterion.lambda);
  const graph = this.interpreter.dependencyGraph;
  const evaluate = () =>
    scan(
      cellsOfRange(graph, valuesRange),
      ranges.map((range) => cellsOfRange(graph, range)),
      lambdas,
      initial,
      compose,
      map,
    );
  const vertexOf = ({ range }: RangeValueLike) =>
    range === undefined ? undefined : graph.getRange(range.start, range.end);
  const valuesVertex = vertexOf(valuesRange);
  const conditionVertices = ranges.map(vertexOf);
  if (valuesVertex === undefined || !conditionVertices.every((vertex) => vertex !== undefined)) return evaluate();

  // HyperFormula's cache keys: the function and where each condition range starts; the criteria's raw texts.
  const conditionRanges = ranges.map((range) => range.range as CellRangeLike);
  const key = [functionName, ...conditionRanges.map(({ start }) => `${start.sheet},${start.col},${start.row}`)].join(
    ',',
  );
  const criterionString = criteria.map((criterion) => criterion.raw).join(',');
  const cached = valuesVertex.getCriterionFunctionValue(key, criterionString);
  if (cached !== undefined) {
    this.interpreter.stats.incrementCriterionFunctionFullCacheUsed();
    return cached;
  }
  const cache = extendSmallerRangeCache.call(
    this,
    graph,
    valuesVertex,
    valuesRange.range as CellRangeLike,
    conditionRanges,
    key,
    initial,
    compose,
    map,
  );
  if (!cache.has(criterionString)) cache.set(criterionString, [evaluate(), lambdas]);
  valuesVertex.setCriterionFunctionValues(key, cache);
  for (const vertex of conditionVertices) vertex.addDependentCacheRange(valuesVertex);
  return cache.get(criterionString)?.[0];
}

/**
 * HyperFormula's buildNewCriterionCache: when the values range without its last row has a vertex feeding this one
 * (`A$1:A9` under `A$1:A10`), each criterion cached there is extended by the last row of every range; otherwise the
 * new cache starts empty.
 */
function extendSmallerRangeCache(
  this: AggregationPluginLike,
  graph: GraphLike,
  vertex: RangeVertexLike,
  valuesRange: CellRangeLike,
  conditionRanges: CellRangeLike[],
  key: string,
  initial: unknown,
  compose: Compose,
  map: MapValue,
): Map<string, CacheEntry> {
  const fresh = new Map<string, CacheEntry>();
  const { start, end } = valuesRange;
  if (end.row <= start.row) return fresh;
  const smaller = graph.getRange(start, { sheet: end.sheet, col: end.col, row: end.row - 1 });
  if (smaller === undefined || !graph.existsEdge(smaller, vertex)) return fresh;
  const lastRow = (range: CellRangeLike) =>
    range.withStart({ sheet: range.start.sheet, col: range.start.col, row: range.end.row });
  const restValues = rangeValues(graph, lastRow(valuesRange));
  const restConditions = conditionRanges.map((range) => rangeValues(graph, lastRow(range)));
  smaller.getCriterionFunctionValues(key).forEach(([value, lambdas], criterion) => {
    const rest = scan(restValues, restConditions, lambdas, initial, compose, map);
    this.interpreter.stats.incrementCriterionFunctionPartialCacheUsed();
    fresh.set(criterion, [compose(value, rest), lambdas]);
  });
  return fresh;
}

const PATCHED = Symbol('lean-sales: criterion scans with loops');

/** Installs the loops on HyperFormula's conditional aggregation plugin (shared by every engine of the process), once. */
export function scanCriteriaWithLoops(): void {
  const plugin = HyperFormula.getFunctionPlugin('COUNTIFS') as unknown as
    | { prototype?: AggregationPluginLike & { [PATCHED]?: true } }
    | undefined;
  const proto = plugin?.prototype;
  if (!proto || proto[PATCHED] || typeof proto.computeConditionalAggregationFunction !== 'function') return;
  proto.computeConditionalAggregationFunction = computeConditionalAggregation;
  proto[PATCHED] = true;
}
