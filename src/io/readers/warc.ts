/**
 * WARC files (`.warc`, `.warc.gz`, and Common Crawl's `.wet`/`.wet.gz` text extracts), streamed
 * record by record with warcio, so a multi-gigabyte crawl is never held in memory.
 *
 * - `response` records (and `resource` records) with an HTML payload (Content-Type text/html or
 *   application/xhtml+xml, or no type and a payload that starts like HTML) go through the HTML
 *   extractor; the record's WARC-Target-URI is the page URL (canonical links still win) and its
 *   WARC-Date the publication date when the page states none.
 * - `conversion` records with text/plain (WET) are articles as they stand, one paragraph per line.
 * - a response that is not 2xx, not HTML or larger than 8 MB is a skip item with the reason.
 * - warcinfo, request, metadata and revisit records are passed over silently: they never hold an
 *   article and a crawl has one or more of them for every page.
 *
 * Ids: the target URI, else the WARC-Record-ID. A crawl that captured the same URL twice yields two
 * articles with the same id.
 */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeDocument } from './charset.js';
import { normaliseDate } from './dates.js';
import { extractHtml } from './html.js';
import { normalisePlainText } from './dom-text.js';
import { siteFromUrl } from './page-meta.js';
import { article, skip, type InputItem } from './types.js';

export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|meta|title)\b/.test(head);
}

function recordId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  return raw.trim().replace(/^<|>$/g, '') || null;
}

export async function* readWarcFile(path: string): AsyncGenerator<InputItem> {
  const stream = createReadStream(path);
  let n = 0;
  try {
    const parser = new WARCParser(stream);
    for await (const record of parser) {
      n++;
      const origin = `${path}@record ${n}`;
      const version = record.warcHeaders.statusline.trim();
      if (!/^WARC\/\d/.test(version)) {
        // warcio takes any first line as a version line; past a bad one the rest cannot be trusted.
        yield skip(n === 1 ? path : origin, `not a WARC record (starts with "${version.slice(0, 40)}")`);
        return;
      }
      const type = record.warcType;
      if (type !== 'response' && type !== 'resource' && type !== 'conversion') continue;

      const target = record.warcTargetURI ?? null;
      const id = target ?? recordId(record.warcHeader('WARC-Record-ID'));
      if (!id) {
        yield skip(origin, 'WARC record has neither WARC-Target-URI nor WARC-Record-ID');
        continue;
      }
      const captured = normaliseDate(record.warcDate ?? null);
      const http = type === 'response' ? record.httpHeaders : null;
      if (type === 'response') {
        const status = Number(http?.statusCode);
        if (!(status >= 200 && status < 300)) {
          yield skip(origin, `HTTP status ${http?.statusCode ?? 'missing'}`);
          continue;
        }
      }
      const contentType = (type === 'response' ? http?.headers.get('content-type') : record.warcContentType) ?? '';
      // Content-Length of the whole block; an upper bound on the payload size.
      if (record.warcContentLength > MAX_RECORD_BYTES) {
        yield skip(origin, `record too large (${record.warcContentLength} bytes, limit ${MAX_RECORD_BYTES})`);
        continue;
      }

      if (type === 'conversion') {
        if (!/^\s*text\/plain\b/i.test(contentType)) continue;
        const text = normalisePlainText((await record.contentText()).split('\n').join('\n\n'));
        if (text === '') {
          yield skip(origin, 'no article text');
          continue;
        }
        yield article({ id, text, title: null, published: captured, url: target, source: siteFromUrl(target) }, origin);
        continue;
      }

      const mime = contentType.split(';')[0].trim().toLowerCase();
      if (mime !== '' && !HTML_TYPE.test(contentType)) {
        yield skip(origin, `not HTML (${mime})`);
        continue;
      }
      const payload = await record.readFully(true);
      if (mime === '' && !looksLikeHtml(payload)) {
        yield skip(origin, 'not HTML (no content type)');
        continue;
      }
      const page = extractHtml(decodeDocument(payload, contentType), { url: target, fallbackPublished: captured });
      if ('reason' in page) {
        yield skip(origin, page.reason);
        continue;
      }
      yield article({ id, ...page }, origin);
    }
    if (n === 0) yield skip(path, 'no WARC records');
  } catch (e) {
    // The error came while reading record n or the header of the next one.
    yield skip(n === 0 ? path : `${path}@record ${n}`, `cannot read WARC (${(e as Error).message})`);
  } finally {
    stream.destroy();
  }
}
