/**
 * Input files: recursive directory walk in a stable order, file kinds by extension, and whole-file
 * reads (with gunzip for `.gz`) for the formats that are read in one piece.
 */
import { readdirSync, statSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type FileKind = 'txt' | 'html' | 'jsonl' | 'xml' | 'warc';

/**
 * Kind by extension (case-insensitive): .txt, .html/.htm/.xhtml, .jsonl/.ndjson/.json (JSON Lines,
 * as `dyad code` reads .json), .xml/.rss/.atom/.rdf (feeds; the root element decides), .warc and
 * .wet (WARC); each also with .gz. null for anything else.
 */
export function fileKind(path: string): FileKind | null {
  const name = path.toLowerCase().replace(/^.*[/\\]/, '').replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = name.slice(dot + 1);
  switch (ext) {
    case 'txt': return 'txt';
    case 'html': case 'htm': case 'xhtml': return 'html';
    case 'jsonl': case 'ndjson': case 'json': return 'jsonl';
    case 'xml': case 'rss': case 'atom': case 'rdf': return 'xml';
    case 'warc': case 'wet': return 'warc';
    default: return null;
  }
}

/** The extension shown in an "unsupported file type" reason (".pdf", ".tar.gz", or "(none)"). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const m = /(\.[^.]+)?(\.gz)?$/i.exec(base);
  const ext = m && m[0] !== base ? m[0] : '';
  return ext === '' ? '(no extension)' : ext.toLowerCase();
}

/** Code-unit order: the same on every machine and locale. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface WalkEntry {
  /** The path to open (root joined with rel). */
  path: string;
  /** Path relative to the walked root, with "/" separators. */
  rel: string;
  /** Set when the entry could not be listed or is neither a file nor a directory. */
  problem?: string;
}

/**
 * Files under `root`, depth first, entries of each directory sorted by name; names starting with
 * "." are left out. Symbolic links are followed, but a directory already visited (a link cycle) is not
 * entered again.
 */
export function* walkDirectory(root: string): Generator<WalkEntry> {
  const seen = new Set<string>();
  function* visit(dir: string, rel: string): Generator<WalkEntry> {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      yield { path: dir, rel, problem: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      yield { path: dir, rel, problem: `cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
      return;
    }
    for (const name of names.sort(byName)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      let st;
      try {
        st = statSync(path);
      } catch (e) {
        yield { path, rel: r, problem: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
        continue;
      }
      if (st.isDirectory()) yield* visit(path, r);
      else if (st.isFile()) yield { path, rel: r };
      else yield { path, rel: r, problem: 'not a regular file' };
    }
  }
  yield* visit(root, '');
}

export class TooLarge extends Error {
  constructor(readonly bytes: number, readonly limit: number) {
    super(`file too large (${bytes} bytes, limit ${limit})`);
  }
}

/** Reads a whole file, gunzipping `.gz`; throws TooLarge above `limit` bytes (checked after gunzip too). */
export async function readWhole(path: string, limit: number): Promise<Buffer> {
  const size = statSync(path).size;
  if (size > limit) throw new TooLarge(size, limit);
  const raw = await readFile(path);
  if (!/\.gz$/i.test(path)) return raw;
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge(limit + 1, limit);
    throw e;
  }
}
