/**
 * How old a lead's ratings are: the days from its Rated date to today, both calendar days (YYYY-MM-DD) as the
 * spreadsheet's time zone sees them, so the answer never depends on the machine's clock zone.
 */

import { toNumber } from './cells';

/** The Settings' default for `Re-rate after days`. */
const DEFAULT_RERATE_AFTER_DAYS = 90;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` text, or undefined when it is not a real calendar day. */
export function dayNumber(iso: string): number | undefined {
  const match = ISO_DAY.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round(time / 86_400_000);
}

/** Where a lead's ratings stand: never dated, dated with a text that is not a date, or dated `days` ago. */
export type RatingAge =
  | { readonly kind: 'never' }
  | { readonly kind: 'invalid'; readonly text: string }
  | { readonly kind: 'dated'; readonly days: number; readonly stale: boolean };

/**
 * The age of ratings last set on `rated` (`YYYY-MM-DD`, or '' when never), seen on `today`. Stale when older than
 * `rerateAfterDays`: as the Rated column's format says, `TODAY() - Rated > RerateAfterDays`, so a rating exactly
 * that many days old is still current.
 */
export function ratingAge(rated: string, today: string, rerateAfterDays: number): RatingAge {
  if (rated.trim() === '') return { kind: 'never' };
  const from = dayNumber(rated.trim());
  const to = dayNumber(today);
  if (from === undefined || to === undefined) return { kind: 'invalid', text: rated };
  const days = to - from;
  return { kind: 'dated', days, stale: days > rerateAfterDays };
}

/** `today`, `1 day`, `12 days`, or `in 3 days` for a date after today. */
function describeDays(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const span = `${n} ${n === 1 ? 'day' : 'days'}`;
  return days > 0 ? `${span} ago` : `in ${span}`;
}

/** What the sidebar says about an age: `rated 12 days ago`, `rated today`, `never rated`, `Rated is not a date: x`. */
export function describeRatingAge(age: RatingAge): string {
  if (age.kind === 'never') return 'never rated';
  if (age.kind === 'invalid') return `Rated is not a date: ${age.text}`;
  return `rated ${describeDays(age.days)}`;
}

/**
 * `Re-rate after days` as a Settings cell holds it: a number 0 or more (whole days; a fraction is rounded down),
 * else the default.
 */
export function readRerateAfterDays(value: unknown): number {
  const n = toNumber(value);
  return n !== undefined && n >= 0 ? Math.floor(n) : DEFAULT_RERATE_AFTER_DAYS;
}
