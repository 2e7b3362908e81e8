import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGeoIndex, lookupKey, geoPostings } from '../../src/geo/gazetteer.js';
import { readCache, writeCache, type CacheStamp } from '../../src/geo/cache.js';
import { placeName } from '../../src/geo/geonames.js';
import { DEFAULT_DATA_DIR } from '../../src/lexicon/tsv.js';
import { geo } from './helpers.js';

test('the gazetteer holds the GeoNames towns, divisions and curated data', () => {
  const g = geo();
  assert.ok(g.stats.places > 190000, `places ${g.stats.places}`);
  assert.ok(g.tables.admin1.length > 3000);
  assert.ok(g.stats.keys > 400000);
  // Kalbajar is in GeoNames as "Kerbakhiar", with "Kalbajar" among its alternate names.
  const h = lookupKey(g, 'kalbajar')!;
  const towns = [...geoPostings(g, h.geo)].filter((p) => p >>> 1 < g.tables.n).map((p) => placeName(g.tables, p >>> 1));
  assert.ok(towns.includes('Kerbakhiar'), towns.join(','));
  assert.equal(g.curated.regions[lookupKey(g, 'nagorno karabakh')!.region!].country, 'AZE');
  assert.equal(lookupKey(g, 'usa')!.country, 'USA');
  assert.equal(lookupKey(g, 'kosovo')!.country, 'XKX');
  assert.equal(lookupKey(g, 'european')!.adjective, true);
});

test('the cache round-trips the tables and is ignored when stale', () => {
  const g = geo();
  const dir = mkdtempSync(join(tmpdir(), 'dyad-geo-'));
  try {
    const path = join(dir, 'geo.bin');
    const stamp: CacheStamp = { format: 'test', cities: '1:2', admin1: '3:4' };
    writeCache(path, g.tables, stamp);
    const t = readCache(path, stamp)!;
    assert.ok(t);
    assert.equal(t.n, g.tables.n);
    assert.deepEqual(t.lat.subarray(0, 100), g.tables.lat.subarray(0, 100));
    assert.equal(t.keys.blob, g.tables.keys.blob);
    assert.deepEqual(t.keys.post.subarray(-50), g.tables.keys.post.subarray(-50));
    assert.equal(placeName(t, 1234), placeName(g.tables, 1234));
    assert.deepEqual(t.admin1[10], g.tables.admin1[10]);
    assert.equal(readCache(path, { ...stamp, cities: '1:3' }), null);
    assert.equal(readCache(path, { ...stamp, format: 'other' }), null);
    writeFileSync(path, 'not a cache');
    assert.equal(readCache(path, stamp), null);
    assert.equal(readCache(join(dir, 'missing.bin'), stamp), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad curated lines stop loading with file:line and the field', () => {
  const cases: [string, string, RegExp][] = [
    ['regions.tsv', 'Atlantis\t-\tXXQ\t10\t10\tregion', /geo\/regions\.tsv:\d+: country must be an ISO3 code/],
    ['regions.tsv', 'Atlantis\t-\t-\t100\t10\tregion', /geo\/regions\.tsv:\d+: lat must be a number within ±90/],
    ['regions.tsv', 'Atlantis\t-\t-\t10\t10\tisland', /geo\/regions\.tsv:\d+: kind must be region, sea or continent/],
    ['regions.tsv', 'Karabakh again\tKarabakh\tAZE\t10\t10\tregion', /already listed for Karabakh/],
    ['locatives.tsv', 'amid\tnear', /geo\/locatives\.tsv:\d+: kind must be/],
    ['country_names.tsv', 'Freedonia\tFRD\tname\t-\t-', /FRD is not in world-countries: give its lat and lon/],
    ['stoplist.tsv', 'Split\tsometimes', /geo\/stoplist\.tsv:\d+: level must be never or context/],
    ['admin1_abbrev.tsv', 'Xyz.\tUSNY', /admin1 code must look like US\.NY/],
    ['admin1_abbrev.tsv', 'Xyz.\tUS.QQ', /geo\/admin1_abbrev\.tsv:\d+: GeoNames has no division US\.QQ/],
  ];
  for (const [file, line, re] of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-geodata-'));
    try {
      cpSync(join(DEFAULT_DATA_DIR, 'geo'), join(dir, 'geo'), { recursive: true });
      const p = join(dir, 'geo', file);
      writeFileSync(p, readFileSync(p, 'utf8') + line + '\n');
      assert.throws(() => createGeoIndex(dir), re, `${file}: ${line}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
