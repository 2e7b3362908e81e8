/**
 * A fixed pool of coding workers. `run(batch)` resolves with the batch's formatted output. Batch i
 * always goes to worker i mod n, so a given input and --jobs value always split the same way: should
 * the coder ever again depend on the articles it coded before (wink-nlp's lexicon learns words; see
 * test/cli/jobs.test.ts), --jobs output would still be reproducible run to run.
 * Each worker holds at most PREFETCH batches, so it never waits for the main thread; the rest wait
 * here. The first failure (a worker error or exit, or a coder exception) fails the whole pool, but
 * for one: a worker that runs out of its heap.
 *
 * Each worker's old-generation heap is capped (WORKER_HEAP_MB). A coding worker holds about 70 MB
 * of live data, but V8 lets an uncapped heap grow to four or five times that before it collects:
 * about 300 MB a worker on the White House corpus. The cap keeps two workers within a laptop's
 * budget at the same speed. An article too big for the cap (a multi-megabyte document) makes the
 * worker run out of memory; its unfinished batches are then coded again in a worker without the cap,
 * which is replaced by a capped one once they are done. Articles are coded independently of each
 * other, so the output does not change.
 */
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { ensureGeoCache } from '../geo/index.js';
import type { Article } from '../pipeline/types.js';
import type { WorkerStats } from '../cli/stats.js';
import type { BatchResult, FromWorker, ToWorker, WorkerInit } from './protocol.js';

// From the sources (tsx), a worker needs the loader registered first; compiled, it loads the worker directly.
const ENTRY = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('./code-worker.js', import.meta.url);
const PREFETCH = 2;

/** Old-generation heap of a coding worker, MB. DYAD_WORKER_HEAP_MB overrides it; 0 means no cap. */
export const WORKER_HEAP_MB = 160;

function heapCap(): number | null {
  const env = process.env.DYAD_WORKER_HEAP_MB;
  const mb = env !== undefined && /^\d+$/.test(env) ? Number(env) : WORKER_HEAP_MB;
  return mb > 0 ? mb : null;
}

/**
 * V8 optimises a function after a small amount of work (an interrupt budget of 66 KB of bytecode
 * run). The coder's large functions then keep meeting new object shapes and branches, and each time
 * V8 throws their optimised code away and compiles them again: on 2,000 White House articles about
 * 500 optimising compiles, 4-5 s of compiler time per coding thread. With one thread that work runs
 * on the idle second core; with two coding threads on two cores it is taken from the other thread.
 * Waiting 16 times longer before optimising gives V8 fuller type feedback: about 180 compiles, and
 * two workers code about 13% faster (one thread is ~9% slower with it, so only workers get it).
 * Flags are process-wide: set before the first worker starts, when the main thread only reads and
 * writes.
 */
const WORKER_V8_FLAGS = '--interrupt-budget=1081344';

function spawn(init: WorkerInit, capped: boolean): Worker {
  setFlagsFromString(WORKER_V8_FLAGS);
  const cap = capped ? heapCap() : null;
  return new Worker(ENTRY, { workerData: init, ...(cap ? { resourceLimits: { maxOldGenerationSizeMb: cap } } : {}) });
}

interface Job {
  id: number;
  articles: Article[];
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Job>;
  waiting: Job[];
  stats: WorkerStats;
  closing: boolean;
  /** Whether the worker's heap is capped; an uncapped worker only codes batches up to `roomyUntil`. */
  capped: boolean;
  roomyUntil: number;
}

export class WorkerPool {
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(private readonly slots: Slot[], private readonly init: WorkerInit) {
    for (const s of slots) this.listen(s, s.worker);
  }

