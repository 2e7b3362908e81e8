import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readInputs, type InputItem } from '../../../src/io/readers/index.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

async function* once(b: Uint8Array) {
  yield b;
}

const NO_DATE_PAGE = `<!doctype html><html><head><title>Curfew lifted in the capital</title></head><body><article>
<h1>Curfew lifted in the capital</h1>
<p>The interior ministry lifted the overnight curfew in the capital on Thursday, two weeks after it was imposed following street clashes.</p>
<p>Shops and cafes reopened in the evening and police checkpoints were removed from the main squares, residents said.</p>
<p>The ministry warned that the curfew could be restored if violence broke out again before the elections.</p>
</article></body></html>`;

/** A small crawl: warcinfo, request, two news pages, a page without a date, a 404, an image, a revisit and a WET record. */
async function writeWarc(path: string, gzip: boolean): Promise<void> {
  const v = { warcVersion: 'WARC/1.1' as const };
  const enc = (s: string) => new TextEncoder().encode(s);
  const records: WARCRecord[] = [
    WARCRecord.createWARCInfo({ filename: 'test.warc', ...v }, { software: 'dyad tests' }),
    WARCRecord.create({ ...v, url: 'https://www.harbourgazette.example/news/port-strike-ends', date: '2023-05-20T10:00:00Z', type: 'request', statusline: 'GET /news/port-strike-ends HTTP/1.1', httpHeaders: { Host: 'www.harbourgazette.example' } }, once(new Uint8Array())),
    WARCRecord.create({ ...v, url: 'https://www.harbourgazette.example/news/port-strike-ends', date: '2023-05-20T10:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } }, once(fixture('news-page.html'))),
    WARCRecord.create({ ...v, url: 'https://riverside.example/bridge', date: '2022-03-05T11:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=windows-1252' } }, once(fixture('plain-page.html'))),
    WARCRecord.create({ ...v, url: 'https://www.capitalnews.example/curfew', date: '2024-01-18T21:30:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, once(enc(NO_DATE_PAGE))),
    WARCRecord.create({ ...v, url: 'https://riverside.example/missing', date: '2022-03-05T11:00:00Z', type: 'response', statusline: 'HTTP/1.1 404 Not Found', httpHeaders: { 'Content-Type': 'text/html' } }, once(enc('<html><body>Not found</body></html>'))),
    WARCRecord.create({ ...v, url: 'https://riverside.example/logo.png', date: '2022-03-05T11:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'image/png' } }, once(new Uint8Array([137, 80, 78, 71]))),
    WARCRecord.create({ ...v, url: 'https://riverside.example/bridge', date: '2022-03-06T11:00:00Z', type: 'revisit', refersToUrl: 'https://riverside.example/bridge', refersToDate: '2022-03-05T11:00:00Z', httpHeaders: { 'Content-Type': 'text/html' } }, once(new Uint8Array())),
    WARCRecord.create({ ...v, url: 'https://wet.example/story', date: '2024-02-01T00:00:00Z', type: 'conversion', warcHeaders: { 'Content-Type': 'text/plain' } }, once(enc('Rebels released twenty hostages on Wednesday.\nThe release followed talks mediated by church leaders.\n'))),
  ];
  const parts: Uint8Array[] = [];
  for (const r of records) parts.push(await WARCSerializer.serialize(r, { gzip }));
  writeFileSync(path, Buffer.concat(parts));
}

async function collect(paths: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of readInputs(paths)) out.push(x);
  return out;
}

for (const gzip of [false, true]) {
  test(`WARC${gzip ? ' (gzip per record)' : ''}: HTML responses extracted, other records skipped or passed over`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-warc-'));
    const path = join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
    await writeWarc(path, gzip);
    const items = await collect([path]);
    assert.deepEqual(items.map((i) => [i.origin.slice(dir.length + 1), i.kind === 'skip' ? i.reason : i.article.id]), [
      [`${gzip ? 'crawl.warc.gz' : 'crawl.warc'}@record 3`, 'https://www.harbourgazette.example/news/port-strike-ends'],
      [`${gzip ? 'crawl.warc.gz' : 'crawl.warc'}@record 4`, 'https://riverside.example/bridge'],
      [`${gzip ? 'crawl.warc.gz' : 'crawl.warc'}@record 5`, 'https://www.capitalnews.example/curfew'],
      [`${gzip ? 'crawl.warc.gz' : 'crawl.warc'}@record 6`, 'HTTP status 404'],
      [`${gzip ? 'crawl.warc.gz' : 'crawl.warc'}@record 7`, 'not HTML (image/png)'],
      [`${gzip ? 'crawl.warc.gz' : 'crawl.warc'}@record 9`, 'https://wet.example/story'],
    ]);
    const arts = items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
    const [gazette, bridge, curfew, wet] = arts;
    assert.match(gazette.text, /^Dock workers in the northern port/);
    assert.equal(gazette.published, '2023-05-16T08:30:00+02:00', 'the page date, not the capture date');
    assert.equal(gazette.url, 'https://www.harbourgazette.example/news/port-strike-ends?ref=rss', 'canonical link resolved against the target URI');
    assert.equal(gazette.source, 'The Harbour Gazette');
    assert.match(bridge.text, /René Marchetti/, 'charset from the HTTP header');
    assert.equal(bridge.source, 'riverside.example', 'host when there is no site name');
    assert.equal(bridge.published, '2022-03-03');
    assert.equal(curfew.published, '2024-01-18T21:30:00Z', 'WARC-Date when the page has no date');
    assert.equal(curfew.url, 'https://www.capitalnews.example/curfew');
    assert.equal(curfew.source, 'capitalnews.example');
    assert.equal(curfew.title, 'Curfew lifted in the capital');
    assert.equal(curfew.text.split('\n\n').length, 3);
    assert.equal(wet.text, 'Rebels released twenty hostages on Wednesday.\n\nThe release followed talks mediated by church leaders.');
    assert.equal(wet.published, '2024-02-01T00:00:00Z');
  });
}

test('a file that is not a WARC is one skip item', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-warc-'));
  const path = join(dir, 'fake.warc');
  writeFileSync(path, 'this is not a web archive\n');
  const items = await collect([path]);
  assert.equal(items.length, 1);
  assert.equal(items[0].kind, 'skip');
  assert.match((items[0] as { reason: string }).reason, /WARC/);
});
