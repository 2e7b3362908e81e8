/**
 * The API token that guards writing endpoints (POST /api/articles). Sent as
 * `Authorization: Bearer <token>`; compared in constant time. Without a configured token the
 * writing endpoints are off.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/** Shortest token accepted: a guessable token on a writable API is worse than none. */
export const MIN_TOKEN_LENGTH = 16;

export class TokenError extends Error {}

export function checkTokenStrength(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new TokenError(`the API token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (got ${token.length})`);
  }
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Throws 403 when writing is off (no token configured), 401 when the request's token is missing or wrong. */
export function requireToken(req: FastifyRequest, token: string | null): void {
  if (token === null) {
    throw new HttpError(403, 'writing is disabled on this server: start dyad serve with --token (or DYAD_API_TOKEN) to enable POST /api/articles');
  }
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  if (!m) throw new HttpError(401, 'missing API token: send the header "Authorization: Bearer <token>"');
  if (!timingSafeEqual(digest(m[1]), digest(token))) throw new HttpError(401, 'wrong API token');
}
