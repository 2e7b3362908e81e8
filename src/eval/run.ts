/**
 * The eval driver: gold files in, one report per file out. Reads each file, codes every item as an
 * Article with the given Coder, scores it with the scorer for the file's kind.
 */
import { basename } from 'node:path';
import type { Coder } from '../pipeline/coder-api.js';
import type { Article, CodedEvent } from '../pipeline/types.js';
import { readGoldFile, type GoldFile, type GoldItem, type GoldKind } from './gold.js';
import {
  countErrorKinds,
  scoreArticles,
  scoreCameoSentences,
  scorePloverSentences,
  selectExamples,
  type ErrorExample,
  type ScoreSet,
} from './score.js';

export interface EvalReport {
  file: string;
  kind: GoldKind;
  items: number;
  scores: Record<string, number>;
  counts: Record<string, number>;
  errors: { kind: string; count: number }[];
  examples: ErrorExample[];
}

export interface EvalOptions {
  /** Maximum number of error examples per report (default 10; 0 for none). */
  errors?: number;
}

const DEFAULT_EXAMPLES = 10;

export async function evaluateFiles(files: string[], coder: Coder, opts: EvalOptions = {}): Promise<EvalReport[]> {
  const reports: EvalReport[] = [];
  for (const file of files) reports.push(evaluateGold(await readGoldFile(file), coder, opts));
  return reports;
}

/** Codes and scores an already-read gold file. */
export function evaluateGold(gold: GoldFile, coder: Coder, opts: EvalOptions = {}): EvalReport {
  const failures: ErrorExample[] = [];
  const codeItem = (item: GoldItem): CodedEvent[] => codeSafely(coder, item, failures);
  const set = scoreGold(gold, codeItem);
  set.counts.coder_errors = failures.length;
  const errors = [...failures, ...set.errors];
  return {
    file: gold.file,
    kind: gold.kind,
    items: gold.items.length,
    scores: set.scores,
    counts: set.counts,
    errors: countErrorKinds(errors),
    examples: selectExamples(errors, opts.errors ?? DEFAULT_EXAMPLES),
  };
}

function scoreGold(gold: GoldFile, code: (item: GoldItem) => CodedEvent[]): ScoreSet {
  switch (gold.kind) {
    case 'articles':
      return scoreArticles(gold.items.map((g) => ({ gold: g, coded: code(g) })));
    case 'plover_gsr':
      return scorePloverSentences(gold.items.map((g) => ({ gold: g, coded: code(g) })));
    case 'cameo':
      return scoreCameoSentences(gold.items.map((g) => ({ gold: g, coded: code(g) })));
  }
}

/** The Article the coder sees: only the text and its publication date, never the annotations. */
export function toArticle(item: GoldItem): Article {
  return { id: item.id, text: item.text, published: item.published };
}

/** A coder crash on one item is recorded as a `coder error` and scored as no events, not fatal. */
function codeSafely(coder: Coder, item: GoldItem, failures: ErrorExample[]): CodedEvent[] {
  try {
    return coder.code(toArticle(item));
  } catch (e) {
    failures.push({
      kind: 'coder error', side: 'missed', item: item.id, label: 'coder threw', tuple: null,
      sentence: null, trigger: null, rule: null, note: e instanceof Error ? e.message : String(e),
    });
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Human-readable form

export function formatReport(reports: readonly EvalReport[]): string {
  return reports.map(formatOne).join('\n');
}

function formatOne(r: EvalReport): string {
  const lines = [`${basename(r.file)} (${r.kind}, ${r.items} items)`];
  const scores = Object.entries(r.scores);
  lines.push(scores.length ? `  ${scores.map(([k, v]) => `${k} ${v.toFixed(3)}`).join('  ')}` : '  (no scores)');
  lines.push(`  counts: ${Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (r.errors.length) lines.push(`  errors: ${r.errors.map((e) => `${e.kind} ${e.count}`).join(', ')}`);
  for (const ex of r.examples) lines.push(...formatExample(ex));
  return lines.join('\n') + '\n';
}

function formatExample(ex: ErrorExample): string[] {
  const head = `  [${ex.kind}] ${ex.side} ${ex.label}  (${ex.item})${ex.note ? `  ${ex.note}` : ''}`;
  const detail = [
    ex.trigger ? `trigger "${ex.trigger}"` : null,
    ex.rule ? `rule ${ex.rule}` : null,
    ex.sentence ? `in "${clip(ex.sentence, 160)}"` : null,
  ].filter((x) => x !== null);
  return detail.length ? [head, `      ${detail.join('  ')}`] : [head];
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}
