/** Messages between the main thread and the coding workers (src/parallel/code-worker.ts). */
import type { Article } from '../pipeline/types.js';
import type { OutputFormat } from '../cli/format.js';

/** workerData: how every worker builds its coder and formats events. */
export interface WorkerInit {
  statements: boolean;
  format: OutputFormat;
}

export type ToWorker =
  | { type: 'batch'; id: number; articles: Article[] }
  | { type: 'close' };

export interface BatchResult {
  /** The batch's output lines in input order, each ending in a newline. */
  out: string;
  events: number;
}

export type FromWorker =
  | { type: 'ready'; initMs: number }
  | ({ type: 'result'; id: number; busyMs: number } & BatchResult)
  /** Loading the coder (id null) or coding a batch failed; the message is the error's. */
  | { type: 'error'; id: number | null; message: string };
