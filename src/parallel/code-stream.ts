/**
 * Coding for the store (`dyad ingest`, `dyad recode`): items in, each item's events and sentence
 * count out, in input order, in this thread (jobs 1) or in worker threads ('events' mode of the
 * pool). Like `dyad code --jobs`, reading pauses while MAX_QUEUED_PER_JOB batches per worker are in
 * flight, so memory stays bounded on any input; the consumer's pace (SQLite writes) sets the pace.
 */
import type { Article, CodedEvent } from '../pipeline/types.js';
import type { Coder, ExtraPeople } from '../pipeline/index.js';
import { WorkerPool } from './pool.js';
import { BATCH_ARTICLES, BATCH_CHARS } from './code-parallel.js';
import type { BatchResult } from './protocol.js';

const MAX_QUEUED_PER_JOB = 3;

export interface StreamOptions {
  jobs: number;
  statements: boolean;
  /** Articles per batch sent to a worker (default BATCH_ARTICLES). */
  batchArticles?: number;
  /** People known from outside the lexicon files (see CoderOptions.people). */
  people?: ExtraPeople;
}

export interface CodedItem<T> {
  item: T;
  events: CodedEvent[];
  sentences: number;
}

/** Codes every item's article; yields the results in input order. */
export async function* codeStream<T>(items: AsyncIterable<T>, articleOf: (item: T) => Article, opts: StreamOptions): AsyncGenerator<CodedItem<T>> {
  if (opts.jobs <= 1) {
    // Built on the first article: a run with nothing new to code does not load the lexicons.
    let coder: Coder | null = null;
    for await (const item of items) {
      // Imported here: with --jobs N the main thread never loads the coder (about 40 MB).
      coder ??= (await import('../pipeline/index.js')).createCoder({ statements: opts.statements, people: opts.people });
      const r = coder.codeCounted(articleOf(item));
      yield { item, events: r.events, sentences: r.sentences };
    }
    return;
  }
  // The workers start with the first batch: a run with nothing new to code starts none.
  let pool: WorkerPool | null = null;
  const start = async () => (pool ??= await WorkerPool.start(opts.jobs, { statements: opts.statements, format: 'jsonl', mode: 'events', people: opts.people }));
  try {
    yield* inOrder(start, opts.jobs, items, articleOf, opts.batchArticles ?? BATCH_ARTICLES);
  } finally {
    await (pool as WorkerPool | null)?.close();
  }
}

interface Queued<T> {
  items: T[];
  result: Promise<BatchResult>;
  settled: boolean;
}

async function* inOrder<T>(pool: () => Promise<WorkerPool>, jobs: number, items: AsyncIterable<T>, articleOf: (item: T) => Article, batchArticles: number): AsyncGenerator<CodedItem<T>> {
  const queue: Queued<T>[] = [];
  const maxQueued = jobs * MAX_QUEUED_PER_JOB;
  let batch: T[] = [];
  let chars = 0;

  async function* head(): AsyncGenerator<CodedItem<T>> {
    const q = queue.shift()!;
    const r = await q.result;
    if (!r.coded || r.coded.length !== q.items.length) throw new Error('a coding worker replied without events for every article of its batch');
    for (let i = 0; i < q.items.length; i++) yield { item: q.items[i], events: r.coded[i].events, sentences: r.coded[i].sentences };
  }
  async function submit(): Promise<void> {
    const q: Queued<T> = { items: batch, result: (await pool()).run(batch.map(articleOf)), settled: false };
    // Also marks rejections as handled: a failure surfaces when its batch reaches the head.
    q.result.then(() => { q.settled = true; }, () => { q.settled = true; });
    queue.push(q);
    batch = [];
    chars = 0;
  }

  for await (const item of items) {
    batch.push(item);
    chars += articleOf(item).text.length;
    if (batch.length >= batchArticles || chars >= BATCH_CHARS) {
      await submit();
      while (queue.length > maxQueued) yield* head();
      while (queue.length > 0 && queue[0].settled) yield* head();
    }
  }
  if (batch.length > 0) await submit();
  while (queue.length > 0) yield* head();
}
