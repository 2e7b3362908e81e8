/**
 * The dashboard in a real Chromium (Debian's /usr/bin/chromium, or DYAD_CHROMIUM), headless, driven
 * by playwright-core, against a server on a test database of the seed article, the Wikinews samples
 * and one article full of markup. Every view is opened and used; what is on screen is checked; a
 * screenshot of each is saved under tmp/screenshots/ (gitignored). Every request the page makes
 * must go to the test server. Skips with a message when Chromium is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDb, SEED, EXAMPLES } from '../server/helpers.js';
import { SKIP, startHarness, type Harness } from './harness.js';

const SEED_TITLE = 'Iran FM stresses respect for internationally recognized borders in Caucasus';

/** Text from the open web with markup in it: it must be shown as text, never run or rendered. */
const HOSTILE = {
  id: 'hostile-markup',
  title: '<i>Markup</i> & <script>window.__pwned = "title"</script> in a title',
  published: '2021-08-20',
  source: 'Test Wire',
  text: 'Iran condemned <b>Israel</b> on Monday. <img src=x onerror="window.__pwned = \'img\'"> ' +
    '<script>window.__pwned = "script"</script> Armenia accused Azerbaijan of shelling <a href="javascript:alert(1)">villages</a> on Tuesday.',
};

let h: Harness;
let page: Harness['page'];
let dir: string;

before(async () => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'dyad-hostile-'));
  const hostile = join(dir, 'hostile.jsonl');
  writeFileSync(hostile, JSON.stringify(HOSTILE) + '\n');
  h = await startHarness(await testDb([SEED, EXAMPLES, hostile]));
  page = h.page;
});

