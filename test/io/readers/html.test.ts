import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractHtml, type ExtractedPage } from '../../../src/io/readers/html.js';
import { pageMeta, stripSiteSuffix } from '../../../src/io/readers/page-meta.js';
import { decodeDocument } from '../../../src/io/readers/charset.js';
import { blockText, htmlFragmentText } from '../../../src/io/readers/dom-text.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

function page(html: string, opts = {}): ExtractedPage {
  const r = extractHtml(html, opts);
  assert.ok(!('reason' in r), 'reason' in r ? r.reason : '');
  return r;
}

const doc = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

test('news page: main text in paragraphs without navigation, sidebar, captions or scripts', () => {
  const p = page(decodeDocument(fixture('news-page.html')));
  const paras = p.text.split('\n\n');
  assert.match(paras[0], /^Dock workers in the northern port returned to work on Tuesday/);
  assert.ok(paras.some((x) => x.startsWith('The union said its members')));
  assert.ok(paras.some((x) => x === 'What happens next'));
  assert.match(paras[paras.length - 1], /^Talks on working hours will resume in September/);
  assert.match(p.text, /thanked both sides for\nreturning/, '<br> is a line break inside the paragraph');
  for (const junk of ['Most read', 'Copyright', 'trackPageView', 'Cranes stood idle', 'Home', 'font-family']) {
    assert.ok(!p.text.includes(junk), junk);
  }
  assert.ok(!/ {2}/.test(p.text), 'whitespace collapsed');
  assert.equal(p.title, 'Port workers end strike after wage deal');
  assert.equal(p.published, '2023-05-16T08:30:00+02:00', 'article:published_time comes first');
  assert.equal(p.url, 'https://www.harbourgazette.example/news/port-strike-ends', 'og:url when the canonical link is relative and the page URL unknown');
  assert.equal(p.source, 'The Harbour Gazette');
});

test('a relative canonical link is resolved against the page URL', () => {
  const p = page(decodeDocument(fixture('news-page.html')), { url: 'https://www.harbourgazette.example/a/b?x=1' });
  assert.equal(p.url, 'https://www.harbourgazette.example/news/port-strike-ends?ref=rss');
});

test('legacy page: declared windows-1252 decoded, dc.date, headline from <title> without the site name', () => {
  const bytes = fixture('plain-page.html');
  const p = page(decodeDocument(bytes));
  assert.match(p.text, /René Marchetti/);
  assert.equal(p.published, '2022-03-03');
  assert.equal(p.title, 'Council approves new bridge');
  assert.equal(p.url, null);
  assert.equal(p.source, null);
  assert.ok(p.text.includes('The town council voted on Wednesday'));
  assert.ok(!p.text.includes('Front page'));
});

test('the HTTP Content-Type charset wins over the page declaration, a BOM over both', () => {
  const latin = Buffer.from('<html><head><meta charset="utf-8"></head><body>caf\xe9</body></html>', 'latin1');
  assert.match(decodeDocument(latin, 'text/html; charset=ISO-8859-1'), /café/);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>café</p>', 'utf8')]);
  assert.equal(decodeDocument(bom, 'text/html; charset=windows-1252'), '<p>café</p>');
  assert.match(decodeDocument(Buffer.from('<p>café</p>', 'utf8'), 'text/html; charset=no-such-charset'), /café/);
});

