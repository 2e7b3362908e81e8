import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder } from '../../src/pipeline/index.js';

const ARTICLE = { id: 'p', published: '2022-05-01', text: 'Zlatko Petrovic met Joe Biden in Washington. Petrovic thanked the Americans.' };
const LEARNED = { name: 'Zlatko Petrovic', code: 'SRBGOV', from: '2020-01-01', to: null };

test('a person learned from earlier articles is coded by full name and later by surname', () => {
  const events = createCoder({ people: { learned: [LEARNED] } }).code(ARTICLE);
  const sources = events.map((e) => `${e.source?.code} ${e.source?.name}`);
  assert.deepEqual(sources, ['SRBGOV Zlatko Petrovic', 'SRBGOV Zlatko Petrovic']);
});

test('a learned role ends when the person left office', () => {
  const events = createCoder({ people: { learned: [{ ...LEARNED, to: '2021-12-31' }] } }).code(ARTICLE);
  assert.ok(events.every((e) => e.source?.code !== 'SRBGOV'), JSON.stringify(events.map((e) => e.source)));
});

test('lexicon files win over learned entries, overrides win over the files', () => {
  const bidenAs = (people: object) => createCoder({ people }).code(ARTICLE).find((e) => e.cameo.startsWith('04'))!.target?.code;
  const wrong = { name: 'Joe Biden', code: 'FRAGOV', from: null, to: null };
  assert.equal(bidenAs({ learned: [wrong] }), 'USAGOV');
  assert.equal(bidenAs({ overrides: [wrong] }), 'FRAGOV');
});
