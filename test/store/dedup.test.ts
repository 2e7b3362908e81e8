// Deduplication end to end: real articles through the real coder into a store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { freshStore } from './helpers.js';
import { ingest } from '../../src/store/ingest.js';
import { readInputs } from '../../src/io/readers/index.js';
import type { Store } from '../../src/store/store.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const SEED = fileURLToPath(new URL('../../../shared/gold/seed_article.jsonl', import.meta.url));

async function ingestFiles(store: Store, files: string[]) {
  return ingest(store, readInputs(files), { jobs: 1 });
}

test('two copies of the same wire story from two publishers: one event per fact, with mentions 2 and sources 2', async () => {
  const s = freshStore();
  const r = await ingestFiles(s, [fixture('wire_copies.jsonl')]);
  assert.equal(r.stored, 2);
  assert.ok(r.mentions >= 2, 'the story has events');
  const events = s.events({ includeHistorical: true });
  // The arrests: police against civilians, in Nairobi, on Tuesday.
  const arrest = events.find((e) => e.source?.code === 'KENCOP' && e.cameo_root === '17');
  assert.ok(arrest, JSON.stringify(events.map((e) => [e.source?.code, e.target?.code, e.cameo])));
  assert.deepEqual([arrest.mentions, arrest.sources, arrest.articles], [2, 2, 2]);
  assert.deepEqual([arrest.first_report, arrest.last_report], ['2021-06-08', '2021-06-09']);
  // Every fact of the story is one event reported twice: twice as many mentions as events.
  assert.equal(r.mentions, 2 * events.length);
  for (const e of events) assert.deepEqual([e.mentions, e.sources], [2, 2], JSON.stringify(e));
  // The explanation of the merge names the actors, the CAMEO root and the dates compared.
  const why = s.event(arrest.id)!.mention_list[1].note;
  assert.match(why, /^joined event \d+: same actors \(KEN\/COP -> KEN\/CVL\) and CAMEO root 17; dates: /);
  s.close();
});

test('the seed article: its background war is one historical event, not an event dated on the publication day', async (t) => {
  if (!existsSync(SEED)) { t.skip('../shared/gold is not present'); return; }
  const s = freshStore();
  await ingestFiles(s, [SEED]);
  const mentions = s.articleMentions(1);
  if (!mentions.some((m) => m.event.date !== null)) { t.skip('the coder does not date events yet'); s.close(); return; }
  const published = '2021-09-01';
  // The mentions of the war: the sentence that says Armenia and Azerbaijan fought a war last year.
  const warMentions = mentions.filter((m) => /fought a deadly war last year/.test(m.event.sentence_text) && m.event.cameo_root === '19' && !m.event.negated && !m.event.hypothetical);
  assert.ok(warMentions.length > 0, 'the coder finds the war');
  const warEvents = new Set(warMentions.map((m) => m.event_id));
  assert.equal(warEvents.size, 1, 'one event');
  const war = s.event([...warEvents][0]!)!;
  assert.equal(war.historical, true);
  assert.match(war.date ?? '', /^2020-09/);
  // No event made only of background mentions is dated on (or the day before) the publication day.
  for (const e of s.events({ includeHistorical: true })) {
    if (!e.historical) continue;
    assert.ok(e.date !== published && e.date !== '2021-08-31', `historical event ${e.id} dated ${e.date}`);
  }
  // A report from the time of the war, stored later, joins the same event (in either order the two meet).
  await ingestFiles(s, [fixture('war_report.jsonl')]);
  const report = s.events({ includeHistorical: true, dyad: ['ARM', 'AZE'], cameo: '19', from: '2020-09-01', to: '2020-09-30' });
  assert.equal(report.length, 1, JSON.stringify(report));
  assert.ok(report[0].mentions >= 2);
  assert.equal(report[0].sources, 2);
  assert.equal(report[0].historical, false, 'reported as news at the time');
  assert.equal(report[0].id, war.id, 'the report of the time joined the background event');
  assert.equal(report[0].date, '2020-09-27');
  s.close();
  // The other order: the background mention finds the event reported at the time.
  const s2 = freshStore();
  await ingestFiles(s2, [fixture('war_report.jsonl'), SEED]);
  const bg = s2.articleMentions(2).filter((m) => /fought a deadly war last year/.test(m.event.sentence_text) && m.event.cameo_root === '19');
  const atTheTime = s2.articleMentions(1).filter((m) => m.event.cameo_root === '19' && m.event.source?.country === 'ARM');
  assert.ok(bg.length > 0 && atTheTime.length > 0);
  assert.ok(bg.every((m) => m.event_id === atTheTime[0].event_id), JSON.stringify(bg.map((m) => m.note)));
  assert.match(bg[0].note, /^joined event \d+: same actors \(ARM -> AZE\) and CAMEO root 19; dates: 2020-09 \(month\) vs the event's 2020-09-27 \(day\): overlapping/);
  s2.close();
});
