/** A `.txt` file is one article: the whole file is its text, the id its path relative to the input root. */
import { readWhole } from './files.js';
import { article, skip, type InputItem } from './types.js';

export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export async function readTextFile(path: string, id: string): Promise<InputItem> {
  const buf = await readWhole(path, MAX_TEXT_BYTES);
  if (buf.includes(0)) return skip(path, 'binary content (NUL bytes), not text');
  const text = new TextDecoder('utf-8').decode(buf);
  if (text.trim() === '') return skip(path, 'empty file');
  return article({ id, text, published: null, title: null, url: null, source: null }, path);
}
