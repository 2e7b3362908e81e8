import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, isAllCaps, knownWordCount } from '../../src/pipeline/text.js';

test('tokens carry exact character offsets into the text', () => {
  const text = 'The  minister didn’t call   Iran’s envoy.\nTroops left on Monday.';
  const d = analyse(text);
  for (let i = 0; i < d.n; i++) assert.equal(text.slice(d.start[i], d.end[i]), d.value[i]);
  assert.equal(d.sentStart.length, 2);
  assert.equal(d.sentEnd[1], d.n);
});

test('lemmas are lower case and verbs are tagged', () => {
  const d = analyse('Rebels attacked the villages.');
  const i = d.value.indexOf('attacked');
  assert.equal(d.lemma[i], 'attack');
  assert.equal(d.pos[i], 'VERB');
  assert.equal(d.lemma[d.value.indexOf('villages')], 'village');
});

test('all-capital wire text is read in lower case but reported as written', () => {
  const text = 'GUERRILLAS ATTACKED A POLICE STATION IN THE NORTH OF THE COUNTRY YESTERDAY.';
  assert.equal(isAllCaps(text), true);
  const d = analyse(text);
  assert.equal(d.allCaps, true);
  const i = d.value.indexOf('ATTACKED');
  assert.ok(i >= 0, 'surface form keeps capitals');
  assert.equal(d.lemma[i], 'attack');
  assert.equal(d.cap[i], 0, 'capitals carry no name information in all-caps text');
});

test('mixed-case text is not treated as all caps', () => {
  assert.equal(isAllCaps('NATO and the UN met in Brussels on Monday to discuss the crisis.'), false);
});

test('reading a document teaches wink no words: each document is read as if it were the first', () => {
  analyse('Warm-up.');
  const before = knownWordCount();
  analyse('Zxqvian officials of Blorptown L.L.P. met Qwixl Dorrington on 3 Smarch; Vandergrift’s aides disagreed.');
  analyse('VANDERGRIFT’S AIDES MET ZXQVIAN OFFICIALS IN BLORPTOWN.');
  assert.equal(knownWordCount(), before);
});
