import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from '../../../src/io/readers/dates.js';

test('ISO dates and timestamps keep their own offset', () => {
  assert.equal(normaliseDate('2021-03-04'), '2021-03-04');
  assert.equal(normaliseDate(' 2021-03-04T10:05:00Z '), '2021-03-04T10:05:00Z');
  assert.equal(normaliseDate('2021-03-04T01:00:00.123+05:30'), '2021-03-04T01:00:00+05:30');
  assert.equal(normaliseDate('2021-03-04 23:15:07-0400'), '2021-03-04T23:15:07-04:00');
  assert.equal(normaliseDate('2021-03-04T10:05+00:00'), '2021-03-04T10:05:00Z');
  assert.equal(normaliseDate('2021-03-04T10:05:00'), '2021-03-04T10:05:00');
  assert.equal(normaliseDate('2021/3/4'), '2021-03-04');
  assert.equal(normaliseDate('20210304'), '2021-03-04');
});

test('RFC 822 dates from RSS, with numeric and named zones', () => {
  assert.equal(normaliseDate('Fri, 12 Apr 2024 14:05:00 +0200'), '2024-04-12T14:05:00+02:00');
  assert.equal(normaliseDate('Thu, 11 Apr 2024 09:00:00 GMT'), '2024-04-11T09:00:00Z');
  assert.equal(normaliseDate('11 Apr 24 09:00 EST'), '2024-04-11T09:00:00-05:00');
  assert.equal(normaliseDate('Sun, 5 Sep 1999 18:00:00 CET'), '1999-09-05T18:00:00');
  assert.equal(normaliseDate('Mon, 9 Aug 2021'), '2021-08-09');
});

test('English month-name dates become calendar dates', () => {
  assert.equal(normaliseDate('March 3, 2022'), '2022-03-03');
  assert.equal(normaliseDate('Thursday, Sept. 1st, 2022 at 10:00'), '2022-09-01');
  assert.equal(normaliseDate('2 March 2022'), '2022-03-02');
});

test('impossible or unrecognised dates are null', () => {
  for (const s of ['', 'yesterday', '2021-02-30', '2021-13-01', '2021-03-04T25:00:00Z', '31 Foo 2020', '1621234567', '2021-03-04T10:00:00+99:00', null, undefined]) {
    assert.equal(normaliseDate(s), null, String(s));
  }
});
