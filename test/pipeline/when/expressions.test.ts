import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateExpressions, type DateExpr } from '../../../src/pipeline/when/expressions.js';
import { formatPartial } from '../../../src/pipeline/when/calendar.js';

/** Published Wednesday 1 September 2021. */
const PUB = { y: 2021, m: 9, d: 1 };
const past = () => false;

function read(text: string, future = past, pub: typeof PUB | null = PUB): string[] {
  return findDateExpressions(text, pub, future).map(show);
}

function show(e: DateExpr): string {
  if (e.kind !== 'absolute') return `${e.kind} ${e.shift}${e.exact ? ' exact' : ''} "${e.text}"`;
  return e.date ? formatPartial(e.date) : `before ${e.pastBefore!.y}`;
}

test('a weekday is the last one on or before publication in a past-tense sentence', () => {
  assert.deepEqual(read('The minister on Tuesday underlined the need for talks.'), ['2021-08-31']);
  assert.deepEqual(read('Protests took place on Wednesday.'), ['2021-09-01']);
  assert.deepEqual(read('Police said on Friday night that two men were held.'), ['2021-08-27']);
});

test('a weekday in a sentence about the future is the next one', () => {
  assert.deepEqual(read('The ministers will meet on Friday.', () => true), ['2021-09-03']);
  assert.deepEqual(read('He visits Baku next Tuesday.'), ['2021-09-07']);
});

test('explicit dates keep the precision the text gives', () => {
  assert.deepEqual(read('On August 31, 2021, a telephone conversation took place.'), ['2021-08-31']);
  assert.deepEqual(read('The law was passed in May 2020.'), ['2020-05']);
  assert.deepEqual(read('He was imprisoned in 2018 when he was 18.'), ['2018']);
});

test('a month or day without a year is the most recent past one', () => {
  assert.deepEqual(read('In July, Iran expressed concern twice.'), ['2021-07']);
  assert.deepEqual(read('On July 27, the ministers spoke by phone.'), ['2021-07-27']);
  // November 10 lies ahead of 1 September: a past-tense sentence means the previous year's.
  assert.deepEqual(read('The ceasefire came into force on November 10.'), ['2020-11-10']);
  assert.deepEqual(read('Protesters have marched since March.'), ['2021-03']);
});

test('a deadline lies ahead even in a past-tense sentence', () => {
  assert.deepEqual(read('Critics said the move was meant to force the law through by October 31.'), ['2021-10-31']);
});

test('"last year in September" combines the year of one with the month of the other', () => {
  assert.deepEqual(read('Armenia and Azerbaijan fought a deadly war last year in September.'), ['2020-09']);
  assert.deepEqual(read("Last year's escalation was the deadliest."), ['2020']);
});

test('relative to publication: yesterday, earlier this month, last week, years and decades ago', () => {
  assert.deepEqual(read('Yesterday, the Queen agreed to the request.'), ['2021-08-31']);
  assert.deepEqual(read('Fighting resumed earlier this month.'), ['2021-09']);
  // A week is not a day: only the month is known.
  assert.deepEqual(read('The talks collapsed last week.'), ['2021-08']);
  assert.deepEqual(read('The violence was the worst since it began two decades ago.'), ['2001']);
  assert.deepEqual(read('The hostages were freed three days ago.'), ['2021-08-29']);
});

test('a decade is past but not a date the record can hold', () => {
  assert.deepEqual(read('Tensions have simmered since a war in the 1990s.'), ['before 1999']);
});

test('relative to the story: "a week earlier", "at the time", "two days later"', () => {
  assert.deepEqual(read('It came on the heels of another clash a week earlier.'), ['relative -7 "a week earlier"']);
  assert.deepEqual(read('The ministry said at the time that three troops were killed.'), ['relative 0 "at the time"']);
  assert.deepEqual(read('Two days later, the rebels withdrew.'), ['relative 2 exact "Two days later"']);
});

test('"days after <clause>" and "a few days before <phrase>" anchor what follows', () => {
  assert.deepEqual(read('He spoke on Tuesday, days after clashes erupted.'), ['2021-08-31', 'anchor -3 "days after"']);
  assert.deepEqual(read('On July 27, a few days before the start of border clashes, they talked.'), ['2021-07-27', 'anchor 3 "a few days before"']);
});

test('durations, clock times and month names used as words are not dates', () => {
  assert.deepEqual(read('The war, which lasted for 44 days, ended in a ceasefire.'), []);
  assert.deepEqual(read('The siege went on for three hours.'), []);
  assert.deepEqual(read('The attack began at 5 p.m. local time.'), []);
  assert.deepEqual(read('The minister may resign.'), []);
  assert.deepEqual(read("Police had approved yesterday's march, which ended peacefully."), ['2021-08-31']);
  assert.deepEqual(read('The fire killed 2019 people.'), []);
});

test('without a publication date only complete dates resolve', () => {
  assert.deepEqual(read('On Tuesday the talks resumed, as agreed on 5 March 2020.', past, null), ['2020-03-05']);
});
