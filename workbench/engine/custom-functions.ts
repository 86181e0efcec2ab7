/**
 * Registers the add-on's custom functions with HyperFormula from the bundle's own function table, and calls the
 * bundle's top-level functions with arguments shaped as Sheets shapes them.
 */

import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { ArgShape, FunctionSpec } from '../../src/functions/function-spec';

// HyperFormula's package exports don't expose its AST and interpreter-state types; these are the parts used here.
interface Ast {
  readonly type: string;
  readonly value?: unknown;
}
interface ProcedureAst {
  readonly args: Ast[];
}
type InterpreterState = never;

/** What a custom-function call needs: the table, and a way to call a top-level function of the loaded script. */
export interface CustomFunctionHost {
  readonly table: readonly Pick<FunctionSpec, 'name' | 'params' | 'outputShape'>[];
  call(name: string, args: unknown[]): unknown;
}

/** HyperFormula registers plugins globally; the engine that is computing sets the host its calls go to. */
let activeHost: CustomFunctionHost | undefined;
/** And the converted ranges its calls may reuse. */
let activeRanges: RangeArguments | undefined;

export function withHost<T>(host: CustomFunctionHost, run: () => T, ranges?: RangeArguments): T {
  const previous = activeHost;
  const previousRanges = activeRanges;
  activeHost = host;
  activeRanges = ranges;
  try {
    return run();
  } finally {
    activeHost = previous;
    activeRanges = previousRanges;
  }
}

// ---- ranges of plain values, converted once ----

interface EngineAddress {
  sheet: number;
  row: number;
  col: number;
}
interface EngineRange {
  start: EngineAddress;
  end: EngineAddress;
}
/** The parts of HyperFormula's dependency graph used here (version 3.5). */
interface DependencyGraphLike {
  getCell(address: EngineAddress): unknown;
  getCellValue(address: EngineAddress): unknown;
}

interface ConvertedRange {
  readonly range: EngineRange;
  /** The range as Sheets hands it to a script: rows frozen, so no script can change what the next call is given. */
  grid: readonly (readonly unknown[])[];
  /** Cells whose value changed since the grid was converted (0-based, in the range). */
  dirty: [number, number][];
}

/**
 * A cell a cached range may hold: a typed value, nothing, or a cell of an array (whose changed cells the evaluator
 * reports, see changed-cells.ts); not a single-cell formula or a parse error.
 */
const isCacheableCell = (vertex: unknown) => {
  if (vertex === undefined || vertex === null) return true;
  if ('rawInput' in (vertex as object)) return false;
  if (typeof (vertex as { getFormula?: unknown }).getFormula !== 'function') return true;
  return 'array' in (vertex as object);
};

/** Cells of arrays changed while the active engine computes: converted ranges holding them convert them again. */
export function arrayCellsChanged(cells: readonly { sheet: number; row: number; col: number }[]): void {
  for (const cell of cells) activeRanges?.valuesChanged(cell.sheet, cell.row, cell.col, 1, 1);
}

/** An array changed size or became an error: converted ranges are converted again. */
export function arraysChanged(): void {
  activeRanges?.clear();
}

/** Dirty cells beyond which a range is converted again rather than patched. */
const PATCH_LIMIT = 1_000;

/**
 * The ranges of typed values (a Leads tab's ratings, `H2:Q10101`) that custom functions are given, converted once to
 * what Sheets passes a script and kept: an edit of one rating marks one cell, and the next call converts that cell
 * instead of 100,000 (HyperFormula reads a range cell by cell through its address mapping). Ranges may hold typed
 * values and arrays' cells (the Score column a SCOREBANDS reads); a range holding a single-cell formula is converted
 * on every call, as before. The engine reports each typed change (`valuesChanged`), the evaluator each changed cell of
 * an array (`arrayCellsChanged`), and both forget everything on any formula, array-shape or structural change.
 */
export class RangeArguments {
  private readonly ranges = new Map<string, ConvertedRange>();

  clear(): void {
    this.ranges.clear();
  }

