/**
 * `dyad ingest PATH...`: reads articles (src/io/readers), codes them and stores articles, mentions
 * and deduplicated events in a SQLite database. A progress line on a terminal, a summary at the end.
 */
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { readInputs, type InputItem } from '../io/readers/index.js';
import { openStore } from '../store/store.js';
import { ingest, type IngestSummary } from '../store/ingest.js';

export interface IngestCliOptions {
  db: string;
  jobs: number;
  statements: boolean;
  languageId: boolean;
  minChars?: number;
  batchSize?: number;
  /** A JSON line of counts, time and peak memory on stderr at the end (for benchmarks). */
  stats?: boolean;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary line: articles, sentences, events, skipped inputs with their reasons counted. */
export function summaryLine(s: IngestSummary): string {
  const skipped = Object.entries(s.skipped).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const nSkipped = skipped.reduce((n, [, c]) => n + c, 0);
  const parts = [
    `${plural(s.articles, 'article')} (${s.stored} new, ${s.updated} updated, ${s.already} already stored)`,
    plural(s.sentences, 'sentence'),
    `${plural(s.mentions, 'event mention')} -> ${plural(s.events, 'new event')} (${s.joined} joined an event already reported)`,
    nSkipped ? `${nSkipped} skipped: ${skipped.map(([r, c]) => `${c} ${r}`).join(', ')}` : '0 skipped',
  ];
  return `dyad ingest: ${parts.join(', ')}`;
}

/** Leaves out the database's own files (`dyad ingest . --db dyad.db` walks into them). */
async function* withoutDatabase(items: AsyncIterable<InputItem>, db: string): AsyncGenerator<InputItem> {
  const own = new Set(['', '-wal', '-shm', '-journal'].map((x) => resolve(db + x)));
  for await (const it of items) {
    if (it.kind === 'skip' && own.has(resolve(it.origin))) continue;
    yield it;
  }
}

export async function runIngest(paths: string[], o: IngestCliOptions): Promise<number> {
  let store;
  try {
    store = openStore(o.db);
  } catch (e) {
    process.stderr.write(`dyad ingest: ${(e as Error).message}\n`);
    return 1;
  }
  // The progress line only on a terminal: logs and pipes get the skips and the summary alone.
  const bar = process.stderr.isTTY === true ? new cliProgress.SingleBar({
    format: 'ingest | {value} inputs | {stored} new | {sentences} sentences | {events} events | {skipped} skipped | {rate} articles/s | {elapsed}',
    stream: process.stderr, hideCursor: true, clearOnComplete: true, fps: 5,
  }) : null;
  const t0 = performance.now();
  let last = { value: 0, payload: { stored: 0, sentences: 0, events: 0, skipped: 0, rate: '0', elapsed: '0s' } };
  const progress = (s: IngestSummary) => {
    const secs = (performance.now() - t0) / 1000;
    const skipped = Object.values(s.skipped).reduce((n, c) => n + c, 0);
    last = {
      value: s.articles + skipped,
      payload: { stored: s.stored + s.updated, sentences: s.sentences, events: s.events, skipped, rate: secs > 0 ? ((s.stored + s.updated) / secs).toFixed(1) : '0', elapsed: `${Math.round(secs)}s` },
    };
    bar?.update(last.value, last.payload);
  };
  bar?.start(0, 0, last.payload);
  let summary: IngestSummary;
  try {
    const items = withoutDatabase(readInputs(paths.length ? paths : ['-'], { languageId: o.languageId, minChars: o.minChars }), o.db);
    summary = await ingest(store, items, {
      jobs: o.jobs, statements: o.statements, batchArticles: o.batchSize,
      onProgress: bar ? progress : undefined,
      onSkip: (origin, reason) => {
        // Each skip on a line of its own, above the progress line.
        bar?.stop();
        process.stderr.write(`${origin}: skipped: ${reason}\n`);
        bar?.start(0, last.value, last.payload);
      },
    });
  } catch (e) {
    bar?.stop();
    store.close();
    process.stderr.write(`dyad ingest: ${(e as Error).message}\n`);
    return 1;
  }
  bar?.stop();
  store.close();
  process.stderr.write(summaryLine(summary) + '\n');
  if (o.stats) {
    const ru = process.resourceUsage();
    process.stderr.write(JSON.stringify({
      stats: 'dyad ingest', jobs: o.jobs, articles: summary.articles, stored: summary.stored + summary.updated,
      sentences: summary.sentences, mentions: summary.mentions, events: summary.events,
      elapsed_ms: Math.round(performance.now()), ingest_ms: Math.round(performance.now() - t0),
      max_rss_kb: ru.maxRSS, cpu_user_ms: Math.round(ru.userCPUTime / 1000), cpu_system_ms: Math.round(ru.systemCPUTime / 1000),
    }) + '\n');
  }
  return Object.keys(summary.skipped).length > 0 ? 3 : 0;
}
