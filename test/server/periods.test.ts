/** Time-series buckets: day numbers, Monday weeks, calendar months. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoInterval, bucketCount, bucketDays, bucketKeyOfDay, bucketOf, nextKey, parsePeriod } from '../../src/server/periods.js';
import { parseDay, formatDay } from '../../src/store/days.js';

const day = (s: string) => parseDay(s)!;

test('weeks start on Monday, also before 1970', () => {
  for (const d of ['2021-08-30', '2021-08-31', '2021-09-05', '1969-12-31', '1900-03-01']) {
    const k = bucketKeyOfDay(day(d), 'week');
    assert.equal(new Date(k * 86_400_000).getUTCDay(), 1, d);
    assert.ok(k <= day(d) && day(d) - k < 7);
  }
  assert.equal(formatDay(bucketKeyOfDay(day('2021-09-05'), 'week')), '2021-08-30');
  assert.equal(formatDay(bucketKeyOfDay(day('2021-09-06'), 'week')), '2021-09-06');
});

test('months: index, first and last day, next', () => {
  const k = bucketKeyOfDay(day('2020-02-15'), 'month');
  assert.deepEqual(bucketOf(k, 'month'), { period: '2020-02', start: '2020-02-01', end: '2020-02-29' });
  assert.deepEqual(bucketOf(nextKey(bucketKeyOfDay(day('2020-12-31'), 'month'), 'month'), 'month'), { period: '2021-01', start: '2021-01-01', end: '2021-01-31' });
  assert.deepEqual(bucketDays(bucketKeyOfDay(day('2021-07-10'), 'week'), 'week').map(formatDay), ['2021-07-05', '2021-07-11']);
});

test('periods parse only for their interval', () => {
  assert.equal(parsePeriod('2021-08', 'month'), 2021 * 12 + 7);
  assert.equal(parsePeriod('2021-13', 'month'), null);
  assert.equal(parsePeriod('2021-08-31', 'month'), null);
  assert.equal(parsePeriod('2021-08-30', 'week'), day('2021-08-30'));
  assert.equal(parsePeriod('2021-08-31', 'week'), null, 'a Tuesday is not a week');
  assert.equal(parsePeriod('2021-02-29', 'day'), null);
  assert.equal(parsePeriod('2021-02-28', 'day'), day('2021-02-28'));
});

test('bucket counts and the interval auto picks', () => {
  assert.equal(bucketCount(day('2021-01-04'), day('2021-01-25'), 'week'), 4);
  assert.equal(bucketCount(5, 5, 'day'), 1);
  assert.equal(autoInterval(day('2021-08-01'), day('2021-08-31')), 'day');
  assert.equal(autoInterval(day('2021-03-01'), day('2021-08-31')), 'week');
  assert.equal(autoInterval(day('2020-09-01'), day('2021-08-31')), 'month');
});
