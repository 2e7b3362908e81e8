/** GET /api/actors, /api/articles, /api/articles/:id (the seed article with its coded spans). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testServer, type TestServer } from './helpers.js';

let s: TestServer;
before(async () => { s = await testServer(); });
after(async () => { await s.close(); });

test('actors: countries, codes with the names seen for them, and learned people', async () => {
  const r = await s.get('/api/actors?include_historical=true');
  assert.equal(r.status, 200);
  const countries = new Map(r.body.countries.map((c: any) => [c.code, c]));
  for (const c of ['IRN', 'AZE', 'ARM', 'SRB']) assert.ok(countries.has(c), c);
  assert.equal((countries.get('AZE') as any).name, 'Azerbaijan');
  assert.equal((countries.get('AZE') as any).kind, 'country');
  const irngov = r.body.codes.find((c: any) => c.code === 'IRNGOV');
  assert.ok(irngov.names.some((n: string) => /Abdollahian/.test(n)), irngov.names.join());
  assert.equal(irngov.as_source + irngov.as_target, irngov.events);
  assert.ok(r.body.people.some((p: any) => /Bayramov/.test(p.name) && p.code === 'AZEGOV'), 'a learned person with his code');
  const search = (await s.get('/api/actors?search=azer&include_historical=true')).body;
  assert.deepEqual(search.countries.map((c: any) => c.code), ['AZE']);
  assert.ok(search.codes.every((c: any) => c.country === 'AZE'));
  const named = (await s.get('/api/actors?search=Bayramov')).body;
  assert.ok(named.codes.some((c: any) => c.code === 'AZEGOV'), 'found by a name seen for the code');
  assert.equal((await s.get('/api/actors?limit=0')).status, 400);
});

test('articles: the stored articles, newest first, searchable', async () => {
  const r = await s.get('/api/articles');
  assert.equal(r.status, 200);
  assert.equal(r.body.total, 4);
  const pub = r.body.articles.map((a: any) => a.published);
  assert.deepEqual(pub, [...pub].sort().reverse());
  const seed = r.body.articles.find((a: any) => a.ext_id === 'mehr-2021-09-01-abdollahian-bayramov');
  assert.ok(seed.mentions > 10 && seed.events > 10 && seed.events <= seed.mentions);
  const found = (await s.get('/api/articles?search=Serbian')).body;
  assert.equal(found.total, 1);
  assert.match(found.articles[0].title, /Serbian protesters/);
  assert.equal((await s.get('/api/articles?search=')).status, 400);
});

test('article: the seed with its events: triggers, actors and dates located in the text', async () => {
  const list = (await s.get('/api/articles?search=mehr')).body.articles;
  const r = await s.get(`/api/articles/${list[0].id}`);
  assert.equal(r.status, 200);
  const { article, mentions, annotations, segments } = r.body;
  const text: string = article.text;
  assert.ok(mentions.length > 10);
  // Every annotation's words are the text at its offsets.
  for (const a of annotations) assert.equal(text.slice(a.start, a.end), a.text);
  // Each mention's trigger is annotated at the coder's offsets, with its code and rule.
  for (let i = 0; i < mentions.length; i++) {
    const e = mentions[i].event;
    const t = annotations.find((a: any) => a.kind === 'trigger' && a.mentions.includes(i));
    assert.ok(t, `trigger of mention ${i}`);
    assert.equal(t.start, e.trigger.start);
    assert.match(t.label, new RegExp(`CAMEO ${e.cameo}`));
    assert.equal(t.rule, e.rule);
  }
  const clash = annotations.find((a: any) => a.kind === 'trigger' && /^clashes erupted|^clashes$/.test(a.text));
  assert.ok(clash, 'the first clashes are a trigger');
  const kinds = new Set(annotations.map((a: any) => a.kind));
  for (const k of ['trigger', 'source', 'target', 'date']) assert.ok(kinds.has(k), k);
  assert.ok(annotations.some((a: any) => a.kind === 'source' && a.text === 'Abdollahian' && /IRNGOV/.test(a.label)));
  assert.ok(annotations.some((a: any) => a.kind === 'date' && a.text === 'August 31, 2021' && /2021-08-31/.test(a.label)));
  // Segments: the whole text, in order, without gaps.
  assert.equal(segments[0].start, 0);
  assert.equal(segments[segments.length - 1].end, text.length);
  for (let i = 1; i < segments.length; i++) assert.equal(segments[i].start, segments[i - 1].end);
  for (const seg of segments) {
    for (const k of seg.marks) assert.ok(annotations[k].start <= seg.start && annotations[k].end >= seg.end);
  }
  assert.equal((await s.get('/api/articles/99999')).status, 404);
  assert.equal((await s.get('/api/articles/0')).status, 400);
});
