import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actor, art, coded, freshStore, place } from './helpers.js';
import type { Store } from '../../src/store/store.js';
import type { EventFilter } from '../../src/store/query.js';

/** A small store: a few dyads, types, dates, places, one historical event and one reported by two publishers. */
function sample(): Store {
  const s = freshStore();
  const w = s.writer();
  const put = (id: string, fields: Parameters<typeof art>[1], events: ReturnType<typeof coded>[]) => w.write({ article: art(id, fields), origin: id, events, sentences: 2 }, 'c');
  put('a1', { published: '2021-08-31' }, [
    coded({ source: actor('IRNGOV', 'Hossein Amir Abdollahian'), target: 'AZEGOV', cameo: '040', date: '2021-08-31' }),
    coded({ source: 'AZEGOV', target: 'IRNGOV', cameo: '051', date: '2021-08-31' }),
  ]);
  put('a2', { published: '2021-07-20' }, [coded({ source: 'ARMMIL', target: 'AZEMIL', cameo: '190', date: '2021-07-19', location: place('Kalbajar', 'AZE') })]);
  put('a3', { published: '2021-07-21', source: 'Other Wire' }, [coded({ source: 'ARMMIL', target: 'AZEMIL', cameo: '193', date: '2021-07-19' })]);
  put('a4', { published: '2021-09-01' }, [coded({ source: 'ARM', target: 'AZE', cameo: '190', date: '2020-09', historical: true })]);
  put('a5', { published: '2021-06-01' }, [coded({ source: 'IGOUNO', target: 'ARMGOV', cameo: '0256', date: '2021-06-01' })]);
  return s;
}

const ids = (s: Store, f: EventFilter) => s.events(f).map((e) => `${e.source?.code ?? '-'}>${e.target?.code ?? '-'}:${e.cameo}`);

test('filters by actor code prefix, organisation, or a name in any mention', () => {
  const s = sample();
  assert.deepEqual(ids(s, { actor: 'IRN' }), ['IRNGOV>AZEGOV:040', 'AZEGOV>IRNGOV:051']);
  assert.deepEqual(ids(s, { actor: 'ARMMIL' }), ['ARMMIL>AZEMIL:190']);
  assert.deepEqual(ids(s, { actor: 'UNO' }), ['IGOUNO>ARMGOV:0256']);
  assert.deepEqual(ids(s, { actor: 'abdollahian' }), ['IRNGOV>AZEGOV:040']);
  assert.deepEqual(ids(s, { actor: '100%_sure' }), []);
  s.close();
});

test('--dyad is directed; --both takes either direction; * is any side', () => {
  const s = sample();
  assert.deepEqual(ids(s, { dyad: ['IRN', 'AZE'] }), ['IRNGOV>AZEGOV:040']);
  assert.deepEqual(ids(s, { dyad: ['IRN', 'AZE'], both: true }), ['IRNGOV>AZEGOV:040', 'AZEGOV>IRNGOV:051']);
  assert.deepEqual(ids(s, { dyad: ['*', 'ARMGOV'] }), ['IGOUNO>ARMGOV:0256']);
  assert.throws(() => s.events({ dyad: ['iran', 'AZE'] }), /--dyad expects codes like IRN:AZE/);
  s.close();
});

test('type, CAMEO prefix, dates, location country, sources, historical and limit', () => {
  const s = sample();
  assert.deepEqual(ids(s, { type: 'assault' }), ['ARMMIL>AZEMIL:190']);
  assert.deepEqual(ids(s, { cameo: '19' }), ['ARMMIL>AZEMIL:190']);
  assert.deepEqual(ids(s, { cameo: '19', includeHistorical: true }), ['ARM>AZE:190', 'ARMMIL>AZEMIL:190']);
  assert.deepEqual(ids(s, { from: '2021-07-01', to: '2021-07-31' }), ['ARMMIL>AZEMIL:190']);
  assert.deepEqual(ids(s, { from: '2021-08-31' }), ['IRNGOV>AZEGOV:040', 'AZEGOV>IRNGOV:051']);
  // A month-precision date overlaps the range.
  assert.deepEqual(ids(s, { to: '2020-09-15', includeHistorical: true }), ['ARM>AZE:190']);
  assert.deepEqual(ids(s, { country: 'AZE' }), ['ARMMIL>AZEMIL:190']);
  assert.deepEqual(ids(s, { minSources: 2 }), ['ARMMIL>AZEMIL:190']);
  assert.equal(s.events({ minSources: 2 })[0].sources, 2);
  assert.deepEqual(ids(s, { limit: 2 }), ['IGOUNO>ARMGOV:0256', 'ARMMIL>AZEMIL:190']);
  assert.equal(s.events().length, 4);
  assert.equal(s.events({ includeHistorical: true }).length, 5);
  s.close();
});

test('bad filter values are errors that say what was expected', () => {
  const s = sample();
  assert.throws(() => s.events({ from: '2021-13-01' }), /--from must be a date YYYY-MM-DD, got "2021-13-01"/);
  assert.throws(() => s.events({ from: '2021-09-01', to: '2021-08-01' }), /--to \(2021-08-01\) is before --from/);
  assert.throws(() => s.events({ cameo: '1x' }), /--cameo expects a CAMEO code prefix/);
  assert.throws(() => s.events({ country: 'Azerbaijan' }), /--country expects an ISO 3166 alpha-3 code/);
  assert.throws(() => s.events({ minSources: 0 }), /--min-sources must be a whole number >= 1/);
  s.close();
});

test('event() returns the mentions with their articles and explanations; counts() sums the store', () => {
  const s = sample();
  const e = s.events({ cameo: '19' })[0];
  const d = s.event(e.id)!;
  assert.equal(d.mention_list.length, 2);
  assert.deepEqual(d.mention_list.map((m) => [m.article.ext_id, m.article.publisher]), [['a2', 'Test Wire'], ['a3', 'Other Wire']]);
  assert.match(d.mention_list[1].note, /^joined event \d+: same actors \(ARM\/MIL -> AZE\/MIL\) and CAMEO root 19/);
  assert.equal(d.mention_list[1].event.cameo, '193');
  assert.equal(s.event(999), null);
  assert.deepEqual(s.counts(), { articles: 5, superseded: 0, sentences: 10, mentions: 6, events: 5, people: 0 });
  s.close();
});
