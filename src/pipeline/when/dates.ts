/**
 * Event dates. Each event takes the date written in its own sentence (the expression nearest its
 * trigger; "days after <clause>" dates the clause it introduces), else the time the story is talking
 * about (the last date written in an earlier sentence: "In July, ..." dates the sentences after it),
 * else the article's own date: the day the lead sentence names ("on Tuesday") or the publication day.
 * `basis` says which, so an analyst can see where every date came from.
 */
import type { TextDoc } from '../text.js';
import { findDateExpressions, type DateExpr } from './expressions.js';
import {
  addDays, coarsen, dayNumber, dayPartial, formatPartial, interval, isHistorical, parseIsoDay, type Day, type Partial,
} from './calendar.js';

export interface EventDate {
  date: string | null;
  precision: Partial['precision'] | null;
  historical: boolean | null;
  /** Where the date came from: `sentence "On July 27"`, `frame "In July" (s12)`, `lead "on Tuesday"`, `published`. */
  basis: string | null;
}

export interface DateOptions {
  /** Days before publication after which an event is background (`historical`). */
  historicalDays?: number;
}

/** How far into a sentence a date may start and still set the time for the sentences after it. */
const FRONT_CHARS = 40;
/** A date this far back moves the story's time wherever it stands in the sentence. */
const FAR_BACK_DAYS = 180;

