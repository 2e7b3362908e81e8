/**
 * `npm run bench [-- --runs N --limit N --full --jobs 1,2 --compare FILE [--with FILE]]`: codes the
 * ../shared/corpora sets end to end with the real CLI and writes bench/results/<timestamp>-<sha>.json.
 * With --compare OLD it also prints the change from OLD; with --compare OLD --with NEW it only
 * compares two earlier results.
 */
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CORPORA, corpusInput, measureCorpus, type CorpusSpec } from './corpora.js';
import { codeOnce, ingestOnce, type IngestRun, type Run } from './measure.js';
import { formatComparison, formatTable, ingestResult, jobsResult, medians, type BenchResult, type CorpusResult, type IngestResult, type StartupResult } from './results.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function usage(msg: string): never {
  process.stderr.write(`bench: ${msg}\nusage: npm run bench -- [--runs N] [--limit N | --full] [--jobs 1,2] [--corpora DIR] [--compare OLD.json [--with NEW.json]]\n`);
  process.exit(2);
}

function whole(v: string | undefined, name: string, dflt: number | null): number | null {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < 1) usage(`--${name} must be a whole number >= 1, got "${v}"`);
  return Number(v);
}

const log = (s: string) => process.stderr.write(s + '\n');

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string' }, limit: { type: 'string' }, full: { type: 'boolean', default: false }, jobs: { type: 'string', default: '1,2' },
        corpora: { type: 'string', default: join(ROOT, '..', 'shared', 'corpora') }, compare: { type: 'string' }, with: { type: 'string' },
      },
      strict: true,
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values } = parsed;
  const readResult = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as BenchResult;
  if (values.with) {
    if (!values.compare) usage('--with needs --compare');
    console.log(formatComparison(readResult(values.compare), readResult(values.with)));
    return;
  }
  const old = values.compare ? readResult(values.compare) : null;
  const runs = whole(values.runs, 'runs', 3)!;
  const limit = whole(values.limit, 'limit', null);
  if (limit !== null && values.full) usage('--limit and --full exclude each other');
  const jobsList = values.jobs.split(',').map((j) => whole(j, 'jobs', 1)!);
  const specs: CorpusSpec[] = DEFAULT_CORPORA.map((c) => ({ ...c, limit: values.full ? null : limit ?? c.limit }));

  const tmp = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const loadBefore = loadavg()[0];
  try {
    const corpora: CorpusResult[] = [];
    const ingest: IngestResult[] = [];
    for (const spec of specs) {
      const input = await corpusInput(spec, values.corpora, tmp);
      log(`${spec.name}: counting sentences and tokens of ${spec.limit === null ? 'all articles' : `the first ${spec.limit} articles`}...`);
      const size = await measureCorpus(input);
      const byJobs = new Map<number, Run[]>(jobsList.map((j) => [j, []]));
      // Alternate the jobs values run by run, so a drift in machine load hits them alike.
      for (let r = 1; r <= runs; r++) {
        for (const jobs of jobsList) {
          const run = await codeOnce(input, jobs);
          byJobs.get(jobs)!.push(run);
          log(`${spec.name} --jobs ${jobs} run ${r}/${runs}: ${(run.wall_ms / 1000).toFixed(1)} s, ${run.stats.events} events, RSS ${Math.round(run.stats.max_rss_kb / 1024)} MB`);
        }
      }
      corpora.push({ name: spec.name, file: spec.file, limit: spec.limit, size, jobs: jobsList.map((j) => jobsResult(j, byJobs.get(j)!, size)) });
      // dyad ingest of the same input into a new SQLite database each run.
      const ingestRuns = new Map<number, IngestRun[]>(jobsList.map((j) => [j, []]));
      for (let r = 1; r <= runs; r++) {
        for (const jobs of jobsList) {
          const db = join(tmp, `ingest-${spec.name}-${jobs}-${r}.db`);
          const run = await ingestOnce(input, jobs, db);
          for (const x of ['', '-wal', '-shm']) rmSync(db + x, { force: true });
          ingestRuns.get(jobs)!.push(run);
          log(`${spec.name} ingest --jobs ${jobs} run ${r}/${runs}: ${(run.wall_ms / 1000).toFixed(1)} s, ${run.stats.stored} articles, ${run.stats.sentences} sentences, RSS ${Math.round(run.stats.max_rss_kb / 1024)} MB`);
        }
      }
      for (const j of jobsList) ingest.push(ingestResult(spec.name, j, ingestRuns.get(j)!));
    }

    const one = join(tmp, 'startup.jsonl');
    writeFileSync(one, JSON.stringify({ id: 'startup', text: 'Iran condemned the United States on Monday.', published: '2021-09-01' }) + '\n');
    const startup: StartupResult[] = [];
    for (const jobs of jobsList) {
      const rs: Run[] = [];
      for (let r = 0; r < runs; r++) rs.push(await codeOnce(one, jobs));
      startup.push({ jobs, median: medians(rs) });
    }

    const sha = git(['rev-parse', '--short', 'HEAD']) || 'nogit';
    const result: BenchResult = {
      version: 1, created: new Date().toISOString(), git: { sha, dirty: git(['status', '--porcelain']) !== '' },
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpu_model: cpus()[0]?.model ?? '', mem_gb: Math.round(totalmem() / 2 ** 30) },
      load: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0] * 100) / 100 },
      options: { runs, jobs: jobsList, full: values.full, limit }, corpora, startup, ingest,
    };
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${result.created.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${sha}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(formatTable(result));
    console.log(`\nresults: ${file}`);
    if (old) console.log('\n' + formatComparison(old, result));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
