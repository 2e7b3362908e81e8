/** Country and state codes for the GDELT export: FIPS 10-4 by ISO3, U.S. postal codes by state name, country names. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from '../../lexicon/tsv.js';

export interface GeoCodes {
  /** ISO 3166 alpha-3 -> FIPS 10-4 country code. */
  fips: Map<string, string>;
  /** Lower-cased U.S. state name -> postal code. */
  usStates: Map<string, string>;
  /** ISO3 codes of countries (world-countries, Kosovo as XKX): anything else in a country field is an organisation. */
  iso3: Set<string>;
  /** ISO3 -> common English name. */
  names: Map<string, string>;
}

let cached: GeoCodes | null = null;

export function geoCodes(dataDir = DEFAULT_DATA_DIR): GeoCodes {
  if (cached && dataDir === DEFAULT_DATA_DIR) return cached;
  const fips = new Map<string, string>();
  for (const r of readTsv(join(dataDir, 'store', 'fips_countries.tsv'), 2, 3, 'store/fips_countries.tsv')) {
    const [iso, code] = r.cols;
    if (!/^[A-Z]{3}$/.test(iso) || !/^[A-Z]{2}$/.test(code)) throw new LexiconError(r.file, r.line, `expected ISO3 <TAB> FIPS (2 letters), got "${iso}", "${code}"`);
    fips.set(iso, code);
  }
  const usStates = new Map<string, string>();
  for (const r of readTsv(join(dataDir, 'store', 'us_states.tsv'), 2, 2, 'store/us_states.tsv')) {
    if (!/^[A-Z]{2}$/.test(r.cols[1])) throw new LexiconError(r.file, r.line, `expected a two-letter postal code, got "${r.cols[1]}"`);
    usStates.set(r.cols[0].toLowerCase(), r.cols[1]);
  }
  const require = createRequire(import.meta.url);
  const list = require('world-countries/countries.json') as { cca3: string; name: { common: string } }[];
  const iso3 = new Set<string>();
  const names = new Map<string, string>();
  for (const c of list) {
    const code = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    iso3.add(code);
    names.set(code, c.name.common);
  }
  const g = { fips, usStates, iso3, names };
  if (dataDir === DEFAULT_DATA_DIR) cached = g;
  return g;
}
