import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compatible, distanceKm, locationsCompatible, mentionSpan } from '../../src/store/cluster.js';
import { parseDay, writtenSpan, formatDay } from '../../src/store/days.js';
import { coded, place } from './helpers.js';

test('a mention\'s dates: the written date, the publication day for current news, none for undated background', () => {
  const pub = parseDay('2021-09-01')!;
  assert.equal(mentionSpan(coded({ date: '2021-07', precision: 'month' }), pub)!.label, '2021-07');
  const p = mentionSpan(coded(), pub)!;
  assert.deepEqual([p.kind, formatDay(p.hi)], ['published', '2021-09-01']);
  // The coder's own fallback to the publication day counts as such, not as a date read from the text.
  assert.equal(mentionSpan(coded({ date: '2021-09-01', basis: 'published' }), pub)!.kind, 'published');
  assert.equal(mentionSpan(coded({ historical: true }), pub), null);
  assert.equal(mentionSpan(coded(), null), null);
});

test('places: same country or one missing is compatible; other countries, provinces or cities over 100 km are not', () => {
  assert.equal(locationsCompatible(null, null).ok, true);
  assert.equal(locationsCompatible(place('Baku', 'AZE'), null).ok, true);
  assert.equal(locationsCompatible(place('Azerbaijan', 'AZE', 'country'), place('Baku', 'AZE')).ok, true);
  assert.equal(locationsCompatible(place('Baku', 'AZE'), place('Yerevan', 'ARM')).ok, false);
  assert.equal(locationsCompatible(place('Sahel', null as unknown as string, 'region'), place('Donbas', null as unknown as string, 'region')).ok, false);
  assert.equal(locationsCompatible(place('Kyiv', 'UKR', 'city', 50.45, 30.52), place('Brovary', 'UKR', 'city', 50.51, 30.79)).ok, true);
  assert.equal(locationsCompatible(place('Kyiv', 'UKR', 'city', 50.45, 30.52), place('Kharkiv', 'UKR', 'city', 49.99, 36.23)).ok, false);
  assert.equal(locationsCompatible(place('Lviv', 'UKR', 'admin1', null, null, 'Lviv Oblast'), place('Odesa', 'UKR', 'admin1', null, null, 'Odesa Oblast')).ok, false);
  assert.ok(Math.abs(distanceKm(50.45, 30.52, 49.99, 36.23) - 409) < 5);
});

test('compatibility of a mention and an event: dates within the window and places agreeing', () => {
  const ev = { id: 7, span: writtenSpan('2021-08-10', 'day'), undatedArticle: null, location: place('Baku', 'AZE') };
  assert.equal(compatible(writtenSpan('2021-08-11', 'day'), null, 1, ev).ok, true);
  const far = compatible(writtenSpan('2021-08-13', 'day'), null, 1, ev);
  assert.deepEqual([far.ok, far.gap], [false, 3]);
  assert.equal(compatible(writtenSpan('2021-08-10', 'day'), place('Yerevan', 'ARM'), 1, ev).ok, false);
  // Undated mentions meet undated events of their own article only.
  const undated = { id: 8, span: null, undatedArticle: 4, location: null };
  assert.equal(compatible(null, null, 4, undated).ok, true);
  assert.equal(compatible(null, null, 5, undated).ok, false);
  assert.equal(compatible(writtenSpan('2021-08-10', 'day'), null, 4, undated).ok, false);
});
