import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../src/pipeline/text.js';
import { ArticleDates, type EventDate } from '../../../src/pipeline/when/dates.js';
import { isHistorical } from '../../../src/pipeline/when/calendar.js';

/**
 * Dates the event whose trigger is `word` (its first occurrence after `after`, if given) in an article,
 * walking the sentences in order as the pipeline does; `names[s]` are the people sentence s names.
 */
function dateOf(text: string, published: string, word: string, names: string[][] = [], historicalDays?: number): EventDate {
  const doc = analyse(text);
  const dates = new ArticleDates(doc, published, 0, { historicalDays });
  const at = text.indexOf(word);
  assert.ok(at >= 0, `no "${word}" in the text`);
  for (let s = 0; s < doc.sentStart.length; s++) {
    dates.beginSentence(s, names[s] ?? []);
    const from = doc.start[doc.sentStart[s]];
    const to = doc.end[doc.sentEnd[s] - 1];
    if (at >= from && at < to) return dates.dateFor(s, at);
    dates.endSentence(s, names[s] ?? []);
  }
  throw new Error('unreachable');
}

const brief = (d: EventDate) => `${d.date} ${d.precision} ${d.historical ? 'historical' : 'current'}`;

const STORY = [
  'The foreign minister on Tuesday called for restraint days after clashes erupted on the border.',
  'The minister also thanked his counterpart.',
  'Analysts welcomed the call.',
  'In July, the ministry expressed concern over the fighting.',
  'Three soldiers were killed and two were wounded.',
  'The defence ministry said at the time that the border was calm.',
  'The two countries fought a war last year in September.',
  'The minister also received a phone call from his Croatian counterpart.',
].join(' ');
const NAMES = [['minister'], ['minister', 'counterpart'], [], [], [], [], [], ['minister', 'radman']];

test('an event takes the date written in its own sentence', () => {
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'called for', NAMES)), '2021-08-31 day current');
  assert.equal(dateOf(STORY, '2021-09-01', 'called for', NAMES).basis, 'sentence "on Tuesday"');
});

test('"days after <clause>" dates the clause it introduces, to the month', () => {
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'clashes erupted', NAMES)), '2021-08 month current');
});

test('an undated event takes the lead\'s day when it involves someone from the lead, else its month', () => {
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'thanked', NAMES)), '2021-08-31 day current');
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'welcomed', NAMES)), '2021-08 month current');
});

test('a date written up front sets the time of the sentences after it', () => {
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'were killed', NAMES)), '2021-07 month historical');
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'said at the time', NAMES)), '2021-07 month historical');
});

test('the story returns to its present when someone from the lead reappears', () => {
  // The war sentence moved the story to 2020; the minister's call is the article's own time again.
  assert.equal(brief(dateOf(STORY, '2021-09-01', 'received a phone call', NAMES)), '2021-08-31 day current');
});

test('a date deep in a sentence dates only its own clause', () => {
  const text = 'The mayor said yesterday he would end his campaign, which he began in May. Rivals mocked him.';
  assert.equal(brief(dateOf(text, '2019-09-21', 'mocked', [['blasio'], ['trump']])), '2019-09 month current');
});

test('a sentence told in the present does not stay in a past episode', () => {
  const text = 'Last year, the army killed 400 people. Judges are leaving the country.';
  assert.equal(brief(dateOf(text, '1989-07-12', 'leaving')), '1989-07 month current');
});

test('"a week earlier" is a week before the story\'s time, not before publication', () => {
  const text = 'On July 27, troops clashed on the border. It followed another clash a week earlier.';
  assert.equal(brief(dateOf(text, '2021-09-01', 'another clash')), '2021-07 month historical');
});

test('with no publication date, undated events have no date', () => {
  const d = dateOf('Troops clashed on Tuesday.', '', 'clashed');
  assert.equal(d.date, null);
  assert.equal(d.historical, null);
});

test('historical is configurable and judges a month by its middle', () => {
  assert.equal(dateOf(STORY, '2021-09-01', 'were killed', NAMES, 60).historical, false);
  const pub = { y: 2021, m: 9, d: 1 };
  assert.equal(isHistorical({ y: 2021, m: 7, d: null, precision: 'month' }, pub, 30), true);
  assert.equal(isHistorical({ y: 2021, m: 8, d: null, precision: 'month' }, pub, 30), false);
  // This year, judged by the middle of its part before publication (mid-May).
  assert.equal(isHistorical({ y: 2021, m: null, d: null, precision: 'year' }, pub, 30), true);
  assert.equal(isHistorical({ y: 2021, m: 10, d: 2, precision: 'day' }, pub, 30), false);
});

test('a shift of years from a year keeps the year; one that would pass publication gives no date', () => {
  const text = 'In 1936, the dam was opened. Eighty years later, protesters occupied it.';
  assert.equal(brief(dateOf(text, '2019-10-01', 'occupied')), '2016 year historical');
  const later = 'The council met on Monday. Two years later, the plan was dropped.';
  assert.equal(dateOf(later, '2019-10-02', 'dropped').basis, 'lead "on Monday", month');
});

test('a date far back moves the story wherever it stands in the sentence; "as of 2016" does not', () => {
  const text = 'In July, troops clashed. The two countries fought a war last year in September. After the war, both sides accused each other.';
  assert.equal(brief(dateOf(text, '2021-09-01', 'accused')), '2020-09 month historical');
  const stat = 'On Friday, a judge ruled. Women made up 16% of officers as of 2016. The government asked for a delay.';
  assert.equal(dateOf(stat, '2019-02-25', 'asked').basis, 'lead "On Friday", month');
});

test('"over the last 10 years" is a span up to now, not a date', () => {
  const text = 'Violence killed thousands over the last 10 years. The rebels attacked a town.';
  assert.equal(dateOf(text, '1990-01-04', 'attacked').basis, 'published, month');
});
