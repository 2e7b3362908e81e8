import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, dyads } from '../../helpers.js';

test('an announced future act of cooperation is an expression of intent (AGREE), not hypothetical', () => {
  const [e] = code('Finland will give Tanzania a grant.');
  assert.equal(e.cameo_root, '03');
  assert.equal(e.plover.event, 'AGREE');
  assert.equal(e.hypothetical, false);
  assert.match(e.rule, /future->intent/);
});

test('an announced future act of force is a threat (THREATEN)', () => {
  const e = code('Ghana said it would attack Togo.').find((x) => x.target?.country === 'TGO');
  assert.ok(e);
  assert.equal(e.plover.event, 'THREATEN');
  assert.equal(e.hypothetical, false);
});

test('"X said Y must <act>" is X\'s demand to Y, even when the act matched no lexicon entry', () => {
  assert.deepEqual(dyads(code('Chile said on Monday that Peru must return the stolen fishing boats.')), ['CHL>PER:REQUEST']);
});

test('a violent noun in a prepositional phrase refines a generic violent verb', () => {
  const got = code('Rebels wounded two Malian soldiers in a car bomb attack.');
  const e = got.find((x) => x.target?.country === 'MLI');
  assert.ok(e, JSON.stringify(got.map((x) => x.rule)));
  assert.equal(e.cameo_root, '18');
  assert.match(e.rule, /manner/);
  assert.equal(got.filter((x) => x.plover.event === 'ASSAULT').length, 1, 'the noun is not a second event');
});

test('"A received a phone call from B" codes B -> A', () => {
  assert.deepEqual(dyads(code('The Kenyan president received a phone call from the Ethiopian prime minister.')), ['ETH>KEN:CONSULT']);
});

test('an infinitive takes the subject of the verb it completes', () => {
  const got = dyads(code('The Swiss envoy phoned the Austrian minister to congratulate him.'));
  assert.ok(got.includes('CHE>AUT:SUPPORT'), got.join(' '));
});

test('an appositive is not the subject ("Pakistan, a key U.S. ally, has refused")', () => {
  const got = dyads(code('Pakistan, a key U.S. ally, has criticized India.'));
  assert.deepEqual(got, ['PAK>IND:ACCUSE']);
});

test('a domestic act with no named recipient is coded against the country the story is about', () => {
  const text = 'Police in Peru arrested dozens of protesters in Lima on Monday. Peruvian officials said the police imposed a curfew.';
  const e = code(text).find((x) => x.trigger.text.startsWith('imposed'));
  assert.ok(e);
  assert.equal(e.source?.country, 'PER');
  assert.equal(e.target?.country, 'PER');
  assert.match(e.rule, /\+home/);
});

test('a gerund after a preposition reads as a noun ("because of fighting between A and B")', () => {
  const got = dyads(code('Russia closed its border because of fighting between Azerbaijanis and Armenians.'));
  assert.ok(got.includes('AZE>ARM:ASSAULT'), got.join(' '));
});

test('"The attack killed ..." takes the attacker of the attack just reported', () => {
  const got = code('Rebels of the Sierra Maestra blew up a bridge in Cuba on Monday. The attack killed nine policemen.');
  const e = got.find((x) => x.sentence === 1);
  assert.ok(e, JSON.stringify(got.map((x) => x.rule)));
  assert.equal(e.source?.sector, 'REB');
  assert.match(e.rule, /event-anaphor/);
});

test('in text written in capitals, "WHO" is a pronoun, not the World Health Organization', () => {
  const got = code('GUERRILLAS ATTACKED SOLDIERS WHO WERE GUARDING THE BRIDGE IN COLOMBIA, THE ARMY SAID.');
  assert.ok(got.every((e) => e.target?.code !== 'IGOUNO' && e.source?.code !== 'IGOUNO'), JSON.stringify(got.map((e) => [e.source?.code, e.target?.code])));
});

test('a refused concession is a rejection, not a negated concession', () => {
  const e = code('The Bolivian government did not accede to the miners\' demands.').find((x) => x.source?.country === 'BOL');
  assert.ok(e);
  assert.equal(e.plover.event, 'REJECT');
  assert.equal(e.negated, false);
  assert.match(e.rule, /negated->refusal/);
});

test('"X were killed in clashes with Y": Y is the attacker of the passive', () => {
  const got = dyads(code('Two Kenyan soldiers were killed in clashes with Somali militants on Monday.'));
  assert.ok(got.some((d) => d.startsWith('SOM>KEN:ASSAULT')), got.join(' '));
});

test('"the leaders reaffirmed their commitment" is one mutual act, first-named -> the other', () => {
  const got = dyads(code('The Kenyan president met the Ugandan president. The two leaders reaffirmed their commitment to regional trade.'));
  const agree = got.filter((d) => d.endsWith(':AGREE'));
  assert.deepEqual(agree, ['KEN>UGA:AGREE'], got.join(' '));
});
