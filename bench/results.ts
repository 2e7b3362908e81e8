/** The bench's result file (bench/results/<timestamp>-<sha>.json) and how it is summarised. */
import type { CorpusSize } from './corpora.js';
import { median, type IngestRun, type Run } from './measure.js';

export interface Medians {
  wall_ms: number;
  elapsed_ms: number;
  ready_ms: number;
  first_event_ms: number | null;
  max_rss_kb: number;
  cpu_ms: number;
  events: number;
}

export interface JobsResult {
  jobs: number;
  median: Medians;
  /** Per second of median wall time (spawn to exit, start-up included). */
  per_s: { articles: number; sentences: number; tokens: number; events: number };
  runs: { wall_ms: number; elapsed_ms: number; ready_ms: number; first_event_ms: number | null; max_rss_kb: number; cpu_ms: number; events: number }[];
}

export interface CorpusResult {
  name: string;
  file: string;
  limit: number | null;
  size: CorpusSize;
  jobs: JobsResult[];
}

export interface StartupResult {
  jobs: number;
  median: Medians;
}

export interface BenchResult {
  version: 1;
  created: string;
  git: { sha: string; dirty: boolean };
  machine: { node: string; platform: string; cpus: number; cpu_model: string; mem_gb: number };
  /** 1-minute load average before and after the timed runs: other work on the machine skews the figures. */
  load: { before: number; after: number };
  options: { runs: number; jobs: number[]; full: boolean; limit: number | null };
  corpora: CorpusResult[];
  startup: StartupResult[];
  /** `dyad ingest` into a new SQLite database per run (absent in results written before it existed). */
  ingest: IngestResult[] | { skipped: true; reason: string };
}

export interface IngestResult {
  corpus: string;
  jobs: number;
  /** Median over the runs. */
  wall_ms: number;
  stored: number;
  sentences: number;
  mentions: number;
  max_rss_kb: number;
  per_s: { articles: number; sentences: number };
  runs: { wall_ms: number; max_rss_kb: number }[];
}

export function ingestResult(corpus: string, jobs: number, runs: IngestRun[]): IngestResult {
  const wall = Math.round(median(runs.map((r) => r.wall_ms)));
  const s = runs[0].stats;
  const rate = (n: number) => Math.round((n / (wall / 1000)) * 10) / 10;
  return {
    corpus, jobs, wall_ms: wall, stored: s.stored, sentences: s.sentences, mentions: s.mentions,
    max_rss_kb: Math.round(median(runs.map((r) => r.stats.max_rss_kb))),
    per_s: { articles: rate(s.stored), sentences: rate(s.sentences) },
    runs: runs.map((r) => ({ wall_ms: r.wall_ms, max_rss_kb: r.stats.max_rss_kb })),
  };
}

function runSummary(r: Run) {
  const s = r.stats;
  return { wall_ms: r.wall_ms, elapsed_ms: s.elapsed_ms, ready_ms: s.ready_ms, first_event_ms: s.first_event_ms, max_rss_kb: s.max_rss_kb, cpu_ms: s.cpu_user_ms + s.cpu_system_ms, events: s.events };
}

export function medians(runs: Run[]): Medians {
  const rs = runs.map(runSummary);
  const m = (f: (x: (typeof rs)[number]) => number) => Math.round(median(rs.map(f)));
  const firsts = rs.map((r) => r.first_event_ms).filter((x): x is number => x !== null);
  return { wall_ms: m((r) => r.wall_ms), elapsed_ms: m((r) => r.elapsed_ms), ready_ms: m((r) => r.ready_ms), first_event_ms: firsts.length ? Math.round(median(firsts)) : null,
    max_rss_kb: m((r) => r.max_rss_kb), cpu_ms: m((r) => r.cpu_ms), events: m((r) => r.events) };
}

export function jobsResult(jobs: number, runs: Run[], size: CorpusSize): JobsResult {
  const med = medians(runs);
  const s = med.wall_ms / 1000;
  const rate = (n: number) => Math.round((n / s) * 10) / 10;
  return { jobs, median: med, per_s: { articles: rate(size.articles), sentences: rate(size.sentences), tokens: rate(size.tokens), events: rate(med.events) }, runs: runs.map(runSummary) };
}

const num = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

