/**
 * GET /api/places. The coder does not place events in every build yet, so this database
 * (helpers.locatedDb) is written through the store's writer from coded articles whose records carry
 * locations as the geocoding stage writes them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { locatedDb, testServer, type TestServer } from './helpers.js';

let s: TestServer;
before(async () => { s = await testServer({}, locatedDb()); });
after(async () => { await s.close(); });

test('places: one entry per place with coordinates, types counted, countries for shading', async () => {
  const p = (await s.get('/api/places')).body;
  assert.equal(p.total, s.store.counts().events);
  const k = p.places.find((x: any) => x.name === 'Kalbajar');
  assert.ok(k, 'Kalbajar is a place');
  assert.equal(k.country, 'AZE');
  assert.equal(k.lat, 40.1);
  assert.ok(k.events >= 2);
  assert.equal(k.top_type, 'ASSAULT');
  assert.ok(k.goldstein_mean < 0);
  assert.equal(Object.values(k.by_type).reduce((a: any, b: any) => a + b, 0), k.events);
  assert.deepEqual(p.places.map((x: any) => x.name).sort(), ['Baku', 'Kalbajar', 'Yerevan']);
  assert.equal(p.located, p.places.reduce((n: number, x: any) => n + x.events, 0));
  assert.ok(p.unlocated >= 1);
  assert.ok(p.total > p.located + p.unlocated, 'an event has a place without coordinates (Armenia)');
  const aze = p.countries.find((c: any) => c.country === 'AZE');
  assert.equal(aze.numeric, '031', 'the world-atlas id of Azerbaijan');
  assert.equal(aze.name, 'Azerbaijan');
  assert.ok(p.countries.some((c: any) => c.country === 'ARM' && c.numeric === '051'));
  assert.deepEqual(p.places.map((x: any) => x.events), [...p.places.map((x: any) => x.events)].sort((a: number, b: number) => b - a));
});

test('places: the event filters apply; events of one place', async () => {
  const assault = (await s.get('/api/places?type=ASSAULT')).body;
  assert.deepEqual(assault.places.map((x: any) => x.name), ['Kalbajar']);
  const arm = (await s.get('/api/places?country=ARM')).body;
  assert.deepEqual(arm.places.map((x: any) => x.name), ['Yerevan']);
  assert.equal(arm.total, arm.countries[0].events);
  const at = (await s.get('/api/events?place=Kalbajar&limit=100')).body;
  assert.ok(at.total >= 2);
  assert.ok(at.events.every((e: any) => e.location.name === 'Kalbajar'));
  const late = (await s.get('/api/places?from=2021-08-01')).body;
  assert.ok(!late.places.some((x: any) => x.name === 'Kalbajar'));
  const bad = await s.get('/api/places?place=');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /query parameter "place" must be not empty/);
});
