/**
 * GET /api/dyad (time series of a pair of actors), GET /api/dyad/events (the events of one bucket),
 * GET /api/dyads (top pairs for a period), GET /api/network (actors and their pairs as a graph).
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { CODE_PATTERN, FILTER_PROPERTIES, PAGE_PROPERTIES, querySchema } from '../schemas.js';
import { pickFilters, whereOf, type ExtraConditions, type FilterQuery } from '../filters.js';
import { bucketRange, countEvents, dyadSeries, dyadStats, eventsPage, network, EVENT_SORTS, type ActorLevel, type EventSort } from '../queries.js';
import { INTERVALS, parsePeriod, type Interval } from '../periods.js';
import { badRequest } from '../errors.js';
import { codeLabel } from '../names.js';
import { DEFAULT_PAGE } from './events.js';
import type { DyadSeries } from '../api-types.js';

type Direction = 'both' | 'a_to_b' | 'b_to_a';

interface PairQuery extends Omit<FilterQuery, 'actor' | 'dyad' | 'both'> {
  a: string;
  b: string;
  direction?: Direction;
  /** `prefix` (default): codes as prefixes, like the dyad filter (IRN matches IRNGOV); `exact`: these codes only. */
  match?: 'prefix' | 'exact';
}

/** The filters of a pair query minus the pair itself (the pair becomes the dyad filter). */
const { actor: _actor, dyad: _dyad, both: _both, ...PAIR_FILTERS } = FILTER_PROPERTIES;

const PAIR_PROPERTIES = {
  ...PAIR_FILTERS,
  a: { type: 'string', pattern: CODE_PATTERN },
  b: { type: 'string', pattern: CODE_PATTERN },
  direction: { type: 'string', enum: ['both', 'a_to_b', 'b_to_a'] },
  match: { type: 'string', enum: ['prefix', 'exact'] },
};

/** The filters and extra conditions of a pair query: the pair becomes the dyad filter (prefixes) or an exact-code condition. */
function pairWhere(q: PairQuery, extra: ExtraConditions = {}): { filter: FilterQuery; extra: ExtraConditions } {
  const dir = q.direction ?? 'both';
  const { a, b, direction: _d, match, ...rest } = q as PairQuery & Record<string, unknown>;
  const f = pickFilters(rest);
  const [source, target] = dir === 'b_to_a' ? [b, a] : [a, b];
  if (match === 'exact') return { filter: f, extra: { ...extra, exactPair: { source, target, both: dir === 'both' } } };
  return { filter: { ...f, dyad: `${source}:${target}`, both: dir === 'both' }, extra };
}

const LEVEL = { type: 'string', enum: ['country', 'code'] };

export function dyadRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: PairQuery & { interval?: Interval | 'auto' } }>('/api/dyad', {
    schema: { querystring: querySchema({ ...PAIR_PROPERTIES, interval: { type: 'string', enum: ['auto', ...INTERVALS] } }, ['a', 'b']) },
  }, async (req) => {
    const q = req.query;
    const p = pairWhere(q);
    const where = whereOf(p.filter, p.extra);
    const series = dyadSeries(store.db, where, { interval: q.interval ?? 'auto', a: q.a, exact: q.match === 'exact', from: q.from, to: q.to });
    // How many more events the same query has as background (historical) mentions, so the view can offer them.
    const hidden = p.filter.include_historical ? 0 : countEvents(store.db, whereOf({ ...p.filter, include_historical: true }, p.extra)) - series.total - series.undated;
    const answer: DyadSeries = {
      a: q.a, b: q.b, a_name: codeLabel(q.a), b_name: codeLabel(q.b), direction: q.direction ?? 'both', match: q.match ?? 'prefix',
      ...series, historical_hidden: hidden,
    };
    return answer;
  });

  app.get<{ Querystring: PairQuery & { interval: Interval; period: string; limit?: number; offset?: number; sort?: EventSort } }>('/api/dyad/events', {
    schema: {
      querystring: querySchema({
        ...PAIR_PROPERTIES, ...PAGE_PROPERTIES, sort: { type: 'string', enum: EVENT_SORTS },
        interval: { type: 'string', enum: INTERVALS }, period: { type: 'string', pattern: '^\\d{4}-\\d{2}(?:-\\d{2})?$' },
      }, ['a', 'b', 'interval', 'period']),
    },
  }, async (req) => {
    const { interval, period, limit, offset, sort, ...rest } = req.query;
    const key = parsePeriod(period, interval);
    if (key === null) {
      throw badRequest(`query parameter "period" must be ${interval === 'month' ? 'a month YYYY-MM' : interval === 'week' ? 'the Monday of a week, YYYY-MM-DD' : 'a day YYYY-MM-DD'} for interval ${interval}, got "${period}"`);
    }
    const p = pairWhere(rest as PairQuery, { startDays: bucketRange(key, interval) });
    const where = whereOf(p.filter, p.extra);
    return eventsPage(store.db, where, { limit: limit ?? DEFAULT_PAGE, offset: offset ?? 0, sort: sort ?? 'date' });
  });

  app.get<{ Querystring: FilterQuery & { level?: ActorLevel; directed?: boolean; limit?: number } }>('/api/dyads', {
    schema: { querystring: querySchema({ ...FILTER_PROPERTIES, level: LEVEL, directed: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 500 } }) },
  }, async (req) => {
    const q = req.query;
    const level = q.level ?? 'country';
    return { level, directed: q.directed ?? false, dyads: dyadStats(store.db, whereOf(pickFilters(q)), { level, directed: q.directed ?? false, limit: q.limit ?? 20 }) };
  });

  app.get<{ Querystring: FilterQuery & { level?: ActorLevel; max_edges?: number; min_events?: number } }>('/api/network', {
    schema: {
      querystring: querySchema({
        ...FILTER_PROPERTIES, level: LEVEL,
        max_edges: { type: 'integer', minimum: 1, maximum: 2000 }, min_events: { type: 'integer', minimum: 1 },
      }),
    },
  }, async (req) => {
    const q = req.query;
    return network(store.db, whereOf(pickFilters(q)), { level: q.level ?? 'country', maxEdges: q.max_edges ?? 150, minEvents: q.min_events ?? 1 });
  });
}
