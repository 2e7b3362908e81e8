/**
 * GET /api/articles (stored articles, newest first), GET /api/articles/:id (one article with its event
 * mentions, the coded spans and the text cut into segments for highlighting), POST /api/articles
 * (store and code one article; needs the API token).
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { ID_PARAMS, PAGE_PROPERTIES, querySchema } from '../schemas.js';
import { articleRow, articlesPage } from '../queries.js';
import { annotate, segments } from '../spans.js';
import { notFound } from '../errors.js';
import { requireToken } from '../auth.js';
import type { ArticleWriter } from '../coding.js';
import { ARTICLE_BODY, articleOf, strictTypes, type ArticleBody } from './code.js';
import type { ArticleDetail } from '../api-types.js';

export function articleRoutes(app: FastifyInstance, store: Store, o: { token: string | null; writer: ArticleWriter | null; bodyLimit: number }): void {
  app.get<{ Querystring: { search?: string; limit?: number; offset?: number } }>('/api/articles', {
    schema: { querystring: querySchema({ search: { type: 'string', minLength: 1, maxLength: 200 }, ...PAGE_PROPERTIES }) },
  }, async (req) => {
    const q = req.query;
    return { offset: q.offset ?? 0, limit: q.limit ?? 50, ...articlesPage(store.db, { search: q.search, limit: q.limit ?? 50, offset: q.offset ?? 0 }) };
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', { schema: { params: ID_PARAMS } }, async (req) => {
    const a = articleRow(store.db, Number(req.params.id));
    if (!a) throw notFound(`no article ${req.params.id}`);
    const mentions = store.articleMentions(a.id);
    const annotations = annotate(a.text, mentions.map((m) => m.event));
    const answer: ArticleDetail = {
      article: a,
      mentions: mentions.map((m) => ({ id: m.id, event_id: m.event_id, note: m.note, event: m.event })),
      annotations,
      segments: segments(a.text.length, annotations),
    };
    return answer;
  });

  app.post<{ Body: ArticleBody }>('/api/articles', {
    bodyLimit: o.bodyLimit,
    // The token is checked before the body is read or validated: no work for a caller without one.
    onRequest: async (req) => requireToken(req, o.token),
    schema: { body: ARTICLE_BODY },
    preValidation: async (req) => strictTypes(ARTICLE_BODY, req.body),
  }, async (req, reply) => {
    const r = await o.writer!.store1(articleOf(req.body, 'api'));
    return reply.code(r.status === 'already stored' ? 200 : 201).send(r);
  });
}
