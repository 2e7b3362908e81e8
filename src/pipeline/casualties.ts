/**
 * Casualty counts: "three of its troops were killed and two more were wounded" -> killed 3, wounded 2.
 *
 * One pass over a sentence finds the number phrases (digits, number words, "a dozen", qualifiers such
 * as "at least", vague amounts such as "dozens", zeros such as "no one") and drops numbers that are not
 * counts of people (years, dates, ages, times, money, percentages, measures, labels). A second pass
 * looks up death and injury words (data/lexicon/casualties.tsv, indexed by word) and reads the count
 * where the word's syntax puts it: the object of an active verb, the subject of a passive verb or of
 * "died", the modifier of "deaths", or the number after "death toll".
 *
 * Choices (see also the header of casualties.tsv):
 * - A vague amount ("dozens were killed") is a statement with count null.
 * - A subset after "including" / "among" does not add: "killing 6 civilians, including 2 women" -> 6.
 * - "no one was killed", "nobody was hurt", "no casualties" -> 0 (a statement that none were); "were
 *   not killed" and "no reports of casualties" say nothing about a number and give no statement.
 * - A number of "casualties" is not counted (it may mean dead and wounded together); "killed or
 *   wounded" likewise gives no count for either.
 * - Future, conditional and intended acts ("could kill 100", "threatened to kill 5", "if one were
 *   killed") give no count.
 * - One person: "a man", "the driver" (a person noun), "he", "him" count 1; "the bill" does not. An
 *   assassination is one victim unless a number is given.
 * - Which event gets which counts: see casualtiesFor.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDoc } from './text.js';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from '../lexicon/tsv.js';

export interface CasualtyCount {
  kind: 'killed' | 'wounded';
  /** Number of people; null for a vague amount ("dozens"); 0 for "no one". */
  count: number | null;
  /** Normalised qualifier: "at least" | "more than" | "about" | "up to", or null when exact. */
  qualifier: string | null;
  /**
   * Token span of the number phrase (qualifier included; the whole list for "three soldiers and two
   * civilians"; empty, numStart = numEnd, when the word alone gives the count: "X was assassinated")
   * and of the death/injury word(s).
   */
  numStart: number;
  numEnd: number;
  wordStart: number;
  wordEnd: number;
  /** A running total ("the death toll rose to 12"): it already includes the other counts. */
  total: boolean;
  /** The part of the sentence the statement is in (split at ";" and "while", "whereas", ...), token range. */
  segStart: number;
  segEnd: number;
  /** The lexicon entry that fired: "casualties.tsv:27 kill". */
  rule: string;
}

type Kind = 'killed' | 'wounded' | 'casualty';
type Place = 'verb' | 'subject' | 'noun' | 'toll';

/** A pattern position: accepted words; null = "*" (up to three modifiers); "OBJ" = the victims ("shot him dead"). */
type Slot = Set<string> | null | 'OBJ';

interface Entry {
  kind: Kind;
  place: Place;
  words: Slot[];
  /** The word itself means one victim when no number is given ("X was assassinated"). */
  one: boolean;
  rule: string;
}

export interface CasualtyLexicon {
  /** Entries by head word, longest pattern first. */
  heads: Map<string, Entry[]>;
  /** Qualifier phrases by first word: words and normalised form (null = exact). */
  qualifiers: Map<string, { words: string[]; norm: string | null }[]>;
  /** Vague amount phrases by first word. */
  vague: Map<string, string[][]>;
  units: Set<string>;
  collective: Set<string>;
  labels: Set<string>;
  /** Nouns that name one person ("soldier", "man", "driver"): agents.tsv person and group words plus class person. */
  persons: Set<string>;
}

const CLASSES = new Set(['killed', 'wounded', 'casualty', 'qualifier', 'vague', 'unit', 'collective', 'label', 'person']);
const PLACES = new Set<Place>(['verb', 'subject', 'noun', 'toll']);
const QUALIFIERS = new Set(['at least', 'more than', 'about', 'up to', '-']);

