/**
 * Input readers for `dyad ingest`: turns files, directories and stdin into a stream of articles and
 * skipped inputs (with reasons), in a stable order.
 *
 * Formats by extension (see files.ts): .txt, .html/.htm, .jsonl/.ndjson/.json(.gz), feeds
 * .xml/.rss/.atom/.rdf (RSS 2.0, RSS 1.0, Atom; the root element decides), .warc/.warc.gz/.wet(.gz);
 * `-` is JSON Lines on stdin. Directories are walked recursively (sorted, hidden entries left out).
 *
 * Ids: JSON Lines as given; .txt/.html the path relative to the directory given (the file name for
 * a file given directly); feed items their guid/id/link; WARC records their target URI.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeDocument } from './charset.js';
import { feedFormat, readFeedFile, rootElement, MAX_FEED_BYTES } from './feed.js';
import { extensionOf, fileKind, readWhole, TooLarge, walkDirectory } from './files.js';
import { extractHtml } from './html.js';
import { readJsonLines, readJsonlFile } from './jsonl.js';
import { loadLanguageIdentifier, type LanguageIdentifier } from './language.js';
import { readTextFile } from './txt.js';
import { article, skip, type InputItem } from './types.js';
import { readWarcFile } from './warc.js';

export type { InputItem } from './types.js';

export interface ReadInputsOptions {
  /** Skip articles that are not in English (fastText language ID on the first 1,000 characters). Default false. */
  languageId?: boolean;
  /** Skip articles whose text (trimmed) has fewer characters than this. Default 1 (only empty texts). */
  minChars?: number;
}

export const MAX_HTML_BYTES = 8 * 1024 * 1024;

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code && /^E[A-Z]+$/.test(err.code) ? err.code : err.message;
}

async function readHtmlFile(path: string, id: string): Promise<InputItem> {
  const page = extractHtml(decodeDocument(await readWhole(path, MAX_HTML_BYTES)));
  return 'reason' in page ? skip(path, page.reason) : article({ id, ...page }, path);
}

async function* readXmlFile(path: string, rel: string): AsyncGenerator<InputItem> {
  const xml = decodeDocument(await readWhole(path, MAX_FEED_BYTES));
  const root = rootElement(xml.slice(0, 8192));
  const format = feedFormat(root);
  if (format === null) {
    yield skip(path, root === null ? 'not a news feed (no XML root element)' : `not a news feed (root element <${root}>)`);
    return;
  }
  yield* readFeedFile(path, rel, format, xml);
}

/** Every item of one file; `rel` is its path relative to the input root (used as id where needed). */
async function* readFile(path: string, rel: string): AsyncGenerator<InputItem> {
  const kind = fileKind(path);
  try {
    switch (kind) {
      case null: yield skip(path, `unsupported file type ${extensionOf(path)}`); return;
      case 'txt': yield await readTextFile(path, rel); return;
      case 'html': yield await readHtmlFile(path, rel); return;
      case 'jsonl': yield* readJsonlFile(path); return;
      case 'xml': yield* readXmlFile(path, rel); return;
      case 'warc': yield* readWarcFile(path); return;
    }
  } catch (e) {
    yield skip(path, e instanceof TooLarge ? e.message : `cannot read (${errorText(e)})`);
  }
}

/** Throws, naming the path, when an input does not exist or cannot be examined. */
function checkInputs(paths: string[]): void {
  for (const p of paths) {
    if (p === '-') continue;
    try {
      statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `${p}: no such file or directory` : `${p}: cannot read (${errorText(e)})`);
    }
  }
}

function filter(item: InputItem, minChars: number, lid: LanguageIdentifier | null): InputItem {
  if (item.kind !== 'article') return item;
  const len = item.article.text.trim().length;
  if (len === 0) return skip(item.origin, 'no article text');
  if (len < minChars) return skip(item.origin, `text too short (${len} characters, minimum ${minChars})`);
  const foreign = lid?.notEnglish(item.article.text);
  if (foreign) return skip(item.origin, `not English (${foreign.lang}, ${foreign.score.toFixed(2)})`);
  return item;
}

/**
 * Articles and skipped inputs from every path, in order: files as given, directories walked in
 * sorted order, `-` for JSON Lines on stdin. Throws before yielding anything when a path does not
 * exist, or when language identification is asked for and the model cannot be loaded; everything
 * else that is wrong with an input is a skip item.
 */
export async function* readInputs(paths: string[], opts: ReadInputsOptions = {}): AsyncGenerator<InputItem> {
  checkInputs(paths);
  const minChars = Math.max(1, opts.minChars ?? 1);
  const lid = opts.languageId ? await loadLanguageIdentifier() : null;
  for (const p of paths) {
    let source: AsyncIterable<InputItem>;
    if (p === '-') source = readJsonLines(process.stdin, '<stdin>');
    else if (statSync(p).isDirectory()) source = readDirectory(p);
    else source = readFile(p, basename(p));
    for await (const item of source) yield filter(item, minChars, lid);
  }
}

async function* readDirectory(root: string): AsyncGenerator<InputItem> {
  for (const entry of walkDirectory(root)) {
    if (entry.problem) yield skip(entry.path, entry.problem);
    else yield* readFile(entry.path, entry.rel);
  }
}
