import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../src/pipeline/text.js';
import { datelineEnd } from '../../src/pipeline/dateline.js';

test('a dateline before a spaced dash is skipped', () => {
  const d = analyse('TEHRAN - Iran criticized Israel.');
  assert.equal(d.value[datelineEnd(d)], 'Iran');
});

test('a wire header through [TEXT] is skipped', () => {
  const d = analyse('SAN SALVADOR, 4 JAN 90 -- [REPORT] [TEXT] THE ARMY ATTACKED.');
  assert.equal(d.value[datelineEnd(d)], 'THE');
});

test('a hyphenated name at the start is not a dateline', () => {
  const d = analyse('Pakistan President Mohammad Zia-Ul-Haq rejected the offer.');
  assert.equal(datelineEnd(d), 0);
});