  /** Typed values were written at (row, col) (0-based) over `height` x `width` cells of `sheet`. */
  valuesChanged(sheet: number, row: number, col: number, height: number, width: number): void {
    for (const [key, entry] of this.ranges) {
      const { start, end } = entry.range;
      if (start.sheet !== sheet) continue;
      const top = Math.max(row, start.row);
      const bottom = Math.min(row + height - 1, end.row);
      const left = Math.max(col, start.col);
      const right = Math.min(col + width - 1, end.col);
      if (top > bottom || left > right) continue;
      if (entry.dirty.length + (bottom - top + 1) * (right - left + 1) > PATCH_LIMIT) {
        this.ranges.delete(key);
        continue;
      }
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) entry.dirty.push([r - start.row, c - start.col]);
    }
  }

  /** The range's values as Sheets passes them, or undefined when it is no range of plain values. */
  grid(value: SimpleRangeValue, graph: DependencyGraphLike): readonly (readonly unknown[])[] | undefined {
    const range = (value as unknown as { range?: EngineRange }).range;
    if (!range || !Number.isFinite(range.end.row) || !Number.isFinite(range.end.col)) return undefined;
    // Sheets passes a one-cell range as the cell's value, not as a grid.
    if (range.start.row === range.end.row && range.start.col === range.end.col) return undefined;
    const key = `${range.start.sheet}:${range.start.row}:${range.start.col}:${range.end.row}:${range.end.col}`;
    const entry = this.ranges.get(key);
    if (entry) return this.patched(entry, graph);
    const { start, end } = range;
    for (let row = start.row; row <= end.row; row++) {
      for (let col = start.col; col <= end.col; col++) {
        if (!isCacheableCell(graph.getCell({ sheet: start.sheet, row, col }))) return undefined;
      }
    }
    const grid = Object.freeze(value.data.map((line) => Object.freeze(line.map(toSheetsValue))));
    this.ranges.set(key, { range, grid, dirty: [] });
    return grid;
  }

  private patched(entry: ConvertedRange, graph: DependencyGraphLike): readonly (readonly unknown[])[] {
    if (entry.dirty.length === 0) return entry.grid;
    const { start } = entry.range;
    const grid = [...entry.grid];
    const copied = new Set<number>();
    for (const [r, c] of entry.dirty) {
      if (!copied.has(r)) {
        grid[r] = [...grid[r]];
        copied.add(r);
      }
      const address = { sheet: start.sheet, row: start.row + r, col: start.col + c };
      (grid[r] as unknown[])[c] = toSheetsValue(graph.getCellValue(address));
    }
    for (const r of copied) Object.freeze(grid[r]);
    entry.grid = Object.freeze(grid);
    entry.dirty = [];
    return entry.grid;
  }
}

/** An error's message, whichever realm threw it (the script's Errors are not this realm's Error). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Day 0 of spreadsheet serial dates, and a day, in milliseconds. */
export const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
export const DAY = 86_400_000;

export function serialToDate(serial: number): Date {
  return new Date(SERIAL_EPOCH + Math.round(serial * DAY));
}

function dateToSerial(date: Date): number {
  return (date.getTime() - SERIAL_EPOCH) / DAY;
}

interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}

const isRichNumber = (v: unknown): v is RichNumberLike =>
  typeof v === 'object' && v !== null && 'val' in v && typeof (v as RichNumberLike).getDetailedType === 'function';

/** One engine value as Sheets hands it to a custom function: '' for empty, Date for dates, error text for errors. */
export function toSheetsValue(value: unknown): unknown {
  if (value === EmptyValue || value === undefined || value === null) return '';
  if (isRichNumber(value)) {
    const type = value.getDetailedType();
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' ? serialToDate(value.val) : value.val;
  }
  if (value instanceof CellError) return `#${value.type === ErrorType.ERROR ? 'ERROR!' : value.type}`;
  if (value instanceof SimpleRangeValue) {
    const grid = value.data.map((row) => row.map(toSheetsValue));
    // Sheets passes a one-cell range as the cell's value.
    return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid;
  }
  return value;
}

function toEngineValue(value: unknown): unknown {
  if (value === null || value === undefined) return EmptyValue;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return dateToSerial(value as Date);
  }
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : String(value);
}

