/**
 * A news page's main text and metadata: linkedom parses the HTML, page-meta reads the date, URL,
 * site and headline, then @mozilla/readability picks the main content, which dom-text turns into
 * blank-line-separated paragraphs.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { pageMeta, stripSiteSuffix } from './page-meta.js';
import { blockText } from './dom-text.js';

/** Above this share of the extracted characters inside <a> elements the page is a link list, not an article. */
export const MAX_LINK_SHARE = 0.5;

function linkShare(content: Element): number {
  const count = (s: string | null) => (s ?? '').replace(/\s+/g, '').length;
  const total = count(content.textContent);
  if (total === 0) return 0;
  let inLinks = 0;
  for (const a of Array.from(content.querySelectorAll('a'))) if (!a.parentElement?.closest('a')) inLinks += count(a.textContent);
  return inLinks / total;
}

export interface ExtractedPage {
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
}

export interface ExtractOptions {
  /** Where the page came from (a WARC record's target URI); resolves relative canonical links. */
  url?: string | null;
  /** Date used when the page has no publication date of its own (a WARC record's capture date). */
  fallbackPublished?: string | null;
}

/** Extracts the article of an HTML page, or gives the reason there is none. */
export function extractHtml(html: string, opts: ExtractOptions = {}): ExtractedPage | { reason: string } {
  let document: Document;
  try {
    // linkedom builds a usable document only from a whole page; fragments get the missing wrapper.
    const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html>${/<body[\s>]/i.test(html) ? html : `<body>${html}</body>`}</html>`;
    ({ document } = parseHTML(whole) as unknown as { document: Document });
  } catch (e) {
    return { reason: `HTML could not be parsed (${(e as Error).message})` };
  }
  if (!document.documentElement) return { reason: 'HTML could not be parsed (no document element)' };
  const meta = pageMeta(document, opts.url ?? null);

  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(document, { serializer: (n: Node) => n }).parse();
  } catch (e) {
    return { reason: `HTML extraction failed (${(e as Error).message})` };
  }
  const text = parsed?.content ? blockText(parsed.content) : '';
  if (text.trim() === '') return { reason: 'no article text' };
  // Readability falls back to whatever block it finds; on index and section pages that is a list of links.
  if (linkShare(parsed!.content as Element) > MAX_LINK_SHARE) return { reason: 'no article text (page is mostly links)' };

  // Without a metadata headline, Readability's title: the <title> with a site-name part cut off
  // when what remains is long enough to be a headline.
  const rawTitle = (meta.title ?? parsed?.title ?? '').replace(/\s+/g, ' ').trim();
  const source = meta.siteName ?? (parsed?.siteName?.trim() || null);
  return {
    text,
    title: rawTitle === '' ? null : stripSiteSuffix(rawTitle, source, meta.url, meta.headings),
    published: meta.published ?? opts.fallbackPublished ?? null,
    url: meta.url,
    source,
  };
}
