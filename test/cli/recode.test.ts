import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dyad } from './cli.js';
import { newsArticles } from '../store/helpers.js';
import { openStore } from '../../src/store/store.js';

test('a database created without --statements refuses an ingest with them; a bad --jobs is a usage error', () => {
  const input = join(mkdtempSync(join(tmpdir(), 'dyad-in-')), 'news.jsonl');
  writeFileSync(input, newsArticles(2).join('\n') + '\n');
  const db = join(mkdtempSync(join(tmpdir(), 'dyad-db-')), 's.db');
  assert.equal(dyad(['ingest', input, '--db', db]).status, 0);
  const r = dyad(['ingest', input, '--db', db, '--statements']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /s\.db was created without --statements; use the same setting or another database/);
  const bad = dyad(['ingest', input, '--db', db, '--jobs', '0']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--jobs must be a whole number from 1 to 64/);
  const missing = dyad(['ingest', join(input, '..', 'nope.jsonl'), '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.jsonl: no such file or directory/);
});

test('recode re-codes every stored article and keeps the same events', () => {
  const input = join(mkdtempSync(join(tmpdir(), 'dyad-in-')), 'news.jsonl');
  writeFileSync(input, newsArticles(8).join('\n') + '\n');
  const db = join(mkdtempSync(join(tmpdir(), 'dyad-db-')), 'r.db');
  assert.equal(dyad(['ingest', input, '--db', db]).status, 0);
  const signature = () => {
    const s = openStore(db, { readonly: true });
    const sig = s.events({ includeHistorical: true }).map((e) => `${e.source?.code}>${e.target?.code}:${e.cameo}:${e.date}:${e.mentions}`).sort();
    const c = s.counts();
    s.close();
    return { sig, c };
  };
  const before = signature();
  const r = dyad(['recode', '--db', db, '--jobs', '2', '--batch-size', '3']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^dyad recode: 8 articles, \d+ sentences, \d+ event mentions -> \d+ new events/);
  assert.deepEqual(signature(), before);
  // Nothing changed in the lexicons: --changed finds nothing to do.
  assert.match(dyad(['recode', '--db', db, '--changed']).stderr, /^dyad recode: 0 articles/);
  assert.match(dyad(['recode', '--db', db, '--article', '2', '5']).stderr, /^dyad recode: 2 articles/);
  const bad = dyad(['recode', '--db', db, '--article', '99']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /no article with id 99/);
});
