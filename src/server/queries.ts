/**
 * The API's read queries that the store's query functions do not cover: event pages with a total,
 * dyad time series, top dyads and the actor network, event places, actors seen in events, articles.
 * SQL against the store's schema (src/store/schema.ts) through its database handle; every value is a
 * bound parameter, and every WHERE clause comes from filters.ts.
 */
import type Database from 'better-sqlite3';
import { eventRecord, type EventRow } from '../store/records.js';
import { formatDay, parseDay } from '../store/days.js';
import type { Where } from './filters.js';
import {
  autoInterval, bucketCount, bucketDays, bucketKeyOfDay, bucketOf, bucketSql, impreciseSql, nextKey, MAX_BUCKETS, type Interval,
} from './periods.js';
import { codeLabel, codeNames, nameOf } from './names.js';
import { badRequest } from './errors.js';
import type { EventSort, EventPage, SeriesBucket, Series, ActorLevel, DyadStat, NetworkNode, Network, Place, Places, ActorStat, CountryStat, ArticleSummary, ArticleRow, StoreSummary } from './api-types.js';
export type { EventSort, EventListItem, EventPage, SeriesBucket, Series, ActorLevel, DyadStat, NetworkNode, Network, Place, CountryCount, Places, ActorStat, CountryStat, ArticleSummary, ArticleRow, StoreSummary } from './api-types.js';

type DB = Database.Database;

/* ------------------------------------------------------------------ events */

export const EVENT_SORTS: EventSort[] = ['date', '-date', 'goldstein', '-goldstein', 'mentions', '-mentions'];

const ORDER: Record<EventSort, string> = {
  date: 'day_lo IS NULL, day_lo, id',
  '-date': 'day_lo IS NULL, day_lo DESC, id DESC',
  goldstein: 'goldstein, day_lo, id',
  '-goldstein': 'goldstein DESC, day_lo, id',
  mentions: 'mentions, day_lo, id',
  '-mentions': 'mentions DESC, day_lo, id',
};



export function eventsPage(db: DB, where: Where, page: { limit: number; offset: number; sort: EventSort }): EventPage {
  const total = db.prepare(`SELECT count(*) FROM events WHERE ${where.sql}`).pluck().get(...where.params) as number;
  const rows = db.prepare(`SELECT events.*, (SELECT json_extract(m.record, '$.trigger.text') FROM mentions m WHERE m.id = events.root_mention) AS root_trigger
    FROM events WHERE ${where.sql} ORDER BY ${ORDER[page.sort]} LIMIT ? OFFSET ?`).all(...where.params, page.limit, page.offset) as (EventRow & { root_trigger: string | null })[];
  return { total, offset: page.offset, limit: page.limit, events: rows.map((r) => ({ ...eventRecord(r), trigger: r.root_trigger })) };
}

/** How many events match; and how many more would with background (historical) events included. */
export function countEvents(db: DB, where: Where): number {
  return db.prepare(`SELECT count(*) FROM events WHERE ${where.sql}`).pluck().get(...where.params) as number;
}

/* ------------------------------------------------------------- dyad series */



/**
 * Counts per bucket of the events matching `where`, from the first to the last bucket with events
 * (or over [from, to] when given), empty buckets included. `a` is the code prefix that counts as "from a".
 */
