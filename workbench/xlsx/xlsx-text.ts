/**
 * Text in an .xlsx. XML 1.0 cannot carry most C0 control characters, U+FFFE, U+FFFF or an unpaired surrogate (one
 * of them in a cell made the whole file unreadable), ExcelJS drops the other controls and DEL, and XML reads a
 * carriage return back as a line feed. OOXML's own escape `_xHHHH_`, which Excel and ExcelJS read back as the
 * character, keeps all of them exactly; a literal `_x` gets its `_` escaped (`_x005F_`) so it is not read as one.
 */

import { UNKEPT } from '../../src/core/text-fields';

// UNKEPT: a character a saved workbook does not keep as it is, the same the add-on's forms refuse.
const ESCAPED = new RegExp(`_(?=[xX])|${UNKEPT.source}`, 'g');

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** The text with every character the .xlsx would lose or change written as `_xHHHH_`. */
export function escapeXlsxText(text: string): string {
  return text.replace(ESCAPED, (match) => `_x${hex4(match.charCodeAt(0))}_`);
}

/** The first character of `text` a saved workbook would not keep, with its position (1-based) and code point. */
export function firstUnkept(text: string): { position: number; code: string } | undefined {
  const match = UNKEPT.exec(text);
  return match ? { position: match.index + 1, code: `U+${hex4(match[0].charCodeAt(0))}` } : undefined;
}
