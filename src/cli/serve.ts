/**
 * `dyad serve`: the HTTP API and the dashboard over a store, on 127.0.0.1:8080 by default. The
 * dashboard is built (scripts/build-web.mjs) when it is missing or older than its sources.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../paths.js';
import { Command, InvalidArgumentError } from 'commander';
import type { Store } from '../store/store.js';

// The store and the server (fastify) load only when `serve` runs: every other command starts faster.
const storeModule = () => import('../store/store.js');
const appModule = () => import('../server/app.js');
const listenModule = () => import('../server/listen.js');

/** 1 MiB, as src/server/app.ts DEFAULT_BODY_LIMIT (test/server checks they agree). */
export const SERVE_BODY_LIMIT = 1024 * 1024;

export interface ServeOptions {
  db: string;
  host: string;
  port: number;
  public: boolean;
  /** API token for POST /api/articles (also read from DYAD_API_TOKEN). */
  token?: string;
  bodyLimit: number;
  /** Serve the dashboard (default); false: the API only. */
  dashboard: boolean;
  log: boolean;
}

/** The module scripts/build-web.mjs (plain JavaScript, so `npm run build` needs no TypeScript loader). */
interface WebBuild {
  OUT_DIR: string;
  ensureWebBuild(opts: { log?: (line: string) => void }): Promise<string>;
}

const ROOT = PROJECT_ROOT;

/** Builds the dashboard when needed; returns its directory. */
export async function ensureDashboard(log: (line: string) => void): Promise<string> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-web.mjs')).href)) as WebBuild;
  return mod.ensureWebBuild({ log });
}

export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store, builds the dashboard if needed and listens. Errors are thrown with a message for the user. */
export async function startServe(o: ServeOptions, log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<RunningServer> {
  const [{ openStore }, { buildServer }, { allowedHostsFor, checkHost, listen }] = await Promise.all([storeModule(), appModule(), listenModule()]);
  checkHost(o.host, o.public);
  const token = o.token ?? process.env.DYAD_API_TOKEN ?? null;
  // Read-only unless writing is on: a dashboard cannot change the data it shows.
  const store = token ? openStore(o.db) : openStore(o.db, { readonly: true });
  try {
    const webDir = o.dashboard ? await ensureDashboard(log) : null;
    const app = await buildServer({ store, token: token || null, bodyLimit: o.bodyLimit, webDir, allowedHosts: allowedHostsFor(o.host, o.public), logger: o.log });
    const url = await listen(app, o.host, o.port);
    return { url, store, close: async () => { await app.close(); store.close(); } };
  } catch (e) {
    store.close();
    throw e;
  }
}

function port(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535 (0: any free port)');
  return n;
}

function bytes(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1024) throw new InvalidArgumentError('expected a number of bytes >= 1024');
  return n;
}

/** Serves until SIGINT or SIGTERM; resolves with the exit code. */
export async function runServe(o: ServeOptions): Promise<number> {
  let server: RunningServer;
  try {
    server = await startServe(o);
  } catch (e) {
    const [{ StoreError }, { HostError }, { TokenError }] = await Promise.all([storeModule(), listenModule(), import('../server/auth.js')]);
    if (e instanceof HostError || e instanceof StoreError || e instanceof TokenError) {
      process.stderr.write(`dyad serve: ${e.message}\n`);
      return e instanceof HostError ? 2 : 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      process.stderr.write(`dyad serve: ${o.host}:${o.port} is in use (another server?); choose another --port\n`);
      return 1;
    }
    process.stderr.write(`dyad serve: ${err.message}\n`);
    return 1;
  }
  const c = server.store.counts();
  process.stderr.write(`dyad serve: ${server.store.path}: ${c.events} events from ${c.articles} articles; POST /api/articles ${o.token ?? process.env.DYAD_API_TOKEN ? 'on (token)' : 'off'}\n`);
  process.stdout.write(`dashboard: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** Adds `dyad serve` to the program; `done` receives the exit code when the server stops. */
export function serveCommand(program: Command, done: (code: number) => void): Command {
  return program.command('serve')
    .description('HTTP API and dashboard over a store (default http://127.0.0.1:8080/)')
    .option('--db <file>', 'database file', 'dyad.db')
    .option('--host <address>', 'interface to listen on; other than loopback needs --public', '127.0.0.1')
    .option('-p, --port <n>', 'port (0: any free port)', port, 8080)
    .option('--public', 'allow listening on a non-loopback interface (read endpoints are open to anyone who can reach it)', false)
    .option('--token <token>', 'API token that enables POST /api/articles, at least 16 characters (default: $DYAD_API_TOKEN, which other users cannot see in ps)')
    .option('--body-limit <bytes>', 'largest POST body', bytes, SERVE_BODY_LIMIT)
    .option('--no-dashboard', 'serve the API only (no dashboard build)')
    .option('--log', 'log every request (JSON lines on stdout)', false)
    .action(async (o: ServeOptions) => {
      done(await runServe(o));
    });
}
