/** What a cell holds, and how Sheets reads what a script writes: `=` starts a formula, "3" is a number, `'` forces text. */

import { gasError, MESSAGES } from './apps-script-errors';
import { zonedDate } from './zoned-dates';

/** A cell's value as getValues returns it: '' when empty. */
export type CellValue = string | number | boolean | Date;

export interface CellContent {
  readonly value: CellValue;
  /** '' unless the cell holds a formula. */
  readonly formula: string;
}

export const BLANK: CellContent = { value: '', formula: '' };

const MAX_CELL_CHARACTERS = 50000;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const BOOLEAN = /^(?:true|false)$/i;

/** True for Dates of any realm (the bundle's vm context has its own Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A host-realm copy, so neither the script nor the model can change the other's Date. */
export function copyDate(value: Date): Date {
  return new Date(Date.prototype.getTime.call(value));
}

export function copyValue(value: CellValue): CellValue {
  return typeof value === 'object' ? copyDate(value) : value;
}

function isoDate(match: RegExpExecArray, timeZone: string): Date | null {
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const inCalendar = new Date(Date.UTC(year, month - 1, day));
  if (inCalendar.getUTCMonth() !== month - 1 || inCalendar.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return zonedDate(timeZone, year, month, day, hour, minute, second);
}

/** Reads text as Sheets reads what is typed into a cell (en_US locale). */
export function parseText(text: string, timeZone: string): CellContent {
  if (text.length > MAX_CELL_CHARACTERS) throw gasError(MESSAGES.cellTooLong);
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return text === '' ? BLANK : { value: text, formula: '' };
  if (BOOLEAN.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (GROUPED_NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), formula: '' };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { value: Number(`${percent[1]}e-2`), formula: '' };
  const iso = ISO_DATE.exec(trimmed);
  const date = iso && isoDate(iso, timeZone);
  if (date) return { value: date, formula: '' };
  return { value: text, formula: '' };
}

/** What a cell holds after `setValue(input)`. */
export function contentOf(input: unknown, timeZone: string): CellContent {
  if (input === null || input === undefined) return BLANK;
  if (typeof input === 'string') return parseText(input, timeZone);
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (isDate(input)) return { value: copyDate(input), formula: '' };
  return parseText(String(input), timeZone);
}
