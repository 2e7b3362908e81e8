/** `dyad code`: news text in, one JSON object per event out; `--jobs N` codes in N worker threads. */
import type { Article } from '../pipeline/types.js';
import { readArticles, isProblem, type InputProblem } from '../io/articles.js';
import { codeParallel } from '../parallel/code-parallel.js';
import { formatEvents, TABLE_HEADER, type OutputFormat } from './format.js';
import { Output } from './output.js';
import { codeStats, newCounts, type RunCounts, type WorkerStats } from './stats.js';

export interface CodeOptions {
  format: OutputFormat;
  published?: string;
  statements?: boolean;
  /** Days before publication after which an event is historical (default 30). */
  historicalDays?: number;
  /** Worker threads; 1 (the default) codes in the main thread. */
  jobs?: number;
  /** Print a JSON line of counts, times and peak memory on stderr at the end. */
  stats?: boolean;
  /** Articles per message to a worker (default BATCH_ARTICLES). */
  batchSize?: number;
}

export async function runCode(inputs: string[], opts: CodeOptions): Promise<number> {
  if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) {
    process.stderr.write(`dyad code: --published must be YYYY-MM-DD, got "${opts.published}"\n`);
    return 2;
  }
  const jobs = opts.jobs ?? 1;
  const counts = newCounts();
  const output = new Output();
  const articles = skipProblems(readArticles(inputs.length ? inputs : ['-'], { published: opts.published }), counts);
  if (opts.format === 'table') await output.write(TABLE_HEADER + '\n');
  const run = jobs === 1
    ? await codeSerial(articles, output, counts, opts)
    : await codeParallel(articles, output, counts, { jobs, format: opts.format, statements: !!opts.statements, batchArticles: opts.batchSize, historicalDays: opts.historicalDays });
  await output.flush();
  process.stderr.write(`dyad code: ${counts.articles} articles, ${counts.events} events${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`);
  if (opts.stats) process.stderr.write(JSON.stringify(codeStats(jobs, counts, run.readyMs, output.firstEventMs, run.workers)) + '\n');
  return counts.skipped > 0 ? 3 : 0;
}

/** Reports malformed input on stderr as file:line: skipped: message and passes the articles on. */
async function* skipProblems(items: AsyncIterable<Article | InputProblem>, counts: RunCounts): AsyncGenerator<Article> {
  for await (const item of items) {
    if (isProblem(item)) {
      counts.skipped++;
      process.stderr.write(`${item.file}${item.line !== null ? `:${item.line}` : ''}: skipped: ${item.message}\n`);
      continue;
    }
    counts.articles++;
    counts.chars += item.text.length;
    yield item;
  }
}

async function codeSerial(articles: AsyncIterable<Article>, output: Output, counts: RunCounts, opts: CodeOptions): Promise<{ readyMs: number; workers: WorkerStats[] }> {
  // Imported here: with --jobs N the main thread never loads the coder (about 40 MB).
  const { createCoder } = await import('../pipeline/index.js');
  const coder = createCoder({ statements: opts.statements, historicalDays: opts.historicalDays });
  const readyMs = performance.now();
  for await (const a of articles) {
    const events = coder.code(a);
    counts.events += events.length;
    await output.write(formatEvents(events, opts.format), events.length);
  }
  return { readyMs, workers: [] };
}
