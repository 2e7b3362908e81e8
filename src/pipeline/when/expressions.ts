/**
 * Date expressions in an article: chrono-node finds the candidates, dyad decides what each means for
 * an event record. Three kinds:
 * - `absolute`: a date fixed by the text and the publication date ("On July 27", "on Tuesday",
 *   "last year in September", "in 2003", "two decades ago", "yesterday").
 * - `relative`: a date relative to the time the story is talking about ("at the time", "a week
 *   earlier", "two days later"): resolved against the narrative frame by the caller.
 * - `anchor`: "days after <clause>", "a few days before <noun phrase>": the events of the clause that
 *   follows lie that far before (after) the sentence's own date.
 * Durations ("lasted for 44 days"), clock times ("at 14:00", "evening") and month names used as words
 * ("yesterday's march", "they may") are not dates.
 */
import * as chrono from 'chrono-node/en';
import {
  addDays, dayPartial, monthPartial, yearPartial, weekday, dayNumber,
  type Day, type Partial,
} from './calendar.js';

export type DateExprKind = 'absolute' | 'relative' | 'anchor';

export interface DateExpr {
  /** Character offsets into the article text. */
  start: number;
  end: number;
  text: string;
  kind: DateExprKind;
  /** absolute: the date; relative and anchor: null (resolved against a frame). */
  date: Partial | null;
  /** A decade or an era the record format cannot hold ("in the 1990s"): date null, but it is past. */
  pastBefore: Day | null;
  /** relative and anchor: days from the frame (relative) or from the sentence date to the anchored clause. */
  shift: number;
  /** relative and anchor: the shift is a stated number of days ("two days later"), not "days"/"a week". */
  exact: boolean;
}

/** Does the sentence holding this character talk about the future ("will", "next", "is scheduled")? */
export type FutureTest = (pos: number) => boolean;

const DURATION_BEFORE = /\b(?:for|lasted|lasting|within|over|spanning|during the (?:past|last|next)|in the (?:past|last|next))\s*$/i;
const SPAN_TO_NOW = /^(?:the\s+)?(?:last|past|previous)\s+(?:\d+|few|several|couple|[a-z]+)\s+(?:days|weeks|months|years|decades)\b/i;
const DURATION_TEXT = /^(?:for|within|over)\b/i;
const RELATIVE_TEXT = /\b(?:earlier|later|before|after|prior|following|previous|beforehand|afterwards?)\b/i;
const WEEKISH = /\bweeks?\b|\bweekend\b|\bfew\b|\bseveral\b|\bcouple\b|\bdays\b/i;
const MONTH_ONLY_WORD = /^(?:may|march)$/i;
const MONTH_PREP_BEFORE = /\b(?:in|since|until|till|by|from|of|early|late|mid|last|next|this|during|through|throughout|before|after|on)\s*-?\s*$/i;
/** Words and forms any date chrono reads must contain (a cheap filter before the parsers run). */
const DATE_CUE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|now\b|ago\b|(?:day|week|month|year|decade|fortnight)s?\b|weekend|earlier|later|(?:last|this) (?:night|morning|afternoon|evening))|\d[\/.-]\d|\b\d{4}\b/i;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const NOW_TEXT = /\b(?:today|tonight|now|this (?:morning|afternoon|evening))\b/i;