export function loadCasualtyLexicon(dataDir = DEFAULT_DATA_DIR): CasualtyLexicon {
  const file = 'casualties.tsv';
  const rows = readTsv(join(dataDir, 'lexicon', file), 3, 4, file);
  const lex: CasualtyLexicon = {
    heads: new Map(), qualifiers: new Map(), vague: new Map(),
    units: new Set(), collective: new Set(), labels: new Set(), persons: new Set(),
  };
  const seen = new Set<string>();
  for (const r of rows) {
    const [cls, pattern, value, flags = ''] = r.cols;
    const fail = (msg: string): never => { throw new LexiconError(r.file, r.line, msg); };
    if (!CLASSES.has(cls)) fail(`class must be one of ${[...CLASSES].join(', ')}, got "${cls}"`);
    if (pattern === '') fail('empty pattern');
    if (pattern.replace(/\bOBJ\b/g, 'obj') !== pattern.toLowerCase()) fail(`pattern must be lower case: "${pattern}"`);
    const key = `${cls}\t${pattern}\t${value}`;
    if (seen.has(key)) fail(`duplicate entry "${cls} ${pattern} ${value}"`);
    seen.add(key);
    const words = pattern.split(/ +/);
    if (cls === 'killed' || cls === 'wounded' || cls === 'casualty') {
      if (!PLACES.has(value as Place)) fail(`value must be verb, subject, noun or toll for class ${cls}, got "${value}"`);
      if (cls === 'casualty' && value !== 'noun') fail('class casualty is only counted as a noun ("no casualties")');
      if (words[0] === '*' || words[words.length - 1] === '*') fail('"*" cannot begin or end a pattern');
      if (words.includes('OBJ') && (value !== 'verb' || words[0] === 'OBJ' || words[words.length - 1] === 'OBJ')) fail('OBJ stands inside a verb pattern ("shoot OBJ dead")');
      const flagList = flags === '' || flags === '-' ? [] : flags.split(',').map((f) => f.trim());
      for (const f of flagList) if (f !== 'one') fail(`unknown flag "${f}" (known: one)`);
      const slots = words.map((w): Slot => {
        if (w === '*') return null;
        if (w === 'OBJ') return 'OBJ';
        const alts = w.split('|');
        if (alts.some((a) => a === '')) fail(`empty alternative in "${w}"`);
        return new Set(alts);
      });
      const entry: Entry = { kind: cls as Kind, place: value as Place, words: slots, one: flagList.includes('one'), rule: `${file}:${r.line} ${pattern}` };
      for (const head of slots[0] as Set<string>) {
        const list = lex.heads.get(head) ?? [];
        list.push(entry);
        list.sort((a, b) => b.words.length - a.words.length);
        lex.heads.set(head, list);
      }
      continue;
    }
    if (pattern.includes('|') || pattern.includes('*')) fail(`"|" and "*" are only for casualty words (class ${cls})`);
    if (flags !== '') fail(`flags are only for casualty words (class ${cls})`);
    if (cls === 'qualifier') {
      if (!QUALIFIERS.has(value)) fail(`qualifier value must be one of ${[...QUALIFIERS].join(', ')}, got "${value}"`);
      const list = lex.qualifiers.get(words[0]) ?? [];
      list.push({ words, norm: value === '-' ? null : value });
      list.sort((a, b) => b.words.length - a.words.length);
      lex.qualifiers.set(words[0], list);
      continue;
    }
    if (value !== '-') fail(`value must be "-" for class ${cls}, got "${value}"`);
    if (cls === 'vague') {
      const list = lex.vague.get(words[0]) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      lex.vague.set(words[0], list);
    } else {
      if (words.length !== 1) fail(`class ${cls} takes one word, got "${pattern}"`);
      (cls === 'unit' ? lex.units : cls === 'collective' ? lex.collective : cls === 'label' ? lex.labels : lex.persons).add(pattern);
    }
  }
  // Role words for people and members of groups (agents.tsv, validated by the actor lexicon loader):
  // "the soldier was killed" is one person, "the bill was killed" is not.
  const agents = join(dataDir, 'lexicon', 'agents.tsv');
  if (existsSync(agents)) {
    for (const r of readTsv(agents, 3, 4, 'agents.tsv')) {
      const [phrase, , kind] = r.cols;
      if (kind !== 'person' && kind !== 'group') continue;
      const words = phrase.toLowerCase().split(/\s+/);
      lex.persons.add(words[words.length - 1]);
    }
  }
  return lex;
}

let defaultLexicon: CasualtyLexicon | null = null;
function lexicon(): CasualtyLexicon {
  defaultLexicon ??= loadCasualtyLexicon();
  return defaultLexicon;
}

// ---------------------------------------------------------------------------------------------
// Number words (closed English classes, kept in code).

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'jan.', 'feb', 'feb.', 'mar', 'mar.', 'apr', 'apr.', 'jun', 'jun.', 'jul', 'jul.', 'aug', 'aug.',
  'sep', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.']);
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const DECIMAL = /^\d+\.\d+$/;
const YEAR = /^[12]\d{3}$/;
const CURRENCY = /^(?:[$£€¥₹₪₽₺₦]|[a-z]{1,3}\$)$/i;

function wordValue(w: string): number | null {
  if (w in SMALL) return SMALL[w];
  if (w in TENS) return TENS[w];
  // "twenty-five" as one token.
  const dash = w.indexOf('-');
  if (dash > 0) {
    const a = w.slice(0, dash);
    const b = w.slice(dash + 1);
    if (a in TENS && b in SMALL && SMALL[b] > 0 && SMALL[b] < 10) return TENS[a] + SMALL[b];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sentence-level working state.

interface Num {
  qStart: number;
  start: number;
  end: number;
  /** null = vague amount. */
  value: number | null;
  qualifier: string | null;
}

interface Ctx {
  doc: TextDoc;
  from: number;
  to: number;
  lex: CasualtyLexicon;
  nums: Num[];
  /** Index into nums of the phrase starting (qualifier included) / ending (last token) at a token, or -1. */
  byStart: Int32Array;
  byEnd: Int32Array;
  /** The victims read inside a pattern by its OBJ slot during the last match. */
  inner: Found | null;
}

const MODALS = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'shall', 'must', "'ll", 'can', 'ca', 'wo']);
const NEGATORS = new Set(['not', "n't", 'never']);
const INTENT = new Set(['threaten', 'plan', 'intend', 'want', 'try', 'attempt', 'seek', 'vow', 'pledge', 'promise', 'aim', 'hope',
  'expect', 'prepare', 'order', 'urge', 'call', 'seem', 'plot', 'conspire', 'fail', 'refuse']);
