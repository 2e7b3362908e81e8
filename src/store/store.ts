/**
 * The store: one SQLite file (WAL mode) holding articles, event mentions, deduplicated events and
 * the people seen in them. `openStore(path)` is the library entry point (`import { openStore } from 'dyad'`).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { migrate } from './schema.js';
import { eventsQuery, type EventFilter } from './query.js';
import { eventRecord, type EventDetail, type EventRecord, type EventRow, type MentionRecord, type StoreCounts } from './records.js';
export type { StoreCounts } from './records.js';
import { StoreWriter } from './write.js';
import { RoleFinder, termsOf, readOverrides, applyOverrides, coversDay, LEARNED_STALE_DAYS, type LearnedPerson, type PersonRow, type StoredSighting } from './people.js';
import { nameKey } from './keys.js';

export interface OpenOptions {
  /** Open for reading only; the file must exist. */
  readonly?: boolean;
  /** Fail when the file does not exist (default: create it), for query commands. */
  mustExist?: boolean;
  /**
   * People overrides file (people.tsv format). Default: `<db without .db>.people.tsv` next to the
   * database, when it exists; null for none.
   */
  overrides?: string | null;
}

export interface PeopleQuery {
  /** Substring of the name (case and accents ignored) or a code prefix (IRNGOV). */
  search?: string;
  /** Only terms that cover this day (YYYY-MM-DD). */
  date?: string;
  /** Days a learned term lasts after its last sighting (default LEARNED_STALE_DAYS). */
  staleDays?: number;
  /** Only what was learned from articles stored up to this row id. */
  uptoArticle?: number;
}

export class StoreError extends Error {}

/** The overrides file that belongs to a database file by default. */
export function defaultOverridesPath(dbPath: string): string | null {
  if (dbPath === ':memory:' || dbPath === '') return null;
  return dbPath.replace(/\.(db|sqlite3?)$/i, '') + '.people.tsv';
}

export class Store {
  readonly db: Database.Database;
  readonly overridesPath: string | null;
  private writerInstance: StoreWriter | null = null;
  private peopleCache: { version: string; terms: LearnedPerson[] } | null = null;

