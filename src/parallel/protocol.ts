/** Messages between the main thread and the coding workers (src/parallel/code-worker.ts). */
import type { ExtraPeople } from '../pipeline/index.js';
import type { Article, CodedEvent } from '../pipeline/types.js';
import type { OutputFormat } from '../cli/format.js';

/** workerData: how every worker builds its coder and formats events. */
export interface WorkerInit {
  statements: boolean;
  format: OutputFormat;
  /**
   * 'format' (the default): reply with the batch's output lines (`dyad code`). 'events': reply with
   * each article's events as objects and its sentence count (`dyad ingest`, `dyad recode`).
   */
  mode?: 'format' | 'events';
  /** Days before publication after which an event is historical (coder option). */
  historicalDays?: number;
  /** People the coder knows from outside the lexicon files (learned by the store, user overrides). */
  people?: ExtraPeople;
}

/** One article's coding in 'events' mode. */
export interface CodedArticleResult {
  events: CodedEvent[];
  /** Sentences in the article, as the coder's text stage splits it. */
  sentences: number;
}

export type ToWorker =
  | { type: 'batch'; id: number; articles: Article[] }
  | { type: 'close' };

export interface BatchResult {
  /** The batch's output lines in input order, each ending in a newline. */
  out: string;
  events: number;
  /** 'events' mode: one entry per article of the batch, in order ('format' mode: absent). */
  coded?: CodedArticleResult[];
}

export type FromWorker =
  | { type: 'ready'; initMs: number }
  | ({ type: 'result'; id: number; busyMs: number } & BatchResult)
  /** Loading the coder (id null) or coding a batch failed; the message is the error's. */
  | { type: 'error'; id: number | null; message: string };
