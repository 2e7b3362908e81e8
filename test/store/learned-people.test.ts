/**
 * People the store learned feed back into the coder: a later ingest run codes a surname alone; an
 * interrupted run's articles teach only once a run finishes (so a rerun equals an uninterrupted run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/store/ingest.js';
import type { InputItem } from '../../src/io/readers/types.js';
import { freshStore } from './helpers.js';

async function* items(...arts: { id: string; text: string; published: string }[]): AsyncGenerator<InputItem> {
  for (const a of arts) yield { kind: 'article', article: { ...a, source: 'test' }, origin: a.id };
}

const FIRST = { id: 'a1', published: '2022-03-01', text: 'Serbian Foreign Minister Zlatko Petrovic met his Greek counterpart in Athens on Monday.' };
const LATER = { id: 'a2', published: '2022-03-20', text: 'Petrovic criticised Croatia on Friday.' };

const sourceOf = (store: ReturnType<typeof freshStore>, ext: string) =>
  store.db.prepare(`SELECT m.record FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.ext_id = ?`).pluck().all(ext)
    .map((r) => (JSON.parse(r as string) as { source: { code: string } | null }).source?.code);

test('a person learned in one ingest run is coded by surname in the next', async () => {
  const store = freshStore();
  await ingest(store, items(FIRST));
  await ingest(store, items(LATER));
  assert.deepEqual(sourceOf(store, 'a2'), ['SRBGOV']);
});

test('within one run nothing learned is used: the run codes as a rerun after a kill would', async () => {
  const store = freshStore();
  await ingest(store, items(FIRST, LATER));
  assert.notDeepEqual(sourceOf(store, 'a2'), ['SRBGOV']);
});
