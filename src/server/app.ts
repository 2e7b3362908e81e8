/**
 * The HTTP API and dashboard of `dyad serve`: a fastify app over one store. Read endpoints are open;
 * POST /api/articles needs the API token; POST bodies have a size limit; every parameter is
 * validated against a schema (unknown parameters are errors). `buildServer` does not listen: the
 * caller (src/cli/serve.ts, the tests) decides where (see listen.ts).
 */
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Store } from '../store/store.js';
import { installErrorHandlers } from './errors.js';
import { eventRoutes } from './routes/events.js';
import { dyadRoutes } from './routes/dyads.js';
import { placeRoutes } from './routes/places.js';
import { actorRoutes } from './routes/actors.js';
import { articleRoutes } from './routes/articles.js';
import { codeRoutes } from './routes/code.js';
import { metaRoutes } from './routes/meta.js';
import { ApiCoder, ArticleWriter } from './coding.js';
import { checkTokenStrength } from './auth.js';

/** Default limit of a POST body: 1 MiB (a long news article is well under 100 kB). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Host names a server bound to the loopback interface answers to (others are refused: DNS rebinding). */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export interface ServerOptions {
  /** The store to serve; opened read-write when `token` is set (POST /api/articles writes to it). */
  store: Store;
  /** API token for POST /api/articles; null or absent: writing is off. */
  token?: string | null;
  /** Largest POST body in bytes (default DEFAULT_BODY_LIMIT). */
  bodyLimit?: number;
  /** Directory of the built dashboard (scripts/build-web.mjs); null or absent: API only. */
  webDir?: string | null;
  /** Host names accepted in the Host header; null: any (a server bound to a public interface). Default: LOOPBACK_NAMES. */
  allowedHosts?: string[] | null;
  /** Log requests (pino, one JSON line each) to stdout. */
  logger?: boolean;
}

/** Content security policy of every response: the page loads and connects to nothing but this server. */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'",
  "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

function hostName(host: string | undefined): string {
  if (!host) return '';
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const token = opts.token ?? null;
  if (token !== null) checkTokenStrength(token);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit,
    // Unknown parameters are reported (not silently dropped); query strings coerce to the schema's types.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });
  installErrorHandlers(app, { bodyLimit });

  const allowed = opts.allowedHosts === undefined ? LOOPBACK_NAMES : opts.allowedHosts;
  if (allowed !== null) {
    const names = new Set(allowed.map((h) => h.toLowerCase()));
    app.addHook('onRequest', async (req, reply) => {
      if (!names.has(hostName(req.headers.host))) {
        return reply.code(421).send({ error: `this server answers to ${[...names].join(', ')} only (Host was "${req.headers.host ?? ''}")` });
      }
    });
  }
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  const writer = token !== null ? new ArticleWriter(opts.store) : null;
  eventRoutes(app, opts.store);
  dyadRoutes(app, opts.store);
  placeRoutes(app, opts.store);
  actorRoutes(app, opts.store);
  articleRoutes(app, opts.store, { token, writer, bodyLimit });
  codeRoutes(app, new ApiCoder(), { bodyLimit });
  metaRoutes(app, opts.store, { writable: writer !== null, bodyLimit });

  if (opts.webDir) {
    if (!existsSync(opts.webDir)) throw new Error(`${opts.webDir}: no built dashboard here (run npm run build)`);
    await app.register(fastifyStatic, { root: opts.webDir, prefix: '/', index: 'index.html', cacheControl: true, maxAge: 0 });
  }
  return app;
}