test('publication date candidates in order: JSON-LD, itemprop, meta names, <time>', () => {
  const ld = doc(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},{"@type":["NewsArticle"],"datePublished":"2020-06-07T08:09:10+01:00","publisher":{"name":"Lake Times"}}]}</script><meta name="pubdate" content="2019-01-01"></head><body></body></html>`);
  const m1 = pageMeta(ld, 'https://www.laketimes.example/x');
  assert.equal(m1.published, '2020-06-07T08:09:10+01:00');
  assert.equal(m1.siteName, 'Lake Times');
  const broken = doc(`<html><head><script type="application/ld+json">{not json</script><meta property="article:published_time" content="not a date"><meta itemprop="datePublished" content="2018-05-06"></head><body></body></html>`);
  assert.equal(pageMeta(broken, null).published, '2018-05-06');
  const names = doc(`<html><head><meta name="DC.date.issued" content="Tue, 02 Feb 2016 10:00:00 GMT"></head><body><time datetime="2015-01-01">x</time></body></html>`);
  assert.equal(pageMeta(names, null).published, '2016-02-02T10:00:00Z');
  const time = doc(`<html><body><header><time datetime="2030-01-01">today</time></header><article><p>x</p><time datetime="2017-07-08T09:10:00Z">July 8</time></article></body></html>`);
  assert.equal(pageMeta(time, null).published, '2017-07-08T09:10:00Z', 'the <time> inside <article> before the first one in the page');
  assert.equal(pageMeta(doc('<html><body><p>no date</p></body></html>'), null).published, null);
});

test('site name falls back to the URL host without www', () => {
  const m = pageMeta(doc('<html><head><link rel="canonical" href="https://www.example-news.example/p/1#top"></head><body></body></html>'), null);
  assert.equal(m.url, 'https://www.example-news.example/p/1');
  assert.equal(m.siteName, 'example-news.example');
  assert.equal(pageMeta(doc('<html><head><link rel="canonical" href="javascript:void(0)"></head></html>'), null).url, null);
});

test('site suffixes are cut from headlines only when they name the site', () => {
  assert.equal(stripSiteSuffix('Floods hit coast - Lake Times', 'Lake Times', null), 'Floods hit coast');
  assert.equal(stripSiteSuffix('Floods hit coast | LAKETIMES', null, 'https://laketimes.example/a'), 'Floods hit coast');
  assert.equal(stripSiteSuffix('Floods hit coast - officials warn', 'Lake Times', null), 'Floods hit coast - officials warn');
});

test('a page without readable text is a reason, not an exception', () => {
  const r = extractHtml('<html><head><title>Empty</title></head><body><nav><a href="/">Home</a></nav></body></html>');
  assert.ok('reason' in r);
  assert.equal(r.reason, 'no article text (page is mostly links)');
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${i}">Story number ${i} about the regional elections</a></li>`).join('');
  const index = extractHtml(`<html><body><div class="content"><h2>Latest</h2><ul>${links}</ul></div></body></html>`);
  assert.ok('reason' in index && /mostly links/.test(index.reason));
  const empty = extractHtml('');
  assert.ok('reason' in empty);
});

test('HTML fragments without <html> or <body> are still read', () => {
  const p = page('<p>Troops withdrew from the northern town on Monday after a week of fighting, the army said.</p><p>Residents began to return.</p>');
  assert.equal(p.text, 'Troops withdrew from the northern town on Monday after a week of fighting, the army said.\n\nResidents began to return.');
  const q = page('<head><title>T</title><meta name="date" content="2020-01-02"></head><body><p>Troops withdrew from the northern town on Monday after a week of fighting.</p></body>');
  assert.equal(q.published, '2020-01-02');
});

test('block text: paragraphs, double <br> breaks, lists and table cells', () => {
  assert.equal(htmlFragmentText('<p>One  two</p><p>\n three</p>'), 'One two\n\nthree');
  assert.equal(htmlFragmentText('First line<br>second<br><br>New para'), 'First line\nsecond\n\nNew para');
  assert.equal(htmlFragmentText('<ul><li>a</li><li>b</li></ul>'), 'a\n\nb');
  assert.equal(htmlFragmentText('<table><tr><td>x</td><td>y</td></tr></table>'), 'x y');
  assert.equal(htmlFragmentText('plain &amp; simple'), 'plain & simple');
  assert.equal(htmlFragmentText('no markup\n\n\n  here'), 'no markup\n\nhere');
  let deep = 'deep';
  for (let i = 0; i < 5000; i++) deep = `<span>${deep}</span>`;
  assert.equal(blockText(doc(`<html><body><div>${deep}</div></body></html>`).body), 'deep', 'deep nesting does not overflow the stack');
});
