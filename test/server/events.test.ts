/** GET /api/events, /api/events/:id, /api/export, /api/meta on a database of the seed article and the Wikinews samples. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testServer, type TestServer } from './helpers.js';

let s: TestServer;
before(async () => { s = await testServer(); });
after(async () => { await s.close(); });

test('events: a page of events with a total, the same filters as dyad events', async () => {
  const all = await s.get('/api/events?include_historical=true&limit=1000');
  assert.equal(all.status, 200);
  assert.equal(all.body.total, all.body.events.length);
  assert.equal(all.body.total, s.store.counts().events, 'every stored event, background ones included');
  const current = await s.get('/api/events?limit=1000');
  assert.ok(current.body.total < all.body.total, 'background (historical) events are left out by default');
  assert.ok(current.body.events.every((e: any) => e.historical === false));
  // Same answer as the store's own query for the same filter.
  const lib = s.store.events({ dyad: ['IRN', 'AZE'], both: true });
  const api = await s.get('/api/events?dyad=IRN:AZE&both=true&limit=1000');
  assert.deepEqual(api.body.events.map((e: any) => e.id).sort(), lib.map((e) => e.id).sort());
  assert.ok(lib.length > 0, 'the seed has Iran-Azerbaijan events');
  const e = api.body.events[0];
  for (const k of ['id', 'date', 'source', 'target', 'cameo', 'goldstein', 'quad_class', 'plover', 'location', 'mentions', 'sources', 'trigger']) assert.ok(k in e, `event has ${k}`);
  assert.equal(typeof e.trigger, 'string', 'the trigger words of the earliest report');
});

test('events: pages and sort orders', async () => {
  const all = await s.get('/api/events?include_historical=true&limit=1000&sort=date');
  const p1 = await s.get('/api/events?include_historical=true&limit=5&offset=0&sort=date');
  const p2 = await s.get('/api/events?include_historical=true&limit=5&offset=5&sort=date');
  assert.deepEqual([...p1.body.events, ...p2.body.events].map((e: any) => e.id), all.body.events.slice(0, 10).map((e: any) => e.id));
  assert.equal(p2.body.offset, 5);
  assert.equal(p2.body.total, all.body.total);
  const g = (await s.get('/api/events?include_historical=true&limit=1000&sort=goldstein')).body.events.map((e: any) => e.goldstein);
  assert.deepEqual(g, [...g].sort((a: number, b: number) => a - b));
  const newest = (await s.get('/api/events?limit=1000&sort=-date')).body.events.filter((e: any) => e.date).map((e: any) => e.date);
  assert.ok(newest[0] >= newest[newest.length - 1]);
});

test('events: filters by type, actor name, CAMEO prefix and dates', async () => {
  const assault = await s.get('/api/events?type=assault&include_historical=true&limit=1000');
  assert.ok(assault.body.total > 0);
  assert.ok(assault.body.events.every((e: any) => e.plover.event === 'ASSAULT'), 'type is case-insensitive');
  const cameo = await s.get('/api/events?cameo=19&include_historical=true&limit=1000');
  assert.ok(cameo.body.events.every((e: any) => e.cameo.startsWith('19')));
  const named = await s.get('/api/events?actor=Bayramov&limit=1000');
  assert.ok(named.body.total > 0, 'an actor given by name');
  const day = await s.get('/api/events?from=2021-08-31&to=2021-08-31&limit=1000');
  assert.ok(day.body.total > 0);
  assert.ok(day.body.events.every((e: any) => e.date.startsWith('2021-08')));
  const none = await s.get('/api/events?from=1990-01-01&to=1990-12-31');
  assert.equal(none.body.total, 0);
});

test('events: bad parameters are 400s that name the parameter', async () => {
  const cases: [string, RegExp][] = [
    ['/api/events?limit=abc', /query parameter "limit" must be a whole number, got "abc"/],
    ['/api/events?limit=0', /"limit" must be at least 1/],
    ['/api/events?limit=100000', /"limit" must be at most 1000/],
    ['/api/events?offset=-1', /"offset" must be at least 0/],
    ['/api/events?acter=IRN', /unknown query parameter "acter"/],
    ['/api/events?dyad=IRN-AZE', /"dyad" must be SOURCE:TARGET/],
    ['/api/events?both=true', /"both" goes with "dyad"/],
    ['/api/events?both=yes&dyad=IRN:AZE', /"both" must be true or false, got "yes"/],
    ['/api/events?from=2021-13-01', /"from" must be a real calendar day/],
    ['/api/events?from=yesterday', /"from" must be a date YYYY-MM-DD, got "yesterday"/],
    ['/api/events?from=2021-09-01&to=2021-08-01', /"to" \(2021-08-01\) is before "from"/],
    ['/api/events?country=aze', /"country" must be an ISO 3166 alpha-3/],
    ['/api/events?cameo=1x', /"cameo" must be a CAMEO code prefix/],
    ['/api/events?sort=random', /"sort" must be one of date, -date/],
    ['/api/events?min_sources=0', /"min_sources" must be at least 1/],
    ['/api/events?include_historical=maybe', /"include_historical" must be true or false/],
  ];
  for (const [url, re] of cases) {
    const r = await s.get(url);
    assert.equal(r.status, 400, url);
    assert.match(r.body.error, re, url);
  }
});

test('event: one event with its mentions, sentences and why they joined', async () => {
  const list = await s.get('/api/events?dyad=AZE:IRN&limit=1000');
  const many = list.body.events.find((e: any) => e.mentions > 1);
  assert.ok(many, 'an event reported more than once');
  const r = await s.get(`/api/events/${many.id}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.id, many.id);
  assert.equal(r.body.mention_list.length, many.mentions);
  for (const m of r.body.mention_list) {
    assert.equal(m.event_id, many.id);
    assert.ok(m.event.sentence_text.includes(m.event.trigger.text), 'the sentence holds the trigger');
    assert.ok(m.note.length > 0);
    assert.ok(m.article.id > 0);
    const at = m.trigger_in_sentence;
    assert.equal(typeof at, 'number', 'where the trigger is in its sentence');
    assert.equal(m.event.sentence_text.slice(at, at + m.event.trigger.text.length), m.event.trigger.text);
  }
  assert.equal((await s.get('/api/events/999999')).status, 404);
  const bad = await s.get('/api/events/abc');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /path parameter "id" must be a positive whole number, got "abc"/);
});

test('export: CSV and JSONL downloads of any event query', async () => {
  const q = 'dyad=ARM:AZE&both=true&include_historical=true';
  const total = (await s.get(`/api/events?${q}`)).body.total;
  assert.ok(total > 0);
  const csv = await s.app.inject({ method: 'GET', url: `/api/export?format=csv&${q}` });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.match(csv.headers['content-disposition'] as string, /attachment; filename="dyad-events.csv"/);
  const lines = csv.body.trimEnd().split('\n');
  assert.match(lines[0], /^id,date,date_precision,/);
  assert.equal(lines.length, total + 1);
  const jsonl = await s.app.inject({ method: 'GET', url: `/api/export?format=jsonl&${q}` });
  const rows = jsonl.body.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, total);
  assert.ok(rows.every((e) => [e.source?.country, e.target?.country].sort().join() === 'ARM,AZE'));
  const dates = rows.map((e) => e.date);
  assert.deepEqual(dates, [...dates].sort(), 'in date order');
  const limited = await s.app.inject({ method: 'GET', url: `/api/export?format=jsonl&limit=2&${q}` });
  assert.equal(limited.body.trimEnd().split('\n').length, 2);
  const noFormat = await s.get(`/api/export?${q}`);
  assert.equal(noFormat.status, 400);
  assert.match(noFormat.body.error, /missing query parameter "format"/);
  const badFormat = await s.get('/api/export?format=xml');
  assert.equal(badFormat.status, 400);
  assert.match(badFormat.body.error, /"format" must be one of csv, jsonl, got "xml"/);
});

test('meta: counts, date range and event types; unknown endpoints are JSON 404s', async () => {
  const m = await s.get('/api/meta');
  assert.equal(m.status, 200);
  assert.equal(m.body.counts.articles, 4);
  assert.equal(m.body.counts.events, s.store.counts().events);
  assert.match(m.body.first_day, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(m.body.types.some((t: any) => t.type === 'ASSAULT'));
  assert.equal(m.body.post_articles, false);
  assert.equal((await s.get('/api/meta?x=1')).status, 400);
  const nf = await s.get('/api/nothing');
  assert.equal(nf.status, 404);
  assert.match(nf.body.error, /no such endpoint: GET \/api\/nothing/);
});

test('places: the seed\'s border clashes are at Kalbajar (coded by the geocoder)', async () => {
  const p = (await s.get('/api/places?include_historical=true')).body;
  const k = p.places.find((x: any) => x.name === 'Kalbajar');
  assert.ok(k, p.places.map((x: any) => x.name).join());
  assert.equal(k.country, 'AZE');
  assert.ok(Math.abs(k.lat - 40.1) < 0.2 && Math.abs(k.lon - 46.04) < 0.2);
  assert.equal(k.top_type, 'ASSAULT');
  const at = (await s.get('/api/events?place=Kalbajar&include_historical=true')).body;
  assert.equal(at.total, k.events);
  assert.equal((await s.get('/api/places')).body.places.some((x: any) => x.name === 'Kalbajar'), false, 'background: only with include_historical');
});
