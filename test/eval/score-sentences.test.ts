import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countErrorKinds,
  scoreCameoSentences,
  scorePloverSentences,
  selectExamples,
  type ErrorExample,
  type ErrorKind,
} from '../../src/eval/score.js';
import { cameoItem, ev, ploverItem } from './helpers.js';

test('plover_gsr: type recall, type+source, spurious rate and error kinds', () => {
  const r = scorePloverSentences([
    {
      // two gold events of one type count once; the gold target is null so only the source is checked
      gold: ploverItem('s1', [{ source: 'HUN', plover: 'AGREE' }, { source: 'ROU', plover: 'AGREE' }]),
      coded: [ev({ source: 'ROU', target: 'HUN', plover: 'AGREE' })],
    },
    {
      // hypothetical coded events count here; UNO counts as IGO
      gold: ploverItem('s2', [{ source: 'IGO', target: 'JPN', plover: 'AGREE' }]),
      coded: [ev({ source: 'UNO', target: 'JPN', plover: 'AGREE', hypothetical: true })],
    },
    {
      // type right, target wrong; plus one event of a type not in the gold
      gold: ploverItem('s3', [{ source: 'ISR', target: 'PSE', plover: 'COERCE' }]),
      coded: [ev({ source: 'ISR', target: 'LBN', plover: 'COERCE' }), ev({ source: 'ISR', target: 'PSE', plover: 'ASSAULT' })],
    },
    {
      // a statement is not a type
      gold: ploverItem('s4', [{ source: 'USA', target: 'IRQ', plover: 'ASSAULT' }]),
      coded: [ev({ source: 'USA', target: 'IRQ', plover: null, cameo: '010' })],
    },
  ]);
  assert.equal(r.counts.gold_types, 4);
  assert.equal(r.scores.type_recall, 0.75);
  assert.equal(r.scores.type_source, 0.5);
  assert.equal(r.scores.spurious_per_sentence, 0.25);
  const kinds = r.errors.map((e) => `${e.kind}:${e.item}`).sort();
  assert.deepEqual(kinds, ['missed type:s4', 'spurious event:s3', 'wrong actor:s3']);
  const spurious = r.errors.find((e) => e.kind === 'spurious event');
  assert.equal(spurious?.label, 'ISR -> PSE ASSAULT');
  assert.equal(spurious?.rule, 'verbs.txt:1 TEST');
});

test('plover_gsr: a wrong source fails type_source even when the target is right', () => {
  const r = scorePloverSentences([
    { gold: ploverItem('s1', [{ source: 'SRB', target: 'BIH', plover: 'ASSAULT' }]), coded: [ev({ source: 'BIH', target: 'BIH' })] },
  ]);
  assert.equal(r.scores.type_recall, 1);
  assert.equal(r.scores.type_source, 0);
});

test('cameo: root recall and leaf accuracy over all coded events, statements included', () => {
  const r = scoreCameoSentences([
    { gold: cameoItem('c1', '0234'), coded: [ev({ cameo: '0234', plover: 'REQUEST' })] },
    { gold: cameoItem('c2', '0311'), coded: [ev({ cameo: '031', plover: 'AGREE' }), ev({ cameo: '190' })] },
    { gold: cameoItem('c3', '100'), coded: [] },
    { gold: cameoItem('c4', '010'), coded: [ev({ cameo: '010', plover: null })] },
  ]);
  assert.equal(r.scores.root_recall, 0.75);
  assert.equal(r.scores.leaf_accuracy, 0.5);
  assert.deepEqual(countErrorKinds(r.errors), [
    { kind: 'missed type', count: 1 },
    { kind: 'spurious event', count: 1 },
    { kind: 'wrong leaf', count: 1 },
  ]);
  assert.match(r.errors.find((e) => e.kind === 'wrong leaf')?.note ?? '', /031/);
});

function err(kind: ErrorKind, item: string): ErrorExample {
  return { kind, side: 'missed', item, label: item, tuple: null, sentence: null, trigger: null, rule: null, note: null };
}

test('error kinds are counted most frequent first and examples are shared across kinds', () => {
  const errors = [
    err('wrong actor', 'a1'), err('missed type', 'm1'), err('wrong actor', 'a2'), err('spurious event', 's1'),
    err('wrong actor', 'a3'), err('missed type', 'm2'), err('wrong actor', 'a4'), err('wrong actor', 'a5'),
  ];
  assert.deepEqual(countErrorKinds(errors), [
    { kind: 'wrong actor', count: 5 },
    { kind: 'missed type', count: 2 },
    { kind: 'spurious event', count: 1 },
  ]);
  assert.deepEqual(selectExamples(errors, 4).map((e) => e.item), ['a1', 'a2', 'm1', 's1']);
  assert.deepEqual(selectExamples(errors, 6).map((e) => e.item), ['a1', 'a2', 'a3', 'm1', 'm2', 's1']);
  assert.equal(selectExamples(errors, 100).length, 8);
  assert.deepEqual(selectExamples(errors, 0), []);
});
