/**
 * News feeds: RSS 2.0 (`<rss><channel><item>`), RSS 1.0 (`<rdf:RDF>` with `<item>` beside the
 * channel) and Atom (`<feed><entry>`). Every item is one article:
 * - text: `content:encoded` (RSS) or `content` (Atom), else `description` / `summary`, with HTML
 *   reduced to blank-line-separated paragraphs (feeds often carry only a summary);
 * - title: the item title as text; url: `link` (Atom: rel="alternate" or a link without rel);
 * - published: `pubDate`, `dc:date`, Atom `published`, else `updated` / `dc:date`, normalised;
 * - source: the feed's title; id: `guid` (RSS), `id` (Atom), `rdf:about` (RSS 1.0), else the link,
 *   else "<path relative to the input root>#item N".
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeDocument } from './charset.js';
import { normaliseDate } from './dates.js';
import { htmlFragmentText, normalisePlainText } from './dom-text.js';
import { readWhole } from './files.js';
import { article, skip, type InputItem } from './types.js';

export const MAX_FEED_BYTES = 64 * 1024 * 1024;

export type FeedFormat = 'rss' | 'rdf' | 'atom';

/** Root element name of an XML document (prefix kept), skipping the declaration, comments and DOCTYPE. */
export function rootElement(xml: string): string | null {
  let s = xml.replace(/^\uFEFF/, '');
  for (;;) {
    s = s.replace(/^\s+/, '');
    if (s.startsWith('<?')) s = s.slice(s.indexOf('?>') + 2 || s.length);
    else if (s.startsWith('<!--')) s = s.slice(s.indexOf('-->') + 3 || s.length);
    else if (/^<!DOCTYPE/i.test(s)) s = s.slice(s.indexOf('>') + 1 || s.length);
    else break;
    if (s === '') return null;
  }
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(s);
  return m ? m[1] : null;
}

export function feedFormat(root: string | null): FeedFormat | null {
  if (root === null) return null;
  const local = root.slice(root.indexOf(':') + 1);
  if (root === 'rss') return 'rss';
  if (local === 'RDF') return 'rdf';
  if (local === 'feed') return 'atom';
  return null;
}

type XmlNode = Record<string, unknown>;

const CONTENT_NODES = ['description', 'content:encoded', 'content', 'summary'];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  // Item bodies are kept raw: they are HTML (escaped, in CDATA, or Atom XHTML markup).
  stopNodes: CONTENT_NODES.map((n) => `*.${n}`),
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the five XML entities and character references; other entities are left for the HTML parser. */
function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e.toLowerCase()] ?? whole;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** The character data of a raw (stop-node) element: CDATA sections taken literally, the rest entity-decoded. */
function rawCharacterData(raw: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', i);
    if (start < 0) break;
    const end = raw.indexOf(']]>', start + 9);
    out += decodeXmlEntities(raw.slice(i, start)) + raw.slice(start + 9, end < 0 ? raw.length : end);
    if (end < 0) return out;
    i = end + 3;
  }
  return out + decodeXmlEntities(raw.slice(i));
}

function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as XmlNode)['#text']);
  return null;
}

function attrOf(v: unknown, name: string): string | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const a = (v as XmlNode)[`@_${name}`];
    return typeof a === 'string' ? a : null;
  }
  return null;
}

/** Text of an item body (raw stop-node content); Atom `type` says whether it is text, html or xhtml. */
function bodyText(v: unknown): string {
  const raw = textOf(v);
  if (raw === null || raw.trim() === '') return '';
  const type = (attrOf(v, 'type') ?? 'html').toLowerCase();
  if (type === 'xhtml' || type.endsWith('xhtml+xml')) return htmlFragmentText(raw);
  const data = rawCharacterData(raw);
  return type === 'text' || type === 'text/plain' ? normalisePlainText(data) : htmlFragmentText(data);
}

/** A title, which may be HTML (Atom type="html", or markup in RSS) — reduced to one line of text. */
function titleText(v: unknown): string | null {
  const t = textOf(v);
  if (t === null) return null;
  const plain = /<[a-z/!]/i.test(t) || (attrOf(v, 'type') ?? '').toLowerCase() === 'html' ? htmlFragmentText(t) : t;
  const one = plain.replace(/\s+/g, ' ').trim();
  return one === '' ? null : one;
}

function linkOf(item: XmlNode, format: FeedFormat): string | null {
  const links = (item.link as unknown[] | undefined) ?? [];
  if (format === 'atom') {
    const alt = links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
    return attrOf(alt, 'href') ?? textOf(alt);
  }
  for (const l of links) {
    const t = textOf(l)?.trim();
    if (t) return t;
  }
  return null;
}

function firstDate(...vals: unknown[]): string | null {
  for (const v of vals) {
    const d = normaliseDate(textOf(v));
    if (d) return d;
  }
  return null;
}

function itemsOf(doc: XmlNode, format: FeedFormat): { feedTitle: string | null; items: XmlNode[] } {
  if (format === 'atom') {
    const feed = Object.entries(doc).find(([k]) => k === 'feed' || k.endsWith(':feed'))?.[1] as XmlNode | undefined;
    return { feedTitle: titleText(feed?.title), items: (feed?.entry as XmlNode[] | undefined) ?? [] };
  }
  if (format === 'rdf') {
    const rdf = Object.entries(doc).find(([k]) => k.endsWith('RDF'))?.[1] as XmlNode | undefined;
    const channel = rdf?.channel as XmlNode | undefined;
    return { feedTitle: titleText(channel?.title), items: (rdf?.item as XmlNode[] | undefined) ?? [] };
  }
  const rss = doc.rss as XmlNode | undefined;
  const channel = (Array.isArray(rss?.channel) ? rss?.channel[0] : rss?.channel) as XmlNode | undefined;
  return { feedTitle: titleText(channel?.title), items: (channel?.item as XmlNode[] | undefined) ?? [] };
}

/** Items of a parsed feed document (exported for tests and for callers holding the XML already). */
export function* feedItems(xml: string, format: FeedFormat, path: string, rel: string): Generator<InputItem> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    yield skip(path, `malformed XML (line ${valid.err.line}: ${valid.err.msg})`);
    return;
  }
  const doc = parser.parse(xml) as XmlNode;
  const { feedTitle, items } = itemsOf(doc, format);
  if (items.length === 0) {
    yield skip(path, 'feed has no items');
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const origin = `${path}#item ${i + 1}`;
    const text =
      bodyText(format === 'atom' ? it.content : it['content:encoded']) ||
      bodyText(format === 'atom' ? it.summary : it.description);
    if (text === '') {
      yield skip(origin, 'no article text');
      continue;
    }
    const url = linkOf(it, format);
    const published = format === 'atom'
      ? firstDate(it.published, it.issued, it.updated, it.modified)
      : firstDate(it.pubDate, it['dc:date'], it['dcterms:issued'], it['dcterms:created']);
    const guid = format === 'atom' ? textOf(it.id) : format === 'rdf' ? attrOf(it, 'rdf:about') : textOf(it.guid);
    const id = guid?.trim() || url || `${rel}#item ${i + 1}`;
    yield article({ id, text, title: titleText(it.title), published, url, source: feedTitle }, origin);
  }
}

/** Reads a feed file; `xml` may be given when the caller already decoded it (root sniffing). */
export async function* readFeedFile(path: string, rel: string, format: FeedFormat, xml?: string): AsyncGenerator<InputItem> {
  const text = xml ?? decodeDocument(await readWhole(path, MAX_FEED_BYTES));
  yield* feedItems(text, format, path, rel);
}
