/** Timed runs of the real CLI: `node bin/dyad.js code FILE --jobs N --stats > /dev/null`. */
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeStats } from '../src/cli/stats.js';

export const BIN = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));

export interface Run {
  /** Spawn to exit, as the bench sees it. */
  wall_ms: number;
  stats: CodeStats;
}

/**
 * Runs `dyad ARGS... --stats` with stdout discarded and returns the wall time and the JSON stats line
 * it prints last on stderr; exit codes 0 and 3 (some inputs skipped) are fine, anything else throws.
 */
async function runWithStats<T>(args: string[]): Promise<{ wall_ms: number; stats: T }> {
  const devNull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args, '--stats'], { stdio: ['ignore', devNull, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const status = await new Promise<number | null>((resolve, reject) => { child.on('error', reject); child.on('close', resolve); });
    const wall = performance.now() - t0;
    const last = stderr.trimEnd().split('\n').at(-1) ?? '';
    if ((status !== 0 && status !== 3) || !last.startsWith('{')) {
      throw new Error(`dyad ${args.join(' ')} exited ${status}:\n${stderr.slice(-2000)}`);
    }
    return { wall_ms: Math.round(wall), stats: JSON.parse(last) as T };
  } finally {
    closeSync(devNull);
  }
}

/** Codes `file` once. */
export async function codeOnce(file: string, jobs: number): Promise<Run> {
  return runWithStats<CodeStats>(['code', file, '--jobs', String(jobs)]);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** What `dyad ingest --stats` prints on its last stderr line. */
export interface IngestStats {
  jobs: number;
  articles: number;
  stored: number;
  sentences: number;
  mentions: number;
  events: number;
  elapsed_ms: number;
  ingest_ms: number;
  max_rss_kb: number;
  cpu_user_ms: number;
  cpu_system_ms: number;
}

export interface IngestRun {
  wall_ms: number;
  stats: IngestStats;
}

/** Ingests `file` into a new database `db` once (language ID on, as by default). */
export async function ingestOnce(file: string, jobs: number, db: string): Promise<IngestRun> {
  return runWithStats<IngestStats>(['ingest', file, '--db', db, '--jobs', String(jobs)]);
}