export function formatTable(r: BenchResult): string {
  // cores: CPU time over wall time. One coding thread already keeps more than one core busy (V8
  // compiles and collects garbage on helper threads), which bounds what a second thread can add.
  const head = ['corpus', 'articles', 'sentences', 'tokens', 'jobs', 'art/s', 'sent/s', 'tok/s', 'ev/s', 'RSS MB', 'ready s', 'wall s', 'cpu s', 'cores'];
  const rows: string[][] = [];
  for (const c of r.corpora) for (const j of c.jobs) {
    rows.push([c.name, num(c.size.articles), num(c.size.sentences), num(c.size.tokens), String(j.jobs), num(j.per_s.articles, 1), num(j.per_s.sentences), num(j.per_s.tokens),
      num(j.per_s.events), num(j.median.max_rss_kb / 1024), num(j.median.ready_ms / 1000, 2), num(j.median.wall_ms / 1000, 1),
      num(j.median.cpu_ms / 1000, 1), num(j.median.cpu_ms / j.median.wall_ms, 2)]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const lines = [pad(head, widths), ...rows.map((row) => pad(row, widths))];
  lines.push('', 'start-up, one short article (median): ' + r.startup.map((s) =>
    `jobs ${s.jobs}: first event ${fmtS(s.median.first_event_ms)}, coder ready ${fmtS(s.median.ready_ms)}, exit ${fmtS(s.median.wall_ms)}, RSS ${num(s.median.max_rss_kb / 1024)} MB`).join('; '));
  if (Array.isArray(r.ingest)) {
    for (const i of r.ingest) {
      lines.push(`dyad ingest ${i.corpus} --jobs ${i.jobs}: ${num(i.stored)} articles, ${num(i.sentences)} sentences in ${num(i.wall_ms / 1000, 1)} s = ` +
        `${num(i.per_s.articles, 1)} articles/s, ${num(i.per_s.sentences)} sentences/s, RSS ${num(i.max_rss_kb / 1024)} MB (median of ${i.runs.length})`);
    }
  } else lines.push(`dyad ingest: skipped (${r.ingest.reason})`);
  if (r.load.before > 0.5 || r.load.after > 1.5) {
    lines.push(`note: other work on the machine (1-min load ${r.load.before.toFixed(2)} before, ${r.load.after.toFixed(2)} after): rates may be low; cpu s (user + system) is less affected`);
  }
  return lines.join('\n');
}

const fmtS = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(2)} s`);

/** (max - min) / median of the runs' wall times, in percent: how far apart repeated runs were. */
function spread(j: JobsResult): number {
  const walls = j.runs.map((r) => r.wall_ms);
  return j.median.wall_ms > 0 ? ((Math.max(...walls) - Math.min(...walls)) / j.median.wall_ms) * 100 : 0;
}

/** The change in percent; called better or worse only when it is larger than 3% and than the noise. */
function change(before: number, after: number, higherIsBetter: boolean, noise = 0): string {
  if (before === 0) return 'n/a';
  const pct = ((after - before) / before) * 100;
  const sign = pct >= 0 ? '+' : '';
  const verdict = Math.abs(pct) < Math.max(3, noise) ? (noise > 3 && pct !== 0 ? ' (noise)' : '') : (pct > 0) === higherIsBetter ? ' better' : ' worse';
  return `${sign}${pct.toFixed(1)}%${verdict}`;
}

/** What changed from `old` to `now`, per corpus and jobs, plus start-up. */
export function formatComparison(old: BenchResult, now: BenchResult): string {
  const lines = [`change from ${old.git.sha}${old.git.dirty ? ' (dirty)' : ''} ${old.created} to ${now.git.sha}${now.git.dirty ? ' (dirty)' : ''} ${now.created}:`];
  const head = ['corpus', 'jobs', 'sent/s before', 'after', 'change', 'run spread', 'RSS MB before', 'after', 'change'];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const c of now.corpora) {
    const o = old.corpora.find((x) => x.name === c.name);
    if (!o) { notes.push(`${c.name}: not in the earlier result`); continue; }
    if (o.size.articles !== c.size.articles || o.size.sentences !== c.size.sentences) {
      notes.push(`${c.name}: different input (${num(o.size.articles)} -> ${num(c.size.articles)} articles, ${num(o.size.sentences)} -> ${num(c.size.sentences)} sentences); rates are per sentence, so still roughly comparable`);
    }
    for (const j of c.jobs) {
      const oj = o.jobs.find((x) => x.jobs === j.jobs);
      if (!oj) continue;
      const noise = Math.max(spread(oj), spread(j));
      rows.push([c.name, String(j.jobs), num(oj.per_s.sentences), num(j.per_s.sentences), change(oj.per_s.sentences, j.per_s.sentences, true, noise),
        `${noise.toFixed(0)}%`, num(oj.median.max_rss_kb / 1024), num(j.median.max_rss_kb / 1024), change(oj.median.max_rss_kb, j.median.max_rss_kb, false)]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  lines.push(pad(head, widths), ...rows.map((row) => pad(row, widths)));
  for (const s of now.startup) {
    const o = old.startup.find((x) => x.jobs === s.jobs);
    if (o && o.median.first_event_ms !== null && s.median.first_event_ms !== null) {
      lines.push(`start-up jobs ${s.jobs}: first event ${fmtS(o.median.first_event_ms)} -> ${fmtS(s.median.first_event_ms)} (${change(o.median.first_event_ms, s.median.first_event_ms, false)})`);
    }
  }
  return [...lines, ...notes].join('\n');
}