const FUTURE = /\b(?:will|shall|'ll|’ll|next|upcoming|scheduled|planned|plans to|is to|are to|due to|expected to)\b/i;

interface Frame {
  date: Partial | null;
  pastBefore: Day | null;
  label: string;
  /** People and organisations named while the story was at this time. */
  names?: Set<string>;
}

/** Dates for the events of one article, sentence by sentence in reading order. */
export class ArticleDates {
  private readonly exprs: DateExpr[];
  private readonly bySentence: DateExpr[][];
  private readonly pub: Day | null;
  private readonly article: Frame | null;
  private frame: Frame | null = null;
  private leadNames: Set<string> | null = null;
  private leadParticipant = false;
  private readonly historicalDays: number;

  constructor(private readonly doc: TextDoc, published: string | null | undefined, skip: number, opts: DateOptions = {}) {
    this.pub = parseIsoDay(published);
    this.historicalDays = opts.historicalDays ?? 30;
    const sentenceAt = sentenceLookup(doc);
    const text = doc.text;
    const futureSent = new Map<number, boolean>();
    const future = (pos: number) => {
      const s = sentenceAt(pos);
      if (s < 0) return false;
      let f = futureSent.get(s);
      if (f === undefined) {
        f = FUTURE.test(text.slice(doc.start[doc.sentStart[s]], doc.end[doc.sentEnd[s] - 1]));
        futureSent.set(s, f);
      }
      return f;
    };
    const from = skip < doc.n ? doc.start[skip] : text.length;
    const sentences = doc.sentStart.map((t, s) => [doc.start[t], doc.end[doc.sentEnd[s] - 1]] as const).filter(([, e]) => e > from);
    this.exprs = findDateExpressions(text, this.pub, future, sentences).filter((e) => e.start >= from);
    // Each sentence's expressions, looked up by index: long documents stay linear.
    this.bySentence = doc.sentStart.map(() => [] as DateExpr[]);
    for (const e of this.exprs) {
      const s = sentenceAt(e.start);
      if (s >= 0 && e.end <= doc.end[doc.sentEnd[s] - 1]) this.bySentence[s].push(e);
    }
    this.article = this.leadDate(skip);
  }

  /** The lead's own day ("on Tuesday", "yesterday", "today") when it lies in the week before publication. */
  private leadDate(skip: number): Frame | null {
    const pub = this.pub;
    if (!pub) return null;
    const doc = this.doc;
    let first = -1;
    for (let s = 0; s < doc.sentStart.length; s++) if (doc.sentEnd[s] > skip) { first = s; break; }
    if (first >= 0) {
      const end = doc.end[doc.sentEnd[Math.min(first + 1, doc.sentEnd.length - 1)] - 1];
      for (const e of this.exprs) {
        if (e.start >= end) break;
        if (e.kind !== 'absolute' || !e.date || e.date.precision !== 'day') continue;
        const gap = dayNumber(pub) - dayNumber({ y: e.date.y, m: e.date.m!, d: e.date.d! });
        if (gap >= 0 && gap <= 7) return { date: e.date, pastBefore: null, label: `lead "${e.text}"` };
      }
    }
    return { date: dayPartial(pub), pastBefore: null, label: 'published' };
  }

  /** The date of an event whose trigger starts at character `at` in sentence `s`. */
  dateFor(s: number, at: number): EventDate {
    const doc = this.doc;
    const inSentence = this.bySentence[s];
    const own = inSentence.filter((e) => e.kind !== 'anchor');
    // "days after clashes erupted": the anchored clause runs from the anchor to the next date or the end.
    const anchor = inSentence.filter((e) => e.kind === 'anchor' && e.end <= at).pop();
    // It ends at the next comma: "On July 27, a few days before the start of clashes, the ministers spoke".
    if (anchor && !own.some((e) => e.start >= anchor.end && e.start < at) && !/[,;:(]/.test(doc.text.slice(anchor.end, at))) {
      const main = nearest(own, anchor.start);
      const base = main ? this.resolve(main) : this.current();
      if (base?.date) {
        return this.finish(shifted(base.date, anchor.shift, anchor.exact), null, `anchor "${anchor.text}" from ${base.label}`);
      }
    }
    const e = nearest(own, at);
    if (e) {
      const f = this.resolve(e);
      if (f) return this.finish(f.date, f.pastBefore, f.label);
    }
    const f = this.current();
    if (!f) return { date: null, precision: null, historical: null, basis: null };
    // An undated event in the article's present is on the lead's day when it involves someone from the
    // lead (the rest of the meeting, the same attack); other reactions and follow-ups are only known to
    // have happened around then: the month.
    if (f === this.article && f.date && !this.leadParticipant) {
      return this.finish(coarsen(f.date, 'month'), null, `${f.label}, month`);
    }
    return this.finish(f.date, f.pastBefore, f.label);
  }

  /**
   * Call before the events of sentence `s`, with the people and organisations it names. A story that
   * went back in time ("In July, ...") returns to its own day when a sentence without a date of its
   * own names someone from the article's present who took no part in the background: "Abdollahian
   * also received a phone call ..." after a paragraph on last year's war.
   */
  beginSentence(s: number, names: readonly string[]): void {
    const doc = this.doc;
    const dated = this.bySentence[s].some((e) => e.kind !== 'anchor');
    const present = this.article ? (this.article.names ??= new Set()) : new Set<string>();
    if (!dated && this.frame && names.some((n) => present.has(n) && !this.frame!.names!.has(n))) this.frame = null;
    // A sentence told in the present is not part of a past episode.
    if (!dated && this.frame && presentTense(doc, doc.sentStart[s], doc.sentEnd[s])) this.frame = null;
    const now = this.frame ?? this.article;
    if (now) for (const n of names) (now.names ??= new Set()).add(n);
    if (!this.leadNames) this.leadNames = new Set(names);
    this.leadParticipant = names.some((n) => this.leadNames!.has(n));
    if (this.leadParticipant && now === this.article) for (const n of names) this.leadNames.add(n);
  }

  /** Call after the events of sentence `s`: its first past date becomes the story's time. */
  endSentence(s: number, names: readonly string[] = []): void {
    const doc = this.doc;
    const sFrom = doc.start[doc.sentStart[s]];
    for (const e of this.bySentence[s]) {
      if (e.kind === 'anchor') continue;
      // "simmering since the 1990s": the start of a period, not the time the story moves to.
      // "as of 2016": the date of a figure, not an episode; "since the end of a war in the 1990s" too.
      if (/\b(?:as of|as at)\s+(?:the\s+)?$|\bsince\b[^,;.]{0,40}$/i.test(doc.text.slice(Math.max(0, e.start - 48), e.start))) continue;
      // Only a date written up front ("In July, ...", "On July 27, ...") moves the story's time; one
      // deep in the sentence dates its own clause ("... who joined the race in May"), unless it goes
      // far back: "fought a deadly war last year in September" opens a background passage.
      if (e.kind === 'absolute' && e.start - sFrom > FRONT_CHARS && !this.farBack(e)) continue;
      const f = this.resolve(e, s);
      if (!f) continue;
      if (f.date && this.pub && dayNumber(firstDay(f.date)) > dayNumber(this.pub)) continue;
      f.names = new Set(names);
      // The lead's own day is the article's time, not a move away from it.
      if (f.date && this.article?.date && formatPartial(f.date) === formatPartial(this.article.date)) this.frame = null;
      else this.frame = f;
      break;
    }
  }

  /** A date ending more than FAR_BACK_DAYS before publication (or a decade): background. */
  private farBack(e: DateExpr): boolean {
    if (!this.pub) return false;
    if (!e.date) return e.pastBefore !== null;
    const [, last] = interval(e.date);
    return dayNumber(this.pub) - dayNumber(last) > FAR_BACK_DAYS;
  }

  private current(): Frame | null {
    return this.frame ?? this.article;
  }

  private resolve(e: DateExpr, s?: number): Frame | null {
    const where = s === undefined ? `sentence "${e.text}"` : `frame "${e.text}" (s${s})`;
    if (e.kind === 'absolute') return { date: e.date, pastBefore: e.pastBefore, label: where };
    const base = this.current();
    if (!base?.date) return null;
    const date = shifted(base.date, e.shift, e.exact);
    // "83 years later" from a misread frame must not date an event into the future.
    if (this.pub && e.shift > 0 && dayNumber(firstDay(date)) > dayNumber(this.pub)) return null;
    return { date, pastBefore: null, label: `${where} from ${base.label.split(' from ')[0]}` };
  }

  private finish(date: Partial | null, pastBefore: Day | null, basis: string): EventDate {
    if (!date) {
      const historical = pastBefore && this.pub ? dayNumber(this.pub) - dayNumber(pastBefore) > this.historicalDays : null;
      return { date: null, precision: null, historical, basis };
    }
    return {
      date: formatPartial(date),
      precision: date.precision,
      historical: this.pub ? isHistorical(date, this.pub, this.historicalDays) : null,
      basis,
    };
  }
}

/** A sentence told in the present ("is being waged", "are leaving", "has telephoned") and not the past. */
function presentTense(doc: TextDoc, from: number, to: number): boolean {
  let present = false;
  for (let i = from; i < to; i++) {
    const w = doc.lower[i];
    if (w === 'was' || w === 'were' || w === 'had' || w === 'did') return false;
    if (doc.pos[i] === 'VERB' && /ed$/.test(w) && doc.lemma[i] !== w) {
      // A past participle after has/have is the present perfect; a bare -ed verb is the past.
      const prev = i > from ? doc.lower[i - 1] : '';
      if (!(prev === 'has' || prev === 'have' || prev === 'been' || prev === 'be' || prev === 'being')) return false;
    }
    if (w === 'is' || w === 'are' || w === 'am' || w === 'has' || w === 'have') present = true;
  }
  return present;
}

function nearest(xs: DateExpr[], at: number): DateExpr | null {
  let best: DateExpr | null = null;
  let bestD = Infinity;
  for (const x of xs) {
    const d = x.end <= at ? at - x.end : x.start >= at ? x.start - at : 0;
    if (d < bestD) { best = x; bestD = d; }
  }
  return best;
}

function firstDay(p: Partial): Day {
  return { y: p.y, m: p.m ?? 1, d: p.d ?? 1 };
}

/** A date moved by `days`; a vague shift ("days", "a week") keeps only the month. */
function shifted(p: Partial, days: number, exact: boolean): Partial {
  if (days === 0) return p;
  // Shift the middle of what is known, then keep no more precision than the base and the shift allow:
  // "a week earlier" than July is still about July; "83 years later" than 1936 is 2019.
  const base = p.precision === 'day' ? { y: p.y, m: p.m!, d: p.d! } : p.precision === 'month' ? { y: p.y, m: p.m!, d: 15 } : { y: p.y, m: 7, d: 1 };
  const moved = dayPartial(addDays(base, days));
  const size = Math.abs(days);
  const by = size >= 300 ? 'year' : exact && p.precision === 'day' ? 'day' : 'month';
  const coarser = by === 'year' || p.precision === 'year' ? 'year' : by === 'month' || p.precision === 'month' ? 'month' : 'day';
  return coarsen(moved, coarser);
}

/** Character offset -> sentence index (binary search over sentence starts). */
function sentenceLookup(doc: TextDoc): (pos: number) => number {
  const starts = doc.sentStart.map((t) => doc.start[t]);
  return (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= pos) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  };
}
