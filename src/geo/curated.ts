/**
 * The hand-made part of the gazetteer: locative words, curated regions, country names and adjectives
 * (world-countries plus data/geo/country_names.tsv), the stop-list and state abbreviations.
 * Small (a few thousand keys): read and validated at every start.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from '../lexicon/tsv.js';
import { placeKey } from './fold.js';

export type PrepKind = 'in' | 'at' | 'on';
export type PartKind = 'admin' | 'town' | 'area' | 'part' | 'site' | 'terr';

export interface Prep {
  /** Lower-case tokens ("north", "-", "east", "of"). */
  words: string[];
  kind: PrepKind;
}

export interface Locatives {
  /** Prepositions by first token, longest first. */
  preps: Map<string, Prep[]>;
  parts: Map<string, PartKind>;
  mods: Set<string>;
  /** Nouns whose locative phrase places their topic, not the event ("the situation in Syria"). */
  topics: Set<string>;
}

export type RegionKind = 'region' | 'sea' | 'continent';

export interface Region {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  kind: RegionKind;
}

export interface CountryInfo {
  iso3: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface CountryName {
  iso3: string;
  /**
   * Spellings written in capitals ("US", "U.S.", "UAE"): in mixed-case text the span must be one of
   * them exactly. Null for ordinary names.
   */
  acronyms: Set<string> | null;
}

export type StopLevel = 'never' | 'context';

export interface Curated {
  locatives: Locatives;
  regions: Region[];
  /** Key -> index into regions. */
  regionKeys: Map<string, number>;
  countries: Map<string, CountryInfo>;
  countryKeys: Map<string, CountryName>;
  /** ISO 3166 alpha-2 -> alpha-3 (GeoNames country codes). */
  iso2to3: Map<string, string>;
  /** Adjective keys -> the country they name, or null (European, Kurdish). */
  adjectives: Map<string, string | null>;
  stop: Map<string, StopLevel>;
  /** Abbreviation key -> GeoNames admin1 code. */
  abbrev: Map<string, string>;
  /** Abbreviation key -> its line in admin1_abbrev.tsv (for errors found once GeoNames is loaded). */
  abbrevLines: Map<string, number>;
  /** Every proper word-prefix of a region, country or adjective key ("nagorno", "latin"). */
  prefixes: Set<string>;
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  independent: boolean | null;
  area: number;
  latlng: number[];
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

const PREP_KINDS = new Set(['in', 'at', 'on']);
const PART_KINDS = new Set(['admin', 'town', 'area', 'part', 'site', 'terr']);
const REGION_KINDS = new Set(['region', 'sea', 'continent']);
const ISO3 = /^[A-Z]{3}$/;
const ACRONYM = /^[A-Z][A-Z.]*$/;

/** Splits a phrase into the tokens the text stage makes: words and separate hyphens. */
function phraseTokens(p: string): string[] {
  return p.toLowerCase().split(/\s+/).flatMap((w) => w.split(/(-)/)).filter((t) => t.length > 0);
}

function loadLocatives(dir: string): Locatives {
  const preps = new Map<string, Prep[]>();
  const parts = new Map<string, PartKind>();
  const mods = new Set<string>();
  const topics = new Set<string>();
  for (const r of readTsv(join(dir, 'locatives.tsv'), 2, 2, 'geo/locatives.tsv')) {
    const [phrase, kind] = r.cols;
    if (phrase !== phrase.toLowerCase()) throw new LexiconError(r.file, r.line, `phrase must be lower case, got "${phrase}"`);
    const words = phraseTokens(phrase);
    if (PREP_KINDS.has(kind)) {
      const list = preps.get(words[0]) ?? [];
      if (list.some((p) => p.words.join(' ') === words.join(' '))) throw new LexiconError(r.file, r.line, `duplicate preposition "${phrase}"`);
      list.push({ words, kind: kind as PrepKind });
      list.sort((a, b) => b.words.length - a.words.length);
      preps.set(words[0], list);
    } else if (PART_KINDS.has(kind)) {
      if (words.length !== 1) throw new LexiconError(r.file, r.line, `a part noun is one word, got "${phrase}"`);
      if (parts.has(phrase)) throw new LexiconError(r.file, r.line, `duplicate part noun "${phrase}"`);
      parts.set(phrase, kind as PartKind);
    } else if (kind === 'mod') {
      if (words.length !== 1) throw new LexiconError(r.file, r.line, `a modifier is one word, got "${phrase}"`);
      mods.add(phrase);
    } else if (kind === 'topic') {
      if (words.length !== 1) throw new LexiconError(r.file, r.line, `a topic noun is one word, got "${phrase}"`);
      topics.add(phrase);
    } else {
      throw new LexiconError(r.file, r.line, `kind must be in, at, on, admin, town, area, part, site, terr, mod or topic, got "${kind}"`);
    }
  }
  return { preps, parts, mods, topics };
}

function coordinate(file: string, line: number, field: string, s: string, max: number): number {
  const x = Number(s);
  if (s === '' || !Number.isFinite(x) || Math.abs(x) > max) throw new LexiconError(file, line, `${field} must be a number within ±${max}, got "${s}"`);
  return x;
}

function key(file: string, line: number, name: string): string {
  const k = placeKey(name);
  if (k === null) throw new LexiconError(file, line, `"${name}" has no Latin-letter form to match`);
  return k;
}

function addPrefixes(prefixes: Set<string>, k: string): void {
  for (let i = k.indexOf(' '); i > 0; i = k.indexOf(' ', i + 1)) prefixes.add(k.slice(0, i));
}

export function loadCurated(dataDir = DEFAULT_DATA_DIR): Curated {
  const dir = join(dataDir, 'geo');
  const require = createRequire(import.meta.url);
  const world = (require('world-countries/countries.json') as WorldCountry[]).map((c) => ({ ...c, cca3: c.cca3 === 'UNK' ? 'XKX' : c.cca3 }));
  const prefixes = new Set<string>();

  const countries = new Map<string, CountryInfo>();
  const iso2to3 = new Map<string, string>();
  for (const c of world) {
    countries.set(c.cca3, { iso3: c.cca3, name: c.name.common, lat: c.latlng[0] ?? null, lon: c.latlng[1] ?? null });
    iso2to3.set(c.cca2, c.cca3);
  }

  // Curated regions first: a name here wins over the same name anywhere else.
  const regions: Region[] = [];
  const regionKeys = new Map<string, number>();
  for (const r of readTsv(join(dir, 'regions.tsv'), 6, 6, 'geo/regions.tsv')) {
    const [name, others, country, la, lo, kind] = r.cols;
    if (country !== '-' && !countries.has(country)) throw new LexiconError(r.file, r.line, `country must be an ISO3 code known to world-countries or -, got "${country}"`);
    if (!REGION_KINDS.has(kind)) throw new LexiconError(r.file, r.line, `kind must be region, sea or continent, got "${kind}"`);
    const reg: Region = {
      name, country: country === '-' ? null : country, kind: kind as RegionKind,
      lat: coordinate(r.file, r.line, 'lat', la, 90), lon: coordinate(r.file, r.line, 'lon', lo, 180),
    };
    const names = [name, ...(others === '-' ? [] : others.split('|').map((s) => s.trim()))];
    for (const n of names) {
      const k = key(r.file, r.line, n);
      const have = regionKeys.get(k);
      if (have === regions.length) continue; // the same name in another case or spelling
      if (have !== undefined) throw new LexiconError(r.file, r.line, `"${n}" is already listed for ${regions[have].name}`);
      regionKeys.set(k, regions.length);
      addPrefixes(prefixes, k);
    }
    regions.push(reg);
  }

  const countryKeys = new Map<string, CountryName>();
  const adjectives = new Map<string, string | null>();
  const addCountryName = (name: string, iso3: string, k: string) => {
    const acr = ACRONYM.test(name) ? name : null;
    const have = countryKeys.get(k);
    if (have) {
      // "US" and "U.S." share a key: both spellings are accepted.
      if (have.iso3 === iso3 && acr && have.acronyms) have.acronyms.add(acr);
      return;
    }
    countryKeys.set(k, { iso3, acronyms: acr ? new Set([acr]) : null });
    addPrefixes(prefixes, k);
  };
  for (const r of readTsv(join(dir, 'country_names.tsv'), 5, 5, 'geo/country_names.tsv')) {
    const [name, iso3, kind, la, lo] = r.cols;
    if (kind !== 'name' && kind !== 'adj') throw new LexiconError(r.file, r.line, `kind must be name or adj, got "${kind}"`);
    if (iso3 !== '-' && !ISO3.test(iso3)) throw new LexiconError(r.file, r.line, `country must be an ISO3 code or -, got "${iso3}"`);
    if (iso3 === '-' && kind === 'name') throw new LexiconError(r.file, r.line, 'a country name needs its ISO3 code');
    if (iso3 !== '-' && !countries.has(iso3)) {
      if (la === '-' || lo === '-') throw new LexiconError(r.file, r.line, `${iso3} is not in world-countries: give its lat and lon`);
      countries.set(iso3, { iso3, name, lat: coordinate(r.file, r.line, 'lat', la, 90), lon: coordinate(r.file, r.line, 'lon', lo, 180) });
    }
    const k = key(r.file, r.line, name);
    if (kind === 'adj') {
      if (!adjectives.has(k)) adjectives.set(k, iso3 === '-' ? null : iso3);
      addPrefixes(prefixes, k);
    } else {
      addCountryName(name, iso3, k);
    }
  }
  // Sovereign and larger countries first, so a shared name or demonym goes to the more likely one.
  const sorted = [...world].sort((a, b) => Number(b.independent) - Number(a.independent) || b.area - a.area);
  for (const c of sorted) {
    // Spellings of 2-3 letters are ISO codes (AM, IN, IT, TO); the short forms news uses are in the file.
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length >= 4)]) {
      const k = placeKey(n);
      if (k) addCountryName(n, c.cca3, k);
    }
  }
  for (const c of sorted) {
    const d = c.demonyms?.eng;
    if (!d) continue;
    for (const n of [d.m, d.f]) {
      const k = n ? placeKey(n) : null;
      if (k && !adjectives.has(k)) {
        adjectives.set(k, c.cca3);
        addPrefixes(prefixes, k);
      }
    }
  }

  const stop = new Map<string, StopLevel>();
  for (const r of readTsv(join(dir, 'stoplist.tsv'), 2, 3, 'geo/stoplist.tsv')) {
    const [name, level] = r.cols;
    if (level !== 'never' && level !== 'context') throw new LexiconError(r.file, r.line, `level must be never or context, got "${level}"`);
    const k = key(r.file, r.line, name);
    if (stop.has(k)) throw new LexiconError(r.file, r.line, `duplicate entry "${name}"`);
    stop.set(k, level);
  }

  const abbrev = new Map<string, string>();
  const abbrevLines = new Map<string, number>();
  for (const r of readTsv(join(dir, 'admin1_abbrev.tsv'), 2, 2, 'geo/admin1_abbrev.tsv')) {
    const [name, code] = r.cols;
    if (!/^[A-Z]{2}\.\w+$/.test(code)) throw new LexiconError(r.file, r.line, `admin1 code must look like US.NY, got "${code}"`);
    const k = key(r.file, r.line, name);
    abbrev.set(k, code);
    abbrevLines.set(k, r.line);
  }

  return { locatives: loadLocatives(dir), regions, regionKeys, countries, countryKeys, iso2to3, adjectives, stop, abbrev, abbrevLines, prefixes };
}
