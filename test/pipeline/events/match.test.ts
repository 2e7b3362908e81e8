import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../helpers.js';

const rules = (text: string) => code(text).map((e) => `${e.cameo}:${e.trigger.text}`);

test('verb heads match any inflection through the lemma', () => {
  for (const s of ['Peru criticizes Chile.', 'Peru criticized Chile.', 'Peru is criticizing Chile.']) {
    assert.equal(code(s)[0]?.plover.event, 'ACCUSE', s);
  }
});

test('a multi-word pattern beats its one-word head ("called on X to" is an appeal, not a visit)', () => {
  const [e] = code('Norway called on Sweden to release the prisoners.');
  assert.equal(e.plover.event, 'REQUEST');
  assert.match(e.trigger.text, /^called on/);
});

test('a gap skips a few words, an actor mention counting as one', () => {
  const got = rules('The European Union gave the Ivory Coast 5 million dollars of aid.');
  assert.ok(got.some((r) => r.startsWith('07')), got.join(' '));
});

test('a past participle describing a noun is not a verb trigger ("internationally recognized borders")', () => {
  assert.deepEqual(code('Iran stressed internationally recognized borders.').filter((e) => e.plover.event === 'SUPPORT'), []);
});

test('a nominal trigger modifying another noun is not an event ("protest movement")', () => {
  assert.deepEqual(code('Chile banned the protest movement leaders.').filter((e) => e.plover.event === 'PROTEST'), []);
});

test('capitalised trigger words inside a name are not events ("Economic Cooperation")', () => {
  const got = code('Mexico joined the Asia-Pacific Economic Cooperation forum.');
  assert.ok(got.every((e) => e.plover.event !== 'COOPERATE'), JSON.stringify(got.map((e) => e.trigger.text)));
});
