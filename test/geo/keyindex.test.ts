import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildKeyIndex, continues, findKey, keyCount, postings } from '../../src/geo/keyindex.js';

const ix = buildKeyIndex(new Map([
  ['new york', [1, 2]],
  ['new york city', [3]],
  ['newark', [4]],
  ['kalbajar', [5]],
  ['new', [6]],
]));

test('exact keys are found with their postings; others are not', () => {
  assert.equal(keyCount(ix), 5);
  assert.deepEqual([...postings(ix, findKey(ix, 'new york'))], [1, 2]);
  assert.deepEqual([...postings(ix, findKey(ix, 'kalbajar'))], [5]);
  assert.equal(findKey(ix, 'new yor'), -1);
  assert.equal(findKey(ix, 'zzz'), -1);
  assert.equal(findKey(ix, ''), -1);
});

test('continues() says whether a longer name may follow a span', () => {
  assert.equal(continues(ix, 'new'), true);
  assert.equal(continues(ix, 'new york'), true);
  assert.equal(continues(ix, 'new york city'), false);
  assert.equal(continues(ix, 'newark'), false);
  assert.equal(continues(ix, 'kal'), false);
});
