/**
 * Actor lexicons: countries (world-countries + data/lexicon/countries_extra.tsv), IGOs, agents
 * (role words -> sector), and well-known office holders. Produces plain entries for the gazetteer.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from './tsv.js';

export type AgentKind = 'person' | 'group' | 'org';
export type GazKind = 'country' | 'adj' | 'capital' | 'igo' | 'group' | 'agent' | 'person';

export interface GazEntry {
  kind: GazKind;
  /** The phrase as written in the lexicon (for case checks and tracing). */
  phrase: string;
  /** ISO3 or IGO/NGO organisation code. */
  country: string | null;
  sector: string | null;
  /** Full actor code for IGOs and people (IGOUNO, USAGOV). */
  code: string | null;
  agentKind: AgentKind | null;
  /** Person entries: canonical name and office dates. */
  name: string | null;
  from: string | null;
  to: string | null;
  /** A person's last name alone ("Obama"): an actor only after a title or once the full name was seen. */
  surname: boolean;
  /** Where the entry came from: file:line or package. */
  rule: string;
}

const SECTORS = new Set(('GOV MIL COP REB OPP JUD LEG MED BUS CVL REF PTY SPY UAF CRM EDU REL LAB NGO HLH AGR ELI ' +
  'IGO ENV MNC INS SET MOD RAD PRO NON JRN UNK').split(' '));

