// Crash safety: an ingest killed with SIGKILL part-way, then run again, leaves exactly what one
// uninterrupted run leaves (no partial article, no duplicate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { dyad } from './cli.js';
import { dumpContent, newsArticles } from '../store/helpers.js';

const BIN = fileURLToPath(new URL('../../bin/dyad.js', import.meta.url));
const ARTICLES = 200;
/** Kill once this many articles are committed: well after the start, well before the end. */
const KILL_AT = 25;

function committed(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return c.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      c.close();
    }
  } catch {
    return 0; // not created yet, or the schema is being written
  }
}

test('kill -9 in the middle of an ingest, then a rerun: the same database as an uninterrupted run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-kill-'));
  const input = join(dir, 'news.jsonl');
  writeFileSync(input, newsArticles(ARTICLES).join('\n') + '\n');

  const ref = join(dir, 'ref.db');
  const whole = dyad(['ingest', input, '--db', ref]);
  assert.equal(whole.status, 0, whole.stderr);

  // The interrupted run codes in two worker threads: the rerun (one thread) must still agree.
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db, '--jobs', '2', '--batch-size', '4'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let at = 0;
  for (let i = 0; i < 3000 && child.exitCode === null; i++) {
    at = committed(db);
    if (at >= KILL_AT) break;
    await sleep(10);
  }
  assert.equal(child.exitCode, null, `the ingest ended before it could be killed (${at} articles stored): ${stderr}`);
  child.kill('SIGKILL');
  await exited;
  assert.equal(child.signalCode, 'SIGKILL');

  // What the crash left: a sound database with whole articles only, fewer than all of them.
  const c = new Database(db);
  assert.equal(c.pragma('integrity_check', { simple: true }), 'ok');
  const stored = c.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  assert.ok(stored >= KILL_AT && stored < ARTICLES, `${stored} articles stored when killed`);
  // Every event's count matches its mentions, and no mention lacks its article.
  assert.equal(c.prepare('SELECT count(*) FROM events e WHERE mentions != (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)').pluck().get(), 0);
  assert.equal(c.prepare('SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)').pluck().get(), 0);
  c.close();

  const rerun = dyad(['ingest', input, '--db', db]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`^dyad ingest: ${ARTICLES} articles \\(${ARTICLES - stored} new, 0 updated, ${stored} already stored\\)`));
  assert.equal(dumpContent(db), dumpContent(ref));
});
