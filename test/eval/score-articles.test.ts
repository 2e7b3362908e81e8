import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { IGO_CODES, codedDate, normCountry, scoreArticles, type ErrorExample } from '../../src/eval/score.js';
import { article, ev } from './helpers.js';

const close = (actual: number | undefined, expected: number, name: string): void => {
  assert.ok(actual !== undefined, `${name} missing`);
  assert.ok(Math.abs(actual - expected) < 1e-9, `${name}: ${actual} != ${expected}`);
};

test('micro P/R/F1, macro F1 and type F1 over two articles', () => {
  const a = article('A', [
    { source: 'USA', target: 'IRN', plover: 'ASSAULT' },
    { source: 'IRN', target: 'USA', plover: 'ACCUSE' },
    { source: 'GBR', target: null, plover: 'CONSULT' },
  ]);
  const b = article('B', [{ source: 'RUS', target: 'UKR', plover: 'ASSAULT' }]);
  const r = scoreArticles([
    {
      gold: a,
      coded: [
        ev({ source: 'USA', target: 'IRN', plover: 'ASSAULT' }),
        ev({ source: 'IRN', target: 'USA', plover: 'ACCUSE' }),
        ev({ source: 'FRA', target: 'DEU', plover: 'AID' }),
      ],
    },
    { gold: b, coded: [ev({ source: 'UKR', target: 'RUS', plover: 'ASSAULT' })] },
  ]);
  // tuples: A tp2 fp1 fn1, B tp0 fp1 fn1 -> tp2 fp2 fn2
  assert.equal(r.counts.tuple_tp, 2);
  assert.equal(r.counts.tuple_fp, 2);
  assert.equal(r.counts.tuple_fn, 2);
  close(r.scores.tuple_precision, 0.5, 'tuple_precision');
  close(r.scores.tuple_recall, 0.5, 'tuple_recall');
  close(r.scores.tuple_f1, 0.5, 'tuple_f1');
  // per-article F1: A 2/3, B 0
  close(r.scores.tuple_f1_macro, 1 / 3, 'tuple_f1_macro');
  // types: A {ASSAULT, ACCUSE, AID} vs {ASSAULT, ACCUSE, CONSULT}: tp2 fp1 fn1; B tp1 -> 2*3/(6+1+1)
  close(r.scores.type_f1, 0.75, 'type_f1');
});

test('precision is omitted when nothing is coded; F1 omitted when both sides are empty', () => {
  const none = scoreArticles([{ gold: article('A', [{ source: 'USA', target: 'IRN' }]), coded: [] }]);
  assert.equal(none.scores.tuple_precision, undefined);
  assert.equal(none.scores.tuple_recall, 0);
  assert.equal(none.scores.tuple_f1, 0);
  const empty = scoreArticles([{ gold: article('A', []), coded: [] }]);
  assert.deepEqual(Object.keys(empty.scores), []);
  assert.equal(empty.counts.macro_articles, 0);
  for (const v of Object.values(empty.scores)) assert.ok(!Number.isNaN(v));
});

test('IGO codes are folded to IGO; NGOs and countries are not', () => {
  assert.equal(normCountry('UNO'), 'IGO');
  assert.equal(normCountry('IGOUNO'), 'IGO');
  assert.equal(normCountry('nat'), 'IGO');
  assert.equal(normCountry('WAF'), 'IGO');
  assert.equal(normCountry('NGO'), 'NGO');
  assert.equal(normCountry('USA'), 'USA');
  assert.equal(normCountry(''), null);
  assert.equal(normCountry(undefined), null);
  const r = scoreArticles([
    {
      gold: article('A', [{ source: 'UNO', target: 'IRQ', plover: 'REQUEST' }, { source: 'IGO', target: 'SDN', plover: 'SANCTION' }]),
      coded: [ev({ source: 'IGO', target: 'IRQ', plover: 'REQUEST' }), ev({ source: 'NGO', target: 'SDN', plover: 'SANCTION' })],
    },
  ]);
  assert.equal(r.counts.tuple_tp, 1);
  assert.equal(r.counts.tuple_fn, 1);
});

