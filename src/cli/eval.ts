/** `dyad eval`: scores the coder against gold files and checks the repository's thresholds. */
import { existsSync } from 'node:fs';
import { createCoder } from '../pipeline/index.js';
import { evaluateFiles, formatReport } from '../eval/run.js';
import { checkThresholds, readThresholds, formatFailures } from '../eval/thresholds.js';

export interface EvalOptions {
  json?: boolean;
  errors?: number;
  thresholds?: string;
  statements?: boolean;
}

export async function runEval(files: string[], opts: EvalOptions): Promise<number> {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    process.stderr.write(`dyad eval: no such file: ${missing.join(', ')}\n`);
    return 2;
  }
  const coder = createCoder({ statements: opts.statements });
  const reports = await evaluateFiles(files, coder, { errors: opts.errors ?? 5 });
  process.stdout.write(opts.json ? JSON.stringify(reports, null, 2) + '\n' : formatReport(reports) + '\n');
  if (!opts.thresholds) return 0;
  const failures = checkThresholds(reports, await readThresholds(opts.thresholds));
  if (failures.length) {
    process.stderr.write(formatFailures(failures) + '\n');
    return 1;
  }
  process.stderr.write(`dyad eval: all thresholds in ${opts.thresholds} met\n`);
  return 0;
}
