/**
 * People learned across documents. Every coded event that names a person with a title or role
 * ("Iranian Foreign Minister Hossein Amir Abdollahian" -> IRNGOV, foreign minister) leaves a
 * sighting: name, code, role and the day it held (the event's date, else the publication day).
 * A person's sightings, in day order, become terms: runs of the same code, from the first day seen
 * to the day a different code was first seen (or LEARNED_STALE_DAYS after the last sighting, so a
 * minister who dropped out of the news is not coded GOV forever). A user file in people.tsv format
 * overrides what was learned (data/store/README.md).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CodedEvent, ActorRef } from '../pipeline/types.js';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from '../lexicon/tsv.js';
import { nameKey } from './keys.js';
import { formatDay, parseDay, type Day } from './days.js';
import type { DateSpan } from './days.js';

/** A row of the people lexicon format (data/lexicon/people.tsv): what the coder consumes. */
export interface PersonRow {
  name: string;
  code: string;
  /** ISO day the term starts; null = unknown start. */
  from: string | null;
  /** ISO day the term ended (the successor's first day); null = open. */
  to: string | null;
  role: string | null;
}

/** A person as `dyad actors` lists them: the row plus where it came from. */
export interface LearnedPerson extends PersonRow {
  origin: 'learned' | 'override';
  /** Sightings behind a learned row (0 for overrides). */
  seen: number;
  last_seen: string | null;
  /** Overrides: file:line. */
  rule: string | null;
}

/** A learned term lasts this many days after its last sighting unless a later sighting ends it. */
export const LEARNED_STALE_DAYS = 365;

export interface Sighting {
  /** Index of the event in the article's coded events. */
  seq: number;
  side: 'source' | 'target';
  name_key: string;
  name: string;
  code: string;
  role: string | null;
  day: Day;
}

/**
 * Finds the person role word in a mention ("Iranian Foreign Minister ..." -> "foreign minister"),
 * from the person entries of data/lexicon/agents.tsv. Roles that carry a sector (minister, general)
 * win over those that do not (counterpart, former president); then the longer phrase.
 */
export class RoleFinder {
  /** phrase -> whether it carries a sector of its own. */
  private readonly phrases = new Map<string, boolean>();
  private maxWords = 1;

  constructor(dataDir = DEFAULT_DATA_DIR) {
    const file = join(dataDir, 'lexicon', 'agents.tsv');
    if (!existsSync(file)) return;
    for (const r of readTsv(file, 3, 4, 'agents.tsv')) {
      if (r.cols[2] !== 'person') continue;
      const p = r.cols[0].toLowerCase();
      this.phrases.set(p, r.cols[1] !== '-');
      this.maxWords = Math.max(this.maxWords, p.split(' ').length);
    }
  }

  /**
   * Whether a role phrase says what office someone holds or held: it carries a sector ("minister")
   * or ends in one that does ("former foreign minister"); "counterpart" does not.
   */
  isOffice(role: string): boolean {
    if (this.phrases.get(role)) return true;
    const w = role.split(' ');
    for (let i = 1; i < w.length; i++) if (this.phrases.get(w.slice(i).join(' '))) return true;
    return false;
  }

