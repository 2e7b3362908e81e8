/**
 * A coding worker: builds one coder (one wink-nlp instance, lexicons loaded once) and codes the
 * batches the main thread sends, returning their formatted output (or, in 'events' mode, the events
 * as objects with each article's sentence count). Started by worker-entry.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCoder, type Coder } from '../pipeline/index.js';
import { formatEvents } from '../cli/format.js';
import type { CodedArticleResult, FromWorker, ToWorker, WorkerInit } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('code-worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
const send = (m: FromWorker) => port.postMessage(m);

let coder: Coder | null = null;
const t0 = performance.now();
try {
  coder = createCoder({ statements: init.statements, people: init.people, historicalDays: init.historicalDays });
  send({ type: 'ready', initMs: performance.now() - t0 });
} catch (e) {
  send({ type: 'error', id: null, message: (e as Error).message });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'close' || !coder) { process.exit(0); }
  const start = performance.now();
  try {
    let out = '';
    let events = 0;
    if (init.mode === 'events') {
      const coded: CodedArticleResult[] = [];
      for (const a of m.articles) {
        const r = coder.codeCounted(a);
        events += r.events.length;
        coded.push(r);
      }
      send({ type: 'result', id: m.id, out, events, coded, busyMs: performance.now() - start });
      return;
    }
    for (const a of m.articles) {
      const ev = coder.code(a);
      events += ev.length;
      out += formatEvents(ev, init.format);
    }
    send({ type: 'result', id: m.id, out, events, busyMs: performance.now() - start });
  } catch (e) {
    send({ type: 'error', id: m.id, message: (e as Error).message });
  }
});
