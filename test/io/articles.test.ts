import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticles, parseArticleLine, isProblem } from '../../src/io/articles.js';

test('a malformed line names the file, line and field and the rest is still read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-io-'));
  const f = join(dir, 'in.jsonl');
  writeFileSync(f, [
    JSON.stringify({ id: 'a', text: 'Iran criticized Israel.' }),
    '{"id": "b", "text": ',
    JSON.stringify({ id: 'c' }),
    '',
    JSON.stringify({ id: 'd', text: 'Police arrested protesters.', published: 'yesterday' }),
    JSON.stringify({ id: 7, text: 'Troops withdrew.', published: '2021-03-04', extra: 1 }),
  ].join('\n'));
  const got = [];
  for await (const x of readArticles([f])) got.push(x);
  assert.equal(got.length, 5);
  assert.equal(isProblem(got[0]), false);
  const p1 = got[1];
  assert.ok(isProblem(p1));
  assert.equal(p1.line, 2);
  assert.match(p1.message, /not valid JSON/);
  const p2 = got[2];
  assert.ok(isProblem(p2));
  assert.equal(p2.line, 3);
  assert.match(p2.message, /field "text"/);
  const p3 = got[3];
  assert.ok(isProblem(p3));
  assert.equal(p3.line, 5);
  assert.match(p3.message, /field "published"/);
  const ok = got[4];
  assert.ok(!isProblem(ok));
  assert.equal(ok.id, '7');
  assert.equal(ok.published, '2021-03-04');
});

test('.txt files become one article named after the file, with --published', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-io-'));
  const f = join(dir, 'story.txt');
  writeFileSync(f, 'The army shelled the town.');
  const got = [];
  for await (const x of readArticles([f], { published: '2020-01-02' })) got.push(x);
  assert.deepEqual(got.map((a) => (isProblem(a) ? a.message : [a.id, a.published])), [['story.txt', '2020-01-02']]);
});

test('missing, empty, binary and unsupported inputs are problems, not crashes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-io-'));
  writeFileSync(join(dir, 'empty.txt'), '  \n');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
  writeFileSync(join(dir, 'x.pdf'), 'x');
  const got = [];
  for await (const x of readArticles([join(dir, 'nope.txt'), join(dir, 'empty.txt'), join(dir, 'bin.txt'), join(dir, 'x.pdf')])) got.push(x);
  assert.equal(got.length, 4);
  assert.ok(got.every(isProblem));
  const msgs = got.map((g) => (isProblem(g) ? g.message : ''));
  assert.match(msgs[0], /cannot read/);
  assert.match(msgs[1], /empty/);
  assert.match(msgs[2], /binary/);
  assert.match(msgs[3], /unsupported/);
});

test('parseArticleLine rejects an empty text', () => {
  const r = parseArticleLine('{"id":"x","text":"   "}', 'f.jsonl', 9);
  assert.ok(isProblem(r));
  assert.equal(r.line, 9);
});

test('a publication date that names no real day is refused with the field named', () => {
  for (const published of ['2021-13-45', '2021-02-29', '2021-04-31']) {
    const p = parseArticleLine(JSON.stringify({ id: 'x', text: 'Troops withdrew.', published }), 'f.jsonl', 9);
    assert.ok(isProblem(p), published);
    assert.match(p.message, /field "published"/);
  }
  assert.ok(!isProblem(parseArticleLine(JSON.stringify({ id: 'x', text: 'Troops withdrew.', published: '2020-02-29T10:00:00Z' }), 'f.jsonl', 1)));
});
