/** GET /api/places: where the filtered events happened (places with coordinates, and counts per country) for the map. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { FILTER_PROPERTIES, querySchema } from '../schemas.js';
import { pickFilters, whereOf, type FilterQuery } from '../filters.js';
import { places } from '../queries.js';

export function placeRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: FilterQuery }>('/api/places', { schema: { querystring: querySchema(FILTER_PROPERTIES) } }, async (req) =>
    places(store.db, whereOf(pickFilters(req.query))));
}
