/**
 * Score floors: `eval-thresholds.json` maps a gold file's base name (without .jsonl) to minimum scores,
 * e.g. {"seed_article": {"tuple_f1": 0.7}}. Files not evaluated in this run are not checked.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { EvalReport } from './run.js';

export const thresholdsSchema = z.record(z.string(), z.record(z.string(), z.number().min(0).max(1)));

export type Thresholds = z.infer<typeof thresholdsSchema>;

export interface ThresholdFailure {
  file: string;
  score: string;
  /** null when the report has no such score (nothing measured, or a misspelt name). */
  value: number | null;
  minimum: number;
}

export async function readThresholds(file: string): Promise<Thresholds> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const r = thresholdsSchema.safeParse(raw);
  if (!r.success) {
    throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`);
  }
  return r.data;
}

/** The gold set name a report is checked under: its file's base name without `.jsonl`. */
export function goldSetName(file: string): string {
  return basename(file).replace(/\.jsonl$/, '');
}

/** Every score below its floor, and every floor whose score is missing. Empty when all pass. */
export function checkThresholds(reports: readonly EvalReport[], thresholds: Thresholds): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const report of reports) {
    const floors = thresholds[goldSetName(report.file)];
    if (!floors) continue;
    for (const [score, minimum] of Object.entries(floors)) {
      const value = report.scores[score];
      if (value === undefined || !(value >= minimum)) failures.push({ file: report.file, score, value: value ?? null, minimum });
    }
  }
  return failures;
}

export function formatFailures(failures: readonly ThresholdFailure[]): string {
  return failures
    .map((f) => `${goldSetName(f.file)}: ${f.score} ${f.value === null ? 'missing' : f.value.toFixed(3)} < ${f.minimum}`)
    .join('\n');
}
