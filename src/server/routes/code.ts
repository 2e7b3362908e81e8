/** POST /api/code: codes posted text and returns its events (the output contract of `dyad code`), storing nothing. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Article } from '../../pipeline/types.js';
import type { ApiCoder } from '../coding.js';
import { bodyTypeError } from '../schemas.js';
import { badRequest } from '../errors.js';

export interface ArticleBody {
  text: string;
  id?: string;
  published?: string;
  title?: string;
  url?: string;
  source?: string;
}

const opt = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });

export const ARTICLE_BODY = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1 },
    id: opt(500),
    published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
    title: opt(2000),
    url: opt(4000),
    source: opt(500),
  },
};

/** POST /api/code also takes `statements` (emit CAMEO 01 statements, like `dyad code --statements`). */
export const CODE_BODY = { ...ARTICLE_BODY, properties: { ...ARTICLE_BODY.properties, statements: { type: 'boolean' } } };

/** The article of a request body; without an id, one from the text's hash (the same text gets the same id). */
export function articleOf(b: ArticleBody, prefix: string): Article {
  const id = b.id ?? `${prefix}-${createHash('sha256').update(b.text).digest('hex').slice(0, 12)}`;
  return { id, text: b.text, published: b.published ?? null, title: b.title ?? null, url: b.url ?? null, source: b.source ?? null };
}

/** Refuses a body field of the wrong JSON type (see bodyTypeError). */
export function strictTypes(schema: Record<string, unknown>, body: unknown): void {
  const e = bodyTypeError(schema, body);
  if (e) throw badRequest(e);
}

export function codeRoutes(app: FastifyInstance, coder: ApiCoder, o: { bodyLimit: number }): void {
  app.post<{ Body: ArticleBody & { statements?: boolean } }>('/api/code', {
    bodyLimit: o.bodyLimit,
    schema: { body: CODE_BODY },
    preValidation: async (req) => strictTypes(CODE_BODY, req.body),
  }, async (req) => {
    const a = articleOf(req.body, 'posted');
    return { events: coder.code(a, req.body.statements ?? false) };
  });
}
