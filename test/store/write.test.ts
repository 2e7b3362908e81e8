import { test } from 'node:test';
import assert from 'node:assert/strict';
import { art, coded, freshStore, place, actor } from './helpers.js';
import type { Store } from '../../src/store/store.js';
import type { CodedEvent } from '../../src/pipeline/types.js';
import type { Article } from '../../src/pipeline/types.js';

function put(store: Store, a: Article, events: CodedEvent[], sentences = 3) {
  return store.writer().write({ article: a, origin: `test:${a.id}`, events, sentences }, 'test-coder');
}

const count = (s: Store, table: string) => s.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

test('an article, its mentions and their events are stored; the same text and publisher again is not', () => {
  const s = freshStore();
  const a = art('a1', { text: 'Armenia attacked Azerbaijan.' });
  const r = put(s, a, [coded({ date: '2021-08-30' }), coded({ cameo: '112', date: '2021-08-30' })]);
  assert.equal(r.status, 'stored');
  assert.equal(r.mentions, 2);
  assert.equal(r.newEvents, 2);
  // Same text (spacing differs), same publisher, another id: already stored, nothing written.
  const again = put(s, { ...a, id: 'a1-copy', text: '  Armenia   attacked\nAzerbaijan. ' }, [coded({ date: '2021-08-30' })]);
  assert.equal(again.status, 'already stored');
  assert.equal(again.articleId, r.articleId);
  assert.deepEqual([count(s, 'articles'), count(s, 'mentions'), count(s, 'events')], [1, 2, 2]);
  assert.equal(s.writer().findStored({ ...a, id: 'x' }), r.articleId);
  assert.equal(s.writer().findStored({ ...a, text: 'Something else.' }), null);
  s.close();
});

test('the same story from two publishers: one event with mentions 2, articles 2, sources 2', () => {
  const s = freshStore();
  const text = 'NAIROBI - Kenyan police arrested protesters on Tuesday.';
  put(s, art('wire-1', { text, source: 'Daily Courier', url: 'https://courier.example/a' }), [coded({ source: 'KENCOP', target: 'KENCVL', cameo: '173', date: '2021-06-08' })]);
  const r2 = put(s, art('wire-2', { text, source: 'Evening Herald', url: 'https://herald.example/b', published: '2021-09-02' }), [coded({ source: 'KENCOP', target: 'KENCVL', cameo: '173', date: '2021-06-08' })]);
  assert.equal(r2.status, 'stored');
  assert.equal(r2.joined, 1);
  const [e] = s.events({ includeHistorical: true });
  assert.equal(s.events({ includeHistorical: true }).length, 1);
  assert.deepEqual([e.mentions, e.articles, e.sources], [2, 2, 2]);
  assert.deepEqual([e.first_report, e.last_report], ['2021-09-01', '2021-09-02']);
  assert.equal(e.root.article, 'wire-1');
  s.close();
});

test('a newer version of a URL supersedes the older one; re-ingesting either changes nothing', () => {
  const s = freshStore();
  const v1 = art('v1', { text: 'Version one: Armenia attacked Azerbaijan.', url: 'https://n.example/x', published: '2021-09-01' });
  const v2 = art('v2', { text: 'Version two: Armenia attacked Azerbaijan again.', url: 'https://n.example/x', published: '2021-09-02' });
  put(s, v1, [coded({ date: '2021-08-31' }), coded({ cameo: '112', date: '2021-08-31' })]);
  const r = put(s, v2, [coded({ date: '2021-08-31' })]);
  assert.equal(r.status, 'updated');
  const c = s.counts();
  assert.deepEqual([c.articles, c.superseded, c.mentions, c.events], [1, 1, 1, 1]);
  const [e] = s.events();
  assert.equal(e.mentions, 1);
  assert.equal(e.root.article, 'v2');
  // The old version's mentions are kept but out of the events, with the reason.
  const old = s.articleMentions(1);
  assert.equal(old.length, 2);
  assert.ok(old.every((m) => m.event_id === null && /superseded by article 2/.test(m.note)), JSON.stringify(old.map((m) => m.note)));
  // Idempotent: both versions again are already stored.
  assert.equal(put(s, v1, [coded()]).status, 'already stored');
  assert.equal(put(s, v2, [coded()]).status, 'already stored');
  assert.deepEqual(s.counts(), c);
  s.close();
});

