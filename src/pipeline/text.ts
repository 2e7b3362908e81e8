/**
 * Text stage: article text -> a flat token table (wink-nlp), no per-token objects.
 * One wink instance per process (re-learning patterns in one instance has crashed; we learn none).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The token table of one document. Always built by `makeDoc`, so every document has the same
 * hidden class and array kinds: the hot stages read it at hundreds of sites, and a second shape
 * (the retokenized table used to be an object spread with push-built arrays) made V8 throw away and
 * recompile their optimized code again and again.
 */
export interface TextDoc {
  text: string;
  /** Number of tokens. */
  n: number;
  /** Token surface form as written. */
  value: string[];
  /** Lower-cased surface form. */
  lower: string[];
  /** Lower-cased lemma. */
  lemma: string[];
  /** Universal POS tag (wink): VERB NOUN PROPN ADJ ADP DET AUX PART PRON PUNCT CCONJ SCONJ ADV NUM ... */
  pos: string[];
  /** Character offsets into `text`. */
  start: Int32Array;
  end: Int32Array;
  /** 1 when wink marks the token as in the scope of a negation. */
  neg: Uint8Array;
  /** 1 when the token starts with an upper-case letter in a text that is not all upper case. */
  cap: Uint8Array;
  /** Sentence boundaries as token indices, end exclusive. */
  sentStart: number[];
  sentEnd: number[];
  /** True when the article is written in capitals (wire reports): case carries no information. */
  allCaps: boolean;
}

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The lexeme table of wink's model: `hash` maps a word to its index in `list`. */
interface LexemeTable { hash: Record<string, number>; list: string[] }
let lexemes: LexemeTable | null = null;
let docsRead = 0;

/**
 * A new wink instance every so many documents: what `forget` leaves behind (the words' table rows,
 * their packed features) only grows, and a fresh instance starts again from the model's own tables.
 */
const DOCS_PER_INSTANCE = 5_000;

function instance(): Wink {
  if (nlp && docsRead < DOCS_PER_INSTANCE) return nlp;
  // The model's core tables are read fresh by each instance; keep a handle on the lexeme table.
  const m = model as unknown as { core: () => { features: { lexeme: LexemeTable } } };
  const tracked = Object.assign(Object.create(Object.getPrototypeOf(m)), m, {
    core: () => {
      const core = m.core();
      lexemes = core.features.lexeme;
      return core;
    },
  });
  // Only what the coder uses: sentences, negation, POS (lemmas are computed on demand); no sentiment or NER.
  nlp = winkNLP(tracked, ['sbd', 'negation', 'pos']);
  docsRead = 0;
  return nlp;
}

/** Words wink's tokenizer knows right now (for tests: reading documents must not change it). */
export function knownWordCount(): number {
  instance();
  let n = 0;
  for (const _ in lexemes!.hash) n++;
  return n;
}

/**
 * wink adds every word it has not seen to its lexeme table, and its tokenizer then splits text
 * differently when a piece is "known" ("Dorr L.L.P." ends a sentence only after an earlier document
 * taught it "L.L.P"). Forgetting the words a document added keeps each document's reading independent
 * of the ones before it: the same output in any order, with any number of workers. The rows stay (the
 * packed features are indexed by them); only the lookup forgets.
 */
function forget(from: number): void {
  const t = lexemes;
  if (!t) return;
  for (let i = from; i < t.list.length; i++) {
    const w = t.list[i];
    if (t.hash[w] === i) delete t.hash[w];
  }
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** True when at least 85% of the letters are capitals and there are enough letters to judge. */
export function isAllCaps(text: string): boolean {
  // A counting loop (no match arrays): this runs on every article. Non-ASCII letters are rare
  // enough to test with the Unicode classes one by one.
  let up = 0;
  let low = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) low++;
    else if (c > 127) {
      const ch = text[i];
      if (UPPER.test(ch)) up++;
      else if (LOWER.test(ch)) low++;
    }
  }
  return up + low > 20 && up / (up + low) > 0.85;
}

