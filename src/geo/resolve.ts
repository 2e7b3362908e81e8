/**
 * Resolving a place mention to one place. Curated regions first, then countries (only where the
 * phrase can hold a country: "in Iraq", not "near Iraq"), then GeoNames divisions and towns ranked by
 * context (the event's actors, the article's countries, the phrase's own "Syrian city of") and size
 * (population, capital or seat of a division). Conservative: a weak or ambiguous reading gives null.
 */
import type { LocationRef } from '../pipeline/types.js';
import type { GeoIndex } from './gazetteer.js';
import { geoPostings } from './gazetteer.js';
import { NO_ADMIN, RANK, placeName, round5 } from './geonames.js';
import type { PlaceMention } from './mentions.js';
import type { Region } from './curated.js';
import { placeKey } from './fold.js';

export interface GeoHints {
  /** ISO3 codes of the event's actors. */
  actorCountries: readonly string[];
  /** ISO3 -> how often the article names the country or a place in it. */
  articleCountries: ReadonlyMap<string, number>;
  /** GeoNames admin1 code ("US.NY") -> how often the article names the division or a place in it. */
  articleAdmin1?: ReadonlyMap<string, number>;
}

/** Score added per piece of context (in log10-population units: 2 = a town 100 times bigger). */
const W_LOCAL = 3;
const W_ACTOR = 2;
const W_ARTICLE = 1.5;
const W_ADMIN = 1;
/** Bonus by feature rank (section, town, 3rd-4th level seat, 2nd level seat, 1st level seat, capital). */
const RANK_BONUS = [-1, 0, 0.2, 0.4, 1, 1.5];
const ALT_PENALTY = 0.5;
/** A reading needs this margin over the best reading elsewhere (another country or division). */
const MARGIN = 0.3;
/** Without any context a town must be at least this big (or a capital or first-level seat). */
const MIN_POP_NO_CONTEXT = 15000;
/** A name known only as an alternate spelling ("Kiev", "Bombay") without context. */
const MIN_POP_ALT_NO_CONTEXT = 500000;
/** An alternate name with only the article's countries as context. */
const MIN_POP_ALT_ARTICLE = 10000;
/** Capital-letter text without context: only the big towns. */
const MIN_POP_CAPS_NO_CONTEXT = 1000000;

/** A resolved place: the output record and, for towns and divisions, the division's GeoNames code. */
export interface Resolved {
  loc: LocationRef;
  admin1Code: string | null;
}

function plain(loc: LocationRef | null): Resolved | null {
  return loc ? { loc, admin1Code: null } : null;
}

export function countryRef(g: GeoIndex, iso3: string): LocationRef | null {
  const c = g.curated.countries.get(iso3);
  if (!c) return null;
  return { name: c.name, country: iso3, admin1: null, lat: c.lat, lon: c.lon, geonames_id: null, precision: 'country' };
}

function regionRef(r: Region): LocationRef {
  return { name: r.name, country: r.country, admin1: null, lat: r.lat, lon: r.lon, geonames_id: null, precision: 'region' };
}

function adminRef(g: GeoIndex, a: number): Resolved {
  const e = g.tables.admin1[a];
  const country = g.curated.iso2to3.get(e.cc) ?? null;
  const ok = Number.isFinite(e.lat);
  return {
    loc: { name: e.name, country, admin1: e.name, lat: ok ? e.lat : null, lon: ok ? e.lon : null, geonames_id: null, precision: 'admin1' },
    admin1Code: e.code,
  };
}

function cityRef(g: GeoIndex, i: number): Resolved {
  const t = g.tables;
  const a = t.adm[i];
  return {
    loc: {
      name: placeName(t, i), country: g.ccIso3[t.cc[i]], admin1: a === NO_ADMIN ? null : t.admin1[a].name,
      lat: round5(t.lat[i]), lon: round5(t.lon[i]), geonames_id: t.gid[i], precision: 'city',
    },
    admin1Code: a === NO_ADMIN ? null : t.admin1[a].code,
  };
}

