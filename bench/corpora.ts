/** The bench's corpora (../shared/corpora): which ones, how many articles, and their exact size in sentences and tokens. */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { once } from 'node:events';
import { readArticles, isProblem } from '../src/io/articles.js';
import { analyse } from '../src/pipeline/text.js';

export interface CorpusSpec {
  name: string;
  file: string;
  /** Articles (non-empty lines) to code; null for the whole file. */
  limit: number | null;
}

/** Default limits keep one bench run under ~10 minutes on 2 cores. */
export const DEFAULT_CORPORA: CorpusSpec[] = [
  { name: 'wikinews', file: 'wikinews_2019_2020.jsonl', limit: null },
  { name: 'muc', file: 'muc34_fbis.jsonl', limit: null },
  { name: 'whitehouse', file: 'whitehouse_briefing_room.jsonl.gz', limit: 2000 },
];

export interface CorpusSize {
  articles: number;
  skipped: number;
  sentences: number;
  tokens: number;
  chars: number;
}

/**
 * The file `dyad code` reads for this corpus: the corpus itself when it is used whole, else its first
 * `limit` non-empty lines as plain .jsonl in `tmp`.
 */
export async function corpusInput(spec: CorpusSpec, dir: string, tmp: string): Promise<string> {
  const path = join(dir, spec.file);
  if (!existsSync(path)) throw new Error(`corpus not found: ${path}`);
  if (spec.limit === null) return path;
  const out = join(tmp, `${spec.name}-${spec.limit}.jsonl`);
  const stream = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  const w = createWriteStream(out);
  let n = 0;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    if (!w.write(line + '\n')) await once(w, 'drain');
    if (++n >= spec.limit) break;
  }
  rl.close();
  stream.destroy();
  w.end();
  await once(w, 'finish');
  return out;
}

/**
 * Counts sentences and tokens with the coder's own text stage (src/pipeline/text.ts), once per corpus
 * and outside the timed runs: the coder does not report them, and `dyad code --stats` cannot count
 * them without running the text stage a second time.
 */
export async function measureCorpus(file: string): Promise<CorpusSize> {
  const size: CorpusSize = { articles: 0, skipped: 0, sentences: 0, tokens: 0, chars: 0 };
  for await (const item of readArticles([file])) {
    if (isProblem(item)) { size.skipped++; continue; }
    const doc = analyse(item.text);
    size.articles++;
    size.sentences += doc.sentStart.length;
    size.tokens += doc.n;
    size.chars += item.text.length;
  }
  return size;
}
