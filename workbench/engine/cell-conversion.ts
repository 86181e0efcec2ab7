/** Cell contents and values crossing between the emulator's Workbook and HyperFormula, and errors as Sheets shows them. */

import { DetailedCellError, type CellValue as EngineValue, type RawCellContent } from 'hyperformula';
import type { CellValue } from '../emulator/apps-script-emulator';
import { isDate } from '../emulator/cell-values';
import { wallClock, zonedDate } from '../emulator/zoned-dates';
import { DAY, SERIAL_EPOCH } from './custom-functions';
import { sheetsOnlyFunctionMessage } from './sheets-functions';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * What HyperFormula is given for one cell of the model. Text always gets a leading apostrophe, so "3", "TRUE" or
 * "=1+1" stored as text stay text; a Date becomes its wall-clock text in the workbook's time zone, which the engine
 * parses into a date-typed serial number (custom functions then receive it as a Date, as in Sheets).
 */
export function engineContent(value: CellValue, formula: string, timeZone: string): RawCellContent {
  if (formula) return formula;
  if (value === '') return null;
  if (typeof value === 'string') return `'${value}`;
  if (isDate(value)) return dateText(value, timeZone);
  return value;
}

function dateText(date: Date, timeZone: string): string {
  const c = wallClock(date, timeZone);
  const day = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
  return c.hour || c.minute || c.second ? `${day} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}` : day;
}

/** The date formats HyperFormula must parse for dateText (ISO) and for what people type (US order, as en_US Sheets). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'MM/DD/YY'];
export const TIME_FORMATS = ['hh:mm', 'hh:mm:ss', 'hh:mm:ss.sss'];

/** A date-typed serial number as the Date a script reads from Sheets: that wall-clock time in the time zone. */
function serialToZonedDate(serial: number, timeZone: string): Date {
  const totalSeconds = Math.round(serial * 86_400);
  const days = Math.floor(totalSeconds / 86_400);
  const seconds = totalSeconds - days * 86_400;
  const utc = new Date(SERIAL_EPOCH + days * DAY);
  return zonedDate(
    timeZone,
    utc.getUTCFullYear(),
    utc.getUTCMonth() + 1,
    utc.getUTCDate(),
    Math.floor(seconds / 3600),
    Math.floor((seconds % 3600) / 60),
    seconds % 60,
  );
}

/** An error as Sheets shows it: the text in the cell, and the message on hover. */
export interface FormulaError {
  readonly value: string;
  readonly message: string;
}

const PARSE_ERROR = 'Formula parse error.';
const SPILL_BLOCKED = 'Array result was not expanded because it would overwrite data.';

/** Sheets' message for an array that data blocks, naming the first cell in its way (`in R5`). */
export function spillBlockedMessage(cell: string): string {
  return `Array result was not expanded because it would overwrite data in ${cell}.`;
}

/** Translates HyperFormula's error kinds and texts into the ones Sheets uses. */
export function sheetsError(error: DetailedCellError): FormulaError {
  const message = error.message ?? '';
  switch (error.type) {
    case 'CYCLE':
      return {
        value: '#REF!',
        message: 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
      };
    case 'SPILL':
      return { value: '#REF!', message: SPILL_BLOCKED };
    case 'NAME': {
      const unknown = /^Function name (.+) not recognized\.?$/.exec(message);
      if (unknown) return { value: '#NAME?', message: sheetsOnlyFunctionMessage(unknown[1]) };
      return { value: '#NAME?', message: message || 'Unknown range name.' };
    }
    case 'LIC':
      return { value: '#NAME?', message: message || 'The formula engine does not provide this function.' };
    case 'ERROR':
      return { value: '#ERROR!', message: message.startsWith('Parsing error') ? PARSE_ERROR : message || PARSE_ERROR };
    case 'REF':
      return { value: '#REF!', message: message || 'Reference does not exist.' };
    case 'DIV_BY_ZERO':
      return { value: '#DIV/0!', message: message || 'Division by zero.' };
    case 'NA':
      return { value: '#N/A', message: message || 'Value not available.' };
    default:
      return { value: error.value, message: message || `${error.value} in the formula.` };
  }
}

/**
 * An engine value as the model stores it: errors as their Sheets text (what getValues returns for them), empty as
 * '', date-typed numbers as Dates.
 */
export function modelValue(value: EngineValue, isDateTyped: () => boolean, timeZone: string): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof DetailedCellError) return sheetsError(value).value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '#NUM!';
    return isDateTyped() ? serialToZonedDate(value, timeZone) : value;
  }
  return value;
}

const ERROR_TEXT = /^#(?:REF!|NAME\?|ERROR!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)$/;

/** Could this model value be a formula's error (so it is worth asking the engine for the message)? */
export function looksLikeError(value: unknown): boolean {
  return typeof value === 'string' && ERROR_TEXT.test(value);
}
