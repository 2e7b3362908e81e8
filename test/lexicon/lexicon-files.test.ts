import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCameo } from '../../src/ontology/cameo.js';
import { loadEventLexicon } from '../../src/lexicon/events.js';
import { loadActorLexicon } from '../../src/lexicon/actors.js';
import { loadModality } from '../../src/lexicon/modality.js';
import { DEFAULT_DATA_DIR } from '../../src/lexicon/tsv.js';

/** A data directory with the real CAMEO table and the given lexicon files. */
function dataDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
  mkdirSync(join(dir, 'ontology'));
  mkdirSync(join(dir, 'lexicon', 'events'), { recursive: true });
  copyFileSync(join(DEFAULT_DATA_DIR, 'ontology', 'cameo.tsv'), join(dir, 'ontology', 'cameo.tsv'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'lexicon', name), text);
  return dir;
}

test('the shipped lexicons load, cover all 20 CAMEO roots, and every code exists', () => {
  const cameo = loadCameo();
  const lex = loadEventLexicon(cameo);
  const roots = new Set<string>();
  for (const table of [lex.verbs, lex.nouns]) for (const rules of table.values()) for (const r of rules) {
    assert.ok(cameo.has(r.cameo), r.id);
    roots.add(r.cameo.slice(0, 2));
  }
  assert.equal(roots.size, 20);
  assert.ok(lex.size > 1000);
  assert.ok(loadActorLexicon().filter((e) => e.kind === 'agent').length > 300);
});

test('an unknown CAMEO code names the file and line', () => {
  const dir = dataDir({ 'events/verbs.tsv': '# header\n190\tattack\t-\tok\n999\tfrobnicate\t-\tbad code\n' });
  assert.throws(() => loadEventLexicon(loadCameo(dir), dir), /events\/verbs\.tsv:3: unknown CAMEO code "999"/);
});

test('an unknown flag and a pattern that starts with a slot are rejected with file:line', () => {
  const d1 = dataDir({ 'events/verbs.tsv': '190\tattack\tsometimes\tbad flag\n' });
  assert.throws(() => loadEventLexicon(loadCameo(d1), d1), /events\/verbs\.tsv:1: unknown flag "sometimes"/);
  const d2 = dataDir({ 'events/nouns.tsv': '190\tTGT attack\t-\tbad head\n' });
  assert.throws(() => loadEventLexicon(loadCameo(d2), d2), /events\/nouns\.tsv:1: pattern must start with a word/);
});

test('a wrong column count is reported with file:line', () => {
  const dir = dataDir({ 'agents.tsv': 'police\tCOP\tgroup\nsoldier\tMIL\n' });
  assert.throws(() => loadActorLexicon(dir), /agents\.tsv:2: expected 3-4 tab-separated columns, found 2/);
});

test('an unknown sector or country code in the actor files is reported with file:line', () => {
  const d1 = dataDir({ 'agents.tsv': 'wizard\tMAG\tperson\n' });
  assert.throws(() => loadActorLexicon(d1), /agents\.tsv:1: unknown sector "MAG"/);
  const d2 = dataDir({ 'countries_extra.tsv': 'Atlantis\tatl\tname\n' });
  assert.throws(() => loadActorLexicon(d2), /countries_extra\.tsv:1: country code must be 3 capital letters/);
  const d3 = dataDir({ 'people.tsv': 'Ana Ruiz\tCHLGOV\t2020-13\t\tminister\n' });
  assert.doesNotThrow(() => loadActorLexicon(d3), 'a month date is ISO enough');
  const d4 = dataDir({ 'people.tsv': 'Ana Ruiz\tCHLGOV\tMarch 2020\t\tminister\n' });
  assert.throws(() => loadActorLexicon(d4), /people\.tsv:1: dates must be ISO/);
});

test('modality rows name real codes and known modalities', () => {
  const d1 = dataDir({ 'modality.tsv': 'future\t19\t1384\nsometime\t19\t1384\n' });
  assert.throws(() => loadModality(loadCameo(d1), d1), /modality\.tsv:2: modality must be/);
  const d2 = dataDir({ 'modality.tsv': 'future\t19\t9999\n' });
  assert.throws(() => loadModality(loadCameo(d2), d2), /modality\.tsv:1: unknown CAMEO code "9999"/);
  const m = loadModality(loadCameo());
  assert.equal(m.transform('future', '0731'), m.transform('future', '073'), 'longest prefix wins');
  assert.equal(m.transform('future', '190')?.slice(0, 2), '13');
});
