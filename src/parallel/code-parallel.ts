/**
 * `dyad code --jobs N`: articles go to N workers in batches; their output is written in input order,
 * in the same bytes as the single-thread path (which needs every article to be coded independently
 * of the articles coded before it in the same thread; test/cli/jobs.test.ts checks both). Reading
 * pauses while MAX_QUEUED_PER_JOB batches per worker are being coded or wait to be written, which
 * bounds memory on any input size; writing waits for stdout to drain.
 */
import type { Article } from '../pipeline/types.js';
import type { Output } from '../cli/output.js';
import type { OutputFormat } from '../cli/format.js';
import type { RunCounts, WorkerStats } from '../cli/stats.js';
import type { BatchResult } from './protocol.js';
import { WorkerPool } from './pool.js';

/** A batch closes at this many articles or characters of text, whichever comes first. */
export const BATCH_ARTICLES = 32;
export const BATCH_CHARS = 1 << 18;
const MAX_QUEUED_PER_JOB = 3;

export interface ParallelOptions {
  jobs: number;
  format: OutputFormat;
  statements: boolean;
  historicalDays?: number;
  /** Articles per batch (default BATCH_ARTICLES). */
  batchArticles?: number;
}

export interface ParallelRun {
  /** performance.now() when every worker had loaded its coder. */
  readyMs: number;
  workers: WorkerStats[];
}

interface Queued {
  result: Promise<BatchResult>;
  settled: boolean;
}

/** Starts the workers, codes the articles and writes their events to `output` in input order. */
export async function codeParallel(articles: AsyncIterable<Article>, output: Output, counts: RunCounts, opts: ParallelOptions): Promise<ParallelRun> {
  const pool = await WorkerPool.start(opts.jobs, { statements: opts.statements, format: opts.format, historicalDays: opts.historicalDays });
  const readyMs = performance.now();
  try {
    await codeInOrder(pool, articles, output, counts, opts.batchArticles ?? BATCH_ARTICLES);
  } finally {
    await pool.close();
  }
  return { readyMs, workers: pool.stats() };
}

async function codeInOrder(pool: WorkerPool, articles: AsyncIterable<Article>, output: Output, counts: RunCounts, batchArticles: number): Promise<void> {
  const queue: Queued[] = [];
  const maxQueued = pool.size * MAX_QUEUED_PER_JOB;
  let batch: Article[] = [];
  let chars = 0;

  const writeHead = async () => {
    const r = await queue.shift()!.result;
    counts.events += r.events;
    await output.write(r.out, r.events);
  };
  const submit = async () => {
    const q: Queued = { result: pool.run(batch), settled: false };
    // Also marks rejections as handled: a failure surfaces when its batch reaches the head.
    q.result.then(() => { q.settled = true; }, () => { q.settled = true; });
    queue.push(q);
    batch = [];
    chars = 0;
    while (queue.length > maxQueued) await writeHead();
    while (queue.length > 0 && queue[0].settled) await writeHead();
  };

  for await (const a of articles) {
    batch.push(a);
    chars += a.text.length;
    if (batch.length >= batchArticles || chars >= BATCH_CHARS) await submit();
  }
  if (batch.length > 0) await submit();
  while (queue.length > 0) await writeHead();
}
