/** Locating coded events in the article text for the article view, on the real coder's output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotate, nearest, parseDateBasis, segments, sentenceRange } from '../../src/server/spans.js';
import { code } from '../helpers.js';

const TEXT = 'Iran said on Monday it was ready to help. Azerbaijan and Armenia clashed on the border on July 27. ' +
  'Iran called on both sides to show restraint. Azerbaijan and Armenia clashed again.';

test('sentences are found where the trigger is, also when the same sentence occurs twice', () => {
  const events = code(TEXT, '2021-07-29');
  for (const e of events) {
    const r = sentenceRange(TEXT, e)!;
    assert.ok(r, e.trigger.text);
    assert.equal(TEXT.slice(r[0], r[1]), e.sentence_text);
    assert.ok(r[0] <= e.trigger.start && e.trigger.end <= r[1]);
  }
  const twice = 'Troops clashed. Troops clashed.';
  const second = { sentence_text: 'Troops clashed.', trigger: { text: 'clashed', start: 23, end: 30 } } as never;
  assert.deepEqual(sentenceRange(twice, second), [16, 31]);
});

test('nearest occurrence of words within a range', () => {
  const t = 'Iran and Iran and Iran';
  assert.deepEqual(nearest(t, 'Iran', [0, t.length], 10), [9, 13]);
  assert.deepEqual(nearest(t, 'Iran', [0, 8], 20), [0, 4]);
  assert.equal(nearest(t, 'Iraq', [0, t.length], 0), null);
  assert.equal(nearest(t, '', [0, t.length], 0), null);
});

test('date bases name their words and sentence', () => {
  assert.deepEqual(parseDateBasis('sentence "On July 27"'), { kind: 'sentence', words: 'On July 27', sentence: null });
  assert.deepEqual(parseDateBasis('frame "July" (s16)'), { kind: 'frame', words: 'July', sentence: 16 });
  assert.deepEqual(parseDateBasis('lead "on Tuesday", month'), { kind: 'lead', words: 'on Tuesday', sentence: null });
  assert.deepEqual(parseDateBasis('published'), { kind: 'published', words: null, sentence: null });
  assert.equal(parseDateBasis(null), null);
});

test('annotations: trigger, actors and date of each event, merged across events; segments cover the text', () => {
  const events = code(TEXT, '2021-07-29');
  const anns = annotate(TEXT, events);
  for (const a of anns) assert.equal(TEXT.slice(a.start, a.end), a.text);
  const clash = events.find((e) => e.trigger.text === 'clashed' && e.date === '2021-07-27');
  assert.ok(clash, 'the dated clash');
  const i = events.indexOf(clash);
  const mine = anns.filter((a) => a.mentions.includes(i));
  assert.deepEqual(new Set(mine.map((a) => a.kind)), new Set(['trigger', 'source', 'target', 'date']));
  assert.equal(mine.find((a) => a.kind === 'date')!.text, 'July 27');
  assert.equal(mine.find((a) => a.kind === 'source')!.text, clash.source!.text);
  // "Azerbaijan and Armenia clashed" gives events in both directions: one trigger annotation per reading, actors shared.
  const triggers = anns.filter((a) => a.kind === 'trigger' && a.start === clash.trigger.start);
  assert.ok(triggers.length >= 1);
  const segs = segments(TEXT.length, anns);
  assert.equal(segs.map((s) => TEXT.slice(s.start, s.end)).join(''), TEXT);
  const marked = segs.filter((s) => s.marks.length).map((s) => TEXT.slice(s.start, s.end));
  assert.ok(marked.includes('clashed'));
  assert.ok(marked.includes('July 27'));
});

test('a record whose offsets do not fit the text is placed by its words', () => {
  const [e] = code('Azerbaijan and Armenia clashed on the border.', '2021-07-29');
  const shifted = 'Update: ' + 'Azerbaijan and Armenia clashed on the border.';
  const anns = annotate(shifted, [e]);
  const t = anns.find((a) => a.kind === 'trigger')!;
  assert.equal(t.text, 'clashed');
  assert.equal(t.start, e.trigger.start + 8);
});
