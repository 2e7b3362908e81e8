/**
 * GET /api/actors: the actors of the filtered events (countries and organisations, full codes with the
 * names seen for them) and the people the store learned (name, code, role, term).
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { FILTER_PROPERTIES, querySchema } from '../schemas.js';
import { pickFilters, whereOf, type FilterQuery } from '../filters.js';
import { actorStats } from '../queries.js';
import type { Actors } from '../api-types.js';

type ActorsQuery = FilterQuery & { search?: string; limit?: number };

export function actorRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: ActorsQuery }>('/api/actors', {
    schema: {
      querystring: querySchema({
        ...FILTER_PROPERTIES,
        search: { type: 'string', minLength: 1, maxLength: 200 },
        limit: { type: 'integer', minimum: 1, maximum: 5000 },
      }),
    },
  }, async (req) => {
    const { search, limit = 200, ...rest } = req.query;
    const stats = actorStats(store.db, whereOf(pickFilters(rest)), { search, limit });
    const people = store.people({ search }).slice(0, limit).map((p) => ({
      name: p.name, code: p.code, role: p.role, from: p.from, to: p.to, origin: p.origin, seen: p.seen, last_seen: p.last_seen,
    }));
    const answer: Actors = { ...stats, people };
    return answer;
  });
}
