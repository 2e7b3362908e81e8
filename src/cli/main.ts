/** The `dyad` command line: one sub-command per file in src/cli/. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCode } from './code.js';
import { runEval } from './eval.js';

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
    .addOption(new Option('--batch-size <n>', 'articles per message to a worker (tests and tuning)').argParser(batchSize).hideHelp())
    .action(async (files: string[], o: { format: string; published?: string; statements: boolean; jobs: string; stats: boolean; batchSize?: number }) => {
      if (o.format !== 'jsonl' && o.format !== 'table') throw new UsageError(`unknown format "${o.format}" (jsonl | table)`);
      const jobs = jobCount(o.jobs);
      code = await runCode(files, { format: o.format, published: o.published, statements: o.statements, jobs, stats: o.stats, batchSize: o.batchSize });
    });

  program.command('eval')
    .description('score the coder against gold files (formats of ../shared/gold)')
    .argument('<files...>', 'gold JSONL files')
    .option('--json', 'machine-readable report', false)
    .option('--errors <n>', 'error examples to list per file', positiveInt, 5)
    .option('--thresholds <file>', 'fail (exit 1) when a score falls below these minimums')
    .option('--statements', 'also emit plain statements (CAMEO 01) while coding', false)
    .action(async (files: string[], o: { json: boolean; errors: number; thresholds?: string; statements: boolean }) => {
      code = await runEval(files, o);
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`dyad: ${(e as Error).message}\n`);
    return 2;
  }
  return code;
}