export function dyadSeries(db: DB, where: Where, o: { interval: Interval | 'auto'; a: string; exact?: boolean; from?: string; to?: string }): Series {
  const range = db.prepare(`SELECT min(day_lo) AS lo, max(day_lo) AS hi, count(*) AS n FROM events WHERE ${where.sql} AND day_lo IS NOT NULL`)
    .get(...where.params) as { lo: number | null; hi: number | null; n: number };
  const undated = db.prepare(`SELECT count(*) FROM events WHERE ${where.sql} AND day_lo IS NULL`).pluck().get(...where.params) as number;
  const fromDay = o.from ? parseDay(o.from) : null;
  const toDay = o.to ? parseDay(o.to) : null;
  const lo = fromDay ?? range.lo;
  const hi = toDay ?? range.hi;
  const interval: Interval = o.interval === 'auto' ? (lo !== null && hi !== null ? autoInterval(lo, hi) : 'month') : o.interval;
  if (lo === null || hi === null) return { interval, total: 0, undated, buckets: [] };
  const first = bucketKeyOfDay(Math.min(lo, hi), interval);
  const last = bucketKeyOfDay(Math.max(lo, hi), interval);
  const n = bucketCount(first, last, interval);
  if (n > MAX_BUCKETS) {
    throw badRequest(`query parameter "interval": ${interval} gives ${n} buckets from ${formatDay(lo)} to ${formatDay(hi)} (at most ${MAX_BUCKETS}); use a longer interval or a shorter from/to`);
  }
  // "From a": a's code as source, as a prefix (or its country) like the dyad filter, or exactly.
  const fromA = o.exact ? 'source_code = ?' : "source_code LIKE ? ESCAPE '\\' OR source_country = ?";
  const fromParams = o.exact ? [o.a] : [o.a.replace(/[\\%_]/g, (c) => '\\' + c) + '%', o.a];
  const rows = db.prepare(`SELECT ${bucketSql(interval)} AS k, plover, quad_class AS q, count(*) AS n, sum(goldstein) AS g, sum(${impreciseSql(interval)}) AS imp,
      sum(CASE WHEN ${fromA} THEN 1 ELSE 0 END) AS fa
    FROM events WHERE ${where.sql} AND day_lo IS NOT NULL GROUP BY k, plover, q`).all(...fromParams, ...where.params) as
    { k: number; plover: string | null; q: number; n: number; g: number; imp: number; fa: number }[];
  const byKey = new Map<number, SeriesBucket & { g: number }>();
  const buckets: (SeriesBucket & { g: number })[] = [];
  for (let k = first, i = 0; i < n; k = nextKey(k, interval), i++) {
    const b = { ...bucketOf(k, interval), events: 0, from_a: 0, by_quad: [0, 0, 0, 0] as [number, number, number, number], by_type: {}, goldstein_mean: null, imprecise: 0, g: 0 };
    byKey.set(k, b);
    buckets.push(b);
  }
  let total = 0;
  for (const r of rows) {
    const b = byKey.get(r.k);
    if (!b) continue; // before from or after to: cannot happen for a dated event matching the filter, kept safe
    b.events += r.n;
    b.from_a += r.fa;
    b.imprecise += r.imp;
    b.g += r.g;
    if (r.q >= 1 && r.q <= 4) b.by_quad[r.q - 1] += r.n;
    const t = r.plover ?? 'STATEMENT';
    b.by_type[t] = (b.by_type[t] ?? 0) + r.n;
    total += r.n;
  }
  return {
    interval, total, undated,
    buckets: buckets.map(({ g, ...b }) => ({ ...b, goldstein_mean: b.events ? Math.round((g / b.events) * 100) / 100 : null })),
  };
}

/** The start days of a bucket (for listing its events). */
export function bucketRange(key: number, interval: Interval): [number, number] {
  return bucketDays(key, interval);
}

/* --------------------------------------------------------- dyads, network */



/**
 * Pairs of different actors by number of events: countries (source_country/target_country; a
 * country's internal events are left out) or full codes (IRNGOV-IRNMIL is a pair, IRNGOV-IRNGOV is not).
 */
export function dyadStats(db: DB, where: Where, o: { level: ActorLevel; directed: boolean; limit: number }): DyadStat[] {
  const s = o.level === 'country' ? 'source_country' : 'source_code';
  const t = o.level === 'country' ? 'target_country' : 'target_code';
  const inner = `SELECT ${s} AS s, ${t} AS t, goldstein AS g, quad_class AS q FROM events
    WHERE ${where.sql} AND ${s} IS NOT NULL AND ${t} IS NOT NULL AND ${s} != ${t}`;
  const x = o.directed ? 's' : 'CASE WHEN s <= t THEN s ELSE t END';
  const y = o.directed ? 't' : 'CASE WHEN s <= t THEN t ELSE s END';
  const rows = db.prepare(`SELECT ${x} AS x, ${y} AS y, count(*) AS n, sum(CASE WHEN s = ${x} THEN 1 ELSE 0 END) AS xy, avg(g) AS gm,
      sum(q = 1) AS q1, sum(q = 2) AS q2, sum(q = 3) AS q3, sum(q = 4) AS q4
    FROM (${inner}) GROUP BY x, y ORDER BY n DESC, x, y LIMIT ?`).all(...where.params, o.limit) as
    { x: string; y: string; n: number; xy: number; gm: number; q1: number; q2: number; q3: number; q4: number }[];
  const names = codeNames();
  const label = (c: string) => (o.level === 'country' ? nameOf(c, names) : codeLabel(c, names));
  return rows.map((r) => ({
    a: r.x, b: r.y, a_name: label(r.x), b_name: label(r.y), events: r.n, a_to_b: r.xy, b_to_a: r.n - r.xy,
    goldstein_mean: Math.round(r.gm * 100) / 100, by_quad: [r.q1, r.q2, r.q3, r.q4],
  }));
}



