/**
 * Event filters (`dyad events`, `dyad export`, the library's `store.events()`) turned into one
 * parameterised SQL WHERE clause. Values are always bound, never pasted into the SQL.
 */
import { parseDay } from './days.js';

export interface EventFilter {
  /** A code or code prefix (IRN, IRNGOV, UNO) on either side, or a name (any mention's source or target name contains it). */
  actor?: string;
  /** Source and target code prefixes (`IRN:AZE`); `*` or empty for any. */
  dyad?: [string, string];
  /** With `dyad`: either direction. */
  both?: boolean;
  /** PLOVER event type (ASSAULT, CONSULT...). */
  type?: string;
  /** CAMEO code prefix (19, 190, 0234). */
  cameo?: string;
  /** Events whose date range overlaps [from, to] (ISO days; undated events are left out when either is given). */
  from?: string;
  to?: string;
  /** ISO3 country of the event's location. */
  country?: string;
  /** Also events every report mentions only as background (left out by default). */
  includeHistorical?: boolean;
  /** At least this many distinct publishers. */
  minSources?: number;
  limit?: number;
}

export class FilterError extends Error {}

const CODE = /^[A-Z]{2,9}$/;

/** Escapes LIKE wildcards (the ESCAPE character is a backslash). */
function likePrefix(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

function sideClause(side: 'source' | 'target', code: string, params: unknown[]): string {
  params.push(likePrefix(code), code);
  return `(${side}_code LIKE ? ESCAPE '\\' OR ${side}_country = ?)`;
}

function checkDay(label: string, v: string): number {
  const d = parseDay(v);
  if (d === null || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new FilterError(`${label} must be a date YYYY-MM-DD, got "${v}"`);
  return d;
}

/** The WHERE clause (without the keyword; "1" when there is no condition) and its parameters. */
export function whereClause(f: EventFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.actor) {
    const a = f.actor.trim();
    if (CODE.test(a)) {
      parts.push(`(${sideClause('source', a, params)} OR ${sideClause('target', a, params)})`);
    } else {
      params.push(`%${a.replace(/[\\%_]/g, (c) => '\\' + c)}%`, `%${a.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
      parts.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id AND (m.source_name LIKE ? ESCAPE '\\' OR m.target_name LIKE ? ESCAPE '\\'))`);
    }
  }
  if (f.dyad) {
    const [s, t] = f.dyad.map((x) => x.trim());
    for (const x of [s, t]) if (x && x !== '*' && !CODE.test(x)) throw new FilterError(`--dyad expects codes like IRN:AZE or IRNGOV:*, got "${f.dyad.join(':')}"`);
    const one = (a: string, b: string) => {
      const c: string[] = [];
      if (a && a !== '*') c.push(sideClause('source', a, params));
      if (b && b !== '*') c.push(sideClause('target', b, params));
      return c.length ? `(${c.join(' AND ')})` : '1';
    };
    parts.push(f.both ? `(${one(s, t)} OR ${one(t, s)})` : one(s, t));
  }
  if (f.type) {
    params.push(f.type.toUpperCase());
    parts.push('plover = ?');
  }
  if (f.cameo) {
    if (!/^\d{2,4}$/.test(f.cameo)) throw new FilterError(`--cameo expects a CAMEO code prefix of 2-4 digits, got "${f.cameo}"`);
    params.push(likePrefix(f.cameo));
    parts.push(`cameo LIKE ? ESCAPE '\\'`);
  }
  if (f.from) {
    params.push(checkDay('--from', f.from));
    parts.push('day_hi >= ?');
  }
  if (f.to) {
    params.push(checkDay('--to', f.to));
    parts.push('day_lo <= ?');
  }
  if (f.from && f.to && f.to < f.from) throw new FilterError(`--to (${f.to}) is before --from (${f.from})`);
  if (f.country) {
    if (!/^[A-Z]{3}$/.test(f.country)) throw new FilterError(`--country expects an ISO 3166 alpha-3 code (AZE), got "${f.country}"`);
    params.push(f.country);
    parts.push('loc_country = ?');
  }
  if (!f.includeHistorical) parts.push('historical = 0');
  if (f.minSources !== undefined) {
    if (!Number.isInteger(f.minSources) || f.minSources < 1) throw new FilterError(`--min-sources must be a whole number >= 1, got "${f.minSources}"`);
    params.push(f.minSources);
    parts.push('sources >= ?');
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** The full SELECT for a filter, in date order (undated last), then id. */
export function eventsQuery(f: EventFilter): { sql: string; params: unknown[] } {
  const w = whereClause(f);
  let sql = `SELECT * FROM events WHERE ${w.sql} ORDER BY day_lo IS NULL, day_lo, id`;
  if (f.limit !== undefined) {
    if (!Number.isInteger(f.limit) || f.limit < 0) throw new FilterError(`--limit must be a whole number, got "${f.limit}"`);
    sql += ` LIMIT ${f.limit}`;
  }
  return { sql, params: w.params };
}
