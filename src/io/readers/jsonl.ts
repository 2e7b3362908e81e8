/**
 * JSON Lines articles (`.jsonl`, `.ndjson`, `.json`, each optionally `.gz`, or stdin), streamed line
 * by line. Each line is checked by parseArticleLine (the same rules as `dyad code`); a bad line is a
 * skip item naming the line and field. The id is the line's own `id`.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { readLines } from '../lines.js';
import type { Readable } from 'node:stream';
import { parseArticleLine, isProblem } from '../articles.js';
import { article, skip, type InputItem } from './types.js';

export async function* readJsonLines(input: Readable, name: string): AsyncGenerator<InputItem> {
  let n = 0;
  const lines = readLines(input);
  try {
    for await (const raw of lines) {
      n++;
      if (raw.trim() === '') continue;
      const a = parseArticleLine(raw, name, n);
      yield isProblem(a) ? skip(`${name}:${n}`, a.message) : article(a, `${name}:${n}`);
    }
  } catch (e) {
    yield skip(`${name}:${n + 1}`, `cannot read further (${(e as Error).message})`);
  } finally {
    await lines.return(undefined);
    if (input !== process.stdin) input.destroy();
  }
}

export function readJsonlFile(path: string): AsyncGenerator<InputItem> {
  const file = createReadStream(path);
  if (!/\.gz$/i.test(path)) return readJsonLines(file, path);
  const gunzip = createGunzip();
  // Errors of the file stream (EACCES) must reach the line reader, which only listens to gunzip.
  file.on('error', (e) => gunzip.destroy(e));
  return readJsonLines(file.pipe(gunzip), path);
}
