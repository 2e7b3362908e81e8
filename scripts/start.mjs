#!/usr/bin/env node
/**
 * `npm start`: codes the bundled sample articles (every examples/*.jsonl) into ./dyad.db and serves
 * the dashboard on http://127.0.0.1:8080/ (builds it first when needed). Articles already in the
 * database are skipped, so a second start is quick.
 *
 *   npm start [-- --port N] [-- --db FILE]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceModule } from '../bin/compiled.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const db = option('db', 'dyad.db');
const port = Number(option('port', process.env.PORT ?? '8080'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`npm start: --port must be a port number, got "${option('port', '')}"\n`);
  process.exit(2);
}

const { runIngest } = await import(await sourceModule('cli/ingest.ts'));
const { runServe } = await import(await sourceModule('cli/serve.ts'));

const examples = join(ROOT, 'examples');
const files = readdirSync(examples).filter((f) => /\.jsonl(\.gz)?$/.test(f)).sort().map((f) => join(examples, f));
process.stderr.write(`npm start: coding ${files.length} sample file${files.length === 1 ? '' : 's'} from examples/ into ${db}\n`);
const ingested = await runIngest(files, { db, jobs: 1, statements: false, languageId: false });
if (ingested !== 0 && ingested !== 3) process.exit(ingested);
process.exitCode = await runServe({ db, host: '127.0.0.1', port, public: false, bodyLimit: 1024 * 1024, dashboard: true, log: false });
