/**
 * Geocoding events: the place a sentence says an event happened at, and the article-wide country
 * counts that disambiguate it. Mentions are found once per document; a call per event only ranks the
 * few mentions of its sentence.
 */
import type { TextDoc } from '../pipeline/text.js';
import type { LocationRef } from '../pipeline/types.js';
import { clauseEnd, clauseStart } from '../pipeline/events/clause.js';
import { placeKey } from './fold.js';
import { geoPostings, lookupKey, type GeoIndex } from './gazetteer.js';
import { datelineMention, placeMentions, type PlaceMention } from './mentions.js';
import { resolveMention, resolvePlace, type GeoHints, type Resolved } from './resolve.js';

export type { GeoHints } from './resolve.js';

export interface ArticlePlaces {
  /** ISO3 -> mentions of the country (name or adjective, anywhere) and of places in it. */
  countries: Map<string, number>;
  /** GeoNames admin1 code -> mentions of the division and of places in it. */
  admin1: Map<string, number>;
}

const articleCache = new WeakMap<TextDoc, ArticlePlaces>();

function bump(m: Map<string, number>, k: string, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

/**
 * Countries and divisions an article talks about: country names and adjectives anywhere (actors
 * included: "Azerbaijan said" makes Azerbaijani places likelier), then the places its locative phrases
 * resolve to with those counts as context. Computed once per document.
 */
export function articlePlaces(g: GeoIndex, doc: TextDoc): ArticlePlaces {
  const have = articleCache.get(doc);
  if (have) return have;
  const countries = new Map<string, number>();
  const admin1 = new Map<string, number>();
  for (let k = 0; k < doc.n; k++) {
    if (!doc.allCaps && doc.cap[k] !== 1) continue;
    let best: { end: number; iso: string } | null = null;
    for (let j = k + 1; j <= doc.n && j - k <= 6; j++) {
      if (j - 1 > k && (doc.value[j - 1] === "'s" || doc.value[j - 1] === '’s')) break;
      const key = placeKey(doc.text.slice(doc.start[k], doc.end[j - 1]));
      if (key === null) break;
      const iso = countryOf(g, doc, k, j, key);
      if (iso !== undefined) best = iso ? { end: j, iso } : null;
      if (!g.curated.prefixes.has(key)) break;
    }
    if (best) {
      bump(countries, best.iso);
      k = best.end - 1;
    }
  }
  const hints: GeoHints = { actorCountries: [], articleCountries: countries, articleAdmin1: admin1 };
  const found: Resolved[] = [];
  // The dateline place counts twice: the story is filed from there (read as a name in any case).
  const dl = datelineMention(g, doc);
  const dr = dl ? resolvePlace(g, dl, hints, false) : null;
  if (dr) found.push(dr, dr);
  for (const m of placeMentions(g, doc)) {
    const r = resolvePlace(g, m, hints, doc.allCaps);
    // Countries were counted already; towns, divisions and regions add their country.
    if (r) found.push(r);
  }
  for (const r of found) {
    if (r.loc.country && r.loc.precision !== 'country') bump(countries, r.loc.country);
    if (r.admin1Code) bump(admin1, r.admin1Code);
  }
  const out = { countries, admin1 };
  articleCache.set(doc, out);
  return out;
}

/** The dateline's place ("KABUL (Reuters) -"), or null: a fallback for events the sentence does not place. */
export function datelineLocation(g: GeoIndex, doc: TextDoc): LocationRef | null {
  const m = datelineMention(g, doc);
  if (!m) return null;
  const a = articlePlaces(g, doc);
  return resolvePlace(g, m, { actorCountries: [], articleCountries: a.countries, articleAdmin1: a.admin1 }, false)?.loc ?? null;
}

/** ISO3 codes counted in articleCountries, most mentioned first. */
export function articlePlaceCountries(g: GeoIndex, doc: TextDoc): Map<string, number> {
  return articlePlaces(g, doc).countries;
}

/**
 * The country a name or adjective at [k, j) stands for: a code, null for a name that names no one
 * country (a region, "European"), undefined when the span is no such name.
 */
function countryOf(g: GeoIndex, doc: TextDoc, k: number, j: number, key: string): string | null | undefined {
  const c = g.curated;
  const region = c.regionKeys.get(key);
  if (region !== undefined) return c.regions[region].country;
  const name = c.countryKeys.get(key);
  if (name) {
    const surface = doc.text.slice(doc.start[k], doc.end[j - 1]);
    if (name.acronyms && (doc.allCaps ? key.length < 3 && !surface.includes('.') : !name.acronyms.has(surface))) return undefined;
    // "Georgia" is also a US state: it says nothing about which country the article is about.
    const geo = lookupKey(g, key)?.geo ?? -1;
    if (geo >= 0) {
      for (const p of geoPostings(g, geo)) {
        const id = p >>> 1;
        if (id >= g.tables.n && (p & 1) === 0 && c.iso2to3.get(g.tables.admin1[id - g.tables.n].cc) !== name.iso3) return null;
      }
    }
    return name.iso3;
  }
  if (c.adjectives.has(key)) return c.adjectives.get(key)!;
  return undefined;
}

/** An infinitive or relative clause between the trigger and the phrase: "extradite him to face charges in Mexico". */
function opensClause(doc: TextDoc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (doc.lower[k] === 'to' && k + 1 < to && doc.pos[k + 1] === 'VERB') return true;
    if (RELATIVE.has(doc.lower[k]) && (doc.pos[k] === 'PRON' || doc.pos[k] === 'DET' || doc.pos[k] === 'SCONJ')) return true;
  }
  return false;
}