/** Finds and interprets the date expressions of one article. `published` null: only complete dates resolve. */
export function findDateExpressions(text: string, published: Day | null, future: FutureTest,
  segments: ReadonlyArray<readonly [number, number]> = [[0, text.length]]): DateExpr[] {
  const out: DateExpr[] = [];
  const ref = published ? new Date(Date.UTC(published.y, published.m - 1, published.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  // chrono's parsers are regular expressions over the whole input: only segments (sentences) with a
  // word that can start a date are given to it.
  for (const [from, to] of segments) {
    const seg = text.slice(from, to);
    if (!DATE_CUE.test(seg)) continue;
    for (const r of chrono.casual.parse(seg, { instant: ref, timezone: 0 }, { forwardDate: false })) {
      const e = interpret(text, from + r.index, r, published, future);
      if (e) out.push(e);
    }
  }
  addOwnExpressions(text, published, out);
  out.sort((a, b) => a.start - b.start);
  return mergeYearAndMonth(text, out);
}

function interpret(text: string, start: number, r: chrono.ParsedResult, pub: Day | null, future: FutureTest): DateExpr | null {
  const end = start + r.text.length;
  const raw = r.text.replace(/[\s,.;:]+$/, '');
  const lower = raw.toLowerCase();
  const before = text.slice(Math.max(0, start - 20), start);
  const c = r.start;
  const has = (k: 'year' | 'month' | 'day' | 'weekday') => c.isCertain(k);
  const base = { start, end: start + raw.length, text: raw, pastBefore: null, shift: 0, exact: false };

  // Durations are not dates; nor are spans reaching up to now ("over the last 10 years").
  if (DURATION_TEXT.test(lower) || DURATION_BEFORE.test(before) || SPAN_TO_NOW.test(lower)) return null;
  // Clock times and parts of a day alone say nothing about the date.
  if (!has('year') && !has('month') && !has('day') && !has('weekday') && !NOW_TEXT.test(lower) && !/yesterday|tomorrow/.test(lower)) return null;
  // "yesterday's march", "they may ...": month names used as words.
  if (!has('day') && !has('year') && has('month') && MONTH_ONLY_WORD.test(lower)) {
    const after = text.slice(end, end + 12);
    if (!(MONTH_PREP_BEFORE.test(before) && /^\p{Lu}/u.test(raw)) && !/^\s*\d/.test(after)) return null;
  }
  if (has('month') && !has('day') && !has('year') && !/^\p{Lu}/u.test(raw) && !isCapsText(text, start)) return null;

  const got: Day = { y: c.get('year')!, m: c.get('month')!, d: c.get('day')! };
  const shiftDays = pub ? dayNumber(got) - dayNumber(pub) : 0;
  const numbered = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+days?\b/i.test(lower) || /\b(?:the )?(?:next|following|previous) day\b|\bthe day (?:before|after)\b/i.test(lower);

  // "a week earlier", "two days later", "days after <clause>": relative to the story's time.
  if (RELATIVE_TEXT.test(lower) && !/\bago\b/.test(lower) && !MONTH_NAME.test(lower)) {
    if (!pub) return null;
    const tail = text.slice(end, end + 3);
    // "a few days before the start of border clashes": the words after it are what it dates.
    const anchor = /(?:before|after|prior to)$/i.test(raw) && /^\s+\p{L}/u.test(tail);
    return { ...base, kind: anchor ? 'anchor' : 'relative', date: null, shift: anchor ? -shiftDays : shiftDays, exact: numbered };
  }
  if (!pub) {
    if (has('year') && has('month') && has('day')) return { ...base, kind: 'absolute', date: dayPartial(got) };
    if (has('year') && has('month')) return { ...base, kind: 'absolute', date: monthPartial(got.y, got.m) };
    return null;
  }
  // "by October 31", "ahead of the November 3 vote": a deadline lies ahead even in a past-tense sentence.
  const fut = future(start) || /\b(?:by|until|till|ahead of|before|deadline(?: of)?|due on|set for|scheduled for)\s+(?:the\s+)?$/i.test(before);
  let date: Partial;
  if (NOW_TEXT.test(lower)) date = dayPartial(pub);
  else if (has('year') && has('month') && has('day')) {
    // Relative expressions chrono fixed exactly: "yesterday", "three days ago", "last week".
    const vague = WEEKISH.test(lower) && !numbered || /\bweeks?\b|\bweekend\b/.test(lower);
    const yearish = /\b(?:years?|decades?)\b/.test(lower) && /\bago\b/.test(lower);
    const monthish = /\bmonths?\b/.test(lower) && /\bago\b/.test(lower);
    date = yearish ? yearPartial(got.y) : monthish || vague ? monthPartial(got.y, got.m) : dayPartial(got);
  } else if (has('weekday') && !has('day')) {
    date = dayPartial(nearestWeekday(pub, c.get('weekday')!, fut || /\bnext\b/.test(lower), /\blast\b/.test(lower)));
  } else if (has('month') && has('day')) {
    date = dayPartial(has('year') ? got : nearestYear(pub, got.m, got.d, fut));
  } else if (has('month')) {
    const y = has('year') ? got.y : nearestYear(pub, got.m, 1, fut, true).y;
    date = monthPartial(y, got.m);
  } else if (has('year')) {
    date = yearPartial(got.y);
  } else return null;
  return { ...base, kind: 'absolute', date };
}

function isCapsText(text: string, at: number): boolean {
  const s = text.slice(Math.max(0, at - 60), at + 60);
  return s === s.toUpperCase();
}

/** The weekday named in a sentence about the past: the last one on or before publication. */
function nearestWeekday(pub: Day, dow: number, forward: boolean, last: boolean): Day {
  const today = weekday(pub);
  if (forward) return addDays(pub, ((dow - today + 7) % 7) || 7);
  const back = (today - dow + 7) % 7;
  return addDays(pub, -(back === 0 && last ? 7 : back));
}

/** "November 10" with no year: the most recent past one (or the next one in a sentence about the future). */
function nearestYear(pub: Day, m: number, d: number, forward: boolean, monthOnly = false): Day {
  const cand = (y: number): Day => ({ y, m, d });
  const p = dayNumber(pub);
  const thisYear = cand(pub.y);
  if (forward) {
    const past = monthOnly ? m < pub.m : dayNumber(thisYear) < p;
    return past ? cand(pub.y + 1) : thisYear;
  }
  const later = monthOnly ? m > pub.m : dayNumber(thisYear) > p;
  return later ? cand(pub.y - 1) : thisYear;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100,
};

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365, decade: 3652 };

/** Expressions chrono does not read: bare years, decades, "N years/decades ago", "at the time", "days after". */
/** What each pattern of addOwnExpressions cannot match without (same flags, so never stricter). */
const GATES = {
  year: /(?:1[89]|20)\d\d/,
  decade: /(?:1[89]|20)\d0['’]?s/i,
  ago: /(?:years?|decades?)\s+ago\b/i,
  later: /(?:day|week|month|year|decade)s?\s+(?:later|earlier|afterwards|before|after)\b/iu,
  after: /(?:days|weeks|months|hours)\s+(?:after|before|prior to)\s/iu,
};

function addOwnExpressions(text: string, pub: Day | null, out: DateExpr[]): void {
  const free = (s: number, e: number) => !out.some((x) => x.start < e && s < x.end);
  const push = (x: DateExpr) => { if (free(x.start, x.end)) out.push(x); };
  // Each pattern below starts at any word, which makes it slow to run over a whole article; a quick
  // test for the words it cannot match without (GATES) skips it in the articles that lack them.
  // "in 2003", "since 2011", "in early 2020", "by 2019": a year.
  if (GATES.year.test(text)) for (const m of text.matchAll(/\b(?:in|since|during|by|from|until|till|through|throughout|of|before|after|around|early|late|mid|spring|summer|autumn|fall|winter|the end of|the start of|the beginning of)\s*-?\s*(?:early\s+|late\s+|mid-?)?((?:1[89]|20)\d\d)\b(?![\d,.%]*\s*(?:people|percent|troops|soldiers|%))/gi)) {
    const y = +m[1];
    const s = m.index! + m[0].length - 4;
    if (pub && y > pub.y + 10) continue;
    push({ start: s, end: s + 4, text: m[1], kind: 'absolute', date: yearPartial(y), pastBefore: null, shift: 0, exact: false });
  }
  // "in the 1990s", "the early 2000s": past, but not a date the record can hold.
  if (GATES.decade.test(text)) for (const m of text.matchAll(/\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?((?:1[89]|20)\d0)['’]?s\b/gi)) {
    const y = +m[1];
    if (pub && y + 10 > pub.y) continue;
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'absolute', date: null, pastBefore: { y: y + 9, m: 12, d: 31 }, shift: 0, exact: false });
  }
  if (!pub) return;
  // "two decades ago", "20 years ago" (chrono misses decades).
  if (GATES.ago.test(text)) for (const m of text.matchAll(/\b(\d+|[a-z]+)\s+(years?|decades?)\s+ago\b/gi)) {
    const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1].toLowerCase()];
    if (!n) continue;
    const years = /^decade/i.test(m[2]) ? n * 10 : n;
    const s = m.index!;
    const i = out.findIndex((x) => x.start < s + m[0].length && s < x.end);
    const expr: DateExpr = { start: s, end: s + m[0].length, text: m[0], kind: 'absolute', date: yearPartial(pub.y - years), pastBefore: null, shift: 0, exact: false };
    if (i >= 0) out[i] = expr;
    else out.push(expr);
  }
  // "Eighty years later", "two weeks earlier" (number words chrono leaves).
  if (GATES.later.test(text)) for (const m of text.matchAll(/\b(\d+|[a-z]+)\s+(day|week|month|year|decade)s?\s+(later|earlier|afterwards|before|after)\b(?![ \t]+\p{L})/giu)) {
    const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1].toLowerCase()];
    if (!n) continue;
    const sign = /^(?:earlier|before)$/i.test(m[3]) ? -1 : 1;
    const unit = m[2].toLowerCase();
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'relative', date: null, pastBefore: null,
      shift: sign * n * UNIT_DAYS[unit], exact: unit === 'day' });
  }
  // "at the time", "at that time", "that day": the frame itself.
  for (const m of text.matchAll(/\b(?:at the time|at that time|that day|the same day|on the same day|that week|at that point)\b/gi)) {
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'relative', date: null, pastBefore: null, shift: 0, exact: false });
  }
  // "days after clashes erupted", "weeks before the vote" (no number: chrono leaves them).
  if (GATES.after.test(text)) for (const m of text.matchAll(/\b(?:(?:a few|a couple of|several|some|just|only)\s+)?(days|weeks|months|hours)\s+(after|before|prior to)\s+(?=\p{L})/giu)) {
    const unit = m[1].toLowerCase();
    const size = unit === 'days' ? 3 : unit === 'weeks' ? 14 : unit === 'months' ? 60 : 0;
    const shift = /after/i.test(m[2]) ? -size : size;
    const end = m.index! + m[0].trimEnd().length;
    push({ start: m.index!, end, text: m[0].trimEnd(), kind: 'anchor', date: null, pastBefore: null, shift, exact: false });
  }
}

/** "last year in September", "in September last year": the year of one completes the month of the other. */
function mergeYearAndMonth(text: string, xs: DateExpr[]): DateExpr[] {
  const out: DateExpr[] = [];
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i];
    const b = xs[i + 1];
    if (b && a.kind === 'absolute' && b.kind === 'absolute' && a.date && b.date && b.start - a.end <= 6 && /^[\s,]*(?:in|of)?\s*$/i.test(text.slice(a.end, b.start))) {
      const [yearOnly, other] = a.date.precision === 'year' ? [a, b] : b.date.precision === 'year' ? [b, a] : [null, null];
      if (yearOnly && other && other.date!.precision !== 'year' && !/\d{4}/.test(other.text)) {
        const d = other.date!;
        out.push({ ...other, start: a.start, end: b.end, text: text.slice(a.start, b.end), date: { ...d, y: yearOnly.date!.y } });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
