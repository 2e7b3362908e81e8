/**
 * The map in a real Chromium over a database of events with places (test/server/helpers.locatedDb:
 * real coded articles, with the locations the geocoding stage writes): dots per place coloured by
 * type, countries shaded, fit to the places, a click lists a place's events, filters redraw it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { locatedDb } from '../server/helpers.js';
import { SKIP, startHarness, type Harness } from './harness.js';
import { TYPE_COLORS } from '../../web/src/colors.js';

let h: Harness;
before(async () => { if (!SKIP) h = await startHarness(locatedDb()); });
after(async () => { if (!SKIP) await h?.close(); });

test('map: a dot per place, fitted to the places; Kalbajar lists its clashes', { skip: SKIP }, async () => {
  const { page } = h;
  await h.open('#/map');
  const api = await h.api<{ total: number; located: number; unlocated: number }>('places');
  assert.ok(api.located >= 3 && api.unlocated === 1);
  assert.equal(await page.textContent('#map-summary'),
    `${api.total} events: ${api.located} events at 3 places, 1 with no place named, ${api.total - api.located - 1} with a place but no coordinates`);
  assert.deepEqual((await page.locator('circle.place').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).sort(), ['Baku', 'Kalbajar', 'Yerevan']);
  const kalbajar = page.locator('circle.place[data-name="Kalbajar"]');
  assert.equal(await kalbajar.getAttribute('fill'), TYPE_COLORS.ASSAULT, 'coloured by its type');
  assert.ok(Number(await kalbajar.getAttribute('r')) > Number(await page.getAttribute('circle.place[data-name="Baku"]', 'r')), 'sized by its events');
  // Fitted to the Caucasus: the dots are spread over the map, not a speck on a world map.
  const xs = await page.locator('circle.place').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
  const width = Number(await page.getAttribute('svg.world', 'width'));
  assert.ok(Math.max(...xs) - Math.min(...xs) > width / 10, `fitted to the places (${Math.max(...xs) - Math.min(...xs)} of ${width})`);
  // Azerbaijan (ISO numeric 031) is shaded: it holds located events.
  const aze = await page.locator('path.country[data-id="031"]').evaluate((e) => getComputedStyle(e).fill);
  const fra = await page.locator('path.country[data-id="250"]').evaluate((e) => getComputedStyle(e).fill);
  assert.notEqual(aze, fra);
  assert.ok(await page.locator('.place-label', { hasText: 'Kalbajar' }).count() === 1, 'the biggest place is labelled');
  await kalbajar.click();
  await page.waitForSelector('#place-title');
  assert.match(await page.textContent('#place-title') ?? '', /^Kalbajar, Kalbajar District \(AZE\) · 2 events/);
  const rows = await page.locator('.place-events tr.event-row').allTextContents();
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => /ASSAULT/.test(r) && /Kalbajar/.test(r)));
  await h.shot('map-places');
  await h.clickAndWait('button >> text=Whole world');
  const xs2 = await page.locator('circle.place').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
  assert.ok(Math.max(...xs2) - Math.min(...xs2) < width / 20, 'the whole world: the Caucasus is small');
  await h.shot('map-world');
});

test('map: the shared filters redraw it', { skip: SKIP }, async () => {
  const { page } = h;
  await h.open('#/map');
  await page.selectOption('select[name="type"]', 'ASSAULT');
  await h.clickAndWait('#filters button[type="submit"]');
  assert.deepEqual(await page.locator('circle.place').evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))), ['Kalbajar']);
  await page.fill('input[name="from"]', '2021-08-01');
  await h.clickAndWait('#filters button[type="submit"]');
  assert.equal(await page.locator('circle.place').count(), 0);
  assert.match(await page.textContent('.place-events') ?? '', /No events match these filters/);
  assert.deepEqual(h.outside, []);
  assert.deepEqual(h.errors, []);
});
