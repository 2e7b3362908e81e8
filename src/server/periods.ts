/**
 * Time-series buckets: a day, a week (Monday to Sunday) or a calendar month. An event falls in the
 * bucket of its first possible day (`day_lo`), so an event dated only to a month counts in the
 * month's first day or week; such events are counted as `imprecise` in finer buckets.
 */
import { formatDay, parseDay, type Day } from '../store/days.js';

export type Interval = 'day' | 'week' | 'month';
export const INTERVALS: Interval[] = ['day', 'week', 'month'];

/** Most buckets one series may have (filled from the first to the last). */
export const MAX_BUCKETS = 1500;

/** SQL for the bucket key of an events row: a day number (day, Monday of the week) or a month index (year * 12 + month - 1). */
export function bucketSql(interval: Interval): string {
  switch (interval) {
    case 'day': return 'day_lo';
    // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    case 'week': return 'day_lo - (((day_lo + 3) % 7) + 7) % 7';
    case 'month': return "CAST(strftime('%Y', day_lo * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', day_lo * 86400, 'unixepoch') AS INTEGER) - 1";
  }
}

/** Date precisions coarser than the interval: their events sit at the start of a span the bucket does not cover. */
export function impreciseSql(interval: Interval): string {
  switch (interval) {
    case 'day': return "date_precision IN ('month', 'year')";
    case 'week': return "date_precision IN ('month', 'year')";
    case 'month': return "date_precision = 'year'";
  }
}

export function bucketKeyOfDay(day: Day, interval: Interval): number {
  if (interval === 'day') return day;
  if (interval === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export interface Bucket {
  /** YYYY-MM-DD (a day, or the Monday of a week) or YYYY-MM. */
  period: string;
  /** First and last day of the bucket (inclusive), as YYYY-MM-DD. */
  start: string;
  end: string;
}

function monthStart(index: number): Day {
  return Math.round(Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000);
}

/** The days a bucket key covers. */
export function bucketDays(key: number, interval: Interval): [Day, Day] {
  if (interval === 'day') return [key, key];
  if (interval === 'week') return [key, key + 6];
  return [monthStart(key), monthStart(key + 1) - 1];
}

export function bucketOf(key: number, interval: Interval): Bucket {
  const [lo, hi] = bucketDays(key, interval);
  const period = interval === 'month' ? formatDay(lo).slice(0, 7) : formatDay(lo);
  return { period, start: formatDay(lo), end: formatDay(hi) };
}

/** The next bucket key after `key`. */
export function nextKey(key: number, interval: Interval): number {
  return key + (interval === 'week' ? 7 : 1);
}

/** How many buckets lie from `first` to `last` (inclusive). */
export function bucketCount(first: number, last: number, interval: Interval): number {
  return Math.floor((last - first) / (interval === 'week' ? 7 : 1)) + 1;
}

/** A period string of an interval -> its bucket key; null when it is not one (a Tuesday for a week, a day for a month). */
export function parsePeriod(period: string, interval: Interval): number | null {
  if (interval === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
    return Number(m[1]) * 12 + Number(m[2]) - 1;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) return null;
  const d = parseDay(period);
  if (d === null) return null;
  if (interval === 'week' && bucketKeyOfDay(d, 'week') !== d) return null;
  return d;
}

/** The interval `auto` picks for a span of days: days up to six weeks, weeks up to eight months, then months. */
export function autoInterval(firstDay: Day, lastDay: Day): Interval {
  const span = lastDay - firstDay;
  if (span <= 42) return 'day';
  if (span <= 245) return 'week';
  return 'month';
}
