import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actor, art, coded, freshStore, tempDir } from './helpers.js';
import { RoleFinder, sightingsOf, termsOf, readOverrides, applyOverrides, coversDay, type StoredSighting } from '../../src/store/people.js';
import { mentionSpan } from '../../src/store/cluster.js';
import { parseDay } from '../../src/store/days.js';
import { openStore } from '../../src/store/store.js';
import type { CodedEvent } from '../../src/pipeline/types.js';

const roles = new RoleFinder();

test('the role word of a mention: the office, not the country or the name; offices beat "counterpart"', () => {
  assert.equal(roles.find('Iranian Foreign Minister Hossein Amir Abdollahian', 'Hossein Amir Abdollahian'), 'foreign minister');
  assert.equal(roles.find('the Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov', 'Jeyhun Bayramov'), 'minister of foreign affairs');
  assert.equal(roles.find('Croatia’s top diplomat Gordan Grlic Radman', 'Gordan Grlic Radman'), 'top diplomat');
  assert.equal(roles.find('his Azerbaijani counterpart Jeyhun Bayramov', 'Jeyhun Bayramov'), 'counterpart');
  assert.equal(roles.find('Abdollahian', 'Abdollahian'), null);
  // A name that contains a role word is not a role.
  assert.equal(roles.find('Mick Leader', 'Mick Leader'), null);
});

function sightings(events: CodedEvent[], published = '2021-09-01') {
  const p = parseDay(published);
  return sightingsOf(events, events.map((e) => mentionSpan(e, p)), p, roles);
}

test('sightings: a titled full name, and its surname later in the article; untitled names are not learned', () => {
  const s = sightings([
    coded({ source: actor('IRNGOV', 'Hossein Amir Abdollahian', 'Iranian Foreign Minister Hossein Amir Abdollahian'), target: actor('AZEGOV', 'Jeyhun Bayramov', 'his Azerbaijani counterpart Jeyhun Bayramov') }),
    coded({ source: actor('IRNGOV', 'Abdollahian', 'Abdollahian'), target: actor('AZE') }),
    // No role anywhere for this one: an organisation or an unknown, not learned.
    coded({ source: actor('IRNMED', 'Mehr News Agency', 'Mehr News Agency'), target: null }),
    // A surname that matches nobody titled in this article.
    coded({ source: actor('IRNGOV', 'Khatibzadeh', 'Khatibzadeh'), target: null }),
  ]);
  assert.deepEqual(s.map((x) => [x.seq, x.side, x.name, x.code, x.role]), [
    [0, 'source', 'Hossein Amir Abdollahian', 'IRNGOV', 'foreign minister'],
    [0, 'target', 'Jeyhun Bayramov', 'AZEGOV', 'counterpart'],
    [1, 'source', 'Hossein Amir Abdollahian', 'IRNGOV', 'foreign minister'],
  ]);
  assert.ok(s.every((x) => x.day === parseDay('2021-09-01')));
});

test('sightings of background events count on the event\'s day; undated background is not used', () => {
  const zarif = actor('IRNGOV', 'Mohammad Javad Zarif', "Iran's Foreign Minister Mohammad Javad Zarif");
  const s = sightings([coded({ source: zarif, date: '2021-07-27', historical: true }), coded({ source: zarif, historical: true })]);
  assert.deepEqual(s.map((x) => [x.seq, x.day]), [[0, parseDay('2021-07-27')]]);
});

function sight(day: string, code: string, role: string | null = 'foreign minister', name = 'Hossein Amir Abdollahian'): StoredSighting {
  return { name_key: name.toLowerCase(), name, code, role, day: parseDay(day)! };
}

test('terms: a change of code ends a term on the day the new one is first seen; a term lasts a year after its last sighting', () => {
  const t = termsOf([
    sight('2021-08-31', 'IRNGOV'), sight('2022-03-01', 'IRNGOV'), sight('2022-03-01', 'IRNGOV'),
    sight('2024-06-01', 'IRN', 'former foreign minister'), sight('2024-07-01', 'IRN', 'former foreign minister'),
  ]);
  assert.deepEqual(t.map((p) => [p.code, p.from, p.to, p.role, p.seen, p.last_seen]), [
    ['IRNGOV', '2021-08-31', '2023-03-01', 'foreign minister', 3, '2022-03-01'],
    ['IRN', '2024-06-01', '2025-07-01', 'former foreign minister', 2, '2024-07-01'],
  ]);
  assert.ok(coversDay(t[0], '2022-12-31'));
  assert.ok(!coversDay(t[0], '2023-03-01'), 'not GOV after the term');
  assert.ok(!coversDay(t[0], '2021-08-30'));
  // A successor seen before the year is over ends the term at once.
  const t2 = termsOf([sight('2021-08-31', 'IRNGOV'), sight('2021-10-01', 'IRNLEG', 'lawmaker')]);
  assert.deepEqual(t2.map((p) => [p.code, p.from, p.to]), [['IRNGOV', '2021-08-31', '2021-10-01'], ['IRNLEG', '2021-10-01', '2022-10-01']]);
});

test('terms: a single stray code between two runs of the same code is a coding slip; the day\'s majority code wins', () => {
  const t = termsOf([sight('2021-01-01', 'USAGOV'), sight('2021-02-01', 'USA'), sight('2021-03-01', 'USAGOV'), sight('2021-04-01', 'USAGOV'), sight('2021-04-01', 'USAGOV'), sight('2021-04-01', 'USAMIL')]);
  assert.deepEqual(t.map((p) => [p.code, p.from, p.seen]), [['USAGOV', '2021-01-01', 6]]);
});

