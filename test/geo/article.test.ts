import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../src/pipeline/text.js';
import { articlePlaces, datelineLocation } from '../../src/geo/index.js';
import { geo } from './helpers.js';

test('article context counts country names and adjectives anywhere, and the places it locates', () => {
  const doc = analyse('Azerbaijan said Armenian troops shelled Azerbaijani positions. Fighting was reported in Kalbajar and near Lachin.');
  const a = articlePlaces(geo(), doc);
  assert.equal(a.countries.get('AZE'), 4); // Azerbaijan, Azerbaijani, Kalbajar, Lachin
  assert.equal(a.countries.get('ARM'), 1);
  assert.equal(a.admin1.get('AZ.26'), 1);
  // Computed once per document.
  assert.equal(articlePlaces(geo(), doc), a);
});

test('a name that is also a division elsewhere ("Georgia") says nothing about the country', () => {
  const a = articlePlaces(geo(), analyse('Georgia passed a new election law.'));
  assert.equal(a.countries.get('GEO'), undefined);
  assert.equal(articlePlaces(geo(), analyse('Tbilisi said Georgian troops withdrew.')).countries.get('GEO'), 1);
});

test('the dateline names where the story was filed and counts as article context', () => {
  const doc = analyse('KABUL (Reuters) - Gunmen attacked a checkpoint on Monday, officials said.');
  assert.equal(datelineLocation(geo(), doc)?.name, 'Kabul');
  assert.equal(articlePlaces(geo(), doc).countries.get('AFG'), 2);
  assert.equal(datelineLocation(geo(), analyse('Gunmen attacked a checkpoint on Monday.')), null);
});
