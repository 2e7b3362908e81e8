import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, dyads } from '../../helpers.js';

test('active voice: subject -> object', () => {
  assert.deepEqual(dyads(code('Peru criticized Chile.')), ['PER>CHL:ACCUSE']);
});

test('passive voice with "by": the agent is the source', () => {
  assert.deepEqual(dyads(code('Bolivian soldiers were attacked by Paraguayan rebels.'), true), ['PRYREB>BOLMIL:ASSAULT']);
});

test('reported speech codes the speaker\'s claim, not the speaker as the actor', () => {
  const got = dyads(code('Ecuador said Colombian troops attacked its border posts.'));
  assert.deepEqual(got, ['COL>ECU:ASSAULT']);
});

test('conjoined verbs share the subject; an object in a prepositional phrase is not a subject', () => {
  const got = dyads(code('The Kenyan president met with Uganda and criticized Tanzania.'));
  assert.deepEqual(got.sort(), ['KEN>TZA:ACCUSE', 'KEN>UGA:CONSULT']);
});

test('compound subject gives one event per actor', () => {
  const got = dyads(code('France and Germany condemned Russia.'));
  assert.deepEqual(got.sort(), ['DEU>RUS:ACCUSE', 'FRA>RUS:ACCUSE']);
});

test('"each other" codes both directions', () => {
  const got = dyads(code('India and Pakistan accused each other.'));
  assert.deepEqual(got.sort(), ['IND>PAK:ACCUSE', 'PAK>IND:ACCUSE']);
});

test('a reciprocal verb with a compound subject codes first-named -> the other', () => {
  const got = dyads(code('Sudan and Chad signed a peace agreement.'));
  assert.equal(got.length, 1);
  assert.match(got[0], /^SDN>TCD:/);
});

test('"clashes between A and B": A -> B', () => {
  const got = dyads(code('Clashes between Kyrgyzstan and Tajikistan killed ten people.'));
  assert.ok(got.includes('KGZ>TJK:ASSAULT'), got.join(' '));
});

test('nationality adjective before a nominal trigger is its source', () => {
  const got = dyads(code('Officials described the Russian invasion of Georgia.'));
  assert.ok(got.some((d) => d.startsWith('RUS>')), got.join(' '));
});

test('an appeal absorbs the event it asks for', () => {
  const got = dyads(code('Norway called on Sweden to expand cooperation.'));
  assert.deepEqual(got, ['NOR>SWE:REQUEST']);
});

test('"both parties" as a target expands to the two countries', () => {
  const got = dyads(code('Armenia and Azerbaijan clashed again. Iran urged both parties to show restraint.'));
  assert.ok(got.includes('IRN>ARM:REQUEST') && got.includes('IRN>AZE:REQUEST'), got.join(' '));
});

test('no event is produced when no trigger matched', () => {
  assert.deepEqual(code('Iran and Iraq are neighbours with long histories.'), []);
});

test('every event carries its sentence, trigger span and rule', () => {
  const text = 'The weather was fine. Venezuela expelled the Colombian ambassador.';
  const [e] = code(text);
  assert.equal(e.sentence, 1);
  assert.equal(e.sentence_text, 'Venezuela expelled the Colombian ambassador.');
  assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
  assert.match(e.trigger.text, /^expelled/);
  assert.match(e.rule, /^events\/verbs\.tsv:\d+ /);
  assert.equal(e.source?.country, 'VEN');
  assert.equal(e.target?.code, 'COLGOV');
});
