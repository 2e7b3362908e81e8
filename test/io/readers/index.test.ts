import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readInputs, type InputItem } from '../../../src/io/readers/index.js';
import { extensionOf, fileKind } from '../../../src/io/readers/files.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));

async function collect(paths: string[], opts = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of readInputs(paths, opts)) out.push(x);
  return out;
}

/** "origin relative to dir" -> "id" or "skip: reason". */
const summary = (items: InputItem[], dir: string) =>
  items.map((i) => `${i.origin.startsWith(dir) ? i.origin.slice(dir.length + 1) : i.origin} -> ${i.kind === 'article' ? i.article.id : `skip: ${i.reason}`}`);

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-walk-'));
  mkdirSync(join(dir, 'b/nested'), { recursive: true });
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git/config.txt'), 'hidden directory');
  writeFileSync(join(dir, '.notes.txt'), 'hidden file');
  writeFileSync(join(dir, 'Z.txt'), 'Upper case sorts before lower case.');
  writeFileSync(join(dir, 'b/nested/deep.txt'), 'Troops crossed the border at dawn.');
  writeFileSync(join(dir, 'b/2.txt'), 'Second.');
  writeFileSync(join(dir, 'b/10.txt'), 'Tenth.');
  writeFileSync(join(dir, 'a/report.pdf'), '%PDF-1.4');
  writeFileSync(join(dir, 'a/README'), 'no extension');
  copyFileSync(fixture('news-page.html'), join(dir, 'a/page.htm'));
  writeFileSync(join(dir, 'a/lines.jsonl.gz'), gzipSync([
    JSON.stringify({ id: 'g1', text: 'The ministry condemned the attack.' }),
    JSON.stringify({ id: 'g2', text: 'Envoys met in Doha.', published: '2020-02-02' }),
  ].join('\n')));
  return dir;
}

test('directories are walked depth first in code-unit order, hidden entries left out, ids relative to the root', async () => {
  const dir = corpus();
  const items = await collect([dir]);
  assert.deepEqual(summary(items, dir), [
    'Z.txt -> Z.txt',
    'a/README -> skip: unsupported file type (no extension)',
    'a/lines.jsonl.gz:1 -> g1',
    'a/lines.jsonl.gz:2 -> g2',
    'a/page.htm -> a/page.htm',
    'a/report.pdf -> skip: unsupported file type .pdf',
    'b/10.txt -> b/10.txt',
    'b/2.txt -> b/2.txt',
    'b/nested/deep.txt -> b/nested/deep.txt',
  ]);
  assert.deepEqual(summary(await collect([dir]), dir), summary(items, dir), 'same order and ids on a second run');
  const page = items.find((i) => i.origin.endsWith('page.htm'));
  assert.ok(page && page.kind === 'article');
  assert.equal(page.article.source, 'The Harbour Gazette');
  const g2 = items.find((i) => i.kind === 'article' && i.article.id === 'g2');
  assert.ok(g2 && g2.kind === 'article' && g2.article.published === '2020-02-02');
});

test('a file given directly has its file name as id; inputs are read in the order given', async () => {
  const dir = corpus();
  const items = await collect([join(dir, 'b/nested/deep.txt'), join(dir, 'b')]);
  assert.deepEqual(summary(items, dir), ['b/nested/deep.txt -> deep.txt', 'b/10.txt -> 10.txt', 'b/2.txt -> 2.txt', 'b/nested/deep.txt -> nested/deep.txt']);
});

test('JSON Lines: a malformed line is a skip naming file:line and field, the rest is read', async () => {
  const path = fixture('articles.jsonl');
  const items = await collect([path]);
  assert.deepEqual(items.map((i) => [i.origin.slice(path.length), i.kind === 'article' ? i.article.id : i.reason]), [
    [':1', 'j-1'],
    [':2', 'not valid JSON (Unexpected end of JSON input)'],
    [':3', 'field "text": empty'],
    [':4', 'j-4'],
  ]);
  const first = items[0];
  assert.ok(first.kind === 'article');
  assert.deepEqual(first.article, { id: 'j-1', text: 'Rescue teams reached the flooded villages on Sunday.', published: '2022-07-10', title: 'Rescuers reach villages', url: null, source: 'Example Wire' });
});

test('a truncated .jsonl.gz gives its complete lines, then a skip', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gz-'));
  const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Article number ${i} about a ceasefire.` })).join('\n');
  const gz = gzipSync(lines);
  writeFileSync(join(dir, 'cut.jsonl.gz'), gz.subarray(0, gz.length - 30));
  const items = await collect([join(dir, 'cut.jsonl.gz')]);
  const last = items[items.length - 1];
  assert.equal(last.kind, 'skip');
  assert.match((last as { reason: string }).reason, /^cannot read further \(/);
  assert.ok(items.filter((i) => i.kind === 'article').length > 100);
});

test('.txt files: the text as it stands; empty and binary files are skips', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-txt-'));
  copyFileSync(fixture('story.txt'), join(dir, 'story.txt'));
  writeFileSync(join(dir, 'empty.txt'), ' \n ');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
  const items = await collect([dir]);
  assert.deepEqual(summary(items, dir), ['bin.txt -> skip: binary content (NUL bytes), not text', 'empty.txt -> skip: empty file', 'story.txt -> story.txt']);
  const story = items[2];
  assert.ok(story.kind === 'article');
  assert.match(story.article.text, /^Firefighters contained a forest fire/);
  assert.equal(story.article.text.split('\n\n').length, 2);
});

test('minChars turns short articles into skips', async () => {
  const items = await collect([fixture('articles.jsonl')], { minChars: 45 });
  assert.deepEqual(items.map((i) => (i.kind === 'article' ? i.article.id : i.reason)), [
    'j-1',
    'not valid JSON (Unexpected end of JSON input)',
    'field "text": empty',
    'text too short (41 characters, minimum 45)',
  ]);
});

test('a path that does not exist is an error naming it, before anything is read', async () => {
  const missing = join(tmpdir(), 'dyad-no-such-dir', 'x.jsonl');
  const gen = readInputs([fixture('story.txt'), missing]);
  await assert.rejects(gen.next(), (e: Error) => e.message === `${missing}: no such file or directory`);
});

test('file kinds by extension', () => {
  const kinds = ['a.TXT', 'a.html', 'a.htm', 'a.xhtml', 'a.jsonl', 'a.ndjson', 'a.json', 'a.jsonl.gz', 'a.xml', 'a.rss', 'a.atom', 'a.rdf', 'a.warc', 'a.warc.gz', 'x.warc.wet.gz', 'a.pdf', 'a.gz', 'txt', 'dir.txt/file'].map(fileKind);
  assert.deepEqual(kinds, ['txt', 'html', 'html', 'html', 'jsonl', 'jsonl', 'jsonl', 'jsonl', 'xml', 'xml', 'xml', 'xml', 'warc', 'warc', 'warc', null, null, null, null]);
  assert.equal(extensionOf('dir/archive.tar.gz'), '.tar.gz');
  assert.equal(extensionOf('dir/Report.PDF'), '.pdf');
  assert.equal(extensionOf('dir/README'), '(no extension)');
});
