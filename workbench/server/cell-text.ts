/**
 * Text the page types into a cell must be text a saved workbook keeps: Sheets itself does not keep control characters,
 * and the .xlsx would not give them back as typed. Such text is refused at the server with a message naming the cell,
 * so what was saved is what comes back. (The add-on's own sidebar checks its lead form in src/core/lead-form-rules.)
 */

import { columnLetters, quoteSheetName } from '../emulator/a1-notation';
import { firstUnkept } from '../xlsx/xlsx-text';

function describe(code: string): string {
  if (code === 'U+000D') return `a carriage return (${code})`;
  if (code >= 'U+D800' && code <= 'U+DFFF') return `an unpaired surrogate (${code})`;
  if (code === 'U+FFFE' || code === 'U+FFFF') return `a noncharacter (${code})`;
  return `a control character (${code})`;
}

/** Why `text` cannot go into the cell, naming it (`'KPI log'!B2`), or undefined when it can. */
export function cellTextRefusal(sheet: string, row: number, column: number, text: string): string | undefined {
  const found = firstUnkept(text);
  if (!found) return undefined;
  return (
    `${quoteSheetName(sheet)}!${columnLetters(column)}${row}: the text holds ${describe(found.code)} at character ` +
    `${found.position}, which Sheets does not keep in a cell. Remove it and enter the text again.`
  );
}