export function network(db: DB, where: Where, o: { level: ActorLevel; maxEdges: number; minEvents: number }): Network {
  const all = dyadStats(db, where, { level: o.level, directed: false, limit: o.maxEdges + 1 });
  const more = all.length > o.maxEdges;
  const edges = all.slice(0, o.maxEdges).filter((e) => e.events >= o.minEvents);
  const nodes = new Map<string, NetworkNode>();
  const names = codeNames();
  for (const e of edges) {
    for (const id of [e.a, e.b]) {
      let n = nodes.get(id);
      if (!n) nodes.set(id, n = { id, name: o.level === 'country' ? nameOf(id, names) : codeLabel(id, names), events: 0 });
      n.events += e.events;
    }
  }
  return { level: o.level, nodes: [...nodes.values()].sort((p, q) => q.events - p.events || (p.id < q.id ? -1 : 1)), edges, more_edges: more };
}

/* ------------------------------------------------------------------ places */




export function places(db: DB, where: Where): Places {
  const total = countEvents(db, where);
  const rows = db.prepare(`SELECT loc_name AS name, loc_country AS country, loc_admin1 AS admin1, loc_lat AS lat, loc_lon AS lon, loc_precision AS precision,
      plover, count(*) AS n, sum(goldstein) AS g
    FROM events WHERE ${where.sql} AND loc_lat IS NOT NULL AND loc_lon IS NOT NULL
    GROUP BY loc_name, loc_country, loc_lat, loc_lon, plover ORDER BY loc_name, loc_country`).all(...where.params) as
    { name: string; country: string | null; admin1: string | null; lat: number; lon: number; precision: string | null; plover: string | null; n: number; g: number }[];
  const byPlace = new Map<string, Place & { g: number }>();
  for (const r of rows) {
    const key = JSON.stringify([r.name, r.country, r.lat, r.lon]);
    let p = byPlace.get(key);
    if (!p) byPlace.set(key, p = { name: r.name, country: r.country, admin1: r.admin1, lat: r.lat, lon: r.lon, precision: r.precision, events: 0, by_type: {}, top_type: '', goldstein_mean: 0, g: 0 });
    const t = r.plover ?? 'STATEMENT';
    p.by_type[t] = (p.by_type[t] ?? 0) + r.n;
    p.events += r.n;
    p.g += r.g;
  }
  const list = [...byPlace.values()].map(({ g, ...p }) => {
    const top = Object.entries(p.by_type).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
    return { ...p, top_type: top, goldstein_mean: Math.round((g / p.events) * 100) / 100 };
  }).sort((x, y) => y.events - x.events || (x.name < y.name ? -1 : 1));
  const unlocated = db.prepare(`SELECT count(*) FROM events WHERE ${where.sql} AND loc_name IS NULL`).pluck().get(...where.params) as number;
  const names = codeNames();
  const countries = (db.prepare(`SELECT loc_country AS country, count(*) AS n FROM events WHERE ${where.sql} AND loc_country IS NOT NULL
    GROUP BY loc_country ORDER BY n DESC, loc_country`).all(...where.params) as { country: string; n: number }[])
    .map((r) => ({ country: r.country, name: nameOf(r.country, names), numeric: names.numeric.get(r.country) ?? null, events: r.n }));
  return { total, located: list.reduce((s, p) => s + p.events, 0), unlocated, places: list, countries };
}

/* ------------------------------------------------------------------ actors */



