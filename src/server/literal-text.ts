/** User text as Sheets must store it: literal, never a formula, number, date, boolean or error it would read it as. */

// Starts a formula or sign (= + -), a mention or old-style formula (@), an error literal (#N/A), or is already
// apostrophe-quoted text whose apostrophe Sheets would swallow.
const SPECIAL_START = /^[=+\-@#']/;
// Could be read as a number, date, time, percentage, fraction or amount: starts with a digit, a decimal point,
// a currency sign or a bracket before one.
const NUMERIC_START = /^[\s($€£¥]*[.,]?\d/;
const BOOLEAN = /^\s*(?:true|false)\s*$/i;
// A month or weekday name followed by a number reads as a date: `March 5`, `Mon 3 June`.
const NAMED_DATE =
  /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[\s,/-]*\d/i;

/** True when Sheets would not keep `text` as the same text if it were typed into a cell. */
export function needsQuote(text: string): boolean {
  return SPECIAL_START.test(text) || NUMERIC_START.test(text) || BOOLEAN.test(text) || NAMED_DATE.test(text);
}

/**
 * The value to hand to `setValues` so the cell keeps `text` exactly: a leading apostrophe makes Sheets store
 * the rest as text (the apostrophe itself is not part of the value). Plain words are left as they are.
 */
export function literalText(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}
