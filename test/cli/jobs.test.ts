import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dyad, jsonlFile, madeUpArticles } from './cli.js';
import type { CodeStats } from '../../src/cli/stats.js';

const ARTICLES = madeUpArticles(20);
// A malformed line in the middle: reported on stderr, exit code 3, the rest still coded.
const INPUT = jsonlFile([...ARTICLES.slice(0, 9), '{"id": "broken", "text": ', ...ARTICLES.slice(9)]);

function lastJson(stderr: string): CodeStats {
  const line = stderr.trimEnd().split('\n').at(-1) ?? '';
  return JSON.parse(line) as CodeStats;
}

test('--jobs 2 writes the same bytes, stderr and exit code as --jobs 1', () => {
  const one = dyad(['code', INPUT]);
  // Batches of 3 articles: 7 batches alternate between the workers and come back out of order.
  const two = dyad(['code', INPUT, '--jobs', '2', '--batch-size', '3']);
  assert.equal(one.status, 3, one.stderr);
  assert.equal(two.status, 3, two.stderr);
  assert.ok(one.stdout.split('\n').length > 30, 'the made-up articles give events');
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
  assert.match(one.stderr, /in\.jsonl:10: skipped: not valid JSON/);
  assert.match(one.stderr, /dyad code: 20 articles, \d+ events, 1 skipped/);
});

test('--jobs 3 in table format keeps the input order, and every worker coded some articles', () => {
  const one = dyad(['code', INPUT, '--format', 'table']);
  const three = dyad(['code', INPUT, '--format', 'table', '--jobs', '3', '--batch-size', '2', '--stats']);
  assert.equal(three.stdout, one.stdout);
  const ids = three.stdout.split('\n').slice(1).filter(Boolean).map((l) => Number(/made-up-(\d+)/.exec(l)![1]));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  const stats = lastJson(three.stderr);
  assert.equal(stats.workers.length, 3);
  for (const w of stats.workers) assert.ok(w.articles > 0, JSON.stringify(stats.workers));
  assert.equal(stats.workers.reduce((n, w) => n + w.articles, 0), 20);
});

test('stdin works with workers too', () => {
  const one = dyad(['code'], ARTICLES.join('\n'));
  const two = dyad(['code', '-', '--jobs', '2', '--batch-size', '4'], ARTICLES.join('\n'));
  assert.equal(two.status, 0, two.stderr);
  assert.equal(two.stdout, one.stdout);
});

test('a bad --jobs value is a clear error with exit code 2', () => {
  for (const bad of ['0', '-1', 'two', '1.5', '', '65']) {
    const r = dyad(['code', INPUT, '--jobs', bad]);
    assert.equal(r.status, 2, `--jobs "${bad}": ${r.stderr}`);
    assert.match(r.stderr, /--jobs must be a whole number from 1 to 64, got "/);
    assert.equal(r.stdout, '');
  }
});

/** The events of article b, coded alone and after article a in the same process, are the same. */
function assertIndependentOf(before: string, target: string): void {
  const alone = dyad(['code'], JSON.stringify({ id: 'b', text: target }));
  const after = dyad(['code'], JSON.stringify({ id: 'a', text: before }) + '\n' + JSON.stringify({ id: 'b', text: target }));
  const eventsOf = (out: string) => out.split('\n').filter((l) => l.includes('"article_id":"b"')).join('\n');
  assert.ok(eventsOf(alone.stdout).length > 0, 'the target article has events');
  assert.equal(eventsOf(after.stdout), eventsOf(alone.stdout));
}

// wink-nlp adds an out-of-vocabulary word it splits off trailing punctuation ("America’s,") to its
// shared lexicon and from then on keeps "America’s" as one token in later documents of that thread;
// the text stage splits glued possessives so an article's events never depend on what came before.
test('an article codes the same whatever was coded before it', () => {
  assertIndependentOf('Officials called it similar to Ukraine’s, and to Israel’s.', 'Russia attacked Ukraine’s army. Iran condemned Israel’s strikes.');
});

// The same in wire text written in capitals (MUC): "GOVERNMENT'S," teaches wink "government's".
test('an article in capitals codes the same whatever was coded before it', () => {
  assertIndependentOf("THE PLAN WAS SIMILAR TO THE GOVERNMENT'S, THE ARMY SAID ON FRIDAY IN SAN SALVADOR.",
    "SALVADORAN TROOPS ATTACKED THE GUERRILLAS' CAMPS. THE FMLN REJECTED THE GOVERNMENT'S CEASE-FIRE PROPOSAL ON MONDAY.");
});

test('an article too big for a worker\'s capped heap is coded again without the cap: same output, one retry counted', () => {
  // About 1.2 MB of text in one article, between ordinary ones; a 48 MB heap cap cannot hold it.
  const made = madeUpArticles(200).map((l) => (JSON.parse(l) as { text: string }).text);
  const giant = JSON.stringify({ id: 'giant', published: '2021-05-04', text: Array.from({ length: 40 }, () => made.join('\n\n')).join('\n\n') });
  const input = jsonlFile([...ARTICLES.slice(0, 8), giant, ...ARTICLES.slice(8)]);
  const one = dyad(['code', input]);
  const two = dyad(['code', input, '--jobs', '2', '--batch-size', '3', '--stats'], '', { DYAD_WORKER_HEAP_MB: '48' });
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.ok(one.stdout.length > 1_000_000, 'the giant article gives events');
  assert.equal(two.stdout, one.stdout);
  const stats = lastJson(two.stderr);
  assert.equal(stats.workers.reduce((n, w) => n + w.heap_retries, 0), 1, two.stderr.slice(-600));
});
