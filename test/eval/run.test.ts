import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Coder } from '../../src/pipeline/coder-api.js';
import type { Article, CodedEvent } from '../../src/pipeline/types.js';
import { evaluateFiles, evaluateGold, formatReport, toArticle } from '../../src/eval/run.js';
import { article, cameoItem, ev } from './helpers.js';

/** A coder that answers from a fixed table (a fixture for the runner, not a model of the pipeline). */
function tableCoder(table: Record<string, CodedEvent[] | Error>, seen: Article[] = []): Coder {
  const code = (a: Article): CodedEvent[] => {
    seen.push(a);
    const r = table[a.id];
    if (r instanceof Error) throw r;
    return r ?? [];
  };
  return { code, codeCounted: (a: Article) => ({ events: code(a), sentences: 1 }) };
}

test('the coder sees only id, text and publication date', () => {
  const a = article('A', [{ source: 'USA', target: 'IRN' }]);
  assert.deepEqual(toArticle(a), { id: 'A', text: 'Article text.', published: '2020-06-23' });
});

test('evaluateGold codes every item, scores it, and records coder crashes as errors', () => {
  const seen: Article[] = [];
  const gold = {
    file: '/x/seed_article.jsonl',
    kind: 'articles' as const,
    items: [article('A', [{ source: 'USA', target: 'IRN' }]), article('B', [{ source: 'RUS', target: 'UKR' }])],
  };
  const coder = tableCoder({ A: [ev({ source: 'USA', target: 'IRN' })], B: new Error('boom') }, seen);
  const r = evaluateGold(gold, coder, { errors: 5 });
  assert.deepEqual(seen.map((a) => a.id), ['A', 'B']);
  assert.equal(r.kind, 'articles');
  assert.equal(r.items, 2);
  assert.equal(r.scores.tuple_precision, 1);
  assert.equal(r.scores.tuple_recall, 0.5);
  assert.equal(r.counts.coder_errors, 1);
  assert.deepEqual(r.errors, [{ kind: 'coder error', count: 1 }, { kind: 'missed type', count: 1 }]);
  assert.equal(r.examples.find((e) => e.kind === 'coder error')?.note, 'boom');
});

test('examples are limited by opts.errors', () => {
  const gold = { file: 'c.jsonl', kind: 'cameo' as const, items: ['010', '020', '030', '040'].map((c, i) => cameoItem(`c${i}`, c)) };
  assert.equal(evaluateGold(gold, tableCoder({}), { errors: 2 }).examples.length, 2);
  assert.equal(evaluateGold(gold, tableCoder({}), { errors: 0 }).examples.length, 0);
  assert.equal(evaluateGold(gold, tableCoder({}), {}).examples.length, 4);
});

test('evaluateFiles reads files and formatReport prints scores with 3 decimals, error counts and examples', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-eval-'));
  const file = join(dir, 'cameo_examples.jsonl');
  const lines = [
    { id: 'c1', text: 'Iran asked for aid.', published: null, cameo: '023', cameo_root: '02', cameo_name: 'x', plover: 'REQUEST' },
    { id: 'c2', text: 'Iraq attacked Iran.', published: null, cameo: '190', cameo_root: '19', cameo_name: 'y', plover: 'ASSAULT' },
    { id: 'c3', text: 'They met.', published: null, cameo: '040', cameo_root: '04', cameo_name: 'z', plover: 'CONSULT' },
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const coder = tableCoder({ c1: [ev({ cameo: '023', plover: 'REQUEST' })], c2: [ev({ cameo: '193', trigger: 'attacked', rule: 'verbs.txt:3 ATTACK' })] });
  const reports = await evaluateFiles([file], coder, { errors: 3 });
  assert.equal(reports.length, 1);
  const r = reports[0];
  assert.equal(r?.kind, 'cameo');
  assert.equal(r?.scores.root_recall, 2 / 3);
  assert.equal(r?.scores.leaf_accuracy, 1 / 3);
  const text = formatReport(reports);
  assert.match(text, /cameo_examples\.jsonl \(cameo, 3 items\)/);
  assert.match(text, /root_recall 0\.667/);
  assert.match(text, /leaf_accuracy 0\.333/);
  assert.match(text, /errors: missed type 1, wrong leaf 1/);
  assert.match(text, /\[wrong leaf\] missed cameo 190 \(root 19\) {2}\(c2\) {2}coded 193/);
  assert.match(text, /in "They met\."/);
  assert.deepEqual(JSON.parse(JSON.stringify(reports)), reports);
});