  /** The best role phrase in `text` outside the person's name; null when there is none. */
  find(text: string, name: string | null): string | null {
    let t = text;
    if (name) {
      const at = t.toLowerCase().lastIndexOf(name.toLowerCase());
      if (at >= 0) t = t.slice(0, at) + ' ' + t.slice(at + name.length);
    }
    const words = t.toLowerCase().replace(/[’`]/g, "'").split(/[^\p{L}\p{N}'-]+/u).filter((w) => w && w !== "'s" && w !== "'");
    let best: string | null = null;
    // A phrase that contains the other wins ("former foreign minister" over "foreign minister"); then offices; then length.
    const better = (a: string, b: string) => {
      if (a.includes(b)) return true;
      if (b.includes(a)) return false;
      const oa = this.isOffice(a);
      return oa !== this.isOffice(b) ? oa : a.split(' ').length > b.split(' ').length;
    };
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(this.maxWords, words.length - i); n >= 1; n--) {
        const p = words.slice(i, i + n).join(' ');
        if (this.phrases.has(p)) {
          if (!best || better(p, best)) best = p;
          break;
        }
      }
    }
    return best;
  }
}

const words = (s: string) => s.trim().split(/\s+/);

/**
 * The day a sighting counts for: the publication day for current news (the role as reported then),
 * the event's own day (or the first day of its month) for background ("then foreign minister Zarif
 * met ... in July"); none for a year-only or undated background mention.
 */
function sightingDay(e: CodedEvent, span: DateSpan | null, publishedDay: Day | null): Day | null {
  if (e.historical !== true && publishedDay !== null) return publishedDay;
  if (!span) return null;
  if (span.kind === 'day' || span.kind === 'month') return span.lo;
  if (span.kind === 'published') return span.hi;
  return null;
}

/**
 * The sightings of one article's events. A name counts as a person's when some mention of it in
 * the article carries a person role word (title, office, "counterpart"); a one-word name counts when
 * it is the last word of exactly one such full name with the same country ("Abdollahian"). A mention
 * without a role word of its own takes the role the article gives the person elsewhere.
 */
export function sightingsOf(events: CodedEvent[], spans: (DateSpan | null)[], publishedDay: Day | null, roles: RoleFinder): Sighting[] {
  interface Seen { seq: number; side: 'source' | 'target'; actor: ActorRef & { name: string; country: string }; role: string | null }
  const seen: Seen[] = [];
  events.forEach((e, seq) => {
    for (const side of ['source', 'target'] as const) {
      const a = e[side];
      if (!a?.name || !a.country || !a.code) continue;
      seen.push({ seq, side, actor: a as Seen['actor'], role: roles.find(a.text, a.name) });
    }
  });
  // Full names (two words or more) with a role somewhere in the article, by key, with their best role.
  const titled = new Map<string, { name: string; country: string; role: string }>();
  for (const s of seen) {
    if (words(s.actor.name).length < 2 || !s.role) continue;
    const k = nameKey(s.actor.name);
    const t = titled.get(k);
    if (!t) titled.set(k, { name: s.actor.name, country: s.actor.country, role: s.role });
    else if (!roles.isOffice(t.role) && roles.isOffice(s.role)) t.role = s.role;
  }
  const out: Sighting[] = [];
  for (const s of seen) {
    const day = sightingDay(events[s.seq], spans[s.seq], publishedDay);
    if (day === null) continue;
    let key = nameKey(s.actor.name);
    let name = s.actor.name;
    if (words(s.actor.name).length < 2) {
      const matches = [...titled.entries()].filter(([k, t]) => k.endsWith(' ' + key) && t.country === s.actor.country);
      if (matches.length !== 1) continue;
      [key, { name }] = matches[0];
    }
    const t = titled.get(key);
    if (!t) continue;
    const role = s.role && (roles.isOffice(s.role) || !roles.isOffice(t.role)) ? s.role : t.role;
    out.push({ seq: s.seq, side: s.side, name_key: key, name, code: s.actor.code, role, day });
  }
  return out;
}

/** A sighting as read back from the store. */
export interface StoredSighting {
  name_key: string;
  name: string;
  code: string;
  role: string | null;
  day: Day;
}

function mostFrequent(values: (string | null)[]): string | null {
  const n = new Map<string, number>();
  let best: string | null = null;
  for (const v of values) {
    if (!v) continue;
    const c = (n.get(v) ?? 0) + 1;
    n.set(v, c);
    if (!best || c > n.get(best)!) best = v;
  }
  return best;
}

/**
 * Terms of one person from their sightings (sorted by day). Each day takes its most frequent code;
 * consecutive days with the same code form a term; a term seen on one day only, between two terms
 * with the same code, is taken for a coding slip and merged into them.
 */
export function termsOf(sightings: StoredSighting[], staleDays = LEARNED_STALE_DAYS): LearnedPerson[] {
  if (sightings.length === 0) return [];
  const overall = new Map<string, number>();
  for (const s of sightings) overall.set(s.code, (overall.get(s.code) ?? 0) + 1);
  interface DayCode { day: Day; code: string; items: StoredSighting[] }
  const days: DayCode[] = [];
  for (const s of sightings) {
    const last = days.at(-1);
    if (last && last.day === s.day) last.items.push(s);
    else days.push({ day: s.day, code: '', items: [s] });
  }
  for (const d of days) {
    const n = new Map<string, number>();
    for (const s of d.items) n.set(s.code, (n.get(s.code) ?? 0) + 1);
    d.code = [...n.entries()].sort((a, b) => b[1] - a[1] || overall.get(b[0])! - overall.get(a[0])! || (a[0] < b[0] ? -1 : 1))[0][0];
  }
  interface Run { code: string; days: DayCode[] }
  let runs: Run[] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && last.code === d.code) last.days.push(d);
    else runs.push({ code: d.code, days: [d] });
  }
  // A one-day slip between two runs of the same code (A B A) joins them.
  const merged: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    const prev = merged.at(-1);
    const next = runs[i + 1];
    if (prev && next && r.days.length === 1 && r.days[0].items.length === 1 && prev.code === next.code) {
      prev.days.push(...r.days.map((d) => ({ ...d, code: prev.code })), ...next.days);
      i++;
      continue;
    }
    if (prev && prev.code === r.code) prev.days.push(...r.days);
    else merged.push({ code: r.code, days: [...r.days] });
  }
  runs = merged;
  const name = mostFrequent(sightings.map((s) => s.name))!;
  return runs.map((r, i) => {
    const items = r.days.flatMap((d) => d.items.filter((s) => s.code === r.code));
    const first = r.days[0].day;
    const lastDay = r.days.at(-1)!.day;
    const next = runs[i + 1];
    const end = next ? Math.min(next.days[0].day, lastDay + staleDays) : lastDay + staleDays;
    return {
      name, code: r.code, from: formatDay(first), to: formatDay(end), role: mostFrequent(items.map((s) => s.role)),
      origin: 'learned' as const, seen: r.days.reduce((n, d) => n + d.items.length, 0), last_seen: formatDay(lastDay), rule: null,
    };
  });
}

const CODE = /^[A-Z]{3,6}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a people overrides file (name, code, from, to, role; people.tsv format). Code "-" means
 * "never code this name from what was learned". Errors name file:line.
 */
export function readOverrides(path: string): LearnedPerson[] {
  const out: LearnedPerson[] = [];
  for (const r of readTsv(path, 2, 5, path)) {
    const [name, code, from = '', to = '', role = ''] = r.cols;
    if (!name) throw new LexiconError(path, r.line, 'empty name');
    if (code !== '-' && !CODE.test(code)) throw new LexiconError(path, r.line, `code must be 3-6 capital letters (IRNGOV) or - to forget the name, got "${code}"`);
    for (const [field, d] of [['from', from], ['to', to]] as const) {
      if (d && (!DAY.test(d) || parseDay(d) === null)) throw new LexiconError(path, r.line, `${field} must be an ISO day (YYYY-MM-DD) or empty, got "${d}"`);
    }
    if (from && to && to < from) throw new LexiconError(path, r.line, `to (${to}) is before from (${from})`);
    out.push({ name, code, from: from || null, to: to || null, role: role || null, origin: 'override', seen: 0, last_seen: null, rule: `${path}:${r.line}` });
  }
  return out;
}

/** Learned terms with the overrides applied: any override line for a name replaces everything learned for it. */
export function applyOverrides(learned: LearnedPerson[], overrides: LearnedPerson[]): LearnedPerson[] {
  const overridden = new Set(overrides.map((o) => nameKey(o.name)));
  const kept = learned.filter((p) => !overridden.has(nameKey(p.name)));
  return [...kept, ...overrides.filter((o) => o.code !== '-')]
    .sort((a, b) => nameKey(a.name).localeCompare(nameKey(b.name)) || (a.from ?? '').localeCompare(b.from ?? ''));
}

/** Whether a term covers a day: from <= day < to (a term's `to` is its successor's first day). */
export function coversDay(p: PersonRow, day: string): boolean {
  return (p.from === null || p.from <= day) && (p.to === null || day < p.to);
}
