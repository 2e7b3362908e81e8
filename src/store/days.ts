/**
 * Calendar days as integers (days since 1970-01-01, UTC) and the date intervals the clustering
 * compares: a day, a month or a year as written, or the publication day when the text gives none.
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Day number of a valid YYYY-MM-DD (a longer ISO timestamp is cut to its date); null otherwise. */
export function parseDay(s: string | null | undefined): Day | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / MS_PER_DAY);
}

export function formatDay(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(d: Day, n: number): Day {
  return d + n;
}

/** Where a mention's date comes from, most exact first. */
export type DateKind = 'day' | 'published' | 'month' | 'year';

export const KIND_RANK: Record<DateKind, number> = { day: 4, published: 3, month: 2, year: 1 };

export interface DateSpan {
  kind: DateKind;
  /** First and last day the date can mean (inclusive). */
  lo: Day;
  hi: Day;
  /** The date as shown: YYYY-MM-DD, YYYY-MM or YYYY. */
  label: string;
}

/** The interval a written date means: a day, a whole month or a whole year. */
export function writtenSpan(date: string, precision: 'day' | 'month' | 'year' | null): DateSpan | null {
  const y = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.slice(0, 10));
  if (!y) return null;
  const year = Number(y[1]);
  const month = y[2] ? Number(y[2]) : null;
  const p = precision ?? (y[3] ? 'day' : y[2] ? 'month' : 'year');
  if (p === 'day' && y[3]) {
    const d = parseDay(date);
    return d === null ? null : { kind: 'day', lo: d, hi: d, label: date.slice(0, 10) };
  }
  if ((p === 'month' || p === 'day') && month !== null) {
    if (month < 1 || month > 12) return null;
    const lo = Math.round(Date.UTC(year, month - 1, 1) / MS_PER_DAY);
    const hi = Math.round(Date.UTC(year, month, 1) / MS_PER_DAY) - 1;
    return { kind: 'month', lo, hi, label: `${y[1]}-${y[2]}` };
  }
  const lo = Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
  const hi = Math.round(Date.UTC(year + 1, 0, 1) / MS_PER_DAY) - 1;
  return { kind: 'year', lo, hi, label: y[1] };
}

/**
 * A news report with no date of its own is about the day it was published or the day before:
 * the interval [published - 1, published].
 */
export function publishedSpan(published: Day): DateSpan {
  return { kind: 'published', lo: published - 1, hi: published, label: formatDay(published) };
}

/** Days between two intervals (0 when they overlap). */
export function gapDays(a: DateSpan, b: DateSpan): number {
  if (a.hi < b.lo) return b.lo - a.hi;
  if (b.hi < a.lo) return a.lo - b.hi;
  return 0;
}

/**
 * Extra days allowed between two dates of the same event: reports dated to the day (or by their
 * publication day) may be one day apart (time zones, late reports); months and years must overlap.
 */
export const DAY_WINDOW = 1;

export function windowFor(a: DateKind, b: DateKind): number {
  const dayish = (k: DateKind) => k === 'day' || k === 'published';
  return dayish(a) && dayish(b) ? DAY_WINDOW : 0;
}
