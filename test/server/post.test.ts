/** POST /api/code (code without storing) and POST /api/articles (store and code, with the API token); body limits and errors. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDb, testServer, EXAMPLES, type TestServer } from './helpers.js';
import { buildServer } from '../../src/server/app.js';

const TOKEN = 'test-token-0123456789abcdef';
const TEXT = 'Azerbaijan and Armenia clashed on the border on Monday. Iran called on both sides to show restraint.';

let open: TestServer;
let writable: TestServer;
before(async () => {
  // Two servers over small databases (the Wikinews samples): one without a token, one with a token and a small body limit.
  open = await testServer({}, await testDb([EXAMPLES]));
  writable = await testServer({ token: TOKEN, bodyLimit: 64 * 1024 }, await testDb([EXAMPLES]));
});
after(async () => { await open.close(); await writable.close(); });

const post = (s: TestServer, url: string, body: unknown, headers: Record<string, string> = {}) =>
  s.app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

test('code: posted text comes back as events in the output contract of dyad code, nothing is stored', async () => {
  const before = open.store.counts();
  const r = await post(open, '/api/code', { text: TEXT, published: '2021-07-28', id: 'posted-1' });
  assert.equal(r.statusCode, 200);
  const { events } = r.json();
  assert.ok(events.length >= 2);
  const clash = events.find((e: any) => e.plover.event === 'ASSAULT');
  assert.equal(clash.article_id, 'posted-1');
  assert.equal(clash.source.country, 'AZE');
  assert.equal(clash.target.country, 'ARM');
  assert.equal(clash.date, '2021-07-26');
  assert.equal(TEXT.slice(clash.trigger.start, clash.trigger.end), clash.trigger.text);
  for (const k of ['sentence', 'sentence_text', 'rule', 'cameo', 'cameo_root', 'quad_class', 'goldstein', 'date_precision', 'historical', 'negated', 'hypothetical', 'location', 'killed', 'wounded']) {
    assert.ok(k in clash, k);
  }
  assert.deepEqual(open.store.counts(), before, 'nothing stored');
  const plain = (await post(open, '/api/code', { text: 'The minister said the talks were useful.' })).json().events;
  const withStatements = (await post(open, '/api/code', { text: 'The minister said the talks were useful.', statements: true })).json().events;
  assert.ok(withStatements.length > plain.length, 'statements: true also emits CAMEO 01 statements');
  assert.ok(withStatements.some((e: any) => e.cameo.startsWith('01')));
});

test('code: bad bodies are 400s naming the field; wrong content type 415', async () => {
  const cases: [unknown, RegExp][] = [
    [{}, /missing body field "text"/],
    [{ text: '' }, /body field "text" must be not empty/],
    [{ text: 42 }, /body field "text" must be of type string/],
    [{ text: 'x', published: 'last week' }, /body field "published" must be a date YYYY-MM-DD, got "last week"/],
    [{ text: 'x', lang: 'en' }, /unknown body field "lang"/],
    [{ text: 'x', statements: 'yes' }, /body field "statements" must be true or false/],
    ['{"text": "unterminated', /not valid JSON/],
  ];
  for (const [body, re] of cases) {
    const r = await post(open, '/api/code', body);
    assert.equal(r.statusCode, 400, JSON.stringify(body));
    assert.match(r.json().error, re);
  }
  const empty = await open.app.inject({ method: 'POST', url: '/api/code', headers: { 'content-type': 'application/json' } });
  assert.equal(empty.statusCode, 400);
  const form = await open.app.inject({ method: 'POST', url: '/api/code', payload: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.statusCode, 415);
  assert.match(form.json().error, /send application\/json/);
});

test('an over-large POST is a 413 that gives the limit', async () => {
  const big = { text: 'word '.repeat(300_000) };
  const r = await post(open, '/api/code', big);
  assert.equal(r.statusCode, 413);
  assert.match(r.json().error, /larger than the limit of 1048576 bytes/);
  const small = await post(writable, '/api/articles', { text: 'x'.repeat(70 * 1024) }, { authorization: `Bearer ${TOKEN}` });
  assert.equal(small.statusCode, 413, 'the configured limit');
  assert.match(small.json().error, /limit of 65536 bytes/);
  const code = await post(writable, '/api/code', { text: 'x'.repeat(70 * 1024) });
  assert.equal(code.statusCode, 413);
});

test('articles: writing is off without a token, and needs the right token when on', async () => {
  const off = await post(open, '/api/articles', { text: TEXT });
  assert.equal(off.statusCode, 403);
  assert.match(off.json().error, /writing is disabled on this server: start dyad serve with --token/);
  const none = await post(writable, '/api/articles', { text: TEXT });
  assert.equal(none.statusCode, 401);
  assert.match(none.json().error, /missing API token/);
  const wrong = await post(writable, '/api/articles', { text: TEXT }, { authorization: 'Bearer not-the-token-at-all' });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.json().error, /wrong API token/);
  const basic = await post(writable, '/api/articles', { text: TEXT }, { authorization: `Basic ${TOKEN}` });
  assert.equal(basic.statusCode, 401);
  // The token is checked before the body: a caller without it learns nothing about the schema.
  const badBodyNoToken = await post(writable, '/api/articles', { nope: 1 });
  assert.equal(badBodyNoToken.statusCode, 401);
  assert.equal((await open.get('/api/meta')).body.post_articles, false);
  assert.equal((await writable.get('/api/meta')).body.post_articles, true);
});

test('articles: a posted article is coded and stored once, then readable', async () => {
  const auth = { authorization: `Bearer ${TOKEN}` };
  const eventsBefore = writable.store.counts().events;
  const r = await post(writable, '/api/articles', { id: 'clash-1', text: TEXT, published: '2021-07-28', title: 'Border clash', source: 'Test Wire' }, auth);
  assert.equal(r.statusCode, 201);
  const stored = r.json();
  assert.equal(stored.status, 'stored');
  assert.ok(stored.mentions >= 2 && stored.new_events >= 1);
  assert.equal(writable.store.counts().events, eventsBefore + stored.new_events);
  const a = await writable.get(`/api/articles/${stored.article_id}`);
  assert.equal(a.body.article.ext_id, 'clash-1');
  assert.equal(a.body.article.title, 'Border clash');
  assert.deepEqual([...new Set(a.body.mentions.map((m: any) => m.event_id))].sort(), [...stored.events].sort());
  const again = await post(writable, '/api/articles', { id: 'clash-1', text: TEXT, published: '2021-07-28', title: 'Border clash', source: 'Test Wire' }, auth);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().status, 'already stored');
  assert.equal(again.json().article_id, stored.article_id);
  const dyad = (await writable.get('/api/dyad?a=AZE&b=ARM')).body;
  assert.ok(dyad.total >= 1, 'the new events are in the time series');
  const noText = await post(writable, '/api/articles', { id: 'x' }, auth);
  assert.equal(noText.statusCode, 400);
  assert.match(noText.json().error, /missing body field "text"/);
});

test('a weak token is refused when the server is built', async () => {
  await assert.rejects(buildServer({ store: open.store, token: 'short' }), /at least 16 characters/);
});
