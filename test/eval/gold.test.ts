import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoldFormatError, detectItemKind, parseGold, readGoldFile } from '../../src/eval/gold.js';

const articleLine = JSON.stringify({
  id: 'a1', text: 'Text.', published: '2020-06-23',
  events: [{ sentence: 'S.', trigger: 't', plover: 'ASSAULT', source_country: 'USA', target_country: null, date: '2020-06', negated: false, historical: false, killed: 2, wounded: null }],
});
const ploverLine = JSON.stringify({
  id: 'PLOVER-GSR01-AGREE-0001', text: 'S.', published: null, markup: null,
  events: [{ trigger: 'agreed', plover: 'AGREE', plover_v05: 'AGREE', source_country: 'HUN', target_country: null, killed: '3', location: { name: 'x' } }],
});
const cameoLine = JSON.stringify({ id: 'cameo-010', text: 'S.', published: null, cameo: '010', cameo_root: '01', cameo_name: 'Make statement', plover: null });

test('a malformed JSON line fails with file:line', () => {
  const text = `${articleLine}\n\n{"id": "a2", "text": \n`;
  assert.throws(() => parseGold(text, 'gold/x.jsonl'), (e: unknown) => {
    assert.ok(e instanceof GoldFormatError);
    assert.match(e.message, /^gold\/x\.jsonl:3: invalid JSON/);
    assert.equal(e.line, 3);
    return true;
  });
});

test('a schema violation names file, line and field', () => {
  const bad = articleLine.replace('"ASSAULT"', '"FIGHT"');
  assert.throws(() => parseGold(`${articleLine}\n${bad}\n`, 'f.jsonl'), /^GoldFormatError: f\.jsonl:2: events\.0\.plover: /);
  const badDate = articleLine.replace('"2020-06"', '"June 2020"');
  assert.throws(() => parseGold(badDate, 'f.jsonl'), /f\.jsonl:1: events\.0\.date: expected YYYY/);
});

test('mixed or unknown items are rejected with their line', () => {
  assert.throws(() => parseGold(`${articleLine}\n${cameoLine}\n`, 'm.jsonl'), /m\.jsonl:2: item looks like cameo but earlier items are articles/);
  assert.throws(() => parseGold('{"id": "x", "text": "y"}\n', 'u.jsonl'), /u\.jsonl:1: not a gold item/);
  assert.throws(() => parseGold('\n\n', 'e.jsonl'), /e\.jsonl:1: no items/);
});

test('kinds are detected from fields, not file names', () => {
  assert.equal(detectItemKind(JSON.parse(articleLine)), 'articles');
  assert.equal(detectItemKind(JSON.parse(ploverLine)), 'plover_gsr');
  assert.equal(detectItemKind({ id: 'x', text: 't', events: [{ plover: 'AGREE', plover_v05: 'AGREE' }] }), 'plover_gsr');
  assert.equal(detectItemKind({ id: 'PLOVER-GSR01-X', text: 't', events: [] }), 'plover_gsr');
  assert.equal(detectItemKind(JSON.parse(cameoLine)), 'cameo');
  assert.equal(detectItemKind([1]), null);
  const g = parseGold(`${articleLine}\n`, 'a.jsonl');
  assert.equal(g.kind, 'articles');
  if (g.kind === 'articles') {
    const e = g.items[0]?.events[0];
    assert.equal(e?.hypothetical, false, 'missing hypothetical defaults to false');
    assert.equal(e?.location_country, null);
    assert.equal(e?.killed, 2);
  }
  assert.equal(parseGold(ploverLine, 'p.jsonl').kind, 'plover_gsr');
  assert.equal(parseGold(cameoLine, 'c.jsonl').kind, 'cameo');
});

test('readGoldFile reads a file and reports its path in errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gold-'));
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, `${cameoLine}\n${cameoLine.replace('"01"', '"1"')}\n`);
  await assert.rejects(readGoldFile(file), (e: unknown) => e instanceof Error && e.message.startsWith(`${file}:2: cameo_root`));
});

const GOLD = new URL('../../../shared/gold/', import.meta.url);
const real: [string, string, number][] = [
  ['seed_article.jsonl', 'articles', 1],
  ['dev_articles.jsonl', 'articles', 24],
  ['plover_gsr.jsonl', 'plover_gsr', 322],
  ['cameo_examples.jsonl', 'cameo', 277],
];
for (const [name, kind, items] of real) {
  const path = new URL(name, GOLD).pathname;
  test(`the shared gold file ${name} reads as ${kind}`, { skip: !existsSync(path) && 'shared gold not present' }, async () => {
    const g = await readGoldFile(path);
    assert.equal(g.kind, kind);
    assert.equal(g.items.length, items);
  });
}