  constructor(readonly path: string, opts: OpenOptions = {}) {
    if ((opts.mustExist || opts.readonly) && path !== ':memory:' && !existsSync(path)) {
      throw new StoreError(`${path}: no such database (create one with dyad ingest)`);
    }
    try {
      this.db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!(opts.mustExist || opts.readonly) });
      this.db.pragma('busy_timeout = 10000');
      if (!opts.readonly) {
        this.db.pragma('journal_mode = WAL');
        // With WAL, NORMAL keeps every committed transaction across a process crash (kill -9); only
        // an OS crash or power loss can drop the last commits.
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('foreign_keys = ON');
      // Probe: a file that is not SQLite fails here rather than on first use.
      this.db.pragma('user_version', { simple: true });
      if (!opts.readonly) migrate(this.db);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(`${path}: cannot open as a dyad database (${(e as Error).message})`);
    }
    this.overridesPath = opts.overrides === undefined ? defaultOverridesPath(path) : opts.overrides;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A meta value (schema and coder settings). */
  meta(key: string): string | null {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return r ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The writer used by ingest and recode (created on first use). */
  writer(roles = new RoleFinder()): StoreWriter {
    this.writerInstance ??= new StoreWriter(this.db, roles);
    return this.writerInstance;
  }

  counts(): StoreCounts {
    const one = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return {
      articles: one('SELECT count(*) FROM articles WHERE superseded_by IS NULL'),
      superseded: one('SELECT count(*) FROM articles WHERE superseded_by IS NOT NULL'),
      sentences: one('SELECT coalesce(sum(sentences), 0) FROM articles WHERE superseded_by IS NULL'),
      mentions: one('SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.superseded_by IS NULL'),
      events: one('SELECT count(*) FROM events'),
      people: one('SELECT count(DISTINCT name_key) FROM person_sightings'),
    };
  }

  /** Deduplicated events matching a filter, in date order. */
  events(filter: EventFilter = {}): EventRecord[] {
    return [...this.iterateEvents(filter)];
  }

  /** The same, one at a time (for exports of any size). */
  *iterateEvents(filter: EventFilter = {}): Generator<EventRecord> {
    const q = eventsQuery(filter);
    for (const r of this.db.prepare(q.sql).iterate(...q.params) as IterableIterator<EventRow>) yield eventRecord(r);
  }

  /** Rows of the events table as stored (exports need a few columns the record leaves out). */
  *iterateEventRows(filter: EventFilter = {}): Generator<EventRow> {
    const q = eventsQuery(filter);
    yield* this.db.prepare(q.sql).iterate(...q.params) as IterableIterator<EventRow>;
  }

  /** One event with its mentions (sentences, articles and why each was merged); null when there is no such event. */
  event(id: number): EventDetail | null {
    const r = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
    if (!r) return null;
    return { ...eventRecord(r), mention_list: this.mentionsWhere('m.event_id = ?', [id]) };
  }

  /** The mentions of one stored article (by its row id), in order. */
  articleMentions(articleId: number): MentionRecord[] {
    return this.mentionsWhere('m.article_id = ?', [articleId]);
  }

  private mentionsWhere(where: string, params: unknown[]): MentionRecord[] {
    const rows = this.db.prepare(`SELECT m.id, m.event_id, m.note, m.record, a.id AS a_id, a.ext_id, a.publisher, a.published, a.url, a.title
      FROM mentions m JOIN articles a ON a.id = m.article_id WHERE ${where} ORDER BY m.id`).all(...params) as {
      id: number; event_id: number | null; note: string; record: string; a_id: number; ext_id: string; publisher: string; published: string | null; url: string | null; title: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id, event_id: r.event_id, note: r.note,
      article: { id: r.a_id, ext_id: r.ext_id, publisher: r.publisher, published: r.published, url: r.url, title: r.title },
      event: JSON.parse(r.record),
    }));
  }

  /** Every stored article's id, in storage order (for recode). */
  articleIds(opts: { codedWithout?: string } = {}): number[] {
    return (opts.codedWithout
      ? this.db.prepare('SELECT id FROM articles WHERE coded_with != ? ORDER BY id').pluck().all(opts.codedWithout)
      : this.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all()) as number[];
  }

  /** A stored article as the coder takes it. */
  article(id: number): { id: string; text: string; published: string | null; title: string | null; url: string | null; source: string | null } | null {
    const r = this.db.prepare('SELECT ext_id AS id, text, published, title, url, source FROM articles WHERE id = ?').get(id) as
      { id: string; text: string; published: string | null; title: string | null; url: string | null; source: string | null } | undefined;
    return r ?? null;
  }

  /**
   * People: learned terms (with the overrides file applied), optionally only those matching a name
   * or code and covering a day. Sorted by name, then start.
   */
  people(q: PeopleQuery = {}): LearnedPerson[] {
    let all = applyOverrides(this.learnedTerms(q.staleDays, q.uptoArticle), this.overrides());
    if (q.date) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(q.date)) throw new StoreError(`date must be YYYY-MM-DD, got "${q.date}"`);
      all = all.filter((p) => coversDay(p, q.date!));
    }
    if (q.search) {
      const s = q.search.trim();
      if (/^[A-Z]{3,6}$/.test(s)) all = all.filter((p) => p.code.startsWith(s));
      else {
        const k = nameKey(s);
        all = all.filter((p) => nameKey(p.name).includes(k));
      }
    }
    return all;
  }

  /** The people whose learned (or overridden) term covers `date`, as people.tsv rows for the coder. */
  learnedPeople(date: string, opts: { staleDays?: number } = {}): PersonRow[] {
    return this.people({ date, staleDays: opts.staleDays }).map(({ name, code, from, to, role }) => ({ name, code, from, to, role }));
  }

  /** The sightings of one person (by name), oldest first: how a learned entry came about. */
  sightings(name: string): (StoredSighting & { article: string; published: string | null })[] {
    return this.db.prepare(`SELECT s.name_key, s.name, s.code, s.role, s.day, a.ext_id AS article, a.published
      FROM person_sightings s JOIN mentions m ON m.id = s.mention_id JOIN articles a ON a.id = m.article_id
      WHERE s.name_key = ? ORDER BY s.day, s.mention_id`).all(nameKey(name)) as (StoredSighting & { article: string; published: string | null })[];
  }

  /** The user's corrections (the overrides file), as they are written. */
  overrideRows(): LearnedPerson[] {
    return this.overrides();
  }

  private overrides(): LearnedPerson[] {
    if (!this.overridesPath || !existsSync(this.overridesPath)) return [];
    return readOverrides(this.overridesPath);
  }

  private learnedTerms(staleDays = LEARNED_STALE_DAYS, uptoArticle?: number): LearnedPerson[] {
    // Recomputed after any write (by this connection: total_changes; by another: data_version) or for another staleness.
    const version = `${this.db.pragma('data_version', { simple: true })}:${this.db.prepare('SELECT total_changes()').pluck().get()}:${staleDays}:${uptoArticle ?? ''}`;
    if (this.peopleCache?.version === version) return this.peopleCache.terms;
    const rows = (uptoArticle === undefined
      ? this.db.prepare('SELECT name_key, name, code, role, day FROM person_sightings ORDER BY name_key, day, mention_id').all()
      : this.db.prepare(`SELECT name_key, name, code, role, day FROM person_sightings
          WHERE mention_id IN (SELECT id FROM mentions WHERE article_id <= ?) ORDER BY name_key, day, mention_id`).all(uptoArticle)) as StoredSighting[];
    const terms: LearnedPerson[] = [];
    let i = 0;
    while (i < rows.length) {
      let j = i;
      while (j < rows.length && rows[j].name_key === rows[i].name_key) j++;
      terms.push(...termsOf(rows.slice(i, j), staleDays));
      i = j;
    }
    this.peopleCache = { version, terms };
    return terms;
  }
}

/**
 * The people whose learned term (or override line) covers `date` (YYYY-MM-DD), as people.tsv rows
 * `{ name, code, from, to, role }` for the coder. The same as `store.learnedPeople(date)`.
 */
export function learnedPeople(store: Store, date: string, opts: { staleDays?: number } = {}): PersonRow[] {
  return store.learnedPeople(date, opts);
}

/** Opens (creating or migrating) a dyad store. */
export function openStore(path = 'dyad.db', opts: OpenOptions = {}): Store {
  return new Store(path, opts);
}
