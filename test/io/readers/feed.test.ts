import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, type InputItem } from '../../../src/io/readers/index.js';
import { feedFormat, rootElement } from '../../../src/io/readers/feed.js';
import type { Article } from '../../../src/pipeline/types.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));

async function collect(paths: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of readInputs(paths)) out.push(x);
  return out;
}
const articles = (items: InputItem[]): Article[] => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));

test('RSS 2.0: full content preferred, escaped HTML stripped, dates, guid or link as id, feed title as source', async () => {
  const path = fixture('feed-rss.xml');
  const items = await collect([path]);
  assert.equal(items.length, 3);
  const [a, b] = articles(items);
  assert.equal(a.id, 'vc-2024-0412-001');
  assert.equal(a.text, 'Hundreds of farmers blocked the main highway with tractors on Friday to protest against new water quotas.\n\nPolice diverted traffic through nearby villages. The agriculture ministry said it would meet farm unions next week.');
  assert.equal(a.title, 'Farmers block highway over water quotas');
  assert.equal(a.published, '2024-04-12T14:05:00+02:00');
  assert.equal(a.url, 'https://valleycourier.example/2024/04/farmers-block-highway');
  assert.equal(a.source, 'Valley Courier & Post');
  assert.equal(items[0].origin, `${path}#item 1`);
  assert.equal(b.id, 'https://valleycourier.example/2024/04/mayor-resigns', 'no guid: the link');
  assert.equal(b.title, 'Mayor resigns after audit');
  assert.equal(b.text.split('\n\n').length, 2);
  assert.match(b.text, /June & the council/);
  assert.equal(b.published, '2024-04-11T09:00:00Z');
  assert.deepEqual(items[2], { kind: 'skip', origin: `${path}#item 3`, reason: 'no article text' });
});

test('Atom: XHTML content, alternate link, published before updated, HTML title', async () => {
  const items = await collect([fixture('feed-atom.atom')]);
  const [a, b] = articles(items);
  assert.equal(a.id, 'tag:northernledger.example,2024:entry-77');
  assert.equal(a.title, 'Ministers agree border checks');
  assert.equal(a.text, 'Interior ministers from the two neighbouring states agreed on Saturday to run joint checks at three border crossings.\n\nThe checks will start in July & last for six months, officials said.');
  assert.equal(a.url, 'https://northernledger.example/2024/06/border-checks');
  assert.equal(a.published, '2024-06-01T18:45:00-04:00');
  assert.equal(a.source, 'Northern Ledger');
  assert.equal(b.text, 'A regional court ordered a recount of ballots in the district election on Sunday.');
  assert.equal(b.url, 'https://northernledger.example/2024/06/recount');
  assert.equal(b.published, '2024-06-02T10:15:00Z', 'updated when there is no published');
});

test('RSS 1.0 (RDF) in a .xml file is recognised by its root element', async () => {
  const [a] = articles(await collect([fixture('feed-rss1.xml')]));
  assert.equal(a.id, 'https://islandherald.example/ferry-strike');
  assert.equal(a.source, 'Island Herald');
  assert.equal(a.published, '2021-08-09T07:30:00+01:00');
  assert.match(a.text, /^Ferry crews stayed on strike/);
});

test('root element sniffing and XML that is not a feed or not well-formed', async () => {
  assert.equal(rootElement('\uFEFF<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss>\n<rss version="2.0">'), 'rss');
  assert.equal(feedFormat('rdf:RDF'), 'rdf');
  assert.equal(feedFormat('feed'), 'atom');
  assert.equal(feedFormat('urlset'), null);
  const dir = mkdtempSync(join(tmpdir(), 'dyad-feed-'));
  writeFileSync(join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>');
  writeFileSync(join(dir, 'broken.rss'), '<rss><channel><title>T</title><item><title>x</item></channel></rss>');
  writeFileSync(join(dir, 'empty.atom'), '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>');
  const items = await collect([dir]);
  assert.deepEqual(items.map((i) => (i.kind === 'skip' ? i.reason.replace(/ \(.*/, '') : 'article')), ['malformed XML', 'feed has no items', 'not a news feed']);
  assert.match((items[2] as { reason: string }).reason, /<urlset>/);
});

test('items without guid or link get a positional id relative to the input root', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-feed-'));
  writeFileSync(join(dir, 'f.rss'), '<rss version="2.0"><channel><title>T</title><item><description>Troops withdrew from the town.</description></item></channel></rss>');
  const [a] = articles(await collect([dir]));
  assert.equal(a.id, 'f.rss#item 1');
  assert.equal(a.title, null);
  assert.equal(a.published, null);
});