interface Cand {
  /** Place index, or tables.n + admin1 index. */
  id: number;
  admin: boolean;
  alt: boolean;
  country: string | null;
  /** Admin1 index of the place (or the division itself), NO_ADMIN when none. */
  adm: number;
  pop: number;
  rank: number;
  ctx: number;
  score: number;
}

function context(country: string | null, adm: number, g: GeoIndex, m: PlaceMention, h: GeoHints): number {
  if (!country) return 0;
  let c = 0;
  if (m.local.includes(country)) c += W_LOCAL;
  if (h.actorCountries.includes(country)) c += W_ACTOR;
  const n = h.articleCountries.get(country) ?? 0;
  if (n > 0) c += W_ARTICLE + 0.25 * Math.min(Math.log2(n), 2);
  if (adm !== NO_ADMIN && h.articleAdmin1 && (h.articleAdmin1.get(g.tables.admin1[adm].code) ?? 0) > 0) c += W_ADMIN;
  return c;
}

function inContext(country: string | null, m: PlaceMention, h: GeoHints): boolean {
  return country !== null && (m.local.includes(country) || h.actorCountries.includes(country) || (h.articleCountries.get(country) ?? 0) > 0);
}

function candidates(g: GeoIndex, m: PlaceMention, h: GeoHints): Cand[] {
  const t = g.tables;
  const out: Cand[] = [];
  if (m.hits.geo < 0) return out;
  for (const p of geoPostings(g, m.hits.geo)) {
    const id = p >>> 1;
    const alt = (p & 1) === 1;
    if (id < t.n) {
      const country = g.ccIso3[t.cc[id]];
      out.push({ id, admin: false, alt, country, adm: t.adm[id], pop: t.pop[id], rank: t.rank[id], ctx: 0, score: 0 });
    } else {
      const a = id - t.n;
      const e = t.admin1[a];
      out.push({ id, admin: true, alt, country: g.curated.iso2to3.get(e.cc) ?? null, adm: a, pop: e.pop, rank: RANK.seat1, ctx: 0, score: 0 });
    }
  }
  for (const c of out) {
    c.ctx = context(c.country, c.adm, g, m, h);
    // A town known by its division's name ("Kalbajar" for GeoNames' Kerbakhiar, seat of Kalbajar
    // district) is as good as its main name; not where the name is a shortening of the town's
    // ("Oklahoma" for Oklahoma City names the state).
    if (c.alt && !c.admin && c.adm !== NO_ADMIN && (placeKey(t.admin1[c.adm].name) ?? '').startsWith(m.key)
      && !(placeKey(placeName(t, c.id)) ?? '').startsWith(m.key + ' ')) c.alt = false;
  }
  return out;
}

function score(cands: Cand[], m: PlaceMention): void {
  const adminOf = new Set(cands.filter((c) => c.admin).map((c) => c.adm));
  for (const c of cands) {
    let s = Math.log10(c.pop + 1) + c.ctx;
    if (c.admin) {
      s -= 0.5;
      if (m.part === 'admin') s += 3;
    } else {
      // An alternate name ("Kiev", "Oklahoma" for Oklahoma City) earns no bonus for rank.
      s += c.alt ? -ALT_PENALTY : RANK_BONUS[c.rank] ?? 0;
      if (m.part === 'town') s += 1;
      // The town that gives its division its name ("Kalbajar", "Aleppo"): the town, unless the text
      // says "province".
      if (!c.alt && adminOf.has(c.adm) && m.part !== 'admin' && (c.pop >= 100000 || c.rank >= RANK.seat1)) s += 1;
    }
    c.score = s;
  }
  cands.sort((a, b) => b.score - a.score || b.pop - a.pop);
}

