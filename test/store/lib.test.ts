// The package as a consumer sees it: `import ... from 'dyad'` resolves through package.json "exports"
// (self-reference from inside the package, run from source with tsx).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore, ingest, exportEvents, createCoder, type EventRecord, type InputItem, type PersonRow } from 'dyad';
import { tempDir } from './helpers.js';

async function* items(): AsyncGenerator<InputItem> {
  yield { kind: 'article', origin: 'lib-test:1', article: { id: 'lib-1', text: 'Iranian Foreign Minister Hossein Amir Abdollahian met Azerbaijani Foreign Minister Jeyhun Bayramov in Tehran on Monday.', published: '2021-10-05', source: 'Lib Wire' } };
  yield { kind: 'skip', origin: 'lib-test:2', reason: 'not English (fr, 0.98)' };
}

test('openStore, ingest, typed queries and exports from the package entry point', async () => {
  assert.equal(typeof createCoder, 'function');
  const db = join(tempDir(), 'lib.db');
  const store = openStore(db);
  const summary = await ingest(store, items());
  assert.deepEqual([summary.stored, summary.skipped], [1, { 'not English': 1 }]);
  const events: EventRecord[] = store.events({ dyad: ['IRN', 'AZE'] });
  assert.equal(events.length, 1);
  assert.equal(events[0].plover.event, 'CONSULT');
  assert.equal(store.event(events[0].id)?.mention_list.length, 1);
  const people: PersonRow[] = store.learnedPeople('2021-10-05');
  assert.deepEqual(people.map((p) => [p.name, p.code, p.role]), [['Hossein Amir Abdollahian', 'IRNGOV', 'foreign minister'], ['Jeyhun Bayramov', 'AZEGOV', 'foreign minister']]);
  let csv = '';
  const r = await exportEvents(store, 'csv', {}, (c) => { csv += c; });
  assert.equal(r.events, 1);
  assert.equal(csv.split('\n').filter(Boolean).length, 2);
  store.close();
});
