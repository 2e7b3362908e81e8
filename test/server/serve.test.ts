/**
 * Serving: the dashboard build (scripts/build-web.mjs) served with a content security policy, the
 * Host header check of a loopback server, the refusal of other interfaces without --public, and a
 * real listening server (startServe) answering over HTTP.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkHost, isLoopback, allowedHostsFor, HostError } from '../../src/server/listen.js';
import { startServe } from '../../src/cli/serve.js';
import { testDb, testServer, EXAMPLES, type TestDb, type TestServer } from './helpers.js';

interface BuildResult { outDir: string; files: { name: string; bytes: number }[]; ms: number }
const buildScript = pathToFileURL(join(process.cwd(), 'scripts', 'build-web.mjs')).href;

let dir: string;
let built: BuildResult;
let db: TestDb;
let s: TestServer;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-web-'));
  const { buildWeb } = (await import(buildScript)) as { buildWeb(o: { outDir: string }): Promise<BuildResult> };
  built = await buildWeb({ outDir: join(dir, 'web') });
  db = await testDb([EXAMPLES]);
  s = await testServer({ webDir: built.outDir }, db);
});
after(async () => { await s.close(); rmSync(dir, { recursive: true, force: true }); });

test('build: the bundle, page, styles and world map, with no address outside the page', () => {
  const names = built.files.map((f) => f.name);
  for (const f of ['app.js', 'index.html', 'style.css', 'countries-110m.json', 'favicon.svg']) assert.ok(names.includes(f), f);
  const js = readFileSync(join(built.outDir, 'app.js'), 'utf8');
  const urls = [...js.matchAll(/https?:\/\/[^"'\s)]+/g)].map((m) => m[0]);
  assert.deepEqual([...new Set(urls)], ['http://www.w3.org/2000/svg'], 'only the SVG namespace, nothing fetched from elsewhere');
  const html = readFileSync(join(built.outDir, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(readFileSync(join(built.outDir, 'style.css'), 'utf8'), /@import|url\(\s*["']?https?:/);
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, 'the page never parses data as HTML');
});

test('static: the dashboard and its files, with a content security policy that allows this server only', async () => {
  const page = await s.app.inject({ method: 'GET', url: '/' });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /<script type="module" src="app.js">/);
  const csp = page.headers['content-security-policy'] as string;
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  const js = await s.app.inject({ method: 'GET', url: '/app.js' });
  assert.equal(js.statusCode, 200);
  assert.match(js.headers['content-type'] as string, /javascript/);
  const topo = await s.app.inject({ method: 'GET', url: '/countries-110m.json' });
  assert.equal(topo.json().type, 'Topology');
  const api = await s.app.inject({ method: 'GET', url: '/api/meta' });
  assert.match(api.headers['content-security-policy'] as string, /default-src 'self'/);
  assert.equal((await s.app.inject({ method: 'GET', url: '/api/nope' })).json().error, 'no such endpoint: GET /api/nope');
});

test('a loopback server answers only to loopback host names (DNS rebinding)', async () => {
  const ok = await s.app.inject({ method: 'GET', url: '/api/meta', headers: { host: '127.0.0.1:8080' } });
  assert.equal(ok.statusCode, 200);
  const v6 = await s.app.inject({ method: 'GET', url: '/api/meta', headers: { host: '[::1]:8080' } });
  assert.equal(v6.statusCode, 200);
  const evil = await s.app.inject({ method: 'GET', url: '/api/meta', headers: { host: 'attacker.example:8080' } });
  assert.equal(evil.statusCode, 421);
  assert.match(evil.json().error, /answers to localhost, 127.0.0.1/);
  const open = await testServer({ allowedHosts: null }, await testDb([]));
  try {
    assert.equal((await open.app.inject({ method: 'GET', url: '/api/meta', headers: { host: 'dyad.example.org' } })).statusCode, 200);
  } finally {
    await open.close();
  }
});

test('hosts: loopback by default, others only with public', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.ok(isLoopback(h), h);
  for (const h of ['0.0.0.0', '192.168.1.5', '::', 'example.org', '128.0.0.1']) assert.ok(!isLoopback(h), h);
  assert.throws(() => checkHost('0.0.0.0', false), /refusing to listen on 0.0.0.0: .*add --public/);
  assert.doesNotThrow(() => checkHost('0.0.0.0', true));
  assert.doesNotThrow(() => checkHost('127.0.0.1', false));
  assert.equal(allowedHostsFor('0.0.0.0', true), null);
  assert.ok(allowedHostsFor('127.0.0.2', false)!.includes('127.0.0.2'));
});

test('startServe: listens on 127.0.0.1 and answers over HTTP; refuses 0.0.0.0 without --public and a missing database', async () => {
  const base = { db: db.path, host: '127.0.0.1', port: 0, public: false, bodyLimit: 1 << 20, dashboard: false, log: false };
  const srv = await startServe(base, () => {});
  try {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(`${srv.url}api/meta`);
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { counts: { articles: number } }).counts.articles, 3);
    const html = await fetch(srv.url);
    assert.equal(html.status, 404, 'no dashboard with dashboard: false');
  } finally {
    await srv.close();
  }
  await assert.rejects(startServe({ ...base, host: '0.0.0.0' }, () => {}), HostError);
  await assert.rejects(startServe({ ...base, db: join(dir, 'missing.db') }, () => {}), /no such database/);
});

test('the serve command\'s default body limit is the server\'s', async () => {
  const { SERVE_BODY_LIMIT } = await import('../../src/cli/serve.js');
  const { DEFAULT_BODY_LIMIT } = await import('../../src/server/app.js');
  assert.equal(SERVE_BODY_LIMIT, DEFAULT_BODY_LIMIT);
});