/** The best GeoNames reading, or null when too weak or ambiguous. */
function resolveGeo(g: GeoIndex, m: PlaceMention, h: GeoHints, allCaps: boolean, cands: Cand[]): Resolved | null {
  if (m.qualAdmins.length > 0) {
    const q = cands.filter((c) => m.qualAdmins.includes(c.adm));
    if (q.length > 0) cands = q;
  }
  // The phrase names the country ("the Syrian city of", "Kalbajar, Azerbaijan"): only places there.
  if (m.local.length > 0) cands = cands.filter((c) => c.country !== null && m.local.includes(c.country));
  // "Lincoln County", "Middlesex County": a division GeoNames does not list (second level) is not
  // the town of that name.
  if (m.divisionName) cands = cands.filter((c) => c.admin);
  if (cands.length === 0) return null;
  score(cands, m);
  const best = cands[0];
  const supported = inContext(best.country, m, h) || m.qualAdmins.includes(best.adm);
  const level = g.curated.stop.get(m.key);
  if (level === 'context' && !(supported && m.properCase)) return null;
  // A small place known only by an alternate name ("Kelly" for Harvest, Alabama) needs the event's
  // own countries, not just the article's.
  if (best.alt && best.pop < MIN_POP_ALT_ARTICLE && !(best.country && (m.local.includes(best.country) || h.actorCountries.includes(best.country)))) return null;
  if (!supported) {
    if (allCaps) {
      // Capital-letter text has no case to tell "IN SPLIT SECONDS" from "IN SPLIT": big places and
      // national capitals only.
      if (best.admin || (best.pop < MIN_POP_CAPS_NO_CONTEXT && best.rank < RANK.capital)) return null;
    } else if (best.alt) {
      if (best.pop < MIN_POP_ALT_NO_CONTEXT) return null;
    } else if (best.admin) {
      if (best.pop < 100000) return null;
    } else if (best.pop < MIN_POP_NO_CONTEXT && best.rank < RANK.seat1) {
      return null;
    }
  }
  // Another reading almost as good in another country or division: too ambiguous to say.
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i];
    if (best.score - c.score >= MARGIN) break;
    if (c.country !== best.country || (c.adm !== best.adm && !c.admin && !best.admin)) return null;
  }
  return best.admin ? adminRef(g, best.adm) : cityRef(g, best.id);
}

/** The place a mention names, given the event's and the article's countries; null when unsure. */
export function resolveMention(g: GeoIndex, m: PlaceMention, h: GeoHints, allCaps: boolean): LocationRef | null {
  return resolvePlace(g, m, h, allCaps)?.loc ?? null;
}

/** As resolveMention, with the division code of the place (for counting the article's divisions). */
export function resolvePlace(g: GeoIndex, m: PlaceMention, h: GeoHints, allCaps: boolean): Resolved | null {
  if (m.territory) return plain(countryRef(g, m.territory));
  const hits = m.hits;
  // A country can only be where something happened after "in"-type words or "the north of".
  const countryOk = m.prepKind === 'in' || m.part === 'area';
  if (hits.region !== null) {
    const r = g.curated.regions[hits.region];
    if (r.kind === 'continent' && !countryOk) return null;
    return plain(regionRef(r));
  }
  if (hits.country !== null) {
    const cands = candidates(g, m, h);
    // "Lebanon, Pa.": the qualifier says it is a town elsewhere.
    if (m.qualAdmins.length > 0) {
      const q = cands.filter((c) => m.qualAdmins.includes(c.adm));
      if (q.length > 0) return resolveGeo(g, m, h, false, q);
    }
    // "Georgia" in a story about the United States: the state, when only its country is in context.
    if (!inContext(hits.country, m, h)) {
      const state = cands.find((c) => c.admin && !c.alt && c.country !== hits.country && inContext(c.country, m, h));
      if (state) return adminRef(g, state.adm);
    }
    return countryOk ? plain(countryRef(g, hits.country)) : null;
  }
  if (hits.geo < 0) return null;
  return resolveGeo(g, m, h, allCaps, candidates(g, m, h));
}
