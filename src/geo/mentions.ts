/**
 * Place mentions: the names a locative phrase puts an event at. A phrase opens with a locative word
 * (locatives.tsv: "in", "near", "on the ... section", "north of") and may pass articles, adjectives,
 * a country adjective ("the Syrian city of") and a part noun with "of" ("the outskirts of") before the
 * name. Found once per document (cached); resolving a mention to a place is resolve.ts.
 */
import type { TextDoc } from '../pipeline/text.js';
import { datelineEnd } from '../pipeline/dateline.js';
import { placeKey } from './fold.js';
import { lookupKey, keyContinues, geoPostings, type GeoIndex, type KeyHits } from './gazetteer.js';
import type { PartKind, PrepKind } from './curated.js';

export interface PlaceMention {
  /** Token span of the name. */
  start: number;
  end: number;
  /** Token index of the locative word that opens the phrase. */
  prep: number;
  /** "of" for a phrase with no preposition ("the town of X was shelled"). */
  prepKind: PrepKind | 'of';
  key: string;
  hits: KeyHits;
  /** The part noun before ("the province of X") or after ("X province") the name. */
  part: PartKind | null;
  /** Countries the phrase itself names: "the Syrian city of", "Azerbaijan's Kalbajar", "Kalbajar, Azerbaijan". */
  local: string[];
  /** Divisions named after a comma ("Albany, N.Y."): indices into tables.admin1. */
  qualAdmins: number[];
  /** First token after the phrase (past a part noun or qualifier). */
  next: number;
  /** A country adjective before a territory noun ("in Iraqi airspace"): the place is that country. */
  territory: string | null;
  /** Written with a capital in mixed-case text, not as the first word of its sentence. */
  properCase: boolean;
  /** Followed by a capitalised division word ("Lincoln County", "Idlib Province"): a division's name. */
  divisionName: boolean;
}

/** Lower-case words inside multi-word names that need no capital ("Bosnia and Herzegovina"). */
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les',
  'el', 'al', 'ul', 'upon', 'on', 'sur', 'am', 'an', 'der', 'den', 'im', 'y', 'e', 'i', 'en', 'au', 'aux', 'ad', 'as', 'ash', 'ar', 'az', '-']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const SKIP_POS = new Set(['DET', 'NUM']);
const MAX_NAME_TOKENS = 8;
const WORDY = /[\p{L}\p{N}]/u;
const CLOSED_POS = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'VERB']);
const ACRONYM_TOKEN = /^[A-Z][A-Z.&]{1,5}$/;
const MAX_PHRASE = 10;

interface Match {
  end: number;
  key: string;
  hits: KeyHits;
}

function isPart(g: GeoIndex, w: string): boolean {
  return g.curated.locatives.parts.has(w);
}

/** Locative vocabulary is never a place name ("in the port of", "near the border"). */
function isLocativeWord(g: GeoIndex, key: string): boolean {
  const l = g.curated.locatives;
  return l.parts.has(key) || l.mods.has(key) || l.preps.has(key);
}

/** Every word of a GeoNames name is capitalised in mixed-case text ("New York", not "New rules"). */
function properlyCased(doc: TextDoc, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    if (doc.cap[i] === 1 || FUNCTION_WORDS.has(doc.lower[i])) continue;
    if (!/\p{L}/u.test(doc.value[i])) continue;
    return false;
  }
  return true;
}

/**
 * The longest gazetteer name starting at token k (within [k, limit)), or null. Adjectives are
 * returned too (hits.adjective); the caller treats them as modifiers.
 */
function matchAt(g: GeoIndex, doc: TextDoc, k: number, limit: number, dateline = false): Match | null {
  if (!doc.allCaps && doc.cap[k] !== 1) return null;
  let best: Match | null = null;
  const stop = g.curated.stop;
  for (let j = k + 1; j <= limit && j - k <= MAX_NAME_TOKENS; j++) {
    // "America’s" is "America" and a possessive, not "Americas".
    if (j - 1 > k && POSSESSIVE.has(doc.value[j - 1])) break;
    const key = placeKey(doc.text.slice(doc.start[k], doc.end[j - 1]));
    if (key === null) break;
    // A name ends in a letter or digit: "Columbia," is "Columbia" and a comma.
    const hits = WORDY.test(doc.value[j - 1]) ? lookupKey(g, key) : null;
    if (hits && acceptable(g, doc, k, j, key, hits, stop.get(key) === 'never', dateline)) best = { end: j, key, hits };
    if (!keyContinues(g, key)) break;
  }
  return best;
}