interface WorldCountry {
  cca3: string;
  independent: boolean | null;
  area: number;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

/** Every entry is built here, with every field in one order: the coder's hot loops see one object shape. */
function entry(kind: GazKind, phrase: string, rule: string, fields: Partial<GazEntry>): GazEntry {
  return {
    kind, phrase, country: fields.country ?? null, sector: fields.sector ?? null, code: fields.code ?? null,
    agentKind: fields.agentKind ?? null, name: fields.name ?? null, from: fields.from ?? null, to: fields.to ?? null,
    surname: fields.surname ?? false, rule,
  };
}

const ASCII_NAME = /^[A-Za-z][A-Za-z .'’-]+$/;

/** Country names, official names, alternative spellings and demonyms from the world-countries package. */
function packageCountries(): GazEntry[] {
  const require = createRequire(import.meta.url);
  const list = require('world-countries/countries.json') as WorldCountry[];
  // Sovereign and larger countries first, so a shared demonym ("Congolese") goes to the more likely one.
  const sorted = [...list].sort((a, b) => Number(b.independent) - Number(a.independent) || b.area - a.area);
  const out: GazEntry[] = [];
  for (const c of sorted) {
    // The package writes Kosovo as UNK, which means "unknown" in CAMEO; news coders use XKX.
    const iso = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    const rule = `world-countries:${iso}`;
    const names = new Set([c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length >= 4)]);
    for (const n of names) if (ASCII_NAME.test(n)) out.push(entry('country', n, rule, { country: iso }));
    const dem = c.demonyms?.eng;
    if (dem) for (const d of new Set([dem.m, dem.f])) if (d && ASCII_NAME.test(d)) out.push(entry('adj', d, rule, { country: iso }));
  }
  return out;
}

function optionalTsv(path: string, cols: number, maxCols: number, label: string) {
  return existsSync(path) ? readTsv(path, cols, maxCols, label) : [];
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function loadActorLexicon(dataDir = DEFAULT_DATA_DIR): GazEntry[] {
  const lex = join(dataDir, 'lexicon');
  const out: GazEntry[] = [];
  for (const r of optionalTsv(join(lex, 'countries_extra.tsv'), 3, 4, 'countries_extra.tsv')) {
    const [name, iso, kind] = r.cols;
    const rule = `${r.file}:${r.line}`;
    if (kind === 'region') {
      // Regions that span countries ("Latin America", "Middle East"): not an actor, but they stop
      // "America" inside them from reading as the United States.
      if (iso !== '-') throw new LexiconError(r.file, r.line, `a region has no country: write -, got "${iso}"`);
      out.push(entry('country', name, rule, { country: null }));
      continue;
    }
    if (!/^[A-Z]{3}$/.test(iso)) throw new LexiconError(r.file, r.line, `country code must be 3 capital letters, got "${iso}"`);
    if (kind !== 'name' && kind !== 'adj' && kind !== 'capital') throw new LexiconError(r.file, r.line, `kind must be name, adj, capital or region, got "${kind}"`);
    out.push(entry(kind === 'name' ? 'country' : kind, name, rule, { country: iso, sector: kind === 'capital' ? 'GOV' : null }));
  }
  out.push(...packageCountries());
  for (const r of optionalTsv(join(lex, 'igos.tsv'), 3, 4, 'igos.tsv')) {
    const [name, code, country] = r.cols;
    if (!/^[A-Z]{3,9}$/.test(code)) throw new LexiconError(r.file, r.line, `organisation code must be capital letters, got "${code}"`);
    // Non-governmental organisations have no state: their country field is NGO, as CAMEO coders write it.
    const c = country === '-' || country === '' ? (code.startsWith('NGO') ? 'NGO' : null) : country;
    out.push(entry('igo', name, `${r.file}:${r.line}`, { code, country: c, sector: code.startsWith('NGO') ? 'NGO' : null }));
  }
  for (const r of optionalTsv(join(lex, 'groups.tsv'), 3, 4, 'groups.tsv')) {
    const [name, country, sector] = r.cols;
    if (country !== '-' && !/^[A-Z]{3}$/.test(country)) throw new LexiconError(r.file, r.line, `country must be an ISO3 code or -, got "${country}"`);
    if (!SECTORS.has(sector)) throw new LexiconError(r.file, r.line, `unknown sector "${sector}"`);
    out.push(entry('group', name, `${r.file}:${r.line}`, { country: country === '-' ? null : country, sector, agentKind: 'org', name }));
  }
  for (const r of optionalTsv(join(lex, 'agents.tsv'), 3, 4, 'agents.tsv')) {
    const [phrase, sector, kind] = r.cols;
    if (sector !== '-' && !SECTORS.has(sector)) throw new LexiconError(r.file, r.line, `unknown sector "${sector}"`);
    if (kind !== 'person' && kind !== 'group' && kind !== 'org') throw new LexiconError(r.file, r.line, `kind must be person, group or org, got "${kind}"`);
    out.push(entry('agent', phrase.toLowerCase(), `${r.file}:${r.line}`, { sector: sector === '-' ? null : sector, agentKind: kind }));
  }
  for (const r of optionalTsv(join(lex, 'people.tsv'), 3, 5, 'people.tsv')) {
    const [name, code, from = '', to = ''] = r.cols;
    if (!/^[A-Z]{3,6}$/.test(code)) throw new LexiconError(r.file, r.line, `actor code must be capital letters, got "${code}"`);
    for (const d of [from, to]) if (d && !ISO_DATE.test(d)) throw new LexiconError(r.file, r.line, `dates must be ISO (YYYY-MM-DD), got "${d}"`);
    out.push(...personEntries({ name, code, from: from || null, to: to || null }, `${r.file}:${r.line}`));
  }
  return out;
}

/** A person known from outside the lexicon files: learned by the store from earlier articles, or a user's correction. */
export interface PersonRow {
  name: string;
  /** ISO3 + sector (IRNGOV), or an IGO official's code (IGOUNO). */
  code: string;
  /** ISO dates the code holds between (either may be null: open-ended). */
  from: string | null;
  to: string | null;
}

/**
 * Gazetteer entries for one person: the full name, and the surname alone. The surname is usable on
 * its own only after a title or once the full name was seen in the article, unless `loneSurname`
 * (a person the store learned, whose surname no other known person shares).
 */
export function personEntries(p: PersonRow, rule: string, loneSurname = false): GazEntry[] {
  const igo = p.code.startsWith('IGO');
  const fields: Partial<GazEntry> = {
    code: p.code, country: igo ? p.code.slice(3, 6) : p.code.slice(0, 3), sector: igo ? null : p.code.length > 3 ? p.code.slice(3, 6) : null,
    agentKind: 'person', name: p.name, from: p.from, to: p.to,
  };
  const out = [entry('person', p.name, rule, fields)];
  const parts = p.name.split(/\s+/);
  if (parts.length > 1) out.push(entry('person', parts[parts.length - 1], rule, { ...fields, surname: !loneSurname }));
  return out;
}
