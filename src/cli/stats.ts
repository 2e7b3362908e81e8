/**
 * `dyad code --stats`: one JSON line on stderr after the run, for benchmarks. Times are milliseconds
 * since the process started (performance.now()); `max_rss_kb` is the peak resident set size of the
 * whole process, worker threads included (they share it).
 */

export interface WorkerStats {
  /** Articles this worker coded. */
  articles: number;
  /** Time spent coding and formatting batches. */
  busy_ms: number;
  /** Time the worker took to load the lexicons and the language model. */
  init_ms: number;
  /** Batches coded again without the heap cap after this worker ran out of memory (src/parallel/pool.ts). */
  heap_retries: number;
}

export interface RunCounts {
  articles: number;
  skipped: number;
  events: number;
  /** Characters of article text coded. */
  chars: number;
}

export interface CodeStats extends RunCounts {
  stats: 'dyad code';
  jobs: number;
  /** The coder (or every worker's coder) is loaded. */
  ready_ms: number;
  /** The first event line was handed to the output; null when there were no events. */
  first_event_ms: number | null;
  /** All output written. */
  elapsed_ms: number;
  max_rss_kb: number;
  cpu_user_ms: number;
  cpu_system_ms: number;
  workers: WorkerStats[];
}

export function newCounts(): RunCounts {
  return { articles: 0, skipped: 0, events: 0, chars: 0 };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function codeStats(jobs: number, counts: RunCounts, readyMs: number, firstEventMs: number | null, workers: WorkerStats[]): CodeStats {
  const ru = process.resourceUsage();
  return {
    stats: 'dyad code', jobs, ...counts,
    ready_ms: round(readyMs), first_event_ms: firstEventMs === null ? null : round(firstEventMs), elapsed_ms: round(performance.now()),
    max_rss_kb: ru.maxRSS, cpu_user_ms: Math.round(ru.userCPUTime / 1000), cpu_system_ms: Math.round(ru.systemCPUTime / 1000),
    workers: workers.map((w) => ({ articles: w.articles, busy_ms: round(w.busy_ms), init_ms: round(w.init_ms), heap_retries: w.heap_retries })),
  };
}
