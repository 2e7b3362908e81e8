import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../helpers.js';

test('negated events are flagged, not dropped', () => {
  const [e] = code('Japan did not criticize China.');
  assert.equal(e.plover.event, 'ACCUSE');
  assert.equal(e.negated, true);
  assert.equal(e.hypothetical, false);
});

test('future and conditional events are hypothetical', () => {
  for (const s of ['Japan will criticize China.', 'If talks fail, Japan could attack China.']) {
    const e = code(s).find((x) => x.target?.country === 'CHN');
    assert.ok(e, s);
    assert.equal(e.hypothetical, true, s);
  }
});

test('asserted past events are neither negated nor hypothetical', () => {
  const [e] = code('Japan criticized China on Monday.');
  assert.equal(e.negated, false);
  assert.equal(e.hypothetical, false);
});

test('plain statements are left out unless asked for', () => {
  const text = 'Brazil said the vote was fair.';
  assert.deepEqual(code(text), []);
  const withStatements = code(text, '2021-01-01', true);
  assert.ok(withStatements.length >= 1);
  assert.equal(withStatements[0].cameo_root, '01');
  assert.equal(withStatements[0].plover.event, null);
});