test('no IGO code collides with an ISO 3166 alpha-3 country code', () => {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { cca3: string }[];
  const iso = new Set(countries.map((c) => c.cca3));
  assert.ok(iso.has('USA'));
  assert.deepEqual([...IGO_CODES].filter((c) => iso.has(c)), []);
});

test('null country is a value: null matches null only', () => {
  const gold = article('A', [{ source: 'USA', target: null, plover: 'PROTEST' }]);
  const hit = scoreArticles([{ gold, coded: [ev({ source: 'USA', target: null, plover: 'PROTEST' })] }]);
  assert.equal(hit.counts.tuple_tp, 1);
  const miss = scoreArticles([{ gold, coded: [ev({ source: 'USA', target: 'IRN', plover: 'PROTEST' })] }]);
  assert.equal(miss.counts.tuple_tp, 0);
  assert.equal(miss.counts.tuple_fp, 1);
});

test('negated and hypothetical coded events are excluded; negated gold events are not gold tuples', () => {
  const r = scoreArticles([
    {
      gold: article('A', [
        { source: 'USA', target: 'IRN', plover: 'ASSAULT' },
        { source: 'GBR', target: 'FRA', plover: 'AID', negated: true },
      ]),
      coded: [
        ev({ source: 'USA', target: 'IRN', plover: 'ASSAULT', negated: true }),
        ev({ source: 'FRA', target: 'DEU', plover: 'THREATEN', hypothetical: true }),
        ev({ source: 'GBR', target: 'FRA', plover: 'AID' }),
      ],
    },
  ]);
  assert.equal(r.counts.tuple_tp, 0);
  assert.equal(r.counts.tuple_fn, 1, 'the negated coded ASSAULT does not match');
  assert.equal(r.counts.tuple_fp, 1, 'only the un-negated AID counts, the hypothetical THREATEN does not');
  assert.equal(r.counts.gold_tuples, 1);
  assert.equal(r.counts.scored_events, 1);
  assert.deepEqual(r.errors.map((e) => [e.kind, e.side, e.label]).sort(), [
    ['negated or hypothetical', 'missed', 'USA -> IRN ASSAULT'],
    ['negated or hypothetical', 'spurious', 'GBR -> FRA AID'],
  ]);
});

test('statements (plover.event null) are never tuples', () => {
  const r = scoreArticles([
    {
      gold: article('A', [{ source: 'USA', target: 'IRN', plover: 'ACCUSE' }]),
      coded: [ev({ source: 'USA', target: 'IRN', plover: null, cameo: '010' })],
    },
  ]);
  assert.equal(r.counts.coded_events, 1);
  assert.equal(r.counts.coded_tuples, 0);
  assert.equal(r.counts.tuple_fp, 0);
  assert.equal(r.scores.tuple_precision, undefined);
  assert.equal(r.errors[0]?.kind, 'missed type');
});

test('duplicate tuples count once on both sides', () => {
  const r = scoreArticles([
    {
      gold: article('A', [{ source: 'USA', target: 'IRN' }, { source: 'USA', target: 'IRN', trigger: 'again' }]),
      coded: [ev({ source: 'USA', target: 'IRN' }), ev({ source: 'USA', target: 'IRN' }), ev({ source: 'USA', target: 'IRN' })],
    },
  ]);
  assert.equal(r.counts.gold_tuples, 1);
  assert.equal(r.counts.coded_tuples, 1);
  assert.equal(r.counts.tuple_tp, 1);
  assert.equal(r.scores.tuple_f1, 1);
});