after(async () => {
  if (SKIP) return;
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (hash: string) => h.open(hash);
const shot = (name: string) => h.shot(name);
const clickAndWaitRender = (selector: string) => h.clickAndWait(selector);

test('dyad view: IRN-AZE time series, a click on a day lists its events', { skip: SKIP }, async () => {
  await open('#/dyads');
  // With nothing picked, the most active pair of different countries: Azerbaijan and Iran.
  assert.match(await page.textContent('#dyad-title') ?? '', /Azerbaijan \(AZE\) – Iran \(IRN\)/);
  const bars = await page.locator('.series-chart rect.quad').count();
  assert.ok(bars > 0, 'bars drawn');
  assert.ok(await page.locator('.series-chart rect.quad.q1').count() > 0, 'verbal cooperation bars');
  assert.equal(await page.locator('.series-chart .gold-dot').count(), await page.locator('.series-chart .bucket-hit').count(), 'a Goldstein dot per period with events');
  await page.click('.bucket-hit[data-period="2021-08-31"]');
  await page.waitForSelector('#bucket-title');
  assert.match(await page.textContent('#bucket-title') ?? '', /Events of 2021-08-31/);
  const rows = page.locator('.bucket-events tr.event-row');
  assert.ok(await rows.count() >= 5);
  const text = await page.textContent('.bucket-events table') ?? '';
  assert.match(text, /IRNGOV/);
  assert.match(text, /AZEGOV/);
  assert.match(text, /CONSULT/);
  await shot('dyad-irn-aze');
});

test('dyad view: ARM-AZE conflict is background in the seed; one click shows it', { skip: SKIP }, async () => {
  await open('#/dyads?a=ARM&b=AZE');
  assert.match(await page.textContent('#dyad-title') ?? '', /Armenia \(ARM\) – Azerbaijan \(AZE\)/);
  assert.match(await page.textContent('.notice') ?? '', /background events? of this pair/);
  await clickAndWaitRender('.notice button');
  assert.equal(await page.isChecked('input[name="include_historical"]'), true, 'the filter bar shows the change');
  assert.ok(await page.locator('.series-chart rect.quad.q4').count() > 0, 'material conflict bars');
  await page.click('.bucket-hit[data-period="2021-07"]');
  await page.waitForSelector('#bucket-title');
  const text = await page.textContent('.bucket-events table') ?? '';
  assert.match(text, /ASSAULT/);
  assert.match(text, /killed/);
  // The Goldstein dot of July 2021 sits below zero (SVG y grows downwards).
  const y = Number(await page.getAttribute('.gold-dot[data-period="2021-07"]', 'cy'));
  const zero = await page.evaluate(() => {
    const lines = [...document.querySelectorAll('.series-chart .grid line.zero')].map((l) => Number(l.getAttribute('y1')));
    return Math.max(...lines);
  });
  assert.ok(y > zero, `July 2021 mean Goldstein below zero (${y} > ${zero})`);
  await shot('dyad-arm-aze');
});

test('events view: filters, rows open to their mentions, downloads', { skip: SKIP }, async () => {
  await open('#/events');
  const all = Number((await page.textContent('#event-count'))!.replace(/\D/g, ''));
  assert.ok(all > 10);
  await page.selectOption('select[name="type"]', 'ASSAULT');
  await page.check('input[name="include_historical"]');
  await clickAndWaitRender('#filters button[type="submit"]');
  const chips = await page.locator('table.events tr.event-row .chip').allTextContents();
  assert.ok(chips.length > 3);
  assert.ok(chips.every((c) => c.startsWith('ASSAULT')), chips.join());
  assert.match(page.url(), /type=ASSAULT/);
  await page.click('table.events tr.event-row >> nth=0');
  await page.waitForSelector('.detail-row .mention');
  const detail = await page.textContent('.detail-row') ?? '';
  assert.match(detail, /rule/);
  assert.match(detail, /events\/(verbs|nouns)\.tsv:\d+/);
  assert.ok(await page.locator('.detail-row mark.trigger-inline').count() > 0, 'the trigger marked in the sentence');
  const href = await page.getAttribute('.downloads a >> nth=0', 'href');
  assert.match(href ?? '', /^\/api\/export\?.*type=ASSAULT.*format=csv/);
  await shot('events');
});

test('map view: the world offline; Kalbajar, where the seed\'s border clashes were, lists its events', { skip: SKIP }, async () => {
  await open('#/map?include_historical=true');
  assert.ok(await page.locator('svg.world path.country').count() > 150, 'countries drawn from the bundled world atlas');
  const places = await h.api<{ places: { name: string }[]; total: number; located: number }>('places?include_historical=true');
  assert.match(await page.textContent('#map-summary') ?? '', new RegExp(`^${places.total} events: ${places.located} events at ${places.places.length} places`));
  assert.equal(await page.locator('circle.place').count(), places.places.length, 'a dot per place');
  const dot = page.locator('circle.place[data-name="Kalbajar"]');
  assert.equal(await dot.count(), 1, 'Kalbajar on the map');
  await dot.click();
  await page.waitForSelector('#place-title');
  assert.match(await page.textContent('#place-title') ?? '', /^Kalbajar.*\(AZE\)/);
  const rows = await page.locator('.place-events tr.event-row').allTextContents();
  assert.ok(rows.length > 0 && rows.every((r) => /ASSAULT/.test(r)), rows.join(' | '));
  await shot('map');
});

test('network view: who interacts with whom; an edge opens its pair', { skip: SKIP }, async () => {
  await open('#/network?include_historical=true');
  for (const id of ['IRN', 'AZE', 'ARM']) assert.equal(await page.locator(`g.node[data-id="${id}"]`).count(), 1, id);
  const edge = page.locator('line.edge[data-pair="ARM-AZE"]');
  assert.equal(await edge.count(), 1);
  const red = await edge.getAttribute('stroke');
  const blue = await page.getAttribute('line.edge[data-pair="AZE-IRN"]', 'stroke');
  const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  assert.ok(rgb(red!)[0] > rgb(red!)[2], `ARM-AZE is coloured as conflict (${red})`);
  assert.ok(rgb(blue!)[2] > rgb(blue!)[0], `AZE-IRN is coloured as cooperation (${blue})`);
  await edge.click({ force: true });
  await page.waitForSelector('#edge-title');
  assert.match(await page.textContent('#edge-title') ?? '', /ARM – AZE/);
  assert.match(await page.textContent('.edge-detail') ?? '', /mean Goldstein -/);
  await shot('network');
  await clickAndWaitRender('.edge-detail a >> text=Time series of this pair');
  assert.match(await page.textContent('#dyad-title') ?? '', /Armenia \(ARM\) – Azerbaijan \(AZE\)/);
});

test('article view: the seed with its events highlighted; a highlight shows its code and rule', { skip: SKIP }, async () => {
  await open('#/articles');
  await clickAndWaitRender(`a.article-link >> text=${SEED_TITLE}`);
  assert.equal(await page.textContent('#article-title'), SEED_TITLE);
  const triggers = await page.locator('#article-text mark.hl-trigger').allTextContents();
  assert.ok(triggers.length > 20, `${triggers.length} triggers highlighted`);
  for (const w of ['clashes', 'phone conversation', 'telephoned', 'congratulate']) assert.ok(triggers.some((x) => x.includes(w)), w);
  assert.ok(await page.locator('#article-text mark.hl-source', { hasText: 'Abdollahian' }).count() > 0, 'source actors underlined');
  assert.ok(await page.locator('#article-text mark.hl-date', { hasText: 'August 31, 2021' }).count() > 0, 'dates marked');
  const title = await page.getAttribute('#article-text mark.hl-trigger >> text=telephone conversation', 'title');
  assert.match(title ?? '', /CONSULT/);
  assert.match(title ?? '', /rule events\/(verbs|nouns)\.tsv:\d+/);
  await page.click('#article-text mark.hl-trigger >> text=telephoned');
  const detail = await page.textContent('#highlight-detail') ?? '';
  assert.match(detail, /CAMEO 04/);
  assert.match(detail, /rule events\/(verbs|nouns)\.tsv:\d+/);
  assert.match(detail, /event \d+/);
  assert.ok(await page.locator('#article-text mark.selected').count() >= 2, 'the event\'s trigger and actors are selected together');
  // The whole text is on the page, in order.
  const shown = await page.textContent('#article-text');
  const stored = (await h.api<{ articles: { id: number }[] }>('articles?search=mehr')).articles[0].id;
  const text = (await h.api<{ article: { text: string } }>(`articles/${stored}`)).article.text;
  assert.equal(shown, text);
  await shot('article-seed');
});

test('article view: markup in stored text and titles is shown as text, never run', { skip: SKIP }, async () => {
  await open('#/articles?search=hostile');
  await page.waitForSelector('a.article-link');
  assert.equal(await page.textContent('a.article-link'), HOSTILE.title);
  await clickAndWaitRender('a.article-link');
  assert.equal(await page.textContent('#article-title'), HOSTILE.title);
  assert.equal(await page.textContent('#article-text'), HOSTILE.text);
  assert.equal(await page.locator('#article-text img, #article-text script, #article-text b, #article-text a').count(), 0, 'no element made from the text');
  assert.equal(await page.locator('#article-title i, #article-title script').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), null, 'no script from the data ran');
  await shot('article-markup');
});

test('the page made no request outside the test server and raised no error', { skip: SKIP }, () => {
  assert.deepEqual(h.outside, []);
  assert.deepEqual(h.errors, []);
});