test('an older version of a URL arriving later is stored as superseded and left out of the events', () => {
  const s = freshStore();
  put(s, art('new', { text: 'The newer text.', url: 'https://n.example/y', published: '2021-09-05' }), [coded({ date: '2021-09-04' })]);
  const r = put(s, art('old', { text: 'The older text.', url: 'https://n.example/y', published: '2021-09-01' }), [coded({ date: '2021-09-04' })]);
  assert.equal(r.status, 'stored');
  assert.deepEqual([s.counts().articles, s.counts().superseded], [1, 1]);
  assert.equal(s.events()[0].mentions, 1);
  assert.match(s.articleMentions(r.articleId)[0].note, /older version of article 1/);
  s.close();
});

test('negated and hypothetical mentions are kept but not clustered', () => {
  const s = freshStore();
  put(s, art('a'), [coded({ negated: true }), coded({ hypothetical: true }), coded()]);
  assert.equal(count(s, 'mentions'), 3);
  assert.equal(count(s, 'events'), 1);
  const notes = s.articleMentions(1).map((m) => m.note);
  assert.match(notes[0], /not clustered: negated/);
  assert.match(notes[1], /not clustered: hypothetical/);
  assert.match(notes[2], /^new event 1: /);
  s.close();
});

test('dates: the same day or one day apart merge; three days apart, or another month, do not', () => {
  const s = freshStore();
  put(s, art('d1'), [coded({ date: '2021-08-10' })]);
  put(s, art('d2', { source: 'B' }), [coded({ date: '2021-08-11' })]);
  put(s, art('d3', { source: 'C' }), [coded({ date: '2021-08-14' })]);
  put(s, art('d5', { source: 'E' }), [coded({ date: '2021-07', precision: 'month' })]);
  const evs = s.events({ includeHistorical: true });
  assert.deepEqual(evs.map((e) => [e.date, e.mentions]), [['2021-07', 1], ['2021-08-10', 2], ['2021-08-14', 1]]);
  const merged = s.event(evs[1].id)!.mention_list.map((m) => m.note);
  assert.match(merged[1], /joined event 1: same actors \(ARM -> AZE\) and CAMEO root 19; dates: 2021-08-11 \(day\) vs the event's 2021-08-10 \(day\): 1 day apart/);
  assert.equal(s.event(evs[2].id)!.mention_list[0].note, 'new event 2: no event with the same actors (ARM -> AZE) and CAMEO root 19 within 1 day of 2021-08-14');
  assert.equal(s.event(evs[0].id)!.mention_list[0].note, 'new event 3: no event with the same actors (ARM -> AZE) and CAMEO root 19 in 2021-07');
  s.close();
});

test('a month date joins the one event of that month, but not one of several; later mentions of the month join it', () => {
  const s = freshStore();
  put(s, art('m1'), [coded({ date: '2021-06-15' })]);
  put(s, art('m2', { source: 'B' }), [coded({ date: '2021-06', precision: 'month' })]);
  assert.deepEqual(s.events().map((e) => [e.date, e.mentions]), [['2021-06-15', 2]]);
  put(s, art('m3', { source: 'C' }), [coded({ date: '2021-08-10' }), coded({ date: '2021-08-20' })]);
  put(s, art('m4', { source: 'D' }), [coded({ date: '2021-08', precision: 'month' })]);
  put(s, art('m5', { source: 'E' }), [coded({ date: '2021-08', precision: 'month' })]);
  const aug = s.events({ from: '2021-08-01', to: '2021-08-31' });
  assert.deepEqual(aug.map((e) => [e.date, e.mentions]), [['2021-08', 2], ['2021-08-10', 1], ['2021-08-20', 1]]);
  assert.match(s.event(aug[0].id)!.mention_list[0].note, /^new event 4: 2 events with the same actors and root fit 2021-08 \(event 2, 2021-08-10; event 3, 2021-08-20\): a month date cannot tell which$/);
  assert.match(s.event(aug[0].id)!.mention_list[1].note, /^joined event 4: .*2021-08 \(month\) vs the event's 2021-08 \(month\): overlapping/);
  // A day date prefers the event dated to the day over the month event it also fits.
  put(s, art('m6', { source: 'F' }), [coded({ date: '2021-08-10' })]);
  assert.deepEqual(s.events({ from: '2021-08-01', to: '2021-08-31' }).map((e) => [e.date, e.mentions]), [['2021-08', 2], ['2021-08-10', 2], ['2021-08-20', 1]]);
  s.close();
});

test('without a date of its own, a report is about its publication day (or the day before)', () => {
  const s = freshStore();
  put(s, art('p1', { published: '2021-09-01' }), [coded({ date: '2021-08-31' })]);
  put(s, art('p2', { published: '2021-09-02', source: 'B' }), [coded()]);
  put(s, art('p3', { published: '2021-09-09', source: 'C' }), [coded()]);
  const evs = s.events();
  assert.deepEqual(evs.map((e) => [e.date, e.date_basis, e.mentions]), [['2021-08-31', 'text', 2], ['2021-09-09', 'published', 1]]);
  s.close();
});

test('historical mentions join the event they refer to, not one dated on the publication day', () => {
  const s = freshStore();
  // A report of the war at the time...
  put(s, art('then', { published: '2020-09-28' }), [coded({ date: '2020-09-27' })]);
  // ...and background a year later: "fought a war last year in September".
  const r = put(s, art('later', { published: '2021-09-01', source: 'Other' }), [coded({ date: '2020-09', historical: true }), coded({ historical: true })]);
  assert.equal(r.joined, 1);
  const all = s.events({ includeHistorical: true });
  assert.equal(all.length, 2);
  const war = all.find((e) => e.date === '2020-09-27')!;
  assert.deepEqual([war.mentions, war.sources, war.historical], [2, 2, false]);
  assert.ok(!all.some((e) => e.date === '2021-09-01'), 'nothing is dated on the publication day');
  // The undated background mention stays apart: undated, historical, and out of the default query.
  const undated = all.find((e) => e.date === null)!;
  assert.equal(undated.historical, true);
  assert.equal(s.events().some((e) => e.id === undated.id), false);
  s.close();
});

test('undated historical mentions of one article form one event; another article keeps its own', () => {
  const s = freshStore();
  put(s, art('u1'), [coded({ historical: true, sentence: 3 }), coded({ historical: true, sentence: 5 })]);
  put(s, art('u2', { source: 'B' }), [coded({ historical: true })]);
  const evs = s.events({ includeHistorical: true });
  assert.deepEqual(evs.map((e) => e.mentions), [2, 1]);
  s.close();
});

test('places: different countries or far-apart cities are different events; a missing place is compatible', () => {
  const s = freshStore();
  put(s, art('l1'), [coded({ date: '2021-05-01', location: place('Baku', 'AZE', 'city', 40.38, 49.89) })]);
  put(s, art('l2', { source: 'B' }), [coded({ date: '2021-05-01', location: place('Yerevan', 'ARM', 'city', 40.18, 44.51) })]);
  put(s, art('l3', { source: 'C' }), [coded({ date: '2021-05-01', location: place('Ganja', 'AZE', 'city', 40.68, 46.36) })]);
  put(s, art('l4', { source: 'D' }), [coded({ date: '2021-05-01' })]);
  put(s, art('l5', { source: 'E' }), [coded({ date: '2021-05-01', location: place('Sumqayit', 'AZE', 'city', 40.59, 49.67) })]);
  const evs = s.events();
  assert.deepEqual(evs.map((e) => [e.location?.name, e.mentions]), [['Baku', 3], ['Yerevan', 1], ['Ganja', 1]]);
  const notes = s.event(evs[0].id)!.mention_list.map((m) => m.note);
  assert.match(notes[1], /only one report names a place \(Baku, AZE\)/);
  assert.match(notes[2], /Sumqayit, AZE and Baku, AZE are \d+ km apart/);
  assert.match(s.event(evs[1].id)!.mention_list[0].note, /Yerevan, ARM and Baku, AZE are in different countries/);
  assert.match(s.event(evs[2].id)!.mention_list[0].note, /Ganja, AZE and Baku, AZE are \d+ km apart \(more than 100\)/);
  s.close();
});

test('actors: same country but another sector, or the other direction, is another event', () => {
  const s = freshStore();
  put(s, art('x'), [
    coded({ source: 'ARMMIL', target: 'AZEMIL', date: '2021-05-01' }),
    coded({ source: 'ARM', target: 'AZEMIL', date: '2021-05-01' }),
    coded({ source: 'AZEMIL', target: 'ARMMIL', date: '2021-05-01' }),
    coded({ source: 'ARMMIL', target: 'AZEMIL', cameo: '193', date: '2021-05-01' }),
  ]);
  const evs = s.events();
  assert.equal(evs.length, 3);
  assert.deepEqual(evs.map((e) => `${e.source?.code}>${e.target?.code}:${e.cameo}:${e.mentions}`), ['ARMMIL>AZEMIL:190:2', 'ARM>AZEMIL:190:1', 'AZEMIL>ARMMIL:190:1']);
  s.close();
});

test('an event takes the most precise date and place, the largest casualty counts and the most frequent code and name', () => {
  const s = freshStore();
  put(s, art('c1', { published: '2021-05-03' }), [coded({ source: actor('AZEGOV', 'Bayramov'), target: 'ARM', cameo: '112', date: '2021-05', killed: 2 })]);
  put(s, art('c2', { published: '2021-05-04', source: 'B' }), [coded({ source: actor('AZEGOV', 'Jeyhun Bayramov'), target: 'ARM', cameo: '111', date: '2021-05-02', killed: 5, wounded: 1, location: place('Baku', 'AZE') })]);
  put(s, art('c3', { published: '2021-05-05', source: 'C' }), [coded({ source: actor('AZEGOV', 'Jeyhun Bayramov'), target: 'ARM', cameo: '112', date: '2021-05-02', location: place('Azerbaijan', 'AZE', 'country') })]);
  const [e] = s.events();
  assert.deepEqual([e.date, e.date_precision, e.cameo, e.killed, e.wounded, e.location?.name, e.source?.name, e.mentions], ['2021-05-02', 'day', '112', 5, 1, 'Baku', 'Jeyhun Bayramov', 3]);
  s.close();
});

test('recode replaces an article\'s mentions and recomputes (or deletes) the events they were in', () => {
  const s = freshStore();
  const w = s.writer();
  put(s, art('r1'), [coded({ date: '2021-05-01' }), coded({ cameo: '112', date: '2021-05-01' })]);
  put(s, art('r2', { source: 'B' }), [coded({ date: '2021-05-01' })]);
  assert.deepEqual(s.events().map((e) => [e.cameo, e.mentions]), [['190', 2], ['112', 1]]);
  const r = w.recode(1, [coded({ cameo: '051', date: '2021-05-01' })], 2, 'new-coder');
  assert.equal(r.mentions, 1);
  assert.deepEqual(s.events().map((e) => [e.cameo, e.mentions]), [['190', 1], ['051', 1]]);
  assert.equal(count(s, 'mentions'), 2);
  assert.equal(s.db.prepare('SELECT coded_with FROM articles WHERE id = 1').pluck().get(), 'new-coder');
  assert.throws(() => w.recode(99, [], 0, 'x'), /no article 99/);
  s.close();
});

test('a write that fails half-way leaves nothing of the article', () => {
  const s = freshStore();
  put(s, art('ok'), [coded({ date: '2021-05-01' })]);
  const before = [count(s, 'articles'), count(s, 'mentions'), count(s, 'events')];
  // The second event breaks the mention insert (no CAMEO code): the first was already inserted and clustered.
  const broken = { ...coded({ date: '2021-05-01' }), cameo: null } as unknown as CodedEvent;
  assert.throws(() => put(s, art('bad', { source: 'B' }), [coded({ date: '2021-05-01' }), broken]), /NOT NULL constraint failed: mentions.cameo/);
  assert.deepEqual([count(s, 'articles'), count(s, 'mentions'), count(s, 'events')], before);
  assert.equal(s.events()[0].mentions, 1);
  s.close();
});