function acceptable(g: GeoIndex, doc: TextDoc, s: number, e: number, key: string, hits: KeyHits, never: boolean, dateline: boolean): boolean {
  if (e - s === 1 && isLocativeWord(g, key)) return false;
  const curated = hits.region !== null || hits.country !== null || hits.adjective;
  if (!curated && never) return false;
  if (hits.country !== null && hits.region === null) {
    const acr = g.curated.countryKeys.get(key)!.acronyms;
    if (acr) {
      const surface = doc.text.slice(doc.start[s], doc.end[e - 1]);
      // In mixed case only the spelling in capitals ("US", not "us"); in capitals, not the pronoun "US".
      if (!doc.allCaps && !acr.has(surface)) return false;
      if (doc.allCaps && key.length < 3 && !surface.includes('.')) return false;
    }
  }
  if (doc.allCaps) {
    // Capital-letter text: "THE LEVEL", "GUATEMALA BY" are not names, whatever GeoNames lists.
    if (curated) return true;
    return doc.pos[s] !== 'DET' && (e - s === 1 || !CLOSED_POS.has(doc.pos[e - 1]));
  }
  if (curated) return true;
  // "at CIA", "in NATO": an acronym in mixed-case text is no town (GeoNames has "Cia" for Zia Pueblo);
  // datelines are written in capitals ("KABUL (Reuters) -").
  if (e - s === 1 && !dateline && ACRONYM_TOKEN.test(doc.value[s])) return false;
  return properlyCased(doc, s, e);
}

/** The locative word at k, longest first ("outside of" before "outside"). */
function prepAt(g: GeoIndex, doc: TextDoc, k: number, limit: number): { kind: PrepKind; len: number } | null {
  const list = g.curated.locatives.preps.get(doc.lower[k]);
  if (!list) return null;
  for (const p of list) {
    if (k + p.words.length > limit) continue;
    let ok = true;
    for (let i = 1; i < p.words.length && ok; i++) ok = doc.lower[k + i] === p.words[i];
    if (ok) return { kind: p.kind, len: p.words.length };
  }
  return null;
}

interface Walk {
  doc: TextDoc;
  g: GeoIndex;
  sentStart: number;
  limit: number;
  prep: number;
  prepKind: PrepKind | 'of';
}

/** Follows a locative phrase from token k to the place it names. */
function walk(w: Walk, k: number, local: string[], part: PartKind | null, depth = 0): PlaceMention | null {
  const { doc, g, limit } = w;
  const locs = g.curated.locatives;
  let det = false;
  for (let steps = 0; k < limit && steps < MAX_PHRASE; steps++) {
    const m = matchAt(g, doc, k, limit);
    if (m) {
      const h = m.hits;
      // A country adjective is a modifier, even where GeoNames knows a village of that name.
      if (h.region !== null || h.country !== null || !h.adjective) return finish(w, k, m, local, part, depth, det);
      // "the Syrian city of", "in Iraqi territory".
      if (h.adjCountry) {
        if (locs.parts.get(doc.lower[m.end]) === 'terr') return mention(w, k, m.end, m.key, h, local, 'terr', [], h.adjCountry, m.end + 1);
        local = [...local, h.adjCountry];
      }
      k = m.end;
      continue;
    }
    const lw = doc.lower[k];
    const pk = locs.parts.get(lw);
    if (pk && k + 1 < limit && doc.lower[k + 1] === 'of') {
      part = pk;
      det = false;
      k += 2;
      continue;
    }
    if (doc.pos[k] === 'DET') det = true;
    const capital = !doc.allCaps && doc.cap[k] === 1;
    if (SKIP_POS.has(doc.pos[k]) || lw === '-' || (!capital && (doc.pos[k] === 'ADJ' || locs.mods.has(lw)))) {
      k++;
      continue;
    }
    break;
  }
  return null;
}

function mention(w: Walk, s: number, e: number, key: string, hits: KeyHits, local: string[], part: PartKind | null,
  qualAdmins: number[], territory: string | null, next: number): PlaceMention {
  const doc = w.doc;
  const properCase = !doc.allCaps && doc.cap[s] === 1 && s > w.sentStart;
  const divisionName = !doc.allCaps && e < doc.n && doc.cap[e] === 1 && w.g.curated.locatives.parts.get(doc.lower[e]) === 'admin';
  return { start: s, end: e, next, prep: w.prep, prepKind: w.prepKind, key, hits, part, local, qualAdmins, territory, properCase, divisionName };
}

