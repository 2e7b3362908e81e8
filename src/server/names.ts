/**
 * Readable names for the codes the dashboard shows: countries (world-countries: common name and the
 * ISO 3166 numeric code the world-atlas map uses) and organisations (the first name listed for each
 * country code in data/lexicon/igos.tsv, which lists the full name before acronyms and variants).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readTsv, DEFAULT_DATA_DIR } from '../lexicon/tsv.js';

export interface CodeNames {
  /** ISO3 -> common English name (Kosovo as XKX, as the coder writes it). */
  countries: Map<string, string>;
  /** ISO3 -> ISO 3166 numeric, as a three-digit string ("031"): the ids of world-atlas features. */
  numeric: Map<string, string>;
  /** Organisation country code (UNO, EUR, NAT...) -> name. */
  organisations: Map<string, string>;
}

let cached: CodeNames | null = null;

export function codeNames(dataDir = DEFAULT_DATA_DIR): CodeNames {
  if (cached && dataDir === DEFAULT_DATA_DIR) return cached;
  const require = createRequire(import.meta.url);
  const list = require('world-countries/countries.json') as { cca3: string; ccn3: string; name: { common: string } }[];
  const countries = new Map<string, string>();
  const numeric = new Map<string, string>();
  for (const c of list) {
    const code = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    countries.set(code, c.name.common);
    if (/^\d{3}$/.test(c.ccn3)) numeric.set(code, c.ccn3);
  }
  const organisations = new Map<string, string>();
  for (const r of readTsv(join(dataDir, 'lexicon', 'igos.tsv'), 3, 3, 'lexicon/igos.tsv')) {
    const [name, , country] = r.cols;
    if (/^[A-Z]{3}$/.test(country) && !organisations.has(country)) organisations.set(country, name);
  }
  const names = { countries, numeric, organisations };
  if (dataDir === DEFAULT_DATA_DIR) cached = names;
  return names;
}

/** The name of a country or organisation code; null when unknown. */
export function nameOf(code: string | null, names = codeNames()): string | null {
  if (!code) return null;
  return names.countries.get(code) ?? names.organisations.get(code) ?? null;
}

/** The name behind a full actor code: its country (IRNGOV -> Iran) or organisation (IGOUNO -> United Nations); null when unknown. */
export function codeLabel(code: string | null, names = codeNames()): string | null {
  if (!code) return null;
  if (/^(?:IGO|NGO)[A-Z]{3}/.test(code)) return names.organisations.get(code.slice(3, 6)) ?? null;
  return nameOf(code, names) ?? nameOf(code.slice(0, 3), names);
}
