/**
 * The reference article (../shared/gold/seed_article.jsonl) end to end: what the issue "When, where and
 * how many" asks of it. Skipped when the shared folder is not beside the checkout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCoder } from '../../src/pipeline/index.js';
import type { CodedEvent } from '../../src/pipeline/types.js';

const SEED = fileURLToPath(new URL('../../../shared/gold/seed_article.jsonl', import.meta.url));
const skip = existsSync(SEED) ? false : 'needs ../shared/gold/seed_article.jsonl';

let events: CodedEvent[] = [];
function coded(): CodedEvent[] {
  if (events.length === 0) events = createCoder().code(JSON.parse(readFileSync(SEED, 'utf8').split('\n')[0]));
  return events;
}
const at = (sentence: RegExp, trigger: string) =>
  coded().filter((e) => sentence.test(e.sentence_text) && e.trigger.text === trigger);

test('the Defence Ministry report carries three killed and two wounded', { skip }, () => {
  const [killed] = at(/Defense Ministry said at the time/, 'killed');
  assert.ok(killed, 'no "killed" event in the Defense Ministry sentence');
  assert.equal(killed.killed, 3);
  assert.equal(killed.wounded, 2);
  assert.equal(killed.casualties_qualifier, null);
});

test('the Kalbajar shooting is placed in Kalbajar, Azerbaijan, with coordinates', { skip }, () => {
  const [fire] = at(/Kalbajar section/, 'opened fire');
  assert.ok(fire?.location, 'the event has no location');
  assert.equal(fire.location.country, 'AZE');
  assert.equal(fire.location.name, 'Kalbajar');
  assert.equal(fire.location.precision, 'city');
  assert.ok(Math.abs(fire.location.lat! - 40.1) < 0.2 && Math.abs(fire.location.lon! - 46.04) < 0.2);
  assert.equal(fire.location.basis, 'sentence');
});

test('today\'s call is dated Tuesday; July\'s clashes and last year\'s war are background', { skip }, () => {
  const [call] = at(/^The remarks were made/, 'phone conversation');
  assert.equal(call.date, '2021-08-31');
  assert.equal(call.historical, false);
  const [fire] = at(/Kalbajar section/, 'opened fire');
  assert.equal(fire.date, '2021-07');
  assert.equal(fire.historical, true);
  const war = at(/fought a deadly war last year in September/, 'fought');
  assert.ok(war.length > 0 && war.every((e) => e.date === '2020-09' && e.historical), JSON.stringify(war.map((e) => e.date)));
});

test('the Croatian call after the background paragraphs is today\'s again', { skip }, () => {
  const call = at(/Croatia’s top diplomat/, 'received a phone call');
  assert.ok(call.length > 0);
  assert.ok(call.every((e) => e.date === '2021-08-31' && e.historical === false), JSON.stringify(call.map((e) => e.date_basis)));
});