/** Verbs that may stand between a subject and a casualty word: "were reported killed", "are feared dead". */
const EPISTEMIC = new Set(['report', 'confirm', 'fear', 'believe', 'say', 'know', 'presume', 'think', 'declare', 'pronounce', 'find', 'leave']);
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const SINGLE_DETS = new Set(['a', 'an', 'another', 'the', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'one']);
const SUBSET = new Set(['including', 'included', 'among', 'amongst', 'excluding', 'besides', 'plus', 'like', 'except']);
const TIME_WORDS = new Set(['today', 'yesterday', 'overnight', 'tonight', 'earlier', 'last', 'this', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday']);
const BOUNDARY_PUNCT = new Set([',', ';', ':', '(', '—', '–', '"', '“', '”']);
const SEGMENT_WORDS = new Set(['while', 'whereas', 'meanwhile', 'separately', 'elsewhere']);

function isNounish(p: string): boolean {
  return p === 'NOUN' || p === 'PROPN' || p === 'ADJ';
}

// ---------------------------------------------------------------------------------------------
// Pass 1: number phrases.

function qualifierAt(c: Ctx, i: number): { len: number; norm: string | null } | null {
  const list = c.lex.qualifiers.get(c.doc.lower[i]);
  if (!list) return null;
  for (const q of list) {
    if (i + q.words.length > c.to) continue;
    let ok = true;
    for (let k = 1; k < q.words.length && ok; k++) ok = c.doc.lower[i + k] === q.words[k];
    if (ok) return { len: q.words.length, norm: q.norm };
  }
  return null;
}

/** More people than this in one count is a misreading (a phone number, an ID), not casualties. */
const MAX_COUNT = 10_000_000;

/** A number written in digits or words starting at i: its value and end (exclusive), or null. */
function numericCore(c: Ctx, i: number): { end: number; value: number } | null {
  const n = numericValue(c, i);
  return n && n.value <= MAX_COUNT ? n : null;
}

function numericValue(c: Ctx, i: number): { end: number; value: number } | null {
  const { doc, to } = c;
  const w = doc.lower[i];
  const next = i + 1 < to ? doc.lower[i + 1] : '';
  if ((w === 'a' || w === 'an') && next === 'dozen') return { end: i + 2, value: 12 };
  if (w === 'half' && next === 'a' && i + 2 < to && doc.lower[i + 2] === 'dozen') return { end: i + 3, value: 6 };
  if ((w === 'a' || w === 'an') && (next === 'hundred' || next in SCALES)) return wordNumber(c, i + 1, 1);
  if (w === 'both' && i + 1 < to && doc.pos[i + 1] === 'NOUN' && doc.lemma[i + 1] !== doc.lower[i + 1]) return { end: i + 1, value: 2 };
  if (DIGITS.test(w) || DECIMAL.test(w)) {
    let value = Number(w.replace(/,/g, ''));
    let end = i + 1;
    const scale = end < to ? doc.lower[end] : '';
    if (scale in SCALES) { value *= SCALES[scale]; end++; }
    else if (scale === 'hundred') { value *= 100; end++; }
    else if (scale === 'dozen') { value *= 12; end++; }
    else if (DECIMAL.test(w)) return null;
    return { end, value: Math.round(value) };
  }
  if (wordValue(w) !== null) return wordNumber(c, i, 0);
  return null;
}

/** English cardinal words: "three hundred", "twenty - five", "two thousand five hundred and ten", "two dozen". */
function wordNumber(c: Ctx, i: number, start: number): { end: number; value: number } | null {
  const { doc, to } = c;
  let total = 0;
  let cur = start;
  let any = start > 0;
  let j = i;
  let lastTens = false;
  let lastScale = false;
  while (j < to) {
    const w = doc.lower[j];
    const v = wordValue(w);
    if (v !== null && (!any || lastScale || (lastTens && v < 10 && v > 0) || cur === 0)) {
      cur += v;
      lastTens = w in TENS;
      lastScale = false;
      any = true;
      j++;
      continue;
    }
    if (w === '-' && lastTens && j + 1 < to && (SMALL[doc.lower[j + 1]] ?? 0) > 0 && SMALL[doc.lower[j + 1]] < 10 && doc.start[j] === doc.end[j - 1]) {
      j++;
      continue;
    }
    if (w === 'hundred' && any) { cur = (cur || 1) * 100; lastScale = true; lastTens = false; j++; continue; }
    if (w in SCALES && any) { total += (cur || 1) * SCALES[w]; cur = 0; lastScale = true; lastTens = false; j++; continue; }
    if (w === 'dozen' && any && !lastScale) { cur *= 12; lastScale = false; lastTens = false; j++; continue; }
    if (w === 'and' && lastScale && j + 1 < to && wordValue(doc.lower[j + 1]) !== null) { j++; continue; }
    break;
  }
  if (!any || j === i) return null;
  return { end: j, value: total + cur };
}

/** Numbers that are not a count of people: years, dates, ages, times, money, percentages, measures, labels. */
function notACount(c: Ctx, qStart: number, start: number, end: number): boolean {
  const { doc, lex, from, to } = c;
  const w = doc.lower[start];
  const prev = qStart > from ? doc.lower[qStart - 1] : '';
  const next = end < to ? doc.lower[end] : '';
  const nextLemma = end < to ? doc.lemma[end] : '';
  if (CURRENCY.test(prev) || /^[$£€¥₹₪₽]/.test(w)) return true;
  if (lex.units.has(next) || lex.units.has(nextLemma)) return true;
  // "25-year-old", "3-day", "10-km".
  if (next === '-' && end + 1 < to && (lex.units.has(doc.lemma[end + 1]) || lex.units.has(doc.lower[end + 1]) || doc.lower[end + 1] === 'old')) return true;
  if (next === 'old' || prev === 'aged' || prev === 'age' || prev === 'ages') return true;
  if (MONTHS.has(prev) || MONTHS.has(next)) return true;
  if (DIGITS.test(w)) {
    if (lex.labels.has(prev) || lex.labels.has(qStart > from ? doc.lemma[qStart - 1] : '')) return true;
    // Glued to a name: "F-16", "MH17", "COVID-19", "S-300".
    if (qStart === start && start > from && doc.start[start] === doc.end[start - 1] && (prev === '-' || /\p{L}/u.test(prev))) return true;
    // A year: "in 2020", "2020 elections" (kept only before a plural noun: "2000 people died").
    if (YEAR.test(w) && !(end < to && doc.pos[end] === 'NOUN' && (doc.lemma[end] !== doc.lower[end] || c.lex.collective.has(doc.lower[end])) && (qStart > from ? doc.pos[qStart - 1] : '') !== 'ADP')) return true;
    // An age after a name: "John Smith, 45, was killed".
    if (prev === ',' && next === ',' && qStart - 2 >= from && doc.pos[qStart - 2] === 'PROPN') return true;
  }
  // "one another", "one day".
  if (w === 'one' && (next === 'another' || next === 'other' || next === 'side' || next === 'by')) return true;
  return false;
}

function vagueAt(c: Ctx, i: number): number {
  const list = c.lex.vague.get(c.doc.lower[i]);
  if (!list) return 0;
  for (const words of list) {
    if (i + words.length > c.to) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = c.doc.lower[i + k] === words[k];
    if (ok) return words.length;
  }
  return 0;
}

function zeroAt(c: Ctx, i: number): number {
  const { doc, to } = c;
  const w = doc.lower[i];
  if (w === 'nobody' || w === 'none' || w === 'noone') return 1;
  // "not a single person", "not one soldier"
  if (w === 'not' && i + 1 < to) {
    if (doc.lower[i + 1] === 'one') return 2;
    if (doc.lower[i + 1] === 'a' && i + 2 < to && doc.lower[i + 2] === 'single') return 3;
  }
  if (w === 'no' && i + 1 < to) {
    if (doc.lower[i + 1] === 'one') return 2;
    if (isNounish(doc.pos[i + 1]) && doc.lower[i + 1] !== 'longer' && doc.lower[i + 1] !== 'more') return 1;
  }
  return 0;
}

function scanNumbers(c: Ctx): void {
  const { doc, to } = c;
  const add = (n: Num) => {
    c.byStart[n.qStart - c.from] = c.nums.length;
    c.byEnd[n.end - 1 - c.from] = c.nums.length;
    c.nums.push(n);
  };
  for (let i = c.from; i < to;) {
    const q = qualifierAt(c, i);
    const qStart = i;
    let qStartAdj = i;
    let start = i;
    let qualifier: string | null = null;
    let core: { end: number; value: number } | null = null;
    if (q && i + q.len < to) {
      core = numericCore(c, i + q.len);
      if (core) { start = i + q.len; qualifier = q.norm; }
    }
    core ??= numericCore(c, i);
    if (core) {
      let end = core.end;
      const value = core.value;
      // A range: "three to four", "10 or 12", "between 10 and 15" -> the lower bound, at least.
      const sep = end < to ? doc.lower[end] : '';
      const before = qStart > c.from ? doc.lower[qStart - 1] : '';
      if ((sep === 'to' || sep === 'or' || sep === '-' || (sep === 'and' && before === 'between')) && before !== 'from' && before !== 'by' && end + 1 < to) {
        const second = numericCore(c, end + 1);
        if (second && second.value > value) {
          end = second.end;
          qualifier ??= 'at least';
          if (before === 'between') qStartAdj--;
        }
      }
      if (!notACount(c, qStart, start, end)) add({ qStart: qStartAdj, start, end, value, qualifier });
      i = end;
      continue;
    }
    const z = zeroAt(c, i);
    if (z) { add({ qStart: i, start: i, end: i + z, value: 0, qualifier: null }); i += z; continue; }
    const v = vagueAt(c, i);
    // "all 298 people", "some 200": the number that follows is the count.
    if (v && (i + v >= to || numericCore(c, i + v) === null)) { add({ qStart: i, start: i, end: i + v, value: null, qualifier: null }); i += v; continue; }
    i++;
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 2: casualty words.

/** Matches an entry at token i; returns the end of the match (exclusive) or -1. */
function matchEntry(c: Ctx, e: Entry, i: number): number {
  const { doc, to } = c;
  const at = (slot: Set<string>, k: number) => slot.has(doc.lemma[k]) || slot.has(doc.lower[k]);
  const rec = (w: number, k: number): number => {
    if (w === e.words.length) return k;
    const slot = e.words[w];
    if (slot === 'OBJ') {
      const o = conjunctRight(c, k);
      if (!o || o.subset) return -1;
      c.inner = o;
      return rec(w + 1, o.edge);
    }
    if (slot === null) {
      for (let skip = 0; skip <= 3 && k + skip < to; skip++) {
        if (skip > 0) {
          const p = doc.pos[k + skip - 1];
          if (!(isNounish(p) || p === 'ADV' || p === 'DET' || p === 'PRON')) break;
        }
        const r = rec(w + 1, k + skip);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (k >= to || !at(slot, k)) return -1;
    return rec(w + 1, k + 1);
  };
  c.inner = null;
  return rec(0, i);
}

function entriesAt(c: Ctx, i: number): Entry[] {
  const a = c.lex.heads.get(c.doc.lemma[i]);
  const b = c.doc.lower[i] !== c.doc.lemma[i] ? c.lex.heads.get(c.doc.lower[i]) : undefined;
  if (!a) return b ?? [];
  if (!b) return a;
  return [...a, ...b].sort((x, y) => y.words.length - x.words.length);
}

/** The kind of a casualty word at token k (single-word reading), or null. */
function casualtyKind(c: Ctx, k: number): Kind | null {
  if (k < c.from || k >= c.to) return null;
  for (const e of entriesAt(c, k)) if (e.words.length === 1 || matchEntry(c, e, k) >= 0) return e.kind;
  return null;
}

interface Found {
  count: number | null;
  qualifier: string | null;
  numStart: number;
  numEnd: number;
}

interface Conjunct extends Found {
  /** First token of the conjunct (left walk) or token after it (right walk). */
  edge: number;
  counted: boolean;
  /** Only nominal words and no count: "soldiers" in "soldiers and 3 civilians". */
  plainPlural: boolean;
  subset: boolean;
}

/** The verb group before a casualty word: be-passive, and whether it is negated or hypothetical. */
function verbGroup(c: Ctx, w: number): { k: number; passive: boolean; blocked: boolean } {
  const { doc, from } = c;
  let k = w - 1;
  let passive = false;
  // "advised her to kill", "sentenced to die": a bare infinitive is not a report that anyone died
  // ("said to have been killed" and "confessed to killing" are).
  if (k >= from && doc.lower[k] === 'to' && !doc.lower[w].endsWith('ing')) return { k, passive, blocked: true };
  while (k >= from) {
    const lw = doc.lower[k];
    const p = doc.pos[k];
    if (NEGATORS.has(lw)) return { k, passive, blocked: true };
    if (MODALS.has(lw) && (p === 'AUX' || p === 'VERB')) return { k, passive, blocked: true };
    if (lw === 'to' && (p === 'PART' || p === 'ADP') && k > from && doc.pos[k + 1] !== 'NUM') {
      if (INTENT.has(doc.lemma[k - 1])) return { k, passive, blocked: true };
      k--;
      continue;
    }
    if (p === 'AUX') { if (doc.lemma[k] === 'be' || doc.lemma[k] === 'get') passive = true; k--; continue; }
    if (p === 'ADV' && c.byEnd[k - from] < 0) { k--; continue; }
    if ((lw === 'all' || lw === 'both' || lw === 'each') && c.byEnd[k - from] < 0) { k--; continue; }
    if (p === 'VERB' && EPISTEMIC.has(doc.lemma[k]) && k > from && doc.pos[k - 1] === 'AUX') { k--; continue; }
    if (p === 'VERB' && (doc.lemma[k] === 'get') && doc.lower[k] !== 'get') { passive = true; k--; continue; }
    break;
  }
  return { k, passive, blocked: false };
}

/** Whether the noun phrase "det ... h" names one person: "a man", "a Palestinian", "the driver" (not "the bill"). */
function singular(c: Ctx, h: number, det: string): boolean {
  const { doc, lex } = c;
  const p = doc.pos[h];
  const low = doc.lower[h];
  const lem = doc.lemma[h];
  if (lex.collective.has(lem) || lex.collective.has(low)) return false;
  // A role word, also when tagged as an adjective or a name ("the deputy chief", "the President").
  if (lex.persons.has(low) && (p === 'NOUN' || p === 'ADJ' || p === 'PROPN')) return lem === low || !low.endsWith('s');
  if (p === 'NOUN') return false;
  // "a Palestinian", "a 25-year-old": a demonym or an age after an indefinite article.
  const indefinite = det === 'a' || det === 'an' || det === 'another' || det === 'one';
  if (!indefinite || low.endsWith('s')) return false;
  if (p === 'PROPN' || (p === 'ADJ' && doc.cap[h] === 1)) return true;
  return p === 'ADJ' && low === 'old' && h > 0 && doc.lower[h - 1] === '-';
}

/** Walks left from token k (the last word of a noun phrase) over one conjunct. */
function conjunctLeft(c: Ctx, k: number): Conjunct {
  const { doc, from, nums } = c;
  let j = k;
  let cand = -1;
  let poss = false;
  let head = -1;
  let nominalOnly = true;
  let plural = false;
  // Once the count is found the phrase can only go on leftwards with a determiner ("the two", "all 298")
  // or "of" ("three of its troops"): "in 36 states most of the people who died" is not 36.
  let closed = false;
  while (j >= from && j > k - 16) {
    const ni = c.byEnd[j - from];
    if (ni >= 0) {
      if (closed) break;
      if (!poss) { cand = ni; closed = true; }
      nominalOnly = false;
      j = nums[ni].qStart - 1;
      continue;
    }
    const lw = doc.lower[j];
    const p = doc.pos[j];
    if (casualtyKind(c, j) !== null) break;
    if (lw === 'of') { cand = -1; closed = false; poss = false; head = -1; nominalOnly = false; j--; continue; }
    if (closed && !(p === 'DET' || (p === 'PRON' && POSSESSIVES.has(lw)) || lw === 'all')) break;
    if (lw === "'s" || lw === "'" || lw === '’') { poss = true; j--; continue; }
    if (lw === '"' || lw === '“' || lw === '”') { j--; continue; }
    if (p === 'DET' || p === 'NUM' || isNounish(p) || (p === 'PRON' && POSSESSIVES.has(lw)) || lw === '-' || lw === 'more' || lw === 'other' || lw === 'others') {
      if (head < 0 && (isNounish(p) || lw === 'others')) head = j;
      if (j === k && p === 'NOUN' && doc.lemma[j] !== doc.lower[j]) plural = true;
      if (!(isNounish(p) || lw === '-')) nominalOnly = false;
      j--;
      continue;
    }
    break;
  }
  const edge = j + 1;
  const subset = j >= from && SUBSET.has(doc.lower[j]);
  if (cand >= 0) {
    const n = nums[cand];
    return { count: n.value, qualifier: n.qualifier, numStart: n.qStart, numEnd: n.end, edge, counted: true, plainPlural: false, subset };
  }
  if (edge <= k && head >= 0 && SINGLE_DETS.has(doc.lower[edge]) && singular(c, head, doc.lower[edge])) {
    return { count: 1, qualifier: null, numStart: edge, numEnd: k + 1, edge, counted: true, plainPlural: false, subset };
  }
  return { count: null, qualifier: null, numStart: edge, numEnd: edge, edge, counted: false, plainPlural: edge <= k && nominalOnly && plural, subset };
}

/** A left conjunct may join the subject only when nothing but a clause boundary stands before it. */
function leftBoundary(c: Ctx, edge: number): boolean {
  const { doc, from } = c;
  const j = edge - 1;
  if (j < from) return true;
  const lw = doc.lower[j];
  const p = doc.pos[j];
  return BOUNDARY_PUNCT.has(lw) || p === 'PUNCT' || p === 'SCONJ' || p === 'CCONJ' || lw === 'that' || lw === 'when' || p === 'ADV'
    || (p === 'VERB' && EPISTEMIC.has(doc.lemma[j]));
}

/** The count of the subject that ends at token k: "three soldiers and two civilians" -> 5. */
function subjectCount(c: Ctx, k: number): Found | null {
  const { doc, from } = c;
  if (k < from) return null;
  // "three soldiers who were killed"
  if ((doc.lower[k] === 'who' || doc.lower[k] === 'that') && doc.pos[k] !== 'DET' && k - 1 >= from) k--;
  if (doc.lower[k] === 'he' || doc.lower[k] === 'she') return { count: 1, qualifier: null, numStart: k, numEnd: k + 1 };
  // "one of those killed", "those who died": the phrase names the victims without counting them.
  if (doc.lower[k] === 'those' || doc.lower[k] === 'these' || doc.lower[k] === 'they') return null;
  const first = conjunctLeft(c, k);
  if (!first.counted || first.subset) return null;
  const parts: Conjunct[] = [first];
  let atLeast = false;
  let sawAnd = false;
  let j = first.edge - 1;
  while (j > from) {
    const sep = doc.lower[j];
    if (!(sep === 'and' || (sep === ',' && sawAnd))) break;
    // ", and": the serial comma.
    if (sep === 'and' && j - 1 > from && doc.lower[j - 1] === ',') j--;
    const left = conjunctLeft(c, j - 1);
    if (left.edge > j - 1 || left.subset || !leftBoundary(c, left.edge)) break;
    if (!left.counted) { if (sep === 'and' && left.plainPlural) atLeast = true; break; }
    if (sep === 'and') sawAnd = true;
    parts.push(left);
    j = left.edge - 1;
  }
  return combine(parts, atLeast);
}

function combine(parts: Conjunct[], atLeast: boolean): Found {
  let count: number | null = 0;
  let qualifier: string | null = null;
  let numStart = Infinity;
  let numEnd = -1;
  for (const p of parts) {
    count = count === null || p.count === null ? null : count + p.count;
    qualifier ??= p.qualifier;
    numStart = Math.min(numStart, p.numStart);
    numEnd = Math.max(numEnd, p.numEnd);
  }
  if (atLeast && count !== null) qualifier ??= 'at least';
  return { count, qualifier, numStart, numEnd };
}

/** One conjunct of an object starting at token k: "6 civilians", "a policeman", "him". */
function conjunctRight(c: Ctx, k: number): Conjunct | null {
  const { doc, to, nums } = c;
  if (k >= to) return null;
  // "all 298 people", "the 3 soldiers", "another 5".
  if (k + 1 < to && (doc.pos[k] === 'DET' || doc.lower[k] === 'all') && c.byStart[k - c.from] < 0 && c.byStart[k + 1 - c.from] >= 0) k++;
  const lw = doc.lower[k];
  const ni = c.byStart[k - c.from];
  const tail = (j: number): { end: number; subset: boolean } => {
    let subset = false;
    while (j < to && casualtyKind(c, j) === null) {
      const p = doc.pos[j];
      const w = doc.lower[j];
      if (isNounish(p) || w === '-' || w === 'more' || w === 'other' || w === 'others' || (p === 'NUM' && c.byStart[j - c.from] < 0)) { j++; continue; }
      if (w === 'of' && j + 1 < to) {
        if (doc.lower[j + 1] === 'them' || doc.lower[j + 1] === 'whom') subset = true;
        j++;
        while (j < to && (doc.pos[j] === 'DET' || (doc.pos[j] === 'PRON' && POSSESSIVES.has(doc.lower[j])))) j++;
        continue;
      }
      break;
    }
    return { end: j, subset };
  };
  if (ni >= 0) {
    const n = nums[ni];
    const t = tail(n.end);
    return { count: n.value, qualifier: n.qualifier, numStart: n.qStart, numEnd: n.end, edge: t.end, counted: true, plainPlural: false, subset: t.subset };
  }
  if ((lw === 'him' || (lw === 'her' && !(k + 1 < to && isNounish(doc.pos[k + 1]))))) {
    return { count: 1, qualifier: null, numStart: k, numEnd: k + 1, edge: k + 1, counted: true, plainPlural: false, subset: false };
  }
  if (SINGLE_DETS.has(lw) && (doc.pos[k] === 'DET' || doc.pos[k] === 'PRON')) {
    let j = k + 1;
    let head = -1;
    while (j < to && casualtyKind(c, j) === null) {
      const p = doc.pos[j];
      if (isNounish(p)) { head = j; j++; continue; }
      if (doc.lower[j] === '-' || (p === 'NUM' && c.byStart[j - c.from] < 0)) { j++; continue; }
      break;
    }
    if (head >= 0 && singular(c, head, lw)) {
      const t = tail(j);
      return { count: 1, qualifier: null, numStart: k, numEnd: head + 1, edge: t.end, counted: true, plainPlural: false, subset: false };
    }
  }
  return null;
}

/** The count of the object starting at token k: "3 soldiers and 2 civilians", "3 soldiers, 2 police and a civilian". */
function objectCount(c: Ctx, k: number, afterVerb: boolean): Found | null {
  const { doc, to } = c;
  const first = conjunctRight(c, k);
  if (!first || first.subset) return null;
  const parts: Conjunct[] = [first];
  let pending: Conjunct[] = [];
  let j = first.edge;
  while (j < to - 1) {
    let sep = doc.lower[j];
    if (sep !== 'and' && sep !== ',') break;
    // ", and": the serial comma.
    if (sep === ',' && doc.lower[j + 1] === 'and' && j + 2 < to) { sep = 'and'; j++; }
    const next = conjunctRight(c, j + 1);
    if (!next || next.subset) break;
    // "killed 2 soldiers and 3 were wounded", "killed 3 and 7 militants fled": a verb after the conjunct
    // opens a new clause. (After a noun the verb may be the sentence's own: "the deaths of 6 priests and
    // 2 women shocked the country".)
    if (next.edge < to && (doc.pos[next.edge] === 'AUX' || (afterVerb && doc.pos[next.edge] === 'VERB'))) break;
    if (next.edge < to && casualtyKind(c, next.edge) !== null) break;
    if (sep === ',') pending.push(next);
    else { parts.push(...pending, next); pending = []; }
    j = next.edge;
    if (sep === 'and') break;
  }
  return combine(parts, false);
}

/** "the death toll rose to 12", "a toll of at least 40": the first count after the toll words. */
function tollCount(c: Ctx, e: number): Found | null {
  const { doc, to, nums } = c;
  for (let k = e; k < to && k < e + 10; k++) {
    const lw = doc.lower[k];
    if (BOUNDARY_PUNCT.has(lw) || lw === '.' || lw === 'that' || lw === 'which' || lw === 'who' || doc.pos[k] === 'SCONJ') return null;
    const ni = c.byStart[k - c.from];
    if (ni >= 0) {
      const n = nums[ni];
      if (k > c.from && (doc.lower[k - 1] === 'from' || doc.lower[k - 1] === 'by')) { k = n.end - 1; continue; }
      if (n.value === null) return null;
      return { count: n.value, qualifier: n.qualifier, numStart: n.qStart, numEnd: n.end };
    }
  }
  return null;
}

/** Noun: "12 civilian deaths", "no casualties", "the killing of 2 protesters". */
function nounCount(c: Ctx, i: number, e: number): Found | null {
  const { doc, from, nums } = c;
  let k = i - 1;
  for (let m = 0; m < 3 && k >= from && c.byEnd[k - from] < 0 && isNounish(doc.pos[k]); m++) k--;
  if (k >= from) {
    const ni = c.byEnd[k - from];
    if (ni >= 0) {
      const n = nums[ni];
      return { count: n.value, qualifier: n.qualifier, numStart: n.qStart, numEnd: n.end };
    }
    if (doc.lower[k] === 'without') return { count: 0, qualifier: null, numStart: k, numEnd: k + 1 };
  }
  if (e < c.to - 1 && doc.lower[e] === 'of') return objectCount(c, e + 1, false);
  return null;
}

/** "killed or wounded", "dead and injured": a combined count that says nothing about either. */
function combined(c: Ctx, i: number, e: number, kind: Kind): boolean {
  const { doc } = c;
  const conj = (w: string) => w === 'or' || w === 'and' || w === 'and/or' || w === '/';
  if (e + 1 < c.to && conj(doc.lower[e])) {
    const k = casualtyKind(c, e + 1);
    if (k !== null && k !== kind) return true;
  }
  if (i - 2 >= c.from && conj(doc.lower[i - 1])) {
    const k = casualtyKind(c, i - 2);
    if (k !== null && k !== kind) return true;
  }
  return false;
}

const BLOCKED = 'blocked';
/** "an attempted assassination", "a foiled murder": the act did not happen. */
const NOT_DONE = new Set(['attempted', 'failed', 'foiled', 'botched', 'thwarted', 'planned', 'plotted', 'alleged', 'would-be', 'possible']);

/** "it would be worse if one were killed": a condition is not a report. */
function conditional(c: Ctx, i: number): boolean {
  const { doc, from } = c;
  for (let k = i - 1; k >= from && k >= i - 12; k--) {
    const lw = doc.lower[k];
    if (lw === ',' || lw === ';' || lw === ':') return false;
    if (lw === 'if' || lw === 'unless' || lw === 'whether' || lw === 'lest') return true;
  }
  return false;
}

function read(c: Ctx, e: Entry, i: number, end: number): Found | null | typeof BLOCKED {
  const { doc, to } = c;
  if (e.place !== 'toll' && conditional(c, i)) return BLOCKED;
  if (e.place === 'toll') return tollCount(c, end);
  if (e.place === 'noun') {
    // "death sentence", "death penalty", "murder charges", "assassination attempt": the noun modifies another noun.
    if (end < to && doc.pos[end] === 'NOUN') return BLOCKED;
    for (let k = i - 1; k >= c.from && k >= i - 3; k--) {
      if (NOT_DONE.has(doc.lower[k])) return BLOCKED;
      if (!isNounish(doc.pos[k]) && doc.pos[k] !== 'VERB') break;
    }
    return nounCount(c, i, end);
  }
  const vg = verbGroup(c, i);
  if (vg.blocked) return BLOCKED;
  if (c.inner) return c.inner;
  if (e.place === 'subject') return subjectCount(c, vg.k);
  // A verb: the object of an active verb, else the subject of a passive or bare participle.
  const ing = doc.lower[i].endsWith('ing');
  if (!vg.passive || ing) {
    const obj = objectCount(c, end, true);
    if (obj) return obj;
    if (end < to) {
      const p = doc.pos[end];
      const objectFollows = (p === 'DET' || isNounish(p) || (p === 'PRON' && doc.lower[end] !== 'who' && doc.lower[end] !== 'which' && doc.lower[end] !== 'that'))
        && !TIME_WORDS.has(doc.lower[end]);
      if (objectFollows || ing) return null;
    } else if (ing) return null;
  }
  return subjectCount(c, vg.k);
}

function resolve(c: Ctx, e: Entry, i: number, end: number): Found | null {
  const f = read(c, e, i, end);
  if (f === BLOCKED) return null;
  // "X was assassinated", "the assassination of X": one victim unless a number says otherwise.
  // (Not for a plural noun: "a wave of assassinations".)
  if (f === null && e.one && !(e.place === 'noun' && c.doc.lemma[i] !== c.doc.lower[i])) return { count: 1, qualifier: null, numStart: i, numEnd: i };
  return f;
}

function segments(c: Ctx): number[] {
  const cuts = [c.from];
  for (let k = c.from + 1; k < c.to; k++) {
    if (c.doc.lower[k] === ';' || (SEGMENT_WORDS.has(c.doc.lower[k]) && c.doc.pos[k] !== 'NOUN')) cuts.push(k);
  }
  cuts.push(c.to);
  return cuts;
}

/** The casualty statements of one sentence, token range [from, to). */
export function findCasualties(doc: TextDoc, from: number, to: number, lex: CasualtyLexicon = lexicon()): CasualtyCount[] {
  if (from < 0 || to > doc.n || from > to) throw new RangeError(`findCasualties: bad token range [${from}, ${to}) for a document of ${doc.n} tokens`);
  const len = to - from;
  const c: Ctx = { doc, from, to, lex, nums: [], byStart: new Int32Array(len).fill(-1), byEnd: new Int32Array(len).fill(-1), inner: null };
  const out: CasualtyCount[] = [];
  let cuts: number[] | null = null;
  let covered = from;
  for (let i = from; i < to; i++) {
    if (i < covered) continue;
    const entries = c.lex.heads.get(doc.lemma[i]) ?? c.lex.heads.get(doc.lower[i]);
    if (!entries) continue;
    // Only now, in a sentence that has a casualty word, read its numbers.
    if (cuts === null) { scanNumbers(c); cuts = segments(c); }
    const nominal = doc.pos[i] === 'NOUN' || doc.pos[i] === 'PROPN';
    const all = entriesAt(c, i);
    const preferred = all.filter((e) => (e.place === 'noun' || e.place === 'toll') === nominal);
    let hit: Entry | null = null;
    let end = -1;
    for (const list of [preferred, all]) {
      for (const e of list) {
        // A plural noun is not a verb: "wounds", "murders".
        if (e.place === 'verb' && nominal && doc.lower[i].endsWith('s') && e.words.length === 1) continue;
        const m = matchEntry(c, e, i);
        if (m >= 0) { hit = e; end = m; break; }
      }
      if (hit) break;
    }
    if (!hit) continue;
    covered = end;
    if (combined(c, i, end, hit.kind)) continue;
    const f = resolve(c, hit, i, end);
    if (!f) continue;
    let s = 0;
    while (cuts[s + 1] <= i) s++;
    const base = { qualifier: f.qualifier, numStart: f.numStart, numEnd: f.numEnd, wordStart: i, wordEnd: end,
      total: hit.place === 'toll', segStart: cuts[s], segEnd: cuts[s + 1], rule: hit.rule };
    if (hit.kind === 'casualty') {
      // Only "no casualties" / "without casualties" is read: a number of casualties may mix dead and wounded.
      if (f.count !== 0) continue;
      out.push({ kind: 'killed', count: 0, ...base }, { kind: 'wounded', count: 0, ...base });
      continue;
    }
    // The same number read twice for the same kind ("3 dead soldiers ... killed") counts once.
    if (out.some((o) => o.kind === hit.kind && o.numStart === f.numStart && o.numEnd === f.numEnd)) continue;
    out.push({ kind: hit.kind, count: f.count, ...base });
  }
  return out;
}

function violent(cameo: string): boolean {
  return cameo.startsWith('18') || cameo.startsWith('19') || cameo.startsWith('20') || cameo.startsWith('145');
}

function total(counts: CasualtyCount[], kind: 'killed' | 'wounded'): { n: number | null; q: string | null } {
  const mine = counts.filter((c) => c.kind === kind && c.count !== null);
  if (mine.length === 0) return { n: null, q: null };
  // A running total ("the death toll rose to 12") already includes the other statements.
  const tolls = mine.filter((c) => c.total);
  if (tolls.length > 0) {
    const best = tolls.reduce((a, b) => (b.count! > a.count! ? b : a));
    return { n: best.count, q: best.qualifier };
  }
  let n = 0;
  let q: string | null = null;
  for (const c of mine) { n += c.count!; q ??= c.qualifier; }
  return { n, q };
}

/**
 * The counts an event at trigger token range [start,end) carries, given the sentence's casualty
 * statements: { killed, wounded, qualifier } (nulls when none). Only violent events (CAMEO 18, 19, 20,
 * 145) carry counts.
 *
 * Scope, in order:
 * 1. The trigger is itself a casualty statement ("three of its troops were killed", "killing three"):
 *    the event takes that statement, plus statements of the other kind that follow it in the same part
 *    of the sentence ("were killed and two more were wounded" -> killed 3, wounded 2 for the killing;
 *    the wounding gets wounded 2 only). Two killings in one sentence ("killing three, and ... where
 *    five died") keep their own counts.
 * 2. Otherwise the statements in the trigger's part of the sentence (parts are split at ";", "while",
 *    "whereas", ...), or all statements of the sentence when that part has none.
 * Counts of one kind add up ("3 soldiers were killed and 2 civilians died" -> 5) unless one is a running
 * total ("the death toll rose to 12"), which wins. The qualifier is the killed count's, else the
 * wounded one's.
 */
export function casualtiesFor(counts: CasualtyCount[], trigger: { start: number; end: number }, cameo: string):
  { killed: number | null; wounded: number | null; qualifier: string | null } {
  if (counts.length === 0 || !violent(cameo)) return { killed: null, wounded: null, qualifier: null };
  const overlaps = (a: number, b: number) => a < trigger.end && trigger.start < b;
  const own = counts.filter((c) => overlaps(c.wordStart, c.wordEnd) || (c.numEnd > c.numStart && overlaps(c.numStart, c.numEnd)));
  let scope: CasualtyCount[];
  if (own.length > 0) {
    scope = [...own];
    const ownKinds = new Set(own.map((c) => c.kind));
    const seg = own[0];
    const after = Math.max(...own.map((c) => c.wordEnd));
    for (const c of counts) {
      if (c.wordStart < after || c.segStart !== seg.segStart) continue;
      // The next statement of the event's own kind starts another event's counts.
      if (ownKinds.has(c.kind)) break;
      scope.push(c);
    }
  } else {
    const local = counts.filter((c) => c.segStart <= trigger.start && trigger.start < c.segEnd);
    scope = local.length > 0 ? local : counts;
  }
  const k = total(scope, 'killed');
  const w = total(scope, 'wounded');
  return { killed: k.n, wounded: w.n, qualifier: k.n !== null ? k.q : w.q };
}