test('overrides: people.tsv lines replace what was learned for that name; "-" forgets a name; errors name file:line', () => {
  const dir = tempDir();
  const f = join(dir, 'people.tsv');
  writeFileSync(f, '# name\tcode\tfrom\tto\trole\nHossein Amir Abdollahian\tIRNGOV\t2021-08-25\t2024-05-19\tforeign minister\nJeyhun Bayramov\t-\n');
  const o = readOverrides(f);
  assert.deepEqual(o.map((p) => [p.name, p.code, p.from, p.to, p.rule]), [
    ['Hossein Amir Abdollahian', 'IRNGOV', '2021-08-25', '2024-05-19', `${f}:2`],
    ['Jeyhun Bayramov', '-', null, null, `${f}:3`],
  ]);
  const learned = [...termsOf([sight('2021-09-01', 'IRN')]), ...termsOf([sight('2021-09-01', 'AZEGOV', 'minister', 'Jeyhun Bayramov')]),
    ...termsOf([sight('2021-09-01', 'HRVGOV', 'top diplomat', 'Gordan Grlic Radman')])];
  assert.deepEqual(applyOverrides(learned, o).map((p) => [p.name, p.code, p.origin]), [
    ['Gordan Grlic Radman', 'HRVGOV', 'learned'], ['Hossein Amir Abdollahian', 'IRNGOV', 'override'],
  ]);
  for (const [line, msg] of [
    ['Someone\tirngov', /people\.tsv:1: code must be 3-6 capital letters/],
    ['Someone\tIRNGOV\t2021-13-01', /people\.tsv:1: from must be an ISO day/],
    ['Someone\tIRNGOV\t2021-05-01\t2021-01-01', /people\.tsv:1: to \(2021-01-01\) is before from/],
    ['Someone', /people\.tsv:1: expected 2-5 tab-separated columns, found 1/],
  ] as const) {
    writeFileSync(f, line + '\n');
    assert.throws(() => readOverrides(f), msg);
  }
});

test('the store learns people across articles, and learnedPeople(date) gives the coder the terms of that day', () => {
  const dir = tempDir();
  const db = join(dir, 'people.db');
  const s = openStore(db);
  const w = s.writer();
  const minister = (name: string, code = 'IRNGOV', title = 'Iranian Foreign Minister') => actor(code, name, `${title} ${name}`);
  w.write({ article: art('p1', { published: '2021-09-01' }), origin: 't', events: [coded({ source: minister('Hossein Amir Abdollahian'), target: 'AZE', date: '2021-08-31' })], sentences: 1 }, 'c');
  w.write({ article: art('p2', { published: '2022-02-01' }), origin: 't', events: [coded({ source: minister('Hossein Amir Abdollahian'), target: 'IRQ' })], sentences: 1 }, 'c');
  w.write({ article: art('p3', { published: '2024-09-01' }), origin: 't', events: [coded({ source: minister('Hossein Amir Abdollahian', 'IRN', 'former foreign minister'), target: 'IRQ' })], sentences: 1 }, 'c');
  w.write({ article: art('p4', { published: '2024-09-02' }), origin: 't', events: [coded({ source: minister('Abbas Araghchi'), target: 'IRQ' })], sentences: 1 }, 'c');
  assert.deepEqual(s.learnedPeople('2022-06-01'), [{ name: 'Hossein Amir Abdollahian', code: 'IRNGOV', from: '2021-09-01', to: '2023-02-01', role: 'foreign minister' }]);
  assert.deepEqual(s.learnedPeople('2024-10-01').map((p) => [p.name, p.code, p.role]), [['Abbas Araghchi', 'IRNGOV', 'foreign minister'], ['Hossein Amir Abdollahian', 'IRN', 'former foreign minister']]);
  assert.deepEqual(s.learnedPeople('2020-01-01'), []);
  assert.deepEqual(s.people({ search: 'abdollahian' }).map((p) => p.code), ['IRNGOV', 'IRN']);
  assert.deepEqual(s.people({ search: 'IRNGOV' }).map((p) => p.name), ['Abbas Araghchi', 'Hossein Amir Abdollahian']);
  assert.deepEqual(s.sightings('Hossein Amir Abdollahian').map((x) => [x.code, x.article]), [['IRNGOV', 'p1'], ['IRNGOV', 'p2'], ['IRN', 'p3']]);
  s.close();
  // The user's file next to the database (people.db -> people.people.tsv) wins.
  writeFileSync(join(dir, 'people.people.tsv'), 'Hossein Amir Abdollahian\tIRNGOV\t2021-08-25\t2024-05-19\tforeign minister\n');
  const s2 = openStore(db, { readonly: true });
  assert.deepEqual(s2.learnedPeople('2022-06-01'), [{ name: 'Hossein Amir Abdollahian', code: 'IRNGOV', from: '2021-08-25', to: '2024-05-19', role: 'foreign minister' }]);
  assert.deepEqual(s2.learnedPeople('2024-10-01').map((p) => p.name), ['Abbas Araghchi']);
  s2.close();
});

test('recoding an article replaces its sightings', () => {
  const s = freshStore();
  const w = s.writer();
  w.write({ article: art('r'), origin: 't', events: [coded({ source: actor('IRNGOV', 'Hossein Amir Abdollahian', 'Foreign Minister Hossein Amir Abdollahian'), target: 'AZE' })], sentences: 1 }, 'c');
  assert.equal(s.people().length, 1);
  w.recode(1, [coded({ source: actor('IRNGOV', 'Saeed Khatibzadeh', 'Foreign Ministry spokesman Saeed Khatibzadeh'), target: 'AZE' })], 1, 'c2');
  assert.deepEqual(s.people().map((p) => [p.name, p.role]), [['Saeed Khatibzadeh', 'spokesman']]);
  s.close();
});
