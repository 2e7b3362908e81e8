/**
 * Article readers for `dyad code`: .txt (one article), .jsonl / .jsonl.gz (one article per line) and
 * `-` (JSONL on stdin). A malformed line is reported as file:line: message and skipped.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { readLines } from './lines.js';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Article } from '../pipeline/types.js';

export interface InputProblem {
  file: string;
  line: number | null;
  message: string;
}

const ArticleLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  published: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  source: z.string().nullish(),
}).passthrough();

const ISO = /^\d{4}-\d{2}-\d{2}/;

/** YYYY-MM-DD... naming a day that exists (not 2021-13-45). */
function validIsoDay(s: string): boolean {
  if (!ISO.test(s)) return false;
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses one JSONL line into an Article or a problem naming the field. */
export function parseArticleLine(raw: string, file: string, line: number): Article | InputProblem {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { file, line, message: `not valid JSON (${(e as Error).message})` };
  }
  const r = ArticleLine.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.join('.') || '(line)';
    return { file, line, message: `field "${field}": ${issue.message}` };
  }
  const a = r.data;
  if (a.text.trim() === '') return { file, line, message: 'field "text": empty' };
  if (a.published && !validIsoDay(a.published)) return { file, line, message: `field "published": expected an ISO date (YYYY-MM-DD...), got "${a.published}"` };
  return { id: a.id, text: a.text, published: a.published ?? null, title: a.title ?? null, url: a.url ?? null, source: a.source ?? null };
}

export function isProblem(x: Article | InputProblem): x is InputProblem {
  return (x as InputProblem).message !== undefined && (x as Article).text === undefined;
}

async function* jsonlLines(stream: NodeJS.ReadableStream, file: string): AsyncGenerator<Article | InputProblem> {
  let n = 0;
  for await (const raw of readLines(stream)) {
    n++;
    if (raw.trim() === '') continue;
    yield parseArticleLine(raw, file, n);
  }
}

export interface ReadOptions {
  /** Publication date for .txt files (YYYY-MM-DD). */
  published?: string | null;
}

/** Yields articles (or problems) from every input, in order. */
export async function* readArticles(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<Article | InputProblem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* jsonlLines(process.stdin, '<stdin>');
      continue;
    }
    let size: number;
    try {
      const st = statSync(input);
      if (!st.isFile()) { yield { file: input, line: null, message: 'not a file' }; continue; }
      size = st.size;
    } catch (e) {
      yield { file: input, line: null, message: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
      continue;
    }
    if (input.endsWith('.jsonl.gz')) yield* jsonlLines(createReadStream(input).pipe(createGunzip()), input);
    else if (input.endsWith('.jsonl') || input.endsWith('.json')) yield* jsonlLines(createReadStream(input), input);
    else if (input.endsWith('.txt')) {
      const text = readFileSync(input, 'utf8');
      if (text.includes('\u0000')) { yield { file: input, line: null, message: 'binary content (NUL bytes), not text' }; continue; }
      if (text.trim() === '') { yield { file: input, line: null, message: 'empty file' }; continue; }
      yield { id: basename(input), text, published: opts.published ?? null, title: null, url: null, source: null };
    } else {
      yield { file: input, line: null, message: `unsupported file type (expected .txt, .jsonl, .jsonl.gz or -); ${size} bytes` };
    }
  }
}
