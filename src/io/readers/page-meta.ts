/**
 * Metadata of a news page, read from the parsed document before Readability rewrites it:
 * publication date, canonical URL, site name and headline.
 *
 * Publication date, first usable candidate wins (each is normalised by normaliseDate; an unparsable
 * one is passed over): `article:published_time` / `og:published_time` meta properties, `datePublished`
 * of a schema.org Article-like object in JSON-LD (any object with it if no Article-like one has it),
 * elements with `itemprop="datePublished"`, meta names `pubdate`, `publishdate`, `publish-date`,
 * `date`, `dc.date`, `dc.date.issued`, `dcterms.date`, `dcterms.issued`, `dcterms.created`,
 * `sailthru.date`, `parsely-pub-date`, then the `datetime` of a `<time pubdate>`, of the first
 * `<time>` inside `<article>`, else of the first `<time>` in the page.
 */

import { normaliseDate } from './dates.js';

export interface PageMeta {
  published: string | null;
  /** Absolute http(s) URL from link rel=canonical, og:url, else the page's own URL. */
  url: string | null;
  /** og:site_name, JSON-LD publisher name, else the URL's host without "www.". */
  siteName: string | null;
  /** og:title / twitter:title / JSON-LD headline; null when the page has none of them. */
  title: string | null;
  /** Texts of the page's <h1> elements (whitespace collapsed), for telling a headline from a site name. */
  headings: string[];
}

const PROPERTY_DATES = ['article:published_time', 'og:published_time', 'article:published'];
const NAME_DATES = [
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued',
  'dcterms.date', 'dcterms.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
];
const ARTICLE_TYPE = /Article|BlogPosting|LiveBlogPosting|Report|NewsArticle|Posting/;

/** Meta tags keyed by lowercased property or name (first occurrence wins). */
function metaMap(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (!key) continue;
      for (const k of key.toLowerCase().trim().split(/\s+/)) if (!out.has(k)) out.set(k, content.trim());
    }
  }
  return out;
}

interface JsonLdFacts {
  published: string[];
  publisher: string | null;
  headline: string | null;
}

function typeMatches(o: Record<string, unknown>): boolean {
  const t = o['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
}

/** Facts from every JSON-LD block: objects are visited through arrays and @graph. */
function jsonLd(doc: Document): JsonLdFacts {
  const articleDates: string[] = [];
  const otherDates: string[] = [];
  let publisher: string | null = null;
  let headline: string | null = null;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    const isArticle = typeMatches(o);
    if (typeof o.datePublished === 'string') (isArticle ? articleDates : otherDates).push(o.datePublished);
    if (isArticle) {
      const pub = o.publisher as Record<string, unknown> | undefined;
      const name = pub && typeof pub === 'object' && !Array.isArray(pub) ? pub.name : undefined;
      if (publisher === null && typeof name === 'string' && name.trim() !== '') publisher = name.trim();
      if (headline === null && typeof o.headline === 'string' && o.headline.trim() !== '') headline = o.headline.trim();
    }
    if (o['@graph'] !== undefined) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = (s.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // A broken JSON-LD block is common on real pages; the other metadata still applies.
    }
  }
  return { published: [...articleDates, ...otherDates], publisher, headline };
}

function absoluteHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href || href.trim() === '') return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The host of a URL without a leading "www."; null when it is not a URL. */
export function siteFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === '' ? null : host.replace(/^www\d*\./, '');
  } catch {
    return null;
  }
}

function timeDates(doc: Document): string[] {
  const out: string[] = [];
  const add = (el: Element | null) => {
    const v = el?.getAttribute('datetime');
    if (v) out.push(v);
  };
  for (const el of Array.from(doc.querySelectorAll('time'))) if (el.hasAttribute('pubdate')) add(el);
  add(doc.querySelector('article time[datetime]'));
  add(doc.querySelector('time[datetime]'));
  return out;
}

/** Reads the metadata; `pageUrl` is where the page came from (WARC target URI), if known. */
export function pageMeta(doc: Document, pageUrl: string | null): PageMeta {
  const meta = metaMap(doc);
  const ld = jsonLd(doc);

  const candidates: Array<string | undefined | null> = [];
  for (const k of PROPERTY_DATES) candidates.push(meta.get(k));
  candidates.push(...ld.published);
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished"]'))) {
    candidates.push(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent);
  }
  for (const k of NAME_DATES) candidates.push(meta.get(k));
  candidates.push(...timeDates(doc));
  let published: string | null = null;
  for (const c of candidates) {
    published = normaliseDate(c);
    if (published) break;
  }

  const base = absoluteHttpUrl(pageUrl, null);
  const canonical = Array.from(doc.querySelectorAll('link[rel]')).find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const url = absoluteHttpUrl(canonical?.getAttribute('href'), base) ?? absoluteHttpUrl(meta.get('og:url'), base) ?? base;

  const siteName = meta.get('og:site_name') ?? ld.publisher ?? siteFromUrl(url);
  const title = meta.get('og:title') ?? meta.get('twitter:title') ?? ld.headline ?? null;

  const headings = Array.from(doc.querySelectorAll('h1')).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((h) => h !== '');
  return { published, url, siteName: siteName ?? null, title: title ?? null, headings };
}

/**
 * Drops a trailing " - Site Name" / " | Site Name" from a headline when the tail names the site
 * (site name or host) or the part before it is the text of one of the page's <h1> headings.
 */
export function stripSiteSuffix(title: string, siteName: string | null, url: string | null, headings: string[] = []): string {
  const m = /^(.+?)\s+[-|–—·•]\s+([^-|–—]+)$/.exec(title);
  if (!m) return title;
  const head = m[1].trim();
  const tail = m[2].trim().toLowerCase();
  const squash = (x: string) => x.toLowerCase().replace(/[\s.]+/g, '');
  const names = [siteName, siteFromUrl(url), siteFromUrl(url)?.replace(/\.[a-z]+$/, '')].filter((x): x is string => !!x).map(squash);
  if (names.includes(squash(tail))) return head;
  return headings.some((h) => h.toLowerCase() === head.toLowerCase()) ? head : title;
}
