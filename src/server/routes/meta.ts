/** GET /api/meta: what the store holds (counts, date range, event types) and what this server allows. */
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { storeSummary } from '../queries.js';
import { querySchema } from '../schemas.js';
import type { Meta } from '../api-types.js';

export function metaRoutes(app: FastifyInstance, store: Store, o: { writable: boolean; bodyLimit: number }): void {
  app.get('/api/meta', { schema: { querystring: querySchema({}) } }, async (): Promise<Meta> => ({
    database: basename(store.path),
    counts: store.counts(),
    ...storeSummary(store.db),
    post_articles: o.writable,
    body_limit: o.bodyLimit,
  }));
}
