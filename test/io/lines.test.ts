// readLines: the JSON Lines reader under `dyad code` and `dyad ingest`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readLines } from '../../src/io/lines.js';

async function all(chunks: (string | Buffer)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of readLines(Readable.from(chunks, { objectMode: true }))) out.push(l);
  return out;
}

test('line ends: \\n and \\r\\n, empty lines kept, no empty line after the last end, a last line without an end', async () => {
  assert.deepEqual(await all(['a\r\nb\n\nc\n']), ['a', 'b', '', 'c']);
  assert.deepEqual(await all(['a\nb']), ['a', 'b']);
  assert.deepEqual(await all(['']), []);
  assert.deepEqual(await all(['x\r', '\ny']), ['x', 'y']);
});

test('a line spanning many chunks, and a character split between chunks', async () => {
  const long = 'é'.repeat(50_000);
  const bytes = Buffer.from(`${long}\nAzərbaycan\n`, 'utf8');
  const chunks: Buffer[] = [];
  // 7-byte chunks cut most two-byte characters in half.
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  assert.deepEqual(await all(chunks), [long, 'Azərbaycan']);
});

test('reads only as far as the lines taken (no read-ahead of the whole input)', async () => {
  let served = 0;
  const total = 1000;
  const stream = new Readable({
    highWaterMark: 1,
    objectMode: true,
    read() {
      served++;
      this.push(served <= total ? `line ${served}\n` : null);
    },
  });
  const it = readLines(stream);
  assert.equal((await it.next()).value, 'line 1');
  assert.equal((await it.next()).value, 'line 2');
  assert.ok(served < 20, `read ${served} chunks for 2 lines`);
  await it.return(undefined);
});
