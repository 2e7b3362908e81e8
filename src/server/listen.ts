/**
 * Where the server listens: the loopback interface by default; any other address only with an
 * explicit `public` flag (the read endpoints have no authentication).
 */
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { LOOPBACK_NAMES } from './app.js';

export class HostError extends Error {}

/** 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Throws unless the host is a loopback address or `isPublic` is set. */
export function checkHost(host: string, isPublic: boolean): void {
  if (!host.trim()) throw new HostError('the host is empty');
  if (!isLoopback(host) && !isPublic) {
    throw new HostError(`refusing to listen on ${host}: the API has no authentication for reading; add --public to serve other machines`);
  }
}

/** The Host header names a server on `host` answers to: null (any) when public. */
export function allowedHostsFor(host: string, isPublic: boolean): string[] | null {
  if (isPublic) return null;
  const h = host.toLowerCase();
  return [...new Set([...LOOPBACK_NAMES, h, isIP(h) === 6 ? `[${h}]` : h])];
}

/** Starts listening and returns the URL to open. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const addr = app.server.address();
  const realPort = typeof addr === 'object' && addr ? addr.port : port;
  const shown = isIP(host) === 6 ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  return `http://${shown}:${realPort}/`;
}
