/**
 * The API's event filter parameters -> the store's EventFilter and WHERE clause, plus the two
 * conditions only the API has: `place` (the event's location name) and a range of start days (a
 * time-series bucket). Values are always bound parameters.
 */
import { whereClause, type EventFilter } from '../store/query.js';
import { parseDay } from '../store/days.js';
import { badRequest } from './errors.js';

/**
 * The filter parameters as they arrive (after schema validation and type coercion): the store's
 * EventFilter in the API's spelling, and `place`.
 */
export type FilterQuery = Omit<EventFilter, 'dyad' | 'includeHistorical' | 'minSources' | 'limit'> & {
  /** `SRC:TGT` code prefixes, as EventFilter's `dyad`. */
  dyad?: string;
  include_historical?: boolean;
  min_sources?: number;
  /** The event's location name. */
  place?: string;
};

export interface Where {
  sql: string;
  params: unknown[];
}

export function eventFilter(q: FilterQuery): EventFilter {
  let dyad: [string, string] | undefined;
  if (q.dyad !== undefined) {
    const [s, t] = q.dyad.split(':');
    dyad = [s, t];
  }
  if (q.both && !dyad) throw badRequest('query parameter "both" goes with "dyad"');
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v !== undefined && parseDay(v) === null) throw badRequest(`query parameter "${k}" must be a real calendar day YYYY-MM-DD, got "${v}"`);
  }
  if (q.from && q.to && q.to < q.from) throw badRequest(`query parameter "to" (${q.to}) is before "from" (${q.from})`);
  return {
    actor: q.actor, dyad, both: q.both, type: q.type?.toUpperCase(), cameo: q.cameo, from: q.from, to: q.to, country: q.country,
    includeHistorical: q.include_historical ?? false, minSources: q.min_sources,
  };
}

/** The WHERE clause (without the keyword) over the events table for the filter parameters. */
export interface ExtraConditions {
  /** Events whose first possible day lies in this range (a time-series bucket). */
  startDays?: [number, number];
  /** Exactly these source and target codes (not prefixes); `both`: either direction. */
  exactPair?: { source: string; target: string; both: boolean };
}

export function whereOf(q: FilterQuery, extra: ExtraConditions = {}): Where {
  const f = eventFilter(q);
  // Statements (CAMEO 01) have no PLOVER type; the API lists them as STATEMENT.
  const statements = f.type === 'STATEMENT';
  if (statements) f.type = undefined;
  const w = whereClause(f);
  const parts = [w.sql];
  const params = [...w.params];
  if (statements) parts.push('plover IS NULL');
  if (q.place !== undefined) {
    parts.push('loc_name = ?');
    params.push(q.place);
  }
  if (extra.exactPair) {
    const { source, target, both } = extra.exactPair;
    parts.push(both ? '((source_code = ? AND target_code = ?) OR (source_code = ? AND target_code = ?))' : '(source_code = ? AND target_code = ?)');
    params.push(source, target, ...(both ? [target, source] : []));
  }
  if (extra.startDays) {
    parts.push('day_lo BETWEEN ? AND ?');
    params.push(extra.startDays[0], extra.startDays[1]);
  }
  return { sql: parts.join(' AND '), params };
}

/** The filter parameters of a query object (the others are the endpoint's own). */
export function pickFilters(q: FilterQuery & object): FilterQuery {
  const keys: (keyof FilterQuery)[] = ['actor', 'dyad', 'both', 'type', 'cameo', 'from', 'to', 'country', 'include_historical', 'min_sources', 'place'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (q[k] !== undefined) out[k] = q[k];
  return out as FilterQuery;
}
