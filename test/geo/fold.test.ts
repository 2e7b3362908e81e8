import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeKey } from '../../src/geo/fold.js';

test('keys fold case, diacritics, apostrophes, full stops and hyphens', () => {
  assert.equal(placeKey('Kälbäjär'), 'kalbajar');
  assert.equal(placeKey('Kəlbəcər'), 'kelbecer');
  assert.equal(placeKey('Nagorno-Karabakh'), 'nagorno karabakh');
  assert.equal(placeKey('Nagorno – Karabakh'), 'nagorno karabakh');
  assert.equal(placeKey('Sana’a'), 'sanaa');
  assert.equal(placeKey('St. Louis'), 'st louis');
  assert.equal(placeKey('  Łódź '), 'lodz');
  assert.equal(placeKey('Columbia,'), 'columbia');
});

test('names in other scripts and empty spans have no key', () => {
  assert.equal(placeKey('Кельбаджар'), null);
  assert.equal(placeKey('北京'), null);
  assert.equal(placeKey('--'), null);
  assert.equal(placeKey('(Kabul)'), null);
});
