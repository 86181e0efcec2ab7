/**
 * Rewrites the Sheets syntax HyperFormula lacks or gets wrong: open-ended ranges such as `H2:Q` or `Leads!D2:D`, and
 * array literals holding ranges or formulas (`{"Score"; LEADSCORE(H2:Q)}`, `{A2:A, C2:L}`), which become
 * VSTACK/HSTACK because HyperFormula computes such a literal once and never again when its inputs change.
 */

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

/** `H2:Q` as `H2:Q<last row>`, the last row being the row count of the range's sheet (`rowsOf(undefined)`: its own). */
function closeOpenEndedRanges(formula: string, rowsOf: (sheet: string | undefined) => number): string {
  return outsideStrings(formula, (code) =>
    code.replace(OPEN_ENDED, (_match, prefix: string | undefined, start: string, endColumn: string) => {
      const rows = rowsOf(prefix ? sheetOf(prefix) : undefined);
      return `${prefix ?? ''}${start}:${endColumn}${rows}`;
    }),
  );
}

/** The index of the quote closing the string literal that opens at `open` (`""` inside is an escaped quote). */
function stringEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] !== '"') return i;
      i++;
    }
    i++;
  }
  return text.length - 1;
}

/** Splits `text` at `separators` that are outside strings, parentheses and braces. */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i);
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i);
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

const CONSTANT = /^\s*(?:-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|"(?:[^"]|"")*"|TRUE|FALSE|#N\/A)\s*$/i;

/** One array literal's inside, as HSTACK/VSTACK when an element is not a constant. */
function arrayLiteral(inside: string): string {
  const rows = splitTopLevel(inside, ';').map((row) => splitTopLevel(row, ',').map((part) => stackArrayLiterals(part)));
  if (rows.every((row) => row.every((element) => CONSTANT.test(element))))
    return `{${rows.map((r) => r.join(',')).join(';')}}`;
  const stacked = rows.map((row) =>
    row.length === 1 ? row[0].trim() : `HSTACK(${row.map((e) => e.trim()).join(', ')})`,
  );
  return stacked.length === 1 ? stacked[0] : `VSTACK(${stacked.join(', ')})`;
}

/**
 * A formula (or a part of one) with its array literals that hold anything but constants (`{A2:A, C2:L}`,
 * `{"Score"; LEADSCORE(H2:Q)}`) written as HSTACK (`,` joins columns) and VSTACK (`;` joins rows); nested ones too.
 * Constant literals (`{1,2;3,4}`) stay as written.
 */
function stackArrayLiterals(formula: string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = stringEnd(formula, i);
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '{') {
      const end = closingBrace(formula, i);
      if (end < 0) return formula;
      out += arrayLiteral(formula.slice(i + 1, end));
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * The formula as HyperFormula reads it: open-ended ranges closed at their sheet's row count, array literals holding
 * ranges or formulas stacked.
 */
export function toEngineFormula(formula: string, rowsOf: (sheet: string | undefined) => number): string {
  return stackArrayLiterals(closeOpenEndedRanges(formula, rowsOf));
}
