/**
 * Lines of a text stream, read a chunk at a time as the consumer asks for them.
 *
 * node:readline's async iterator keeps reading ahead until about a thousand lines wait unread: with
 * news articles of 10-50 KB a line, tens of megabytes held while the coder is busy. Here the
 * stream is read one chunk (64 KB) at a time, only when the lines of the last one were taken.
 * A line ends at "\n" ("\r\n" too); the last line needs no end.
 */
import { StringDecoder } from 'node:string_decoder';

export async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // Pieces of a line that spans chunks (joined once its end arrives: no repeated copying).
  let pending: string[] = [];
  const line = (last: string): string => {
    let s = pending.length ? pending.join('') + last : last;
    pending = [];
    if (s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
    return s;
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield line(text.slice(start, nl));
      start = nl + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const tail = decoder.end();
  if (tail) pending.push(tail);
  if (pending.length) yield line('');
}