function finish(w: Walk, s: number, m: Match, local: string[], part: PartKind | null, depth: number, det: boolean): PlaceMention | null {
  const { doc, g, limit } = w;
  const e = m.end;
  const capAt = (i: number) => i < limit && !doc.allCaps && doc.cap[i] === 1;
  const after = e < limit ? g.curated.locatives.parts.get(doc.lower[e]) : undefined;
  // "Victoria Nuland", "Ural State Medical University": the name starts a longer proper name; a
  // capitalised facility noun makes one too ("Columbia University", "Kabul Airport").
  if (capAt(e) && (!after || after === 'site' || capAt(e + 1))) return null;
  // "Asia-Pacific", "U.S.-Japan", "Kabul-based": the name is part of a compound.
  if (e + 1 < limit && doc.value[e] === '-' && doc.end[e - 1] === doc.start[e]) return null;
  // "in the Argo rescue", "at the Minsk talks", "in the Mediterranean coastal town": the name
  // modifies another noun, which is what the phrase is about.
  if (det && e < limit && !after && (doc.pos[e] === 'NOUN' || doc.pos[e] === 'ADJ' || doc.pos[e] === 'PROPN')) return null;
  // "IN THE WAR", "IN THIS EFFORT": without capitals, a town name after an article is a common noun
  // unless a part noun follows ("IN THE SAN MIGUEL DEPARTMENT").
  const geoOnly = m.hits.region === null && m.hits.country === null;
  if (doc.allCaps && det && !after && geoOnly) return null;
  const ownCountry = m.hits.region === null ? m.hits.country : null;
  // "in the U.S. embassy", "at the Iraq talks": a country name before a noun is an attribute (the
  // embassy is not in the United States); "in US territory" is the country.
  if (ownCountry && e < limit && (doc.pos[e] === 'NOUN' || doc.pos[e] === 'PROPN' || doc.pos[e] === 'ADJ') && after !== 'terr'
    && !(after && doc.lower[e + 1] === 'of')) return null;
  const inner = ownCountry ? [...local, ownCountry] : local;
  // "Azerbaijan's Kalbajar district", "the US state of Alabama": the place inside, if known.
  if (e + 1 < limit && POSSESSIVE.has(doc.value[e]) && depth < 2) {
    const sub = walk(w, e + 1, inner, null, depth + 1);
    if (sub) return sub;
    // "at Paul's Rally", "in Garcia's new group", "into Cummings's role": the owner is a person or a
    // body more often than a town, unless a part noun follows ("Kabul's Shar-e Naw district",
    // "Aleppo's old city"). A country or region owns what follows ("in Syria's civil war").
    if (!ownCountry && m.hits.region === null) {
      let j = e + 1;
      while (j < limit && j < e + 6 && (capAt(j) || doc.value[j] === '-' || FUNCTION_WORDS.has(doc.lower[j]) || doc.pos[j] === 'ADJ')) j++;
      if (!(j < limit && isPart(g, doc.lower[j]))) return null;
    }
  }
  // "the Northern District of Texas", "the Old City of Jerusalem": the place after "of".
  if (e + 1 < limit && doc.lower[e] === 'of' && depth < 2) {
    const sub = walk(w, e + 1, inner, null, depth + 1);
    if (sub) return sub;
  }
  if (after && e + 2 < limit && doc.lower[e + 1] === 'of' && depth < 2) {
    const sub = walk(w, e + 2, inner, after, depth + 1);
    if (sub) return sub;
  }
  if (w.prepKind === 'on' && !part && !after) return null;
  let qualAdmins: number[] = [];
  let next = after ? e + 1 : e;
  if (e + 1 < limit && doc.value[e] === ',') {
    const q = qualifier(w, e + 1);
    if (q) {
      if (q.country) local = [...local, q.country];
      qualAdmins = q.admins;
      next = q.end;
    }
  }
  return mention(w, s, e, m.key, m.hits, local, part ?? after ?? null, qualAdmins, null, next);
}

