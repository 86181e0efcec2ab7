/**
 * Google Sheets functions HyperFormula lacks: SPARKLINE drawn as text (a readable stand-in for the in-cell chart), and
 * a clear #NAME? message for the Sheets-only functions the workbench cannot compute.
 */

import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';

/** Sheets functions HyperFormula does not implement (Sheets computes them after deploy). */
const SHEETS_ONLY = new Set(
  (
    'AVERAGEIFS BYCOL BYROW CHOOSECOLS CHOOSEROWS DETECTLANGUAGE FLATTEN GOOGLEFINANCE GOOGLETRANSLATE IMAGE ' +
    'IMPORTDATA IMPORTFEED IMPORTHTML IMPORTRANGE IMPORTXML INDIRECT ISEMAIL ISURL JOIN LAMBDA LET MAKEARRAY MAP QUERY ' +
    'REDUCE REGEXEXTRACT REGEXMATCH REGEXREPLACE SCAN SORTN TO_DATE TO_DOLLARS TO_PERCENT TO_PURE_NUMBER TO_TEXT TOCOL ' +
    'TOROW WRAPCOLS WRAPROWS'
  ).split(' '),
);

/** The #NAME? message for a function the engine does not know. */
export function sheetsOnlyFunctionMessage(name: string): string {
  const upper = name.toUpperCase();
  if (SHEETS_ONLY.has(upper)) {
    return `${upper} is a Google Sheets function that the workbench's formula engine (HyperFormula) does not have; it works in Sheets.`;
  }
  return `Unknown function: '${name}'.`;
}

const LEVELS = '▁▂▃▄▅▆▇█';
const BAR_WIDTH = 10;

function numbersOf(value: unknown): number[] {
  const cells = value instanceof SimpleRangeValue ? value.valuesFromTopLeftCorner() : [value];
  const numbers: number[] = [];
  for (const cell of cells) {
    const n = typeof cell === 'number' ? cell : (cell as { val?: unknown } | null)?.val;
    if (typeof n === 'number' && Number.isFinite(n)) numbers.push(n);
  }
  return numbers;
}

/** Options as Sheets takes them: a two-column range or array literal of names and values ({"charttype","bar"}). */
function optionsOf(value: unknown): Map<string, unknown> {
  const options = new Map<string, unknown>();
  if (!(value instanceof SimpleRangeValue)) return options;
  for (const row of value.data) {
    const [key, option] = row as unknown[];
    if (typeof key === 'string') options.set(key.toLowerCase(), (option as { val?: unknown })?.val ?? option);
  }
  return options;
}

/** The chart as a line of block characters: `▁▃▅█` for a line or column chart, `███░░` for a bar. */
function sparklineText(values: readonly number[], options: ReadonlyMap<string, unknown>): string {
  if (values.length === 0) return '';
  const type = String(options.get('charttype') ?? 'line').toLowerCase();
  if (type === 'bar') {
    const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
    const max = Number(options.get('max') ?? total) || total || 1;
    const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round((BAR_WIDTH * total) / max)));
    return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  }
  if (type === 'winloss') return values.map((v) => (v > 0 ? '▲' : v < 0 ? '▼' : '·')).join('');
  const low = Number(options.get('ymin') ?? Math.min(...values));
  const high = Number(options.get('ymax') ?? Math.max(...values));
  const span = high - low;
  return values
    .map((v) => {
      const level = span > 0 ? Math.round(((Math.min(high, Math.max(low, v)) - low) / span) * (LEVELS.length - 1)) : 0;
      return LEVELS[level];
    })
    .join('');
}

interface ProcedureAst {
  readonly args: unknown[];
}

class SheetsFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    SPARKLINE: {
      method: 'sparkline',
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
  };

  sparkline(ast: ProcedureAst, state: never): unknown {
    return this.runFunction(ast.args as never, state, this.metadata('SPARKLINE'), (data: unknown, options: unknown) => {
      try {
        return sparklineText(numbersOf(data), optionsOf(options));
      } catch (error) {
        return new CellError(ErrorType.VALUE, `SPARKLINE: ${String(error)}`);
      }
    });
  }
}

let registered = false;

/** Registers the Sheets stand-ins with HyperFormula once per process. */
export function registerSheetsFunctions(): void {
  if (registered) return;
  const names = { SPARKLINE: 'SPARKLINE' };
  HyperFormula.registerFunctionPlugin(SheetsFunctionsPlugin as never, { enGB: names, enUS: names });
  registered = true;
}
