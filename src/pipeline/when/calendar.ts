/**
 * Calendar arithmetic on plain (year, month, day) triples in UTC: no time zones, no Date objects in
 * the records. A `Partial` is a date known to a precision: a day, a month or a year.
 */

export type Precision = 'day' | 'month' | 'year';

export interface Day {
  y: number;
  /** 1-12 */
  m: number;
  /** 1-31 */
  d: number;
}

export interface Partial {
  y: number;
  /** null at year precision */
  m: number | null;
  /** null at month or year precision */
  d: number | null;
  precision: Precision;
}

const DAY_MS = 86_400_000;

export function dayNumber(d: Day): number {
  return Math.round(Date.UTC(d.y, d.m - 1, d.d) / DAY_MS);
}

export function fromDayNumber(n: number): Day {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  return fromDayNumber(dayNumber(d) + n);
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(d: Day): number {
  return new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses the leading YYYY-MM-DD of an ISO date or timestamp; null when there is none. */
export function parseIsoDay(s: string | null | undefined): Day | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m) return null;
  const d = { y: +m[1], m: +m[2], d: +m[3] };
  if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m)) return null;
  return d;
}

export function dayPartial(d: Day): Partial {
  return { y: d.y, m: d.m, d: d.d, precision: 'day' };
}

export function monthPartial(y: number, m: number): Partial {
  return { y, m, d: null, precision: 'month' };
}

export function yearPartial(y: number): Partial {
  return { y, m: null, d: null, precision: 'year' };
}

/** The same date known only to a coarser precision (never finer than it is). */
export function coarsen(p: Partial, to: Precision): Partial {
  const rank = { day: 2, month: 1, year: 0 };
  if (rank[to] >= rank[p.precision]) return p;
  return to === 'month' ? monthPartial(p.y, p.m!) : yearPartial(p.y);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD, YYYY-MM or YYYY: what the text supports, never an invented day. */
export function formatPartial(p: Partial): string {
  if (p.precision === 'year') return pad(p.y, 4);
  if (p.precision === 'month') return `${pad(p.y, 4)}-${pad(p.m!)}`;
  return `${pad(p.y, 4)}-${pad(p.m!)}-${pad(p.d!)}`;
}

/** First and last day the partial date can mean. */
export function interval(p: Partial): [Day, Day] {
  if (p.precision === 'day') return [{ y: p.y, m: p.m!, d: p.d! }, { y: p.y, m: p.m!, d: p.d! }];
  if (p.precision === 'month') return [{ y: p.y, m: p.m!, d: 1 }, { y: p.y, m: p.m!, d: daysInMonth(p.y, p.m!) }];
  return [{ y: p.y, m: 1, d: 1 }, { y: p.y, m: 12, d: 31 }];
}

/**
 * True when the event lies more than `days` days before publication. A month or year is judged by
 * the middle of the part of it that lies before publication: "July" in an article of 1 September is
 * background, "August" is not; "2021" in an article of September 2021 is judged by mid-May.
 */
export function isHistorical(p: Partial, published: Day, days: number): boolean {
  const [a, b0] = interval(p);
  const pub = dayNumber(published);
  const b = Math.min(dayNumber(b0), pub);
  const lo = dayNumber(a);
  if (lo > pub) return false;
  const mid = (lo + b) / 2;
  return pub - mid > days;
}
