/**
 * Whether a recomputed array still has room, without walking its cells when nothing can have moved into them. A
 * rating edit recomputes six 10,000-cell arrays, and HyperFormula checked every cell of each for something in the
 * way. Only a change to the workbook can put something there: typed values are logged with the cells they cover,
 * and any other change (a formula, rows or columns, sheets, names, an array changing size) makes every array check
 * again. An array whose last check passed, with nothing logged over its cells since, still has room.
 *
 * The graph class is private to HyperFormula 3.5; it is reached through the engine's instance.
 */

import type { HyperFormula } from 'hyperformula';

interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}
interface RangeLike {
  start: CellAddress;
  end: CellAddress;
}
interface ArrayVertexLike {
  getRangeOrUndef(): RangeLike | undefined;
}
interface DependencyGraphLike {
  addressMapping: { getCell(address: CellAddress): unknown };
  isThereSpaceForArray(vertex: ArrayVertexLike): boolean;
}

/** sheet, top, left, bottom, right */
type Area = [number, number, number, number, number];

/** What may have moved under arrays, for one engine. */
class RoomLog {
  /** Bumped by any change but typed values; a check from an earlier epoch counts for nothing. */
  epoch = 0;
  /** Areas typed values were written to in this epoch, in order. */
  writes: Area[] = [];
  /** Per array vertex, the last check that found room: its area, epoch, and how many writes were logged then. */
  readonly passed = new WeakMap<object, { area: Area; epoch: number; seen: number }>();

  anything(): void {
    this.epoch++;
    this.writes = [];
  }

  typed(area: Area): void {
    // A long log is cut short by starting an epoch: every array then checks once, and the log starts empty.
    if (this.writes.length >= 1_000) this.anything();
    else this.writes.push(area);
  }

  /** True when `area`, found with room at its last check, can have had nothing written over it since. */
  stillRoom(vertex: object, area: Area): boolean {
    const last = this.passed.get(vertex);
    if (!last || last.epoch !== this.epoch || !sameArea(last.area, area)) return false;
    for (let i = last.seen; i < this.writes.length; i++) if (overlap(this.writes[i], area)) return false;
    last.seen = this.writes.length;
    return true;
  }

  found(vertex: object, area: Area): void {
    this.passed.set(vertex, { area, epoch: this.epoch, seen: this.writes.length });
  }
}

const sameArea = (a: Area, b: Area) => a.every((v, i) => v === b[i]);
const overlap = (a: Area, b: Area) => a[0] === b[0] && a[1] <= b[3] && b[1] <= a[3] && a[2] <= b[4] && b[2] <= a[4];

const logs = new WeakMap<object, RoomLog>();

/** Everything under arrays may have changed (an array changed size, or the engine was changed some other way). */
export function roomMayHaveChanged(graph: object | undefined): void {
  if (graph) logs.get(graph)?.anything();
}

/** HyperFormula's changes other than setting cell contents, each of which may put something in an array's way. */
const OTHER_CHANGES = [
  'updateConfig',
  'rebuildAndRecalculate',
  'rebuildWithConfig',
  'undo',
  'redo',
  'swapRowIndexes',
  'setRowOrder',
  'swapColumnIndexes',
  'setColumnOrder',
  'addRows',
  'removeRows',
  'addColumns',
  'removeColumns',
  'moveCells',
  'moveRows',
  'moveColumns',
  'paste',
  'addSheet',
  'removeSheet',
  'clearSheet',
  'setSheetContent',
  'renameSheet',
  'addNamedExpression',
  'changeNamedExpression',
  'removeNamedExpression',
] as const;

/** A cell as the engine sets it: formulas are text starting with `=` (typed text that does is sent with `'`). */
const isFormula = (cell: unknown) => typeof cell === 'string' && cell.startsWith('=');

/** Logs the changes of `hf` and checks its arrays' room through the log, once per engine. */
export function watchArrayRoom(hf: HyperFormula): void {
  const graph = (hf as unknown as { dependencyGraph?: DependencyGraphLike }).dependencyGraph;
  if (!graph || logs.has(graph)) return;
  const log = new RoomLog();
  logs.set(graph, log);
  const methods = hf as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of OTHER_CHANGES) {
    const change = methods[name];
    if (typeof change !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      log.anything();
      return change.apply(this, args);
    };
  }
  const setCellContents = methods.setCellContents;
  methods.setCellContents = function (this: unknown, ...args: unknown[]) {
    const [corner, content] = args as [CellAddress, unknown];
    const rows = Array.isArray(content) ? (content as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[content]];
    if (rows.some((row) => row.some(isFormula))) log.anything();
    else {
      const width = rows.reduce((most, row) => Math.max(most, row.length), 1);
      log.typed([corner.sheet, corner.row, corner.col, corner.row + rows.length - 1, corner.col + width - 1]);
    }
    return setCellContents.apply(this, args);
  };
  checkRoomThroughLog(Object.getPrototypeOf(graph));
}

const PATCHED = Symbol('lean-sales: array room through the log');

function checkRoomThroughLog(graphProto: DependencyGraphLike & { [PATCHED]?: true }): void {
  if (graphProto[PATCHED] || typeof graphProto.isThereSpaceForArray !== 'function') return;
  const exact = graphProto.isThereSpaceForArray;
  graphProto.isThereSpaceForArray = function (this: DependencyGraphLike, vertex) {
    const range = vertex.getRangeOrUndef();
    if (range === undefined) return false;
    const log = logs.get(this);
    const area: Area = [range.start.sheet, range.start.row, range.start.col, range.end.row, range.end.col];
    if (log?.stillRoom(vertex, area)) return true;
    // The cells one by one, with one address object rather than one per cell; anything but the array itself in the
    // way (an empty cell's vertex, a value, a formula) is left to HyperFormula's own check to decide.
    const address = { sheet: range.start.sheet, row: 0, col: 0 };
    for (let row = range.start.row; row <= range.end.row; row++) {
      for (let col = range.start.col; col <= range.end.col; col++) {
        address.row = row;
        address.col = col;
        const cell = this.addressMapping.getCell(address);
        if (cell !== undefined && cell !== vertex) return exact.call(this, vertex);
      }
    }
    log?.found(vertex, area);
    return true;
  };
  graphProto[PATCHED] = true;
}
