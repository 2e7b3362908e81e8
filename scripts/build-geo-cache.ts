/**
 * Builds the gazetteer's GeoNames cache ahead of time (the coder otherwise builds it on first use)
 * and reports what it costs:  node --import tsx scripts/build-geo-cache.ts
 * The cache goes to $DYAD_CACHE_DIR or node_modules/.cache/dyad (see src/geo/cache.ts).
 */
import { statSync } from 'node:fs';
import { buildTables, sourceFiles } from '../src/geo/geonames.js';
import { cachePath, stampOf, writeCache } from '../src/geo/cache.js';

const files = sourceFiles();
const path = cachePath(files);
if (!path) {
  console.error('DYAD_CACHE_DIR=off: nothing to build');
  process.exit(2);
}
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const tables = buildTables(files);
const t1 = performance.now();
writeCache(path, tables, stampOf(files));
const t2 = performance.now();
console.log(JSON.stringify({
  cache: path,
  places: tables.n,
  divisions: tables.admin1.length,
  keys: tables.keys.keyOff.length - 1,
  build_ms: Math.round(t1 - t0),
  write_ms: Math.round(t2 - t1),
  bytes: statSync(path).size,
  build_rss_added_mb: Math.round((process.memoryUsage().rss - rss0) / 1e6),
}));
