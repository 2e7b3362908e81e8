/**
 * The store's SQLite schema and its migrations. `user_version` holds the schema version; opening a
 * database created by a newer dyad is an error, an older one is migrated step by step.
 */
import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = 1;

const V1 = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row per stored article version. An article is already stored when its text hash matches one
-- with the same publisher or the same URL. A newer version of a URL supersedes the older one: the
-- older keeps its row (so re-ingesting it is a no-op) but its mentions leave the events.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  ext_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  url TEXT,
  source TEXT,
  publisher TEXT NOT NULL,
  title TEXT,
  published TEXT,
  published_day INTEGER,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  sentences INTEGER NOT NULL,
  coded_with TEXT NOT NULL,
  superseded_by INTEGER REFERENCES articles(id)
) STRICT;
CREATE INDEX articles_hash ON articles(text_hash);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

-- Event clusters: one real-world event, with the counts GDELT calls NumMentions/NumSources/NumArticles.
-- Every column but the key is recomputed from the event's mentions whenever one joins or leaves.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  source_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  cameo_root TEXT NOT NULL,
  day_lo INTEGER,
  day_hi INTEGER,
  date_kind TEXT,
  undated_article INTEGER,
  date TEXT,
  date_precision TEXT,
  historical INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  plover TEXT,
  plover_mode TEXT,
  plover_context TEXT,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  source_code TEXT,
  source_country TEXT,
  source_sector TEXT,
  source_name TEXT,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  target_name TEXT,
  loc_name TEXT,
  loc_country TEXT,
  loc_admin1 TEXT,
  loc_lat REAL,
  loc_lon REAL,
  loc_geonames_id INTEGER,
  loc_precision TEXT,
  killed INTEGER,
  wounded INTEGER,
  casualties_qualifier TEXT,
  mentions INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  first_report TEXT,
  last_report TEXT,
  root_mention INTEGER NOT NULL,
  root_sentence INTEGER NOT NULL,
  root_url TEXT,
  root_article TEXT
) STRICT;
-- Candidates for a new mention: same key, then per kind of date a narrow range of day_lo (a day
-- spans 1 day, a publication day 2, a month at most 31, a year 366), so the lookup does not grow with
-- the years of events stored under the same key.
CREATE INDEX events_key ON events(source_key, target_key, cameo_root, date_kind, day_lo);
CREATE INDEX events_day ON events(day_lo);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);

-- One row per coded event record (an event mention: one per article sentence and actor pair).
-- record holds the coder's output object as JSON, exactly as \`dyad code\` would print it.
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  seq INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  cameo_root TEXT NOT NULL,
  plover TEXT,
  source_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  source_code TEXT,
  target_code TEXT,
  source_name TEXT,
  target_name TEXT,
  date_kind TEXT,
  day_lo INTEGER,
  day_hi INTEGER,
  date_label TEXT,
  historical INTEGER,
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  event_id INTEGER REFERENCES events(id),
  note TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (article_id, seq)
) STRICT;
CREATE INDEX mentions_event ON mentions(event_id);

-- People named in coded events, with the code and role they had on a day: the raw material of the
-- learned people list (src/store/people.ts).
CREATE TABLE person_sightings (
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  side TEXT NOT NULL,
  name_key TEXT NOT NULL,
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  role TEXT,
  day INTEGER NOT NULL,
  PRIMARY KEY (mention_id, side)
) STRICT;
CREATE INDEX person_sightings_name ON person_sightings(name_key, day);
`;

const MIGRATIONS: string[] = [V1];

export class StoreVersionError extends Error {}

/** Creates or upgrades the schema; each step runs in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StoreVersionError(`${db.name}: database schema version ${current} is newer than this dyad supports (${SCHEMA_VERSION})`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
