import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorKey, nameKey, publisherOf, textHash, urlHost } from '../../src/store/keys.js';
import { actor } from './helpers.js';

test('the text hash ignores spacing and Unicode composition, and nothing else', () => {
  assert.equal(textHash(' Iran  condemned\nthe attack. '), textHash('Iran condemned the attack.'));
  assert.equal(textHash('Café'), textHash('Cafe\u0301'));
  assert.notEqual(textHash('Iran condemned the attack.'), textHash('Iran condemned the attacks.'));
  assert.notEqual(textHash('iran condemned the attack.'), textHash('Iran condemned the attack.'));
  assert.match(textHash('x'), /^[0-9a-f]{64}$/);
});

test('the publisher is the source, else the URL host without www., else unknown', () => {
  assert.equal(publisherOf({ source: ' Reuters ', url: 'https://www.reuters.com/a' }), 'Reuters');
  assert.equal(publisherOf({ source: null, url: 'https://www.BBC.co.uk/news/1' }), 'bbc.co.uk');
  assert.equal(publisherOf({ source: '', url: 'not a url' }), '');
  assert.equal(urlHost(null), null);
});

test('actor keys are country and sector; names compare without accents, case or punctuation', () => {
  assert.equal(actorKey(actor('IRNGOV')), 'IRN/GOV');
  assert.equal(actorKey(actor('IGOUNO')), 'UNO/');
  assert.equal(actorKey({ text: 'rebels', code: 'REB', country: null, sector: 'REB', name: null }), '/REB');
  assert.equal(actorKey(null), '-');
  assert.equal(nameKey('  Recep Tayyip  Erdoğan '), 'recep tayyip erdogan');
  assert.equal(nameKey('Fred Matiang’i'), "fred matiang'i");
  assert.equal(nameKey('Jean-Yves Le Drian,'), 'jean-yves le drian');
});
