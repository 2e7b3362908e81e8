// The query commands over a store: events (table, jsonl, csv, show), export, actors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dyad } from './cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../store/fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-events-'));
const DB = join(dir, 'news.db');
/** An event reported by both copies of the wire story (found by the first test). */
let twoSourceEvent = 0;

before(() => {
  const r = dyad(['ingest', fixture('wire_copies.jsonl'), fixture('war_report.jsonl'), '--db', DB]);
  assert.equal(r.status, 0, r.stderr);
});

test('dyad events: a table by default, JSONL and CSV on request, filtered', () => {
  const table = dyad(['events', '--db', DB]);
  assert.equal(table.status, 0, table.stderr);
  const rows = table.stdout.trimEnd().split('\n');
  assert.match(rows[0], /^id\s+date\s+source\s+target\s+cameo\s+plover\s+ment\s+src\s+art\s+place\s+trigger$/);
  assert.ok(rows.some((r) => /KENCOP\s+KENCVL\s+173\s+\S+\s+2\s+2\s+2\s/.test(r)), table.stdout);
  assert.match(table.stderr, /^dyad events: \d+ events/);
  const jsonl = dyad(['events', '--db', DB, '--format', 'jsonl', '--dyad', 'KEN:KEN', '--cameo', '17']);
  const events = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(events.length >= 1);
  twoSourceEvent = events.find((e) => e.sources === 2).id;
  assert.ok(events.every((e) => e.cameo.startsWith('17') && e.source.country === 'KEN' && e.target.country === 'KEN'));
  const csv = dyad(['events', '--db', DB, '--format', 'csv', '--actor', 'ARM', '--from', '2020-09-01', '--to', '2020-09-30']);
  const lines = csv.stdout.trim().split('\n');
  assert.match(lines[0], /^id,date,date_precision,/);
  assert.ok(lines.length >= 2 && lines.slice(1).every((l) => /,2020-09-27,day,/.test(l)), csv.stdout);
});

test('dyad events show ID: the mentions, their sentences and why they were merged', () => {
  const id = twoSourceEvent;
  const r = dyad(['events', 'show', String(id), '--db', DB]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^event ${id}: `));
  assert.match(r.stdout, /2 mentions in 2 articles from 2 sources; reported 2021-06-08 to 2021-06-09/);
  assert.match(r.stdout, /#\d+ courier-2021-06-08-nairobi \(Daily Courier, 2021-06-08\), sentence \d+:/);
  assert.match(r.stdout, /why: new event \d+: /);
  assert.match(r.stdout, /why: joined event \d+: same actors/);
  const missing = dyad(['events', 'show', '99999', '--db', DB]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no event 99999/);
});

test('bad query arguments exit 2 with a message; a missing database exits 1', () => {
  for (const [args, msg] of [
    [['--dyad', 'IRN'], /--dyad expects SOURCE:TARGET/],
    [['--from', 'yesterday'], /--from must be a date YYYY-MM-DD/],
  ] as const) {
    const r = dyad(['events', '--db', DB, ...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, msg);
  }
  const r = dyad(['events', '--db', join(dir, 'none.db')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /none\.db: no such database \(create one with dyad ingest\)/);
  assert.equal(existsSync(join(dir, 'none.db')), false, 'a query does not create a database');
});
