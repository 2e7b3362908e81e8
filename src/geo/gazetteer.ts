/**
 * The gazetteer: GeoNames tables (cached, see cache.ts) plus the curated data, loaded once per process.
 * Lookups are by place key (fold.ts): which regions, countries, divisions and towns carry a name.
 */
import { loadCurated, type Curated } from './curated.js';
import { buildTables, sourceFiles, type GeoTables } from './geonames.js';
import { cacheIsCurrent, cachePaths, readCache, stampOf, writeCache } from './cache.js';
import { continues, findKey, postings } from './keyindex.js';
import { LexiconError, DEFAULT_DATA_DIR } from '../lexicon/tsv.js';

export interface LoadStats {
  /** Wall time of loadGeoIndex, ms. */
  ms: number;
  /** Where the GeoNames tables came from. */
  source: 'cache' | 'built' | 'built+cached';
  cacheFile: string | null;
  places: number;
  keys: number;
}

export interface GeoIndex {
  tables: GeoTables;
  curated: Curated;
  /** ISO3 per GeoNames country index (tables.cc), null when world-countries lacks the code. */
  ccIso3: (string | null)[];
  /** GeoNames admin1 code -> index into tables.admin1. */
  adminByCode: Map<string, number>;
  stats: LoadStats;
}

let cached: GeoIndex | null = null;

/** The process-wide gazetteer (loaded on first call). */
export function loadGeoIndex(): GeoIndex {
  cached ??= createGeoIndex();
  return cached;
}

/**
 * Makes sure the GeoNames cache file exists (building it once if not) without keeping the tables:
 * the main thread calls it before starting workers, so they do not all build it at once.
 */
export function ensureGeoCache(): void {
  if (cached) return;
  const files = sourceFiles();
  const stamp = stampOf(files);
  const paths = cachePaths(files);
  for (const p of paths) if (cacheIsCurrent(p, stamp)) return;
  const tables = buildTables(files);
  for (const p of paths) {
    try {
      writeCache(p, tables, stamp);
      return;
    } catch { /* try the next place */ }
  }
}

/** Loads a gazetteer (tests may pass another data directory; the GeoNames cache is shared). */
export function createGeoIndex(dataDir = DEFAULT_DATA_DIR): GeoIndex {
  const t0 = performance.now();
  const files = sourceFiles();
  const stamp = stampOf(files);
  const paths = cachePaths(files);
  let tables: GeoTables | null = null;
  let path: string | null = null;
  for (const p of paths) {
    tables = readCache(p, stamp);
    if (tables) { path = p; break; }
  }
  let source: LoadStats['source'] = 'cache';
  if (!tables) {
    tables = buildTables(files);
    source = 'built';
    const errors: string[] = [];
    for (const p of paths) {
      try {
        writeCache(p, tables, stamp);
        source = 'built+cached';
        path = p;
        break;
      } catch (e) {
        errors.push(`${p}: ${(e as Error).message}`);
      }
    }
    // A read-only install still works, only slower to start.
    if (source === 'built' && errors.length > 0) process.emitWarning(`geo cache not written (${errors.join('; ')})`);
  }
  const curated = loadCurated(dataDir);
  const ccIso3 = tables.ccList.map((c) => curated.iso2to3.get(c) ?? null);
  const adminByCode = new Map<string, number>();
  tables.admin1.forEach((a, i) => adminByCode.set(a.code, i));
  for (const [k, code] of curated.abbrev) {
    if (!adminByCode.has(code)) throw new LexiconError('geo/admin1_abbrev.tsv', curated.abbrevLines.get(k) ?? 0, `GeoNames has no division ${code}`);
  }
  return {
    tables, curated, ccIso3, adminByCode,
    stats: { ms: performance.now() - t0, source, cacheFile: path, places: tables.n, keys: tables.keys.keyOff.length - 1 },
  };
}

/** What one place key names. */
export interface KeyHits {
  region: number | null;
  country: string | null;
  adjective: boolean;
  /** Country of the adjective (null for "European"). */
  adjCountry: string | null;
  /** Index into the GeoNames key table, or -1. */
  geo: number;
}

export function lookupKey(g: GeoIndex, k: string): KeyHits | null {
  const c = g.curated;
  const region = c.regionKeys.get(k) ?? null;
  const country = c.countryKeys.get(k)?.iso3 ?? null;
  const adjective = c.adjectives.has(k);
  const geo = findKey(g.tables.keys, k);
  if (region === null && country === null && !adjective && geo < 0) return null;
  return { region, country, adjective, adjCountry: adjective ? c.adjectives.get(k)! : null, geo };
}

/** True when a longer key may start with k followed by more words. */
export function keyContinues(g: GeoIndex, k: string): boolean {
  return g.curated.prefixes.has(k) || continues(g.tables.keys, k);
}

/** GeoNames postings of a key-table entry ((id << 1) | alt; ids >= tables.n are divisions). */
export function geoPostings(g: GeoIndex, geo: number): Uint32Array {
  return postings(g.tables.keys, geo);
}
