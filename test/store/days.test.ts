import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay, gapDays, parseDay, publishedSpan, windowFor, writtenSpan } from '../../src/store/days.js';

test('days: ISO dates and timestamps to day numbers and back; impossible dates are null', () => {
  assert.equal(parseDay('1970-01-02'), 1);
  assert.equal(formatDay(parseDay('2024-02-29')!), '2024-02-29');
  assert.equal(parseDay('2025-04-23T16:25:37-04:00'), parseDay('2025-04-23'));
  assert.equal(parseDay('2023-02-29'), null);
  assert.equal(parseDay('2021-9-1'), null);
  assert.equal(parseDay(null), null);
});

test('a written date means a day, a whole month or a whole year', () => {
  const d = writtenSpan('2021-08-31', 'day')!;
  assert.deepEqual([d.kind, formatDay(d.lo), formatDay(d.hi), d.label], ['day', '2021-08-31', '2021-08-31', '2021-08-31']);
  const m = writtenSpan('2024-02', 'month')!;
  assert.deepEqual([m.kind, formatDay(m.lo), formatDay(m.hi), m.label], ['month', '2024-02-01', '2024-02-29', '2024-02']);
  const y = writtenSpan('2020', 'year')!;
  assert.deepEqual([formatDay(y.lo), formatDay(y.hi)], ['2020-01-01', '2020-12-31']);
  // The precision decides when the date is written more exactly than it is known.
  assert.equal(writtenSpan('2021-08-31', 'month')!.label, '2021-08');
  assert.equal(writtenSpan('July', null), null);
  const p = publishedSpan(parseDay('2021-09-01')!);
  assert.deepEqual([p.kind, formatDay(p.lo), formatDay(p.hi)], ['published', '2021-08-31', '2021-09-01']);
});

test('gaps and windows: days may be one apart, months and years must overlap', () => {
  const day = (s: string) => writtenSpan(s, 'day')!;
  assert.equal(gapDays(day('2021-08-10'), day('2021-08-12')), 2);
  assert.equal(gapDays(writtenSpan('2021-08', 'month')!, day('2021-08-12')), 0);
  assert.equal(gapDays(writtenSpan('2021-07', 'month')!, day('2021-08-01')), 1);
  assert.equal(windowFor('day', 'published'), 1);
  assert.equal(windowFor('day', 'month'), 0);
  assert.equal(windowFor('year', 'year'), 0);
});
