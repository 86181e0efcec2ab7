/**
 * Sheets formulas as Excel and LibreOffice read them, for the .xlsx file: open-ended ranges (`H2:Q`) closed at the
 * sheet's last row, and array literals holding ranges (`{A2:A, C2:L}`, which only Sheets allows) as HSTACK/VSTACK.
 * Everything else (our custom functions, ARRAYFORMULA) is kept: an unknown function opens as #NAME? with its cached
 * value, where invalid syntax would make Excel offer to repair the file.
 */

import { toEngineFormula } from '../engine/formula-translation';

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

const CONSTANT = /^\s*(?:-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|"(?:[^"]|"")*"|TRUE|FALSE|#N\/A)\s*$/i;

/** One array literal's inside, rewritten when an element is not a constant. */
function arrayLiteral(inside: string): string {
  const rows = splitTopLevel(inside, ';').map((row) => splitTopLevel(row, ',').map((part) => excelFormulaBody(part)));
  if (rows.every((row) => row.every((element) => CONSTANT.test(element))))
    return `{${rows.map((r) => r.join(',')).join(';')}}`;
  const stacked = rows.map((row) =>
    row.length === 1 ? row[0].trim() : `HSTACK(${row.map((e) => e.trim()).join(', ')})`,
  );
  return stacked.length === 1 ? stacked[0] : `VSTACK(${stacked.join(', ')})`;
}

/** Rewrites the array literals of a formula body (no leading `=`); nested ones by recursion. */
function excelFormulaBody(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"') {
      const end = stringEnd(body, i);
      out += body.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '{') {
      const end = closingBrace(body, i);
      if (end < 0) return body;
      out += arrayLiteral(body.slice(i + 1, end));
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
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

/** The formula (with its `=`) as the .xlsx stores it, without the `=`. */
export function toExcelFormula(formula: string, rowsOf: (sheet: string | undefined) => number): string {
  const closed = toEngineFormula(formula, rowsOf);
  return excelFormulaBody(closed.startsWith('=') ? closed.slice(1) : closed);
}
