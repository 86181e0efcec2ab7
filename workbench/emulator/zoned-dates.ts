/** Dates in a spreadsheet's time zone: what "2024-05-01" typed into a cell means, and Utilities.formatDate. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'long',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: string;
}

/** The calendar date and time an instant shows in a time zone. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: date.getTime() - Math.floor(date.getTime() / 1000) * 1000,
    weekday: parts.weekday,
  };
}

function offsetAt(utcMillis: number, timeZone: string): number {
  const clock = wallClock(new Date(utcMillis), timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(utcMillis / 1000) * 1000;
}

/** The instant at which a time zone's clocks show the given date and time. */
export function zonedDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - offsetAt(guess, timeZone);
  // A second pass settles instants near a daylight-saving change.
  return new Date(guess - offsetAt(first, timeZone));
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A time zone Intl knows; Java (and so Apps Script) reads an ID it does not understand as GMT. */
function knownZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'GMT';
  }
}

/** The offset from UTC a time zone has at an instant, as `+0200` (RFC 822, pattern Z) or `+02:00` (ISO, XXX). */
function offsetText(date: Date, timeZone: string, iso: boolean): string {
  const minutes = Math.round(offsetAt(date.getTime(), timeZone) / 60_000);
  if (iso && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const [hours, rest] = [pad(Math.floor(abs / 60), 2), pad(abs % 60, 2)];
  return iso ? `${sign}${hours}:${rest}` : `${sign}${hours}${rest}`;
}

/**
 * Java SimpleDateFormat patterns, as Utilities.formatDate takes them: y M d E H h m s S a, Z (`+0200`), X/XXX
 * (`Z` or `+02:00`), 'quoted text'. The date is shown as the clocks of `timeZone` show it.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = knownZone(timeZone);
  const clock = wallClock(date, zone);
  return pattern.replace(/'([^']*)'|y+|M+|d+|E+|H+|h+|m+|s+|S+|Z+|X+|a/g, (token, literal?: string) => {
    if (literal !== undefined) return literal === '' ? "'" : literal;
    const width = token.length;
    switch (token[0]) {
      case 'y':
        return width === 2 ? pad(clock.year % 100, 2) : pad(clock.year, width);
      case 'M':
        if (width >= 4) return MONTHS[clock.month - 1];
        if (width === 3) return MONTHS[clock.month - 1].slice(0, 3);
        return pad(clock.month, width);
      case 'd':
        return pad(clock.day, width);
      case 'E':
        return width >= 4 ? clock.weekday : clock.weekday.slice(0, 3);
      case 'H':
        return pad(clock.hour, width);
      case 'h':
        return pad(clock.hour % 12 === 0 ? 12 : clock.hour % 12, width);
      case 'm':
        return pad(clock.minute, width);
      case 's':
        return pad(clock.second, width);
      case 'S':
        return pad(clock.millisecond, width);
      case 'Z':
        return offsetText(date, zone, false);
      case 'X': {
        const iso = offsetText(date, zone, true);
        return width === 1 && iso !== 'Z' ? iso.slice(0, 3) : width === 2 ? iso.replace(':', '') : iso;
      }
      default:
        return clock.hour < 12 ? 'AM' : 'PM';
    }
  });
}
