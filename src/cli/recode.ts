/** `dyad recode`: re-codes stored articles (after a lexicon change) and replaces their events, one transaction per article. */
import cliProgress from 'cli-progress';
import { openStore } from '../store/store.js';
import { recode, type RecodeSummary } from '../store/ingest.js';

export interface RecodeCliOptions {
  jobs: number;
  changed: boolean;
  ids?: number[];
  batchSize?: number;
}

export async function runRecode(db: string, o: RecodeCliOptions): Promise<number> {
  const store = openStore(db, { mustExist: true });
  const bar = process.stderr.isTTY === true ? new cliProgress.SingleBar({
    format: 'recode | {value} articles | {sentences} sentences | {events} new events | {duration_formatted}',
    stream: process.stderr, hideCursor: true, clearOnComplete: true, fps: 5,
  }) : null;
  bar?.start(0, 0, { sentences: 0, events: 0 });
  let s: RecodeSummary;
  try {
    s = await recode(store, {
      jobs: o.jobs, changed: o.changed, ids: o.ids, batchArticles: o.batchSize,
      onProgress: bar ? (p) => bar.update(p.articles, { sentences: p.sentences, events: p.events }) : undefined,
    });
  } catch (e) {
    bar?.stop();
    process.stderr.write(`dyad recode: ${(e as Error).message}\n`);
    return 1;
  } finally {
    store.close();
  }
  bar?.stop();
  process.stderr.write(`dyad recode: ${s.articles} articles, ${s.sentences} sentences, ${s.mentions} event mentions -> ${s.events} new events (${s.joined} joined an existing event)\n`);
  return 0;
}