export function actorStats(db: DB, where: Where, o: { search?: string; limit: number }): { countries: CountryStat[]; codes: ActorStat[] } {
  const rows = db.prepare(`SELECT code, country, sector, count(*) AS n, sum(side = 's') AS s FROM (
      SELECT source_code AS code, source_country AS country, source_sector AS sector, 's' AS side FROM events WHERE ${where.sql} AND source_code IS NOT NULL
      UNION ALL
      SELECT target_code, target_country, target_sector, 't' FROM events WHERE ${where.sql} AND target_code IS NOT NULL
    ) GROUP BY code ORDER BY n DESC, code`).all(...where.params, ...where.params) as { code: string; country: string | null; sector: string | null; n: number; s: number }[];
  const nameRows = db.prepare(`SELECT code, name, count(*) AS n FROM (
      SELECT source_code AS code, source_name AS name FROM events WHERE ${where.sql} AND source_code IS NOT NULL AND source_name IS NOT NULL
      UNION ALL
      SELECT target_code, target_name FROM events WHERE ${where.sql} AND target_code IS NOT NULL AND target_name IS NOT NULL
    ) GROUP BY code, name ORDER BY n DESC, name`).all(...where.params, ...where.params) as { code: string; name: string; n: number }[];
  const named = new Map<string, string[]>();
  for (const r of nameRows) {
    const l = named.get(r.code) ?? [];
    if (l.length < 3) l.push(r.name);
    named.set(r.code, l);
  }
  const names = codeNames();
  const kindOf = (country: string | null): ActorStat['kind'] =>
    country === null ? 'other' : names.countries.has(country) ? 'country' : 'organisation';
  let codes: ActorStat[] = rows.map((r) => ({
    code: r.code, country: r.country, sector: r.sector, kind: kindOf(r.country), country_name: nameOf(r.country, names),
    events: r.n, as_source: r.s, as_target: r.n - r.s, names: named.get(r.code) ?? [],
  }));
  const byCountry = new Map<string, CountryStat>();
  for (const c of codes) {
    if (!c.country) continue;
    let s = byCountry.get(c.country);
    if (!s) byCountry.set(c.country, s = { code: c.country, name: c.country_name, kind: c.kind, events: 0 });
    s.events += c.events;
  }
  let countries = [...byCountry.values()].sort((x, y) => y.events - x.events || (x.code < y.code ? -1 : 1));
  if (o.search) {
    const q = o.search.trim().toLowerCase();
    const hit = (...xs: (string | null)[]) => xs.some((x) => x !== null && x.toLowerCase().includes(q));
    codes = codes.filter((c) => c.code.toLowerCase().startsWith(q) || hit(c.country_name, ...c.names));
    countries = countries.filter((c) => c.code.toLowerCase().startsWith(q) || hit(c.name));
  }
  return { countries: countries.slice(0, o.limit), codes: codes.slice(0, o.limit) };
}

/* ---------------------------------------------------------------- articles */


export function articlesPage(db: DB, o: { search?: string; limit: number; offset: number }): { total: number; articles: ArticleSummary[] } {
  const params: unknown[] = [];
  let where = 'a.superseded_by IS NULL';
  if (o.search) {
    const like = `%${o.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where += ` AND (a.title LIKE ? ESCAPE '\\' OR a.ext_id LIKE ? ESCAPE '\\' OR a.publisher LIKE ? ESCAPE '\\')`;
    params.push(like, like, like);
  }
  const total = db.prepare(`SELECT count(*) FROM articles a WHERE ${where}`).pluck().get(...params) as number;
  const articles = db.prepare(`SELECT a.id, a.ext_id, a.title, a.publisher, a.published, a.url,
      (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions,
      (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE m.article_id = a.id AND m.event_id IS NOT NULL) AS events
    FROM articles a WHERE ${where} ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?`).all(...params, o.limit, o.offset) as ArticleSummary[];
  return { total, articles };
}


export function articleRow(db: DB, id: number): ArticleRow | null {
  return (db.prepare('SELECT id, ext_id, title, publisher, published, url, source, text, superseded_by FROM articles WHERE id = ?').get(id) as ArticleRow | undefined) ?? null;
}

/* -------------------------------------------------------------------- meta */


export function storeSummary(db: DB): StoreSummary {
  const r = db.prepare('SELECT min(day_lo) AS lo, max(day_hi) AS hi FROM events').get() as { lo: number | null; hi: number | null };
  const types = (db.prepare("SELECT coalesce(plover, 'STATEMENT') AS type, count(*) AS events FROM events GROUP BY plover ORDER BY events DESC, type").all() as { type: string; events: number }[]);
  return { first_day: r.lo === null ? null : formatDay(r.lo), last_day: r.hi === null ? null : formatDay(r.hi), types };
}
