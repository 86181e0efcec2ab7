/** A cell's value as Sheets displays it: its number format applied (the common patterns), dates in the sheet's time zone. */

import type { CellValue } from '../emulator/apps-script-emulator';
import { isDate } from '../emulator/cell-values';
import { MONTHS, wallClock } from '../emulator/zoned-dates';
import { serialToDate } from '../engine/custom-functions';

/** The model's default format, which Sheets calls Automatic. */
export const AUTOMATIC = '0.###############';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Automatic: up to ten significant digits, as a default-width Sheets column shows them. */
function automaticNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return value.toExponential(2).replace('e', 'E');
  return String(Number(value.toPrecision(10)));
}

function isDatePattern(pattern: string): boolean {
  return /[dy]|h|s/i.test(pattern.replace(/"[^"]*"|\\./g, ''));
}

/** Sheets date patterns: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm (minutes after h) ss am/pm. */
function formatDatePattern(date: Date, pattern: string, timeZone: string): string {
  const c = wallClock(date, timeZone);
  const twelveHour = /am\/pm|a\/p/i.test(pattern);
  let afterHour = false;
  return pattern.replace(
    /"([^"]*)"|\\(.)|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p/gi,
    (token, quoted, escaped) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      const t = token.toLowerCase();
      const hour = twelveHour ? c.hour % 12 || 12 : c.hour;
      switch (t) {
        case 'yyyy':
          return pad(c.year, 4);
        case 'yy':
          return pad(c.year % 100);
        case 'mmmm':
          return MONTHS[c.month - 1];
        case 'mmm':
          return MONTHS[c.month - 1].slice(0, 3);
        case 'mm':
        case 'm': {
          const minutes = afterHour;
          afterHour = false;
          if (minutes) return t === 'mm' ? pad(c.minute) : String(c.minute);
          return t === 'mm' ? pad(c.month) : String(c.month);
        }
        case 'dddd':
          return DAYS[new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay()];
        case 'ddd':
          return DAYS[new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay()].slice(0, 3);
        case 'dd':
          return pad(c.day);
        case 'd':
          return String(c.day);
        case 'hh':
        case 'h':
          afterHour = true;
          return t === 'hh' ? pad(hour) : String(hour);
        case 'ss':
        case 's':
          return t === 'ss' ? pad(c.second) : String(c.second);
        default:
          return c.hour < 12 ? (t === 'a/p' ? 'a' : 'AM') : t === 'a/p' ? 'p' : 'PM';
      }
    },
  );
}

/** Numeric patterns: 0 and # digits, one decimal point, `,` grouping, `%`, quoted or escaped literals around them. */
function formatNumberPattern(value: number, pattern: string): string {
  const sections = pattern.split(';');
  const section =
    value < 0 && sections[1] !== undefined
      ? sections[1]
      : value === 0 && sections[2] !== undefined
        ? sections[2]
        : sections[0];
  const negativeSection = value < 0 && sections[1] !== undefined;
  const core = /[0#?][0#?,]*(?:\.[0#?]*)?/.exec(section.replace(/"[^"]*"|\\./g, (m) => ' '.repeat(m.length)));
  if (!core) return literal(section);
  const percent = section.includes('%') ? 100 : 1;
  const [integerPart, decimalPart = ''] = core[0].split('.');
  const decimals = decimalPart.length;
  const required = (decimalPart.match(/0/g) ?? []).length;
  const n = Math.abs(value) * percent;
  let text = n.toFixed(decimals);
  if (decimals > required) text = text.replace(new RegExp(`0{1,${decimals - required}}$`), '').replace(/\.$/, '');
  if (integerPart.includes(',')) {
    const [whole, fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  if (/^#+$/.test(integerPart.replace(/,/g, '')) && text.startsWith('0')) text = text.slice(1) || '0';
  const before = literal(section.slice(0, core.index));
  const after = literal(section.slice(core.index + core[0].length));
  const sign = value < 0 && !negativeSection && Number(text.replace(/[^0-9.]/g, '')) !== 0 ? '-' : '';
  return `${sign}${before}${text}${after}`;
}

function literal(text: string): string {
  return text.replace(/"([^"]*)"|\\(.)|[_*]./g, (_match, quoted, escaped) => quoted ?? escaped ?? ' ');
}

/** The text Sheets shows for a value under a number format ('' or the default meaning Automatic). */
export function displayValue(value: CellValue, numberFormat: string, timeZone: string): string {
  const format = numberFormat === AUTOMATIC ? '' : numberFormat;
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDate(value)) {
    if (format && isDatePattern(format)) return formatDatePattern(value, format, timeZone);
    const c = wallClock(value, timeZone);
    const day = `${c.month}/${c.day}/${c.year}`;
    return c.hour || c.minute || c.second ? `${day} ${c.hour}:${pad(c.minute)}:${pad(c.second)}` : day;
  }
  if (!Number.isFinite(value)) return '#NUM!';
  if (!format || format === 'General' || format === '@') return automaticNumber(value);
  if (isDatePattern(format)) return formatDatePattern(serialToDate(value), format, 'Etc/UTC');
  return formatNumberPattern(value, format);
}
