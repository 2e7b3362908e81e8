/** Helpers for the store tests: hand-made coded events, fresh databases, and a content dump to compare stores. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ActorRef, Article, CodedEvent, LocationRef } from '../../src/pipeline/types.js';
import { openStore, type Store } from '../../src/store/store.js';

/** A fresh directory for database files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dyad-store-'));
}

/** A new store in a fresh directory (no overrides file unless given). */
export function freshStore(overrides: string | null = null): Store {
  return openStore(join(tempDir(), 'test.db'), { overrides });
}

/** "IRNGOV" -> an actor (country = first three letters, sector = the rest); "IGOUNO" -> UNO; with an optional name. */
export function actor(code: string, name: string | null = null, text?: string): ActorRef {
  const igo = code.startsWith('IGO');
  return { text: text ?? name ?? code, code, country: igo ? code.slice(3, 6) : code.slice(0, 3), sector: igo ? null : code.slice(3, 6) || null, name };
}

export interface Spec {
  source?: ActorRef | string | null;
  target?: ActorRef | string | null;
  cameo?: string;
  plover?: string | null;
  date?: string | null;
  precision?: CodedEvent['date_precision'];
  basis?: string | null;
  historical?: boolean | null;
  negated?: boolean;
  hypothetical?: boolean;
  location?: LocationRef | null;
  killed?: number | null;
  wounded?: number | null;
  sentence?: number;
  text?: string;
}

const ROOT_PLOVER: Record<string, string> = { '01': '', '02': 'REQUEST', '03': 'AGREE', '04': 'CONSULT', '05': 'SUPPORT', '11': 'ACCUSE', '17': 'COERCE', '18': 'ASSAULT', '19': 'ASSAULT' };

/** A coded event as the coder would emit it (defaults: an assault, current news, no date). */
export function coded(s: Spec = {}): CodedEvent {
  const cameo = s.cameo ?? '190';
  const side = (a: Spec['source']) => (a === null || a === undefined ? null : typeof a === 'string' ? actor(a) : a);
  return {
    article_id: 'a',
    sentence: s.sentence ?? 0,
    sentence_text: s.text ?? 'A sentence, with "quotes", commas and\ta tab.',
    trigger: { text: 'trig', start: 0, end: 4 },
    rule: 'events/verbs.tsv:1 test',
    source: s.source === undefined ? actor('ARM') : side(s.source),
    target: s.target === undefined ? actor('AZE') : side(s.target),
    cameo,
    cameo_root: cameo.slice(0, 2),
    quad_class: 4,
    goldstein: -10,
    plover: { event: s.plover === undefined ? (ROOT_PLOVER[cameo.slice(0, 2)] || null) : s.plover, mode: null, context: null },
    date: s.date ?? null,
    date_precision: s.precision ?? (s.date ? (s.date.length === 10 ? 'day' : s.date.length === 7 ? 'month' : 'year') : null),
    historical: s.historical === undefined ? false : s.historical,
    date_basis: s.basis ?? (s.date ? 'sentence "test"' : null),
    negated: s.negated ?? false,
    hypothetical: s.hypothetical ?? false,
    location: s.location ?? null,
    killed: s.killed ?? null,
    wounded: s.wounded ?? null,
    casualties_qualifier: null,
  };
}

export function art(id: string, fields: Partial<Article> = {}): Article {
  return { id, text: `Text of ${id}.`, published: '2021-09-01', title: null, url: null, source: 'Test Wire', ...fields };
}

export function place(name: string, country: string, precision: LocationRef['precision'] = 'city', lat: number | null = null, lon: number | null = null, admin1: string | null = null): LocationRef {
  return { name, country, admin1, lat, lon, geonames_id: null, precision };
}

/**
 * Everything a store holds, as one canonical JSON string: every table in id order, every column
 * (meta: all but the creation time). Two stores with the same dump hold the same content.
 */
export function dumpContent(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = ['articles', 'mentions', 'events', 'person_sightings'];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const order = t === 'person_sightings' ? 'mention_id, side' : 'id';
      out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all();
    }
    out.meta = db.prepare("SELECT * FROM meta WHERE key != 'created' ORDER BY key").all();
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

/** Short made-up news articles with unique texts and a few events each (for CLI ingest tests). */
export function newsArticles(n: number, opts: { source?: string } = {}): string[] {
  const actors = ['Iran', 'France', 'Russian troops', 'The Kenyan police', 'The United Nations', 'Armenia', 'Chinese officials', 'Brazil',
    'The Indian army', 'Germany', 'Rebels in Mali', 'The Japanese government', 'Turkey'];
  const objects = ['the United States', 'Azerbaijan', 'Ukraine', 'protesters in Nairobi', 'Syria', 'Turkey', 'Taiwan', 'Argentina',
    'Pakistan', 'Poland', 'French soldiers', 'South Korea'];
  const acts = ['condemned', 'attacked', 'met with', 'accused', 'criticized', 'praised', 'threatened', 'signed an agreement with', 'arrested', 'sent aid to', 'imposed sanctions on'];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = (k: number) => actors[(i * 5 + k) % actors.length];
    const o = (k: number) => objects[(i * 7 + k) % objects.length];
    const v = (k: number) => acts[(i * 3 + k) % acts.length];
    const month = 1 + (i % 12);
    const day = 1 + ((i * 7) % 27);
    const text = `${a(0)} ${v(0)} ${o(0)} on Monday. Officials said ${a(1).replace(/^The /, 'the ')} ${v(1)} ${o(1)} last week. ` +
      `The statement, number ${i + 1} in the series, was issued in the capital.`;
    lines.push(JSON.stringify({ id: `news-${i}`, text, published: `2021-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, source: opts.source ?? 'Made-up Wire', url: `https://wire.example/${i}` }));
  }
  return lines;
}
