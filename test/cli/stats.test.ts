import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dyad, jsonlFile, madeUpArticles } from './cli.js';
import type { CodeStats } from '../../src/cli/stats.js';

const INPUT = jsonlFile([...madeUpArticles(12), JSON.stringify({ id: 'empty', text: '  ' })]);

function statsLine(stderr: string): CodeStats {
  const lines = stderr.trimEnd().split('\n');
  const last = lines.at(-1) ?? '';
  assert.ok(last.startsWith('{'), `stats is the last stderr line: ${stderr}`);
  return JSON.parse(last) as CodeStats;
}

for (const jobs of [1, 2]) {
  test(`--stats prints one JSON line with the counts (--jobs ${jobs})`, () => {
    const r = dyad(['code', INPUT, '--stats', '--jobs', String(jobs), '--batch-size', '5']);
    assert.equal(r.status, 3, r.stderr);
    const s = statsLine(r.stderr);
    const events = r.stdout.split('\n').filter(Boolean).length;
    assert.ok(events > 10);
    assert.equal(s.stats, 'dyad code');
    assert.equal(s.jobs, jobs);
    assert.equal(s.articles, 12);
    assert.equal(s.skipped, 1);
    assert.equal(s.events, events);
    assert.ok(s.chars > 12 * 40);
    assert.ok(s.ready_ms > 0 && s.first_event_ms !== null && s.first_event_ms >= s.ready_ms && s.elapsed_ms >= s.first_event_ms, JSON.stringify(s));
    assert.ok(s.max_rss_kb > 10_000, 'peak RSS in kB');
    assert.equal(s.workers.length, jobs === 1 ? 0 : jobs);
    if (jobs > 1) assert.equal(s.workers.reduce((n, w) => n + w.articles, 0), 12);
  });
}

test('without --stats there is no JSON on stderr', () => {
  const r = dyad(['code', INPUT]);
  assert.doesNotMatch(r.stderr, /^\{/m);
});