/** "Albany, N.Y.", "Albany, New York", "Kalbajar, Azerbaijan": a division or country after a comma. */
function qualifier(w: Walk, k: number): { admins: number[]; country: string | null; end: number } | null {
  const { doc, g } = w;
  const end = Math.min(w.limit, k + 4);
  let found: { admins: number[]; country: string | null; end: number } | null = null;
  if (!doc.allCaps && doc.cap[k] !== 1) return null;
  for (let j = k + 1; j <= end; j++) {
    const key = placeKey(doc.text.slice(doc.start[k], doc.end[j - 1]));
    if (key === null) break;
    const abbr = g.curated.abbrev.get(key);
    if (abbr !== undefined) {
      found = { admins: [g.adminByCode.get(abbr)!], country: null, end: j };
      continue;
    }
    // Two-letter postal codes of US states ("Albany, NY").
    const postal = j === k + 1 && /^[A-Z]{2}$/.test(doc.value[k]) ? g.adminByCode.get(`US.${doc.value[k]}`) : undefined;
    if (postal !== undefined) {
      found = { admins: [postal], country: null, end: j };
      continue;
    }
    const hits = lookupKey(g, key);
    if (hits?.country && hits.region === null) {
      found = { admins: [], country: hits.country, end: j };
    } else if (hits && hits.geo >= 0) {
      const admins: number[] = [];
      for (const p of geoPostings(g, hits.geo)) if (p >>> 1 >= g.tables.n) admins.push((p >>> 1) - g.tables.n);
      if (admins.length > 0) found = { admins, country: null, end: j };
    }
    if (!keyContinues(g, key)) break;
  }
  return found;
}

/**
 * The place of a dateline ("KABUL (Reuters) -", "SAN SALVADOR, 3 JAN 90 --"): where the story was
 * filed, not necessarily where its events happened.
 */
export function datelineMention(g: GeoIndex, doc: TextDoc): PlaceMention | null {
  const end = datelineEnd(doc);
  if (end === 0) return null;
  const m = matchAt(g, doc, 0, end, true);
  if (!m || m.end >= end || !DATELINE_AFTER.has(doc.value[m.end])) return null;
  const w: Walk = { doc, g, sentStart: -1, limit: end, prep: 0, prepKind: 'in' };
  return mention(w, 0, m.end, m.key, m.hits, [], null, [], null, m.end);
}

const DATELINE_AFTER = new Set([',', '(', '-', '–', '—', '--', '―', ':']);

function listGoesOn(doc: TextDoc, k: number, limit: number): boolean {
  return k >= limit || doc.value[k] === ',' || doc.lower[k] === 'and' || doc.lower[k] === 'or' || doc.value[k] === '.';
}

const cache = new WeakMap<TextDoc, PlaceMention[]>();

/** Every place mention of a document, in text order (computed once per document). */
export function placeMentions(g: GeoIndex, doc: TextDoc): PlaceMention[] {
  let out = cache.get(doc);
  if (out) return out;
  out = [];
  const starts = new Set<number>();
  for (let s = 0; s < doc.sentStart.length; s++) {
    const a = doc.sentStart[s];
    const b = doc.sentEnd[s];
    let covered = a;
    for (let k = a; k < b; k++) {
      if (k < covered) continue;
      // "Rest In Peace", "Made In America": a capitalised preposition inside a sentence is a title.
      const p = !doc.allCaps && doc.cap[k] === 1 && k > a ? null : prepAt(g, doc, k, b);
      let w: Walk | null = null;
      let from = k;
      if (p) {
        w = { doc, g, sentStart: a, limit: b, prep: k, prepKind: p.kind };
        from = k + p.len;
      } else if (!doc.allCaps && k > a && doc.lower[k - 1] === 'the' && k + 1 < b && doc.lower[k + 1] === 'of') {
        // "the town of Kalbajar was shelled": a settlement or division named without a preposition.
        const pk = g.curated.locatives.parts.get(doc.lower[k]);
        if (pk === 'town' || pk === 'admin') w = { doc, g, sentStart: a, limit: b, prep: k, prepKind: 'of' };
      }
      if (!w) continue;
      let m = walk(w, from, [], null);
      // Coordinated names share the phrase: "in Aleppo and Idlib", "in Kalbajar, Lachin and Agdam".
      for (let n = 0; m && n < 4; n++) {
        if (!starts.has(m.start)) {
          starts.add(m.start);
          out.push(m);
        }
        covered = Math.max(covered, m.next);
        k = Math.max(k, m.next - 1);
        let e = m.next;
        const comma = doc.value[e] === ',';
        while (e < b && (doc.value[e] === ',' || doc.lower[e] === 'and' || doc.lower[e] === 'or')) e++;
        if (e === m.next || e >= b) break;
        m = walk(w, e, [], null);
        // After a bare comma only a list goes on ("in Aleppo, Idlib and Hama"), not a new clause
        // ("in Guatemala, Morales said").
        if (m && comma && !listGoesOn(doc, m.next, b)) m = null;
      }
    }
  }
  cache.set(doc, out);
  return out;
}
