import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../src/pipeline/text.js';
import { MentionFinder, newContext, type Mention } from '../../../src/pipeline/actors/mentions.js';
import { resources } from '../../helpers.js';

function mentions(text: string, published = '2021-09-01'): { text: string; codes: string; name: string | null }[][] {
  const finder = new MentionFinder(resources().gazetteer);
  const doc = analyse(text);
  const ctx = newContext(published);
  const out: { text: string; codes: string; name: string | null }[][] = [];
  for (let s = 0; s < doc.sentStart.length; s++) {
    const ms: Mention[] = finder.sentence(doc, s, ctx);
    out.push(ms.map((m) => ({ text: doc.text.slice(doc.start[m.start], doc.end[m.end - 1]), codes: m.members.map((a) => a.code).join('+'), name: m.members[0]?.name ?? null })));
    ctx.history.push(...ms);
  }
  return out;
}

test('nationality + role + name is one person mention with country, sector and name', () => {
  const [[m]] = mentions('Peruvian Foreign Minister Ana Maria Gomez arrived on Monday.');
  assert.equal(m.codes, 'PERGOV');
  assert.equal(m.name, 'Ana Maria Gomez');
});

/** The first mention of sentence `s` (a later reference, resolved against what came before). */
function firstMention(text: string, s: number) {
  const m = mentions(text)[s]?.[0];
  assert.ok(m, `sentence ${s} of "${text}" has a mention`);
  return m;
}

test('a person named once is recognised later by the last name alone', () => {
  const m = firstMention('Chilean Interior Minister Pablo Ruiz spoke first. Later Ruiz left the room.', 1);
  assert.equal(m.codes, 'CHLGOV');
  assert.equal(m.text, 'Ruiz');
});

test('country names, possessives and "of" phrases give the country', () => {
  const got = mentions("Kenya's defence ministry and the Minister of Foreign Affairs of the Republic of Ghana met.");
  assert.deepEqual(got[0].map((m) => m.codes), ['KENGOV+GHAGOV']);
});

test('a possessor before a plain noun is the actor ("Egypt\'s help")', () => {
  const got = mentions("The envoy asked for Egypt's help.");
  assert.ok(got[0].some((m) => m.codes === 'EGY' && m.text === 'Egypt'));
});

test('a nationality adjective before a plain noun stands for the country, without a sector', () => {
  const got = mentions('The Turkish economy grew.');
  assert.deepEqual(got[0].map((m) => m.codes), ['TUR']);
});

test('"Damascus-based" describes a group; it does not make the group the Syrian government', () => {
  const got = mentions('A Damascus-based Palestinian guerrilla group claimed the attack.');
  assert.deepEqual(got[0].map((m) => m.codes), ['PSEREB']);
});

test('a collective head after a role word is the role\'s actor ("opposition groups in Zimbabwe")', () => {
  const got = mentions('Opposition groups in Zimbabwe staged a march.');
  assert.equal(got[0][0].codes, 'ZWEOPP');
});

test('military and police role words give sectors', () => {
  const got = mentions('Nigerian troops and police clashed with rebels.');
  const codes = got[0].map((m) => m.codes).join(' ');
  assert.match(codes, /NGAMIL/);
  assert.match(codes, /REB/);
});

test('"both sides" and "the two countries" refer to the last pair of countries', () => {
  const got = mentions('Fighting broke out between Ethiopia and Eritrea. Both sides blamed the other.');
  assert.equal(got[1][0].codes, 'ETH+ERI');
});

test('"its troops" takes the country of the organisation it refers to', () => {
  const got = mentions("Mali's army said three of its soldiers died.");
  assert.ok(got[0].some((m) => m.codes === 'MLIMIL' && /soldiers/.test(m.text)), JSON.stringify(got[0]));
});

test('capitalised words that are not known actors are not actors ("July", "Tuesday")', () => {
  const got = mentions('In July, Tuesday Smith arrived.');
  assert.deepEqual(got[0], []);
});

test('short acronyms must keep their case: "US" is a country, "us" is not', () => {
  assert.equal(mentions('The US imposed sanctions.')[0][0]?.codes, 'USA');
  assert.deepEqual(mentions('They told us about it.')[0].filter((m) => m.codes === 'USA'), []);
});

test('international organisations carry their IGO code', () => {
  const got = mentions('The United Nations and NATO issued statements.');
  assert.equal(got[0][0].codes, 'IGOUNO+IGONAT');
});

test('a name followed by its role in apposition is learned ("X, who served as President of France,")', () => {
  const text = 'Jean Dupont, who served as President of France, died. Dupont was convicted in 2011.';
  assert.equal(firstMention(text, 0).codes, 'FRAGOV');
  assert.equal(firstMention(text, 1).codes, 'FRAGOV');
});

test('"the spokesman" later in the article is the spokesman named before', () => {
  const m = firstMention("Egypt's foreign ministry spokesman Ahmed Hafez spoke. The spokesman left.", 1);
  assert.equal(m.codes, 'EGYGOV');
  assert.equal(m.name, 'Ahmed Hafez');
});

test('"X-led" makes the leader the actor; places named after it do not ("the United States-led Iraq War")', () => {
  assert.deepEqual(mentions('He opposed the United States-led Iraq War.')[0].map((m) => m.codes), ['USA']);
  assert.deepEqual(mentions('The Saudi-led coalition forces bombed the port.')[0].map((m) => m.codes), ['SAUMIL']);
  // A backer is not the actor.
  assert.deepEqual(mentions('Iranian-backed militias in Iraq fired rockets.')[0].map((m) => m.codes).includes('IRN'), false);
});