  /** Starts n workers and resolves once every one has loaded its coder. */
  static async start(n: number, init: WorkerInit): Promise<WorkerPool> {
    // Build the place cache here once, not in every worker at the same time (3-4 s and ~300 MB each).
    ensureGeoCache();
    const slots: Slot[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const worker = spawn(init, true);
      const slot: Slot = { worker, pending: new Map(), waiting: [], stats: { articles: 0, busy_ms: 0, init_ms: 0, heap_retries: 0 }, closing: false, capped: true, roomyUntil: -1 };
      slots.push(slot);
      ready.push(new Promise<void>((resolve, reject) => {
        const onMessage = (m: FromWorker) => {
          if (m.type === 'ready') slot.stats.init_ms = m.initMs;
          else if (m.type === 'error') reject(new Error(m.message));
          else return;
          off();
          resolve();
        };
        const onError = (e: Error) => { off(); reject(e); };
        const onExit = (code: number) => { off(); reject(new Error(`coding worker exited (code ${code}) while starting`)); };
        const off = () => { worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit); };
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      }));
    }
    try {
      await Promise.all(ready);
    } catch (e) {
      await Promise.all(slots.map((s) => s.worker.on('error', () => {}).terminate()));
      throw e;
    }
    return new WorkerPool(slots, init);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Codes a batch of articles on worker (batch number mod n). */
  run(articles: Article[]): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<BatchResult>((resolve, reject) => {
      const id = this.nextId++;
      const slot = this.slots[id % this.slots.length];
      slot.waiting.push({ id, articles, resolve, reject });
      this.dispatch(slot);
    });
  }

  stats(): WorkerStats[] {
    return this.slots.map((s) => ({ ...s.stats }));
  }

  /** Lets every worker exit; after a failure they are terminated instead. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => {
      if (s.closing) return undefined;
      s.closing = true;
      if (this.failure) return s.worker.terminate();
      const exited = new Promise<void>((r) => s.worker.once('exit', () => r()));
      s.worker.postMessage({ type: 'close' } satisfies ToWorker);
      return exited;
    }));
  }

  private dispatch(slot: Slot): void {
    if (!slot.capped && slot.pending.size === 0 && slot.waiting.length > 0 && slot.waiting[0].id > slot.roomyUntil) {
      // The batches that needed room are done: back to a capped worker.
      const roomy = slot.worker;
      this.replace(slot, true);
      roomy.postMessage({ type: 'close' } satisfies ToWorker);
    }
    while (slot.waiting.length > 0 && slot.pending.size < PREFETCH && (slot.capped || slot.waiting[0].id <= slot.roomyUntil)) {
      const job = slot.waiting.shift()!;
      slot.pending.set(job.id, job);
      slot.worker.postMessage({ type: 'batch', id: job.id, articles: job.articles } satisfies ToWorker);
    }
  }

  /** Puts a new worker in the slot; the old one's events are ignored from then on. */
  private replace(slot: Slot, capped: boolean): void {
    slot.worker = spawn(this.init, capped);
    slot.capped = capped;
    this.listen(slot, slot.worker);
  }

  /** The slot's worker ran out of its capped heap: code its unfinished batches again without the cap. */
  private recover(slot: Slot): void {
    const retry = [...slot.pending.values()].sort((a, b) => a.id - b.id);
    slot.pending.clear();
    slot.waiting.unshift(...retry);
    slot.roomyUntil = retry.length ? retry[retry.length - 1].id : -1;
    slot.stats.heap_retries++;
    this.replace(slot, false);
    this.dispatch(slot);
  }

  private listen(slot: Slot, worker: Worker): void {
    worker.on('message', (m: FromWorker) => {
      if (slot.worker !== worker || m.type === 'ready') return;
      const job = m.id === null ? undefined : slot.pending.get(m.id);
      if (m.type === 'error' || !job) { this.fail(new Error(m.type === 'error' ? m.message : `unexpected reply ${m.id} from a coding worker`)); return; }
      slot.pending.delete(m.id);
      slot.stats.articles += job.articles.length;
      slot.stats.busy_ms += m.busyMs;
      job.resolve(m.coded ? { out: m.out, events: m.events, coded: m.coded } : { out: m.out, events: m.events });
      this.dispatch(slot);
    });
    worker.on('error', (e) => {
      if (slot.worker !== worker) return;
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && slot.capped && !slot.closing && !this.failure) this.recover(slot);
      else this.fail(e);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker && !slot.closing) this.fail(new Error(`a coding worker exited unexpectedly (code ${code})`));
    });
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const s of this.slots) {
      for (const job of [...s.pending.values(), ...s.waiting.splice(0)]) job.reject(e);
      s.pending.clear();
    }
    for (const s of this.slots) { s.closing = true; void s.worker.terminate(); }
  }
}
