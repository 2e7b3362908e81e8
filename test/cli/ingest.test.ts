import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dyad } from './cli.js';
import { dumpContent, newsArticles } from '../store/helpers.js';
import { openStore } from '../../src/store/store.js';

const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));

/** A directory with slices of the real corpora (one of them gzipped), or made-up news when ../shared is absent. */
function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
  const wiki = join(CORPORA, 'wikinews_2019_2020.jsonl');
  const muc = join(CORPORA, 'muc34_fbis.jsonl');
  if (existsSync(wiki) && existsSync(muc)) {
    const head = (f: string, n: number) => readFileSync(f, 'utf8').split('\n').slice(0, n).join('\n') + '\n';
    writeFileSync(join(dir, 'wikinews.jsonl'), head(wiki, 12));
    writeFileSync(join(dir, 'muc.jsonl.gz'), gzipSync(head(muc, 12)));
  } else {
    writeFileSync(join(dir, 'news.jsonl'), newsArticles(24).join('\n') + '\n');
  }
  return dir;
}

const summary = (stderr: string) => stderr.trimEnd().split('\n').at(-1) ?? '';

test('ingesting the same inputs twice stores them once: same counts, same content', () => {
  const dir = corpusDir();
  const db = join(mkdtempSync(join(tmpdir(), 'dyad-db-')), 'corpus.db');
  const first = dyad(['ingest', dir, '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(summary(first.stderr), /^dyad ingest: 24 articles \(24 new, 0 updated, 0 already stored\), \d+ sentences, \d+ event mentions -> \d+ new events \(\d+ joined an event already reported\), 0 skipped$/);
  // Not a terminal: no progress line, only the summary.
  assert.equal(first.stderr.split('\n').filter(Boolean).length, 1, first.stderr);
  const s = openStore(db, { readonly: true });
  const counts = s.counts();
  s.close();
  assert.equal(counts.articles, 24);
  assert.ok(counts.events > 10 && counts.sentences > 100, JSON.stringify(counts));
  const content = dumpContent(db);
  const second = dyad(['ingest', dir, '--db', db]);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(summary(second.stderr), 'dyad ingest: 24 articles (0 new, 0 updated, 24 already stored), 0 sentences, 0 event mentions -> 0 new events (0 joined an event already reported), 0 skipped');
  assert.equal(dumpContent(db), content);
});

test('--jobs 2 gives the same database content as --jobs 1', () => {
  const input = join(mkdtempSync(join(tmpdir(), 'dyad-in-')), 'news.jsonl');
  writeFileSync(input, newsArticles(20).join('\n') + '\n');
  const dir = mkdtempSync(join(tmpdir(), 'dyad-db-'));
  const one = dyad(['ingest', input, '--db', join(dir, 'one.db')]);
  // Batches of 3 articles alternate between the two workers and come back out of order.
  const two = dyad(['ingest', input, '--db', join(dir, 'two.db'), '--jobs', '2', '--batch-size', '3']);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(two.stderr, one.stderr);
  assert.equal(dumpContent(join(dir, 'two.db')), dumpContent(join(dir, 'one.db')));
});

test('skipped inputs are reported with their place and reason, counted by reason in the summary; exit code 3', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-in-'));
  const lines = newsArticles(3);
  writeFileSync(join(dir, 'a.jsonl'), [lines[0], '{"id": "broken", "text": ', lines[1], '{"id": "empty", "text": "  "}', lines[2]].join('\n') + '\n');
  writeFileSync(join(dir, 'notes.pdf'), 'not news');
  const db = join(dir, 'x.db');
  const r = dyad(['ingest', dir, '--db', db]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /a\.jsonl:2: skipped: not valid JSON/);
  assert.match(r.stderr, /notes\.pdf: skipped: unsupported file type \.pdf/);
  assert.match(summary(r.stderr), /^dyad ingest: 3 articles \(3 new, 0 updated, 0 already stored\), .* 3 skipped: (1 [^,]+, ){2}1 [^,]+$/);
  assert.match(summary(r.stderr), /1 not valid JSON/);
  assert.match(summary(r.stderr), /1 unsupported file type \.pdf/);
});