/** The phrase opens the sentence, before any verb: "In Kabul, police ...", "On Sunday in London, a man ...". */
function fronted(doc: TextDoc, from: number, m: PlaceMention): boolean {
  for (let k = from; k < m.prep; k++) {
    const p = doc.pos[k];
    if (p === 'VERB' || p === 'AUX' || RELATIVE.has(doc.lower[k])) return false;
  }
  return true;
}

const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'where', 'whose']);

/**
 * The location of an event: the place the sentence says the event happened at (a locative phrase:
 * in/at/near/outside/across/north of X, on the X section of...), nearest the trigger within its clause,
 * or a place phrase that opens the sentence; null when none resolves. A phrase after a topic noun
 * ("the situation in Syria") or inside an infinitive or relative clause after the trigger ("to face
 * charges in Mexico") places something else.
 */
export function eventLocation(g: GeoIndex, doc: TextDoc, from: number, to: number, trigger: { start: number; end: number },
  hints: GeoHints): LocationRef | null {
  const all = placeMentions(g, doc);
  const mine: PlaceMention[] = [];
  const topics = g.curated.locatives.topics;
  for (const m of all) {
    if (m.prep < from || m.end > to) continue;
    // "discussed the situation in Syria": the place of the topic, unless the topic is the event.
    const before = m.prep - 1;
    if (before >= from && topics.has(doc.lower[before]) && (before < trigger.start || before >= trigger.end)) continue;
    mine.push(m);
  }
  if (mine.length === 0) return null;
  const cs = clauseStart(doc, trigger.start, from);
  const ce = clauseEnd(doc, trigger.start, to);
  const near: PlaceMention[] = [];
  for (const m of mine) {
    if (m.prep >= cs && m.prep < ce) {
      if (m.prep >= trigger.end && opensClause(doc, trigger.end, m.prep)) continue;
      near.push(m);
    } else if (m.prep < cs && fronted(doc, from, m)) {
      // "In Kabul, police arrested ...": a place phrase that opens the sentence.
      near.push(m);
    }
  }
  const dist = (m: PlaceMention) => (m.start >= trigger.end ? m.prep - trigger.end : trigger.start - m.end + 0.5);
  near.sort((a, b) => dist(a) - dist(b));
  for (const m of near) {
    const loc = resolveMention(g, m, hints, doc.allCaps);
    if (loc) return asWritten(doc, m, loc);
  }
  return null;
}

/**
 * A town or division is named as the text writes it ("Kalbajar", not GeoNames' "Kerbakhiar"): the
 * geonames_id and coordinates identify it; the name is what a reader of the article recognises.
 */
function asWritten(doc: TextDoc, m: PlaceMention, loc: LocationRef): LocationRef {
  if (loc.precision !== 'city' && loc.precision !== 'admin1') return loc;
  const surface = doc.text.slice(doc.start[m.start], doc.end[m.end - 1]);
  if (doc.allCaps || surface === loc.name) return loc;
  return { ...loc, name: surface };
}
