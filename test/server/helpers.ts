/**
 * Test databases for the API: the seed article (../shared/gold) and the bundled Wikinews samples
 * (examples/) coded and stored by the real ingest, in a temporary directory; and a server over it
 * (fastify's inject: no port is opened).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/store.js';
import { ingest } from '../../src/store/ingest.js';
import { readInputs } from '../../src/io/readers/index.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { RoleFinder } from '../../src/store/people.js';
import { createCoder } from '../../src/pipeline/index.js';
import type { LocationRef } from '../../src/pipeline/types.js';

export const SEED = fileURLToPath(new URL('../../../shared/gold/seed_article.jsonl', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/wikinews-sample.jsonl', import.meta.url));

export interface TestDb {
  dir: string;
  path: string;
  cleanup(): void;
}

/** A new database in a temporary directory with the given input files ingested (by the real coder and store). */
export async function testDb(files: string[] = [SEED, EXAMPLES]): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-server-'));
  const path = join(dir, 'test.db');
  const store = openStore(path);
  try {
    await ingest(store, readInputs(files), { jobs: 1 });
  } finally {
    store.close();
  }
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  db: TestDb;
  close(): Promise<void>;
  /** GET a JSON endpoint; returns status and parsed body. */
  get(url: string): Promise<{ status: number; body: any }>;
}

export async function testServer(opts: Partial<ServerOptions> & { readonly?: boolean } = {}, db?: TestDb): Promise<TestServer> {
  const d = db ?? await testDb();
  const store = opts.readonly === false || opts.token ? openStore(d.path) : openStore(d.path, { readonly: true });
  const app = await buildServer({ store, ...opts });
  return {
    app, store, db: d,
    async close() { await app.close(); store.close(); d.cleanup(); },
    async get(url: string) {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.headers['content-type']?.toString().startsWith('application/json') ? r.json() : r.body };
    },
  };
}

export const KALBAJAR: LocationRef = { name: 'Kalbajar', country: 'AZE', admin1: 'Kalbajar District', lat: 40.1, lon: 46.04, geonames_id: 586523, precision: 'city' };
export const BAKU: LocationRef = { name: 'Baku', country: 'AZE', admin1: 'Baku', lat: 40.38, lon: 49.89, geonames_id: 587084, precision: 'city' };
export const YEREVAN: LocationRef = { name: 'Yerevan', country: 'ARM', admin1: 'Yerevan', lat: 40.18, lon: 44.51, geonames_id: 616052, precision: 'city' };
export const ARMENIA: LocationRef = { name: 'Armenia', country: 'ARM', admin1: null, lat: null, lon: null, geonames_id: null, precision: 'country' };

/**
 * A database of events with places, for the map: short articles coded by the real coder, each
 * event given the location the geocoding stage would give it, written by the store's writer.
 * Two events at Kalbajar, one at Baku, one at Yerevan, one in Armenia without coordinates, one with no place.
 */
export function locatedDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-places-'));
  const path = join(dir, 'places.db');
  const store = openStore(path);
  try {
    const coder = createCoder();
    const writer = store.writer(new RoleFinder());
    const put = (id: string, text: string, published: string, where: LocationRef | null) => {
      const article = { id, text, published, source: 'Test Wire' };
      const events = coder.code(article).map((e) => ({ ...e, location: where }));
      if (!events.length) throw new Error(`${id}: no events coded from "${text}"`);
      writer.write({ article, origin: id, events, sentences: 1 }, 'test');
    };
    put('a1', 'Azerbaijani forces attacked Armenian troops near Kalbajar on Monday.', '2021-07-28', KALBAJAR);
    put('a2', 'Armenian forces shelled Azerbaijani positions near Kalbajar on Tuesday.', '2021-07-29', KALBAJAR);
    put('a3', 'Azerbaijan and Iran signed a trade agreement in Baku on Friday.', '2021-08-06', BAKU);
    put('a4', 'Armenian police arrested protesters in Yerevan on Saturday.', '2021-08-07', YEREVAN);
    put('a5', 'Armenia expelled a Russian diplomat on Thursday.', '2021-08-05', ARMENIA);
    put('a6', 'Iran condemned the United States on Sunday.', '2021-08-08', null);
  } finally {
    store.close();
  }
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
