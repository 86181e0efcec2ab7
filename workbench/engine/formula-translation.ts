/** Rewrites the Sheets syntax HyperFormula lacks: open-ended ranges such as `H2:Q` or `Leads!D2:D`. */

const SHEET = "(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)";
const OPEN_ENDED = new RegExp(
  String.raw`(?<![A-Za-z0-9_$.'])(${SHEET}!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_$(!])`,
  'g',
);

/** The sheet name a prefix such as `'KPI log'!` or `Leads!` names. */
function sheetOf(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Applies `rewrite` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join('');
}

/** Does the formula use an open-ended range (so it must be rewritten again when a sheet's row count changes)? */
export function hasOpenEndedRange(formula: string): boolean {
  let found = false;
  outsideStrings(formula, (code) => {
    OPEN_ENDED.lastIndex = 0;
    if (OPEN_ENDED.test(code)) found = true;
    return code;
  });
  return found;
}

/**
 * The formula as HyperFormula reads it: `H2:Q` becomes `H2:Q<last row>`, the last row being the row count of the
 * sheet the range is on (`rowsOf(undefined)` for the formula's own sheet).
 */
export function toEngineFormula(formula: string, rowsOf: (sheet: string | undefined) => number): string {
  return outsideStrings(formula, (code) =>
    code.replace(OPEN_ENDED, (_match, prefix: string | undefined, start: string, endColumn: string) => {
      const rows = rowsOf(prefix ? sheetOf(prefix) : undefined);
      return `${prefix ?? ''}${start}:${endColumn}${rows}`;
    }),
  );
}
