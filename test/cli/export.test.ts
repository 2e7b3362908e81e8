// The export and actors commands over a store.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dyad } from './cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../store/fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-export-'));
const DB = join(dir, 'news.db');

before(() => {
  const r = dyad(['ingest', fixture('wire_copies.jsonl'), fixture('war_report.jsonl'), '--db', DB]);
  assert.equal(r.status, 0, r.stderr);
});

test('dyad export writes each format to stdout or a file', () => {
  const out = join(dir, 'events.tsv');
  const g = dyad(['export', '--db', DB, '--format', 'gdelt', '--out', out, '--include-historical']);
  assert.equal(g.status, 0, g.stderr);
  assert.match(g.stderr, /^dyad export: \d+ events as gdelt to /);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.ok(lines.length > 0 && lines.every((l) => l.split('\t').length === 61));
  const p = dyad(['export', '--db', DB, '--format', 'plover', '--type', 'ASSAULT']);
  const recs = p.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(recs.length > 0 && recs.every((x) => x.event[0] === 'ASSAULT'));
});

test('dyad actors lists the people learned, by name or code, and an overrides file wins', () => {
  const r = dyad(['actors', '--db', DB]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^name\s+code\s+from\s+to\s+role\s+seen\s+origin\n/);
  assert.match(r.stdout, /Raila Odinga\s+KENOPP\s+2021-06-08\s+2022-06-09\s+opposition leader\s+\d+\s+learned, last seen 2021-06-09/);
  assert.match(r.stderr, /^dyad actors: \d+ entries \(overrides: .*news\.people\.tsv\)/);
  const tsv = dyad(['actors', 'odinga', '--db', DB, '--format', 'tsv', '--date', '2021-12-01']);
  assert.equal(tsv.stdout, '# name\tcode\tfrom\tto\trole\nRaila Odinga\tKENOPP\t2021-06-08\t2022-06-09\topposition leader\n');
  const overrides = join(dir, 'mine.tsv');
  writeFileSync(overrides, '# my corrections\nRaila Odinga\tKENOPP\t2013-04-09\t\topposition leader\n');
  const o = dyad(['actors', 'KENOPP', '--db', DB, '--overrides', overrides, '--format', 'jsonl']);
  assert.deepEqual(o.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((p) => [p.name, p.from, p.to, p.origin]), [['Raila Odinga', '2013-04-09', null, 'override']]);
  writeFileSync(overrides, 'Raila Odinga\tkenopp\n');
  const bad = dyad(['actors', '--db', DB, '--overrides', overrides]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /mine\.tsv:1: code must be 3-6 capital letters/);
});