/** Lower-cases text only where that keeps every character offset (some characters change length). */
function lowerSameLength(text: string): string {
  const low = text.toLowerCase();
  if (low.length === text.length) return low;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const QUOTE_MARK = /[’‘`]/;
const QUOTE_MARKS = /[’‘`]/g;

/** Lower case with typographic apostrophes made plain, so "People’s" and "People's" match the same entry. */
export function fold(s: string): string {
  const low = s.toLowerCase();
  return QUOTE_MARK.test(low) ? low.replace(QUOTE_MARKS, "'") : low;
}

function makeDoc(
  text: string, value: string[], lower: string[], lemma: string[], pos: string[], start: Int32Array, end: Int32Array,
  neg: Uint8Array, cap: Uint8Array, sentStart: number[], sentEnd: number[], allCaps: boolean,
): TextDoc {
  // Every string column is a packed array (wink's own output, or built by push), never a holey one.
  return { text, n: value.length, value, lower, lemma, pos, start, end, neg, cap, sentStart, sentEnd, allCaps };
}

export function analyse(text: string): TextDoc {
  const allCaps = isAllCaps(text);
  const input = allCaps ? lowerSameLength(text) : text;
  const w = instance();
  const its = w.its;
  const known = lexemes?.list.length ?? 0;
  docsRead++;
  try {
    return readTokens(text, input, allCaps, w, its);
  } finally {
    forget(known);
  }
}

function readTokens(text: string, input: string, allCaps: boolean, w: Wink, its: Wink['its']): TextDoc {
  const doc = w.readDoc(input);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  // The lemma accessor needs the model's add-ons; its type in wink's .d.ts does not say so.
  const lemmaRaw = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const negRaw = tokens.out(its.negationFlag) as unknown as boolean[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const n = value.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const neg = new Uint8Array(n);
  const cap = new Uint8Array(n);
  const lower: string[] = [];
  const lemma: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = value[i];
    at += spaces[i].length;
    // wink keeps the surface text; when whitespace it skipped differs from what it reports, re-find the token.
    if (input.startsWith(v, at) === false) {
      const found = input.indexOf(v, at);
      if (found >= 0) at = found;
    }
    start[i] = at;
    end[i] = at + v.length;
    at += v.length;
    const low = fold(v);
    lower.push(low);
    const lem = lemmaRaw[i];
    lemma.push(lem === undefined || lem === null || lem === v ? low : fold(lem));
    neg[i] = negRaw[i] ? 1 : 0;
    const c = v.charCodeAt(0);
    cap[i] = !allCaps && v[0] !== v[0].toLowerCase() && c !== 0 ? 1 : 0;
    if (allCaps) value[i] = text.slice(start[i], end[i]);
  }
  const sentStart: number[] = [];
  const sentEnd: number[] = [];
  doc.sentences().each((s: { out: (f: typeof its.span) => unknown }) => {
    const span = s.out(its.span) as unknown as [number, number];
    sentStart.push(span[0]);
    sentEnd.push(span[1] + 1);
  });
  const d = makeDoc(text, value, lower, lemma, pos, start, end, neg, cap, sentStart, sentEnd, allCaps);
  return needsRetokenizing(d) ? retokenize(d) : d;
}

const NON_ASCII_LETTER = /[^\x00-\x7F]/;
const LETTERS = /^\p{L}+$/u;
const GLUED_POSSESSIVE = /^(\p{L}[\p{L}.-]*)(['’][sS])$/u;

/** wink splits words at some non-ASCII letters ("Matovi" + "č", "Đ" + "okovi" + "ć"). */
function splitAt(d: TextDoc, i: number): boolean {
  if (d.end[i] !== d.start[i + 1] || !LETTERS.test(d.value[i]) || !LETTERS.test(d.value[i + 1])) return false;
  return NON_ASCII_LETTER.test(d.value[i].slice(-1)) || NON_ASCII_LETTER.test(d.value[i + 1][0]);
}

/**
 * wink keeps a possessive glued to a word it has learned as out-of-vocabulary earlier in the same
 * process ("America’s" after "America’s," was seen), so tokens would depend on what was coded before.
 * Splitting every glued possessive makes each document's tokens its own.
 */
function gluedPossessive(d: TextDoc, i: number): boolean {
  return d.value[i].length > 3 && GLUED_POSSESSIVE.test(d.value[i]);
}

function needsRetokenizing(d: TextDoc): boolean {
  for (let i = 0; i < d.n; i++) if ((i + 1 < d.n && splitAt(d, i)) || gluedPossessive(d, i)) return true;
  return false;
}

/** Rebuilds the token table with split pieces joined and glued possessives split. */
function retokenize(d: TextDoc): TextDoc {
  const value: string[] = [];
  const lower: string[] = [];
  const lemma: string[] = [];
  const pos: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const neg: number[] = [];
  const cap: number[] = [];
  const newIndex = new Int32Array(d.n + 1);
  const push = (s0: number, e0: number, p: string, lem: string | null, ng: number) => {
    const v = d.text.slice(s0, e0);
    value.push(v);
    lower.push(fold(v));
    lemma.push(lem ?? fold(v));
    pos.push(p);
    start.push(s0);
    end.push(e0);
    neg.push(ng);
    cap.push(!d.allCaps && v[0] !== v[0].toLowerCase() ? 1 : 0);
  };
  for (let i = 0; i < d.n; i++) {
    newIndex[i] = value.length;
    if (i > 0 && splitAt(d, i - 1)) { newIndex[i] = value.length - 1; continue; }
    let j = i;
    while (j + 1 < d.n && splitAt(d, j)) j++;
    if (j > i) {
      const capital = !d.allCaps && d.value[i][0] !== d.value[i][0].toLowerCase();
      push(d.start[i], d.end[j], capital ? 'PROPN' : d.pos[i], null, d.neg[i]);
    } else if (gluedPossessive(d, i)) {
      const cut = d.end[i] - 2;
      const capital = !d.allCaps && d.value[i][0] !== d.value[i][0].toLowerCase();
      push(d.start[i], cut, capital ? 'PROPN' : 'NOUN', null, d.neg[i]);
      push(cut, d.end[i], 'PART', null, d.neg[i]);
    } else {
      push(d.start[i], d.end[i], d.pos[i], d.lemma[i], d.neg[i]);
    }
  }
  newIndex[d.n] = value.length;
  const sentStart: number[] = [];
  const sentEnd: number[] = [];
  for (let s = 0; s < d.sentStart.length; s++) { sentStart.push(newIndex[d.sentStart[s]]); sentEnd.push(newIndex[d.sentEnd[s]]); }
  return makeDoc(d.text, value, lower, lemma, pos, Int32Array.from(start), Int32Array.from(end), Uint8Array.from(neg), Uint8Array.from(cap),
    sentStart, sentEnd, d.allCaps);
}
