/** The `dyad` command line: one sub-command per file in src/cli/. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { EventsFormat } from './events.js';
import { FilterError, type EventFilter } from '../store/query.js';
import { LexiconError } from '../lexicon/tsv.js';
import { serveCommand } from './serve.js';

/** Most worker threads `--jobs` accepts: each one loads its own lexicons and language model. */
const MAX_JOBS = 64;

/** A bad argument found inside a command's action (commander has not printed it). */
class UsageError extends Error {}

function jobCount(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_JOBS) {
    throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got "${v}"`);
  }
  return n;
}

function batchSize(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return n;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

const DEFAULT_DB = 'dyad.db';
/** `dyad export` formats (as in src/store/export/index.ts, which is loaded only when exporting). */
const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt', 'plover'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface FilterOptions {
  actor?: string; dyad?: string; both: boolean; type?: string; cameo?: string; from?: string; to?: string;
  country?: string; includeHistorical: boolean; minSources?: number; limit?: number;
}

/** The event filter options shared by `dyad events` and `dyad export`. */
function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <code|name>', 'either side: a code or code prefix (IRN, IRNGOV, UNO) or part of a person\'s or organisation\'s name')
    .option('--dyad <src:tgt>', 'source and target code prefixes, e.g. IRN:AZE (* for any side)')
    .option('--both', 'with --dyad: either direction', false)
    .option('--type <plover>', 'PLOVER event type (ASSAULT, CONSULT, ...)')
    .option('--cameo <prefix>', 'CAMEO code prefix (19, 190, 0234)')
    .option('--from <date>', 'events on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'events on or before this day (YYYY-MM-DD)')
    .option('--country <iso3>', 'events located in this country')
    .option('--include-historical', 'also events only ever mentioned as background (more than 30 days before publication)', false)
    .option('--min-sources <n>', 'events reported by at least n publishers', positiveInt)
    .option('--limit <n>', 'at most n events', positiveInt);
}

function filterFrom(o: FilterOptions): EventFilter {
  let dyad: [string, string] | undefined;
  if (o.dyad !== undefined) {
    const parts = o.dyad.split(':');
    if (parts.length !== 2) throw new UsageError(`--dyad expects SOURCE:TARGET (IRN:AZE), got "${o.dyad}"`);
    dyad = [parts[0], parts[1]];
  }
  if (o.both && !dyad) throw new UsageError('--both goes with --dyad');
  return {
    actor: o.actor, dyad, both: o.both, type: o.type, cameo: o.cameo, from: o.from, to: o.to, country: o.country,
    includeHistorical: o.includeHistorical, minSources: o.minSources, limit: o.limit,
  };
}

/**
 * Runs a store command (its module is loaded here, so other commands do not load SQLite and the
 * readers): bad filters are usage errors (2); a missing or unreadable database, or a bad overrides
 * file, exits 1.
 */
async function storeCommand(name: string, run: () => Promise<number>): Promise<number> {
  const { StoreError } = await import('../store/store.js');
  try {
    return await run();
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message);
    if (e instanceof StoreError || e instanceof LexiconError) {
      process.stderr.write(`dyad ${name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  // `dyad code ... | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const program = new Command();
  // Bad arguments exit 2 (commander's default is 1), after commander has printed what was wrong.
  program.exitOverride();
  program.name('dyad').description('Political event coding from news text: who did what to whom (CAMEO + PLOVER).').showHelpAfterError();

  program.command('code')
    .description('code articles into events (.txt, .jsonl, .jsonl.gz, or - for JSONL on stdin)')
    .argument('[files...]', 'input files; - reads JSON Lines from stdin')
    .option('-f, --format <format>', 'jsonl | table', 'jsonl')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for .txt inputs')
    .option('--statements', 'also emit plain statements (CAMEO 01)', false)
    .option('-j, --jobs <n>', 'code in n worker threads (output order and bytes do not change)', '1')
    .option('--stats', 'print a JSON line of counts, times and peak memory on stderr at the end', false)
    .option('--historical-days <n>', 'an event more than n days before publication is historical (background)', '30')
    .addOption(new Option('--batch-size <n>', 'articles per message to a worker (tests and tuning)').argParser(batchSize).hideHelp())
    .action(async (files: string[], o: { format: string; published?: string; statements: boolean; jobs: string; stats: boolean; batchSize?: number; historicalDays: string }) => {
      if (o.format !== 'jsonl' && o.format !== 'table') throw new UsageError(`unknown format "${o.format}" (jsonl | table)`);
      if (!/^\d+$/.test(o.historicalDays)) throw new UsageError(`--historical-days must be a whole number of days, got "${o.historicalDays}"`);
      const jobs = jobCount(o.jobs);
      const { runCode } = await import('./code.js');
      code = await runCode(files, { format: o.format, published: o.published, statements: o.statements, jobs, stats: o.stats, batchSize: o.batchSize, historicalDays: Number(o.historicalDays) });
    });

  program.command('eval')
    .description('score the coder against gold files (formats of ../shared/gold)')
    .argument('<files...>', 'gold JSONL files')
    .option('--json', 'machine-readable report', false)
    .option('--errors <n>', 'error examples to list per file', positiveInt, 5)
    .option('--thresholds <file>', 'fail (exit 1) when a score falls below these minimums')
    .option('--statements', 'also emit plain statements (CAMEO 01) while coding', false)
    .action(async (files: string[], o: { json: boolean; errors: number; thresholds?: string; statements: boolean }) => {
      const { runEval } = await import('./eval.js');
      code = await runEval(files, o);
    });

  program.command('ingest')
    .description('code articles into a SQLite event store (files, directories, .txt .html .jsonl(.gz) RSS/Atom WARC, - for JSONL on stdin)')
    .argument('[paths...]', 'input files and directories; - reads JSON Lines from stdin')
    .option('--db <file>', 'database file (created when missing)', DEFAULT_DB)
    .option('-j, --jobs <n>', 'code in n worker threads (the database is the same as with 1)', '1')
    .option('--statements', 'also store plain statements (CAMEO 01); fixed when the database is created', false)
    .option('--no-language-id', 'do not skip articles detected as not English')
    .option('--min-chars <n>', 'skip articles with fewer characters of text', positiveInt)
    .option('--stats', 'print a JSON line of counts, times and peak memory on stderr at the end', false)
    .addOption(new Option('--batch-size <n>', 'articles per message to a worker (tests and tuning)').argParser(batchSize).hideHelp())
    .action(async (paths: string[], o: { db: string; jobs: string; statements: boolean; languageId: boolean; minChars?: number; batchSize?: number; stats: boolean }) => {
      const jobs = jobCount(o.jobs);
      const { runIngest } = await import('./ingest.js');
      code = await runIngest(paths, { db: o.db, jobs, statements: o.statements, languageId: o.languageId, minChars: o.minChars, batchSize: o.batchSize, stats: o.stats });
    });

  program.command('recode')
    .description('re-code stored articles (after a lexicon change), replacing their events; one transaction per article')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('-j, --jobs <n>', 'code in n worker threads', '1')
    .option('--changed', 'only articles coded with other lexicons than the current ones', false)
    .option('--article <ids...>', 'only these stored article ids (the numbers `dyad events show` prints)')
    .addOption(new Option('--batch-size <n>', 'articles per message to a worker (tests and tuning)').argParser(batchSize).hideHelp())
    .action(async (o: { db: string; jobs: string; changed: boolean; article?: string[]; batchSize?: number }) => {
      const jobs = jobCount(o.jobs);
      const ids = o.article?.map((x) => {
        if (!/^\d+$/.test(x)) throw new UsageError(`--article expects article ids (whole numbers), got "${x}"`);
        return Number(x);
      });
      code = await storeCommand('recode', async () => (await import('./recode.js')).runRecode(o.db, { jobs, changed: o.changed, ids, batchSize: o.batchSize }));
    });

  const events = addFilterOptions(program.command('events')
    .description('query the stored events (deduplicated); `dyad events show ID` explains one')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('-f, --format <format>', 'table | jsonl | csv', 'table'))
    .action(async (o: FilterOptions & { db: string; format: string }) => {
      if (!['table', 'jsonl', 'csv'].includes(o.format)) throw new UsageError(`unknown format "${o.format}" (table | jsonl | csv)`);
      const filter = filterFrom(o);
      code = await storeCommand('events', async () => (await import('./events.js')).runEvents(o.db, filter, o.format as EventsFormat));
    });
  events.command('show')
    .description('one event: its mentions with their sentences, and why each joined it')
    .argument('<id>', 'event id')
    .option('--json', 'the event and its mentions as one JSON object', false)
    .action(async (id: string, _o: unknown, cmd: Command) => {
      // --db belongs to `events` (commander gives a parent's options to the parent wherever they are written).
      const o = cmd.optsWithGlobals() as { db: string; json: boolean };
      code = await storeCommand('events show', async () => (await import('./events.js')).runEventShow(o.db, id, o.json));
    });

  addFilterOptions(program.command('export')
    .description('export the stored events: jsonl | csv | gdelt (GDELT 2.0 events table, tab-separated) | plover (PLOVER JSON records)')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('-f, --format <format>', EXPORT_FORMATS.join(' | '), 'jsonl')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--header', 'gdelt: a first line with the column names (GDELT files have none)', false))
    .action(async (o: FilterOptions & { db: string; format: string; out?: string; header: boolean }) => {
      if (!EXPORT_FORMATS.includes(o.format as ExportFormat)) throw new UsageError(`unknown format "${o.format}" (${EXPORT_FORMATS.join(' | ')})`);
      const filter = filterFrom(o);
      code = await storeCommand('export', async () => (await import('./export.js')).runExport(o.db, filter, { format: o.format as ExportFormat, out: o.out, header: o.header }));
    });

  program.command('actors')
    .description('people learned from the stored events (with the overrides file applied), searchable by name or code')
    .argument('[search]', 'part of a name (accents and case ignored) or a code prefix (IRNGOV)')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--date <day>', 'only terms that cover this day (YYYY-MM-DD): what the coder would use for an article of that day')
    .option('-f, --format <format>', 'table | jsonl | tsv (people.tsv lines)', 'table')
    .option('--overrides <file>', 'people overrides file (default: the database name with .people.tsv)')
    .option('--history', 'the sightings behind one person, oldest first', false)
    .action(async (search: string | undefined, o: { db: string; date?: string; format: string; overrides?: string; history: boolean }) => {
      if (!['table', 'jsonl', 'tsv'].includes(o.format)) throw new UsageError(`unknown format "${o.format}" (table | jsonl | tsv)`);
      if (o.date && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${o.date}"`);
      code = await storeCommand('actors', async () => (await import('./actors.js')).runActors(o.db, search, { date: o.date, format: o.format as 'table' | 'jsonl' | 'tsv', overrides: o.overrides, history: o.history }));
    });

  serveCommand(program, (c) => { code = c; });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`dyad: ${(e as Error).message}\n`);
    return 2;
  }
  return code;
}