/** Rows and columns as Sheets writes them, e.g. `2 rows x 1 column`. */
function sizeText(size: { rows: number; cols: number }): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(size.rows, 'row')} x ${plural(size.cols, 'column')}`;
}

/** A function's result as a grid: a single value is 1 x 1, a flat array one row. Null when its rows differ in length. */
function gridOf(result: unknown): unknown[][] | null {
  const grid = Array.isArray(result) ? (Array.isArray(result[0]) ? (result as unknown[][]) : [result]) : [[result]];
  const width = grid[0]?.length ?? 0;
  return grid.every((line) => Array.isArray(line) && line.length === width) ? grid : null;
}

/**
 * The result as the engine's values, when it has the size `outputShape` predicted (the area the engine reserved).
 * Anything else is an error in the cell naming both sizes: the engine never pads or cuts a result, so an outputShape
 * that is wrong for some input shows up wherever that input is used.
 */
function fitted(name: string, result: unknown, size: { rows: number; cols: number }): unknown[][] | CellError {
  const grid = gridOf(result);
  if (!grid) return new CellError(ErrorType.ERROR, `${name} returned rows of different lengths.`);
  const actual = { rows: Math.max(1, grid.length), cols: Math.max(1, grid[0]?.length ?? 0) };
  if (actual.rows !== size.rows || actual.cols !== size.cols) {
    return new CellError(
      ErrorType.ERROR,
      `${name} returned ${sizeText(actual)}, but its outputShape predicted ${sizeText(size)} for these arguments.`,
    );
  }
  if (grid.length === 0 || grid[0].length === 0) return [[toEngineValue('')]];
  return grid.map(engineRow);
}

/**
 * A result row as engine values. A row of numbers, text and booleans (the usual case) is the engine's already and is
 * kept, not copied: at 10,000 rows per function and six functions per edit the copies were most of an edit's garbage.
 * The engine never changes a computed row in place (fitted results have the size reserved, so none is resized).
 */
function engineRow(line: unknown[]): unknown[] {
  return line.every(isEngineValue) ? line : line.map((value) => toEngineValue(value ?? ''));
}

const isEngineValue = (value: unknown) =>
  typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

class LeanSalesPlugin extends FunctionPlugin {
  /** The size of each argument, and the value of literal ones (a mode typed in the formula). */
  protected argShapes(ast: ProcedureAst, state: InterpreterState): (ArgShape | undefined)[] {
    return ast.args.map((arg: Ast) => {
      if (arg.type === 'EMPTY') return undefined;
      if (arg.type === 'STRING' || arg.type === 'NUMBER') return { rows: 1, cols: 1, value: arg.value };
      const size = this.arraySizeForAst(arg as never, state);
      return { rows: size.height, cols: size.width };
    });
  }

  protected outputSize(name: string, ast: ProcedureAst, state: InterpreterState): { rows: number; cols: number } {
    const spec = activeHost?.table.find((s) => s.name === name);
    if (!spec) return { rows: 1, cols: 1 };
    try {
      const size = spec.outputShape(this.argShapes(ast, state));
      return { rows: Math.max(1, size.rows), cols: Math.max(1, size.cols) };
    } catch {
      return { rows: 1, cols: 1 };
    }
  }

  protected callCustom(name: string, ast: ProcedureAst, state: InterpreterState): unknown {
    const size = this.outputSize(name, ast, state);
    return this.runFunction(ast.args as never, state, this.metadata(name), (...raw: unknown[]) => {
      const host = activeHost;
      if (!host) return new CellError(ErrorType.NAME, `${name} needs the add-on's script loaded`);
      const graph = (this as unknown as { dependencyGraph: DependencyGraphLike }).dependencyGraph;
      const args = raw.map((a) => {
        if (a === undefined) return undefined;
        const cached = a instanceof SimpleRangeValue && activeRanges?.grid(a, graph);
        return cached || toSheetsValue(a);
      });
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      try {
        const values = fitted(name, host.call(name, args), size);
        if (values instanceof CellError) return values;
        const result = SimpleRangeValue.onlyValues(values as never);
        customFunctionResults.add(result);
        return result;
      } catch (error) {
        return new CellError(ErrorType.ERROR, messageOf(error));
      }
    });
  }
}

/** The values custom functions returned: rows made for that call, which nothing else holds (see array-spills.ts). */
const customFunctionResults = new WeakSet<object>();

export function isCustomFunctionResult(value: object): boolean {
  return customFunctionResults.has(value);
}

const registered = new Set<string>();

/**
 * Registers every function of the table once per process. Each gets a method calling into the active host and a
 * size method computed from its `outputShape`.
 */
export function registerCustomFunctions(table: CustomFunctionHost['table']): void {
  const missing = table.filter((spec) => !registered.has(spec.name));
  if (missing.length === 0) return;
  class Plugin extends LeanSalesPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const spec of missing) {
    const method = `call_${spec.name}`;
    const sizeMethod = `size_${spec.name}`;
    Object.assign(Plugin.prototype, {
      [method](this: LeanSalesPlugin, ast: ProcedureAst, state: InterpreterState) {
        return this.callCustom(spec.name, ast, state);
      },
      [sizeMethod](this: LeanSalesPlugin, ast: ProcedureAst, state: InterpreterState) {
        const { rows, cols } = this.outputSize(spec.name, ast, state);
        return new ArraySize(cols, rows);
      },
    });
    implemented[spec.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: spec.params.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        passSubtype: true,
        ...(p.optional ? { optionalArg: true } : {}),
      })),
    };
    translations[spec.name] = spec.name;
    registered.add(spec.name);
  }
  (Plugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(Plugin as never, { enGB: translations, enUS: translations });
}