test('coded dates are truncated to their precision and must equal the gold string', () => {
  assert.equal(codedDate({ date: '2020-06-15', date_precision: 'month' }), '2020-06');
  assert.equal(codedDate({ date: '2020-06-15T10:00:00Z', date_precision: null }), '2020-06-15');
  assert.equal(codedDate({ date: '2020', date_precision: 'year' }), '2020');
  assert.equal(codedDate({ date: null, date_precision: null }), null);
  const r = scoreArticles([
    {
      gold: article('A', [
        { source: 'AAA', date: '2020-06-20' }, // right day
        { source: 'BBB', date: '2020-06' }, // coded a day: precision differs -> wrong
        { source: 'CCC', date: '2020-06' }, // coded month precision -> right
        { source: 'DDD', date: null }, // not measured
        { source: 'EEE', date: '2020-06-01' }, // two gold events, one agrees
        { source: 'EEE', date: '2020-06-02' },
        { source: 'FFF', date: '2021-01-01' }, // unmatched tuple: not measured
      ]),
      coded: [
        ev({ source: 'AAA', date: '2020-06-20', precision: 'day' }),
        ev({ source: 'BBB', date: '2020-06-15', precision: 'day' }),
        ev({ source: 'CCC', date: '2020-06-01', precision: 'month' }),
        ev({ source: 'DDD', date: '2020-06-01', precision: 'day' }),
        ev({ source: 'EEE', date: '2020-05-30', precision: 'day' }),
        ev({ source: 'EEE', date: '2020-06-02', precision: 'day' }),
      ],
    },
  ]);
  assert.equal(r.counts.date_measured, 4);
  assert.equal(r.counts.date_correct, 3);
  close(r.scores.date_accuracy, 0.75, 'date_accuracy');
});

test('historical, location, killed accuracy on matched tuples; unmeasurable scores are omitted', () => {
  const r = scoreArticles([
    {
      gold: article('A', [
        { source: 'AAA', historical: false, location: 'GBR', killed: 3 },
        { source: 'BBB', historical: true },
        { source: 'CCC', historical: true },
      ]),
      coded: [
        ev({ source: 'AAA', historical: false, location: 'GBR', killed: 2 }),
        ev({ source: 'BBB', historical: false }),
        ev({ source: 'CCC', historical: null }),
      ],
    },
  ]);
  close(r.scores.historical_accuracy, 1 / 3, 'historical_accuracy');
  assert.equal(r.scores.location_country_accuracy, 1);
  assert.equal(r.scores.killed_accuracy, 0);
  assert.equal(r.counts.killed_measured, 1);
  assert.ok(!('wounded_accuracy' in r.scores));
  assert.equal(r.counts.wounded_measured, 0);
  assert.ok(!('date_accuracy' in r.scores));
});

test('error kinds: missed type, wrong actor (both sides), spurious event, with their evidence', () => {
  const r = scoreArticles([
    {
      gold: article('A', [
        { source: 'USA', target: 'IRN', plover: 'ASSAULT', sentence: 'US struck Iran.', trigger: 'struck' },
        { source: 'GBR', target: 'FRA', plover: 'CONSULT', sentence: 'UK met France.', trigger: 'met' },
      ]),
      coded: [
        ev({ source: 'IRN', target: 'USA', plover: 'ASSAULT', sentence: 'US struck Iran.', trigger: 'struck', rule: 'verbs.txt:7 STRIKE' }),
        ev({ source: 'RUS', target: 'UKR', plover: 'AID', sentence: 'Russia helped.', trigger: 'helped', rule: 'verbs.txt:9 HELP' }),
      ],
    },
  ]);
  const byLabel = new Map<string, ErrorExample>(r.errors.map((e) => [`${e.side} ${e.label}`, e]));
  assert.equal(r.errors.length, 4);
  const missedWrong = byLabel.get('missed USA -> IRN ASSAULT');
  assert.equal(missedWrong?.kind, 'wrong actor');
  assert.equal(missedWrong?.sentence, 'US struck Iran.');
  assert.equal(missedWrong?.trigger, 'struck');
  assert.match(missedWrong?.note ?? '', /IRN -> USA/);
  const spuriousWrong = byLabel.get('spurious IRN -> USA ASSAULT');
  assert.equal(spuriousWrong?.kind, 'wrong actor');
  assert.equal(spuriousWrong?.rule, 'verbs.txt:7 STRIKE');
  assert.equal(byLabel.get('missed GBR -> FRA CONSULT')?.kind, 'missed type');
  const spurious = byLabel.get('spurious RUS -> UKR AID');
  assert.equal(spurious?.kind, 'spurious event');
  assert.equal(spurious?.sentence, 'Russia helped.');
  assert.equal(spurious?.trigger, 'helped');
  assert.equal(spurious?.rule, 'verbs.txt:9 HELP');
  assert.equal(spurious?.item, 'A');
});
