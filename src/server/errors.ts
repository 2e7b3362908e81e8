/**
 * Errors as JSON `{ "error": "..." }` with a status code: bad parameters are 400s that name the
 * parameter, what it must be and what was sent; an over-large body is a 413 that gives the limit.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FilterError } from '../store/query.js';
import { EXPECTED } from './schemas.js';

/** An error with an HTTP status, raised by handlers (400 bad input, 401/403 auth, 404 no such thing). */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const WHERE: Record<string, string> = {
  querystring: 'query parameter',
  body: 'body field',
  params: 'path parameter',
  headers: 'header',
};

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (s === undefined) return 'nothing';
  return `"${s.length > 60 ? s.slice(0, 57) + '...' : s}"`;
}

/** The value a request sent at an Ajv instance path (/limit, /events/0/text). */
function sentValue(req: FastifyRequest, context: string, path: string): unknown {
  let v: unknown = context === 'querystring' ? req.query : context === 'body' ? req.body : context === 'params' ? req.params : req.headers;
  for (const k of path.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[decodeURIComponent(k.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  return v;
}

/** One sentence for a schema validation failure, naming the parameter. */
export function validationMessage(errors: AjvError[], context: string, req: FastifyRequest): string {
  const e = errors[0];
  const where = WHERE[context] ?? context;
  if (e.keyword === 'additionalProperties') return `unknown ${where} "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'required') return `missing ${where} "${String(e.params.missingProperty)}"`;
  const name = e.instancePath.split('/').slice(1).join('.') || '(root)';
  const got = sentValue(req, context, e.instancePath);
  const last = e.instancePath.split('/').pop() ?? '';
  let expected: string;
  switch (e.keyword) {
    case 'pattern':
      expected = EXPECTED[last] ?? `text matching ${String(e.params.pattern)}`;
      break;
    case 'enum':
      expected = `one of ${(e.params.allowedValues as unknown[]).map(String).join(', ')}`;
      break;
    case 'type':
      expected = e.params.type === 'integer' ? 'a whole number' : e.params.type === 'boolean' ? 'true or false' : `of type ${String(e.params.type)}`;
      break;
    case 'minimum': case 'maximum':
      expected = `${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(e.params.limit)}`;
      break;
    case 'minLength':
      expected = e.params.limit === 1 ? 'not empty' : `at least ${String(e.params.limit)} characters long`;
      break;
    case 'maxLength':
      expected = `at most ${String(e.params.limit)} characters long`;
      break;
    default:
      expected = (e.message ?? 'valid').replace(/^must (be )?/, '');
  }
  return `${where} "${name}" must be ${expected}, got ${shown(got)}`;
}

/** The store's filter errors speak of command-line options (--from); the API's names are parameters (from). */
export function filterMessage(message: string): string {
  return message.replace(/--([a-z][a-z-]*)/g, (_m, n: string) => `query parameter "${n.replace(/-/g, '_')}"`);
}

export function installErrorHandlers(app: FastifyInstance, opts: { bodyLimit: number }): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err.validation) {
      return reply.code(400).send({ error: validationMessage(err.validation as AjvError[], err.validationContext ?? 'querystring', req) });
    }
    if (err instanceof FilterError) return reply.code(400).send({ error: filterMessage(err.message) });
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: err.message });
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: `request body is larger than the limit of ${opts.bodyLimit} bytes` });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ error: `unsupported content type "${req.headers['content-type'] ?? ''}": send application/json` });
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return reply.code(400).send({ error: 'the request body is empty: send a JSON object' });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON and the like): their message says what was wrong.
      return reply.code(status).send({ error: err.message.replace(/^Body is not valid JSON but/, 'the request body is not valid JSON:') });
    }
    req.log.error(err);
    return reply.code(500).send({ error: 'internal error' });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` });
  });
}
