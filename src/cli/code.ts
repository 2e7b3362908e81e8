/** `dyad code`: news text in, one JSON object per event out. */
import { createCoder } from '../pipeline/index.js';
import { readArticles, isProblem } from '../io/articles.js';
import { jsonl, tableRow, TABLE_HEADER } from './format.js';

export interface CodeOptions {
  format: 'jsonl' | 'table';
  published?: string;
  statements?: boolean;
}

export async function runCode(inputs: string[], opts: CodeOptions): Promise<number> {
  if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) {
    process.stderr.write(`dyad code: --published must be YYYY-MM-DD, got "${opts.published}"\n`);
    return 2;
  }
  const coder = createCoder({ statements: opts.statements });
  const out = process.stdout;
  let skipped = 0;
  let articles = 0;
  let events = 0;
  if (opts.format === 'table') out.write(TABLE_HEADER + '\n');
  let buf = '';
  for await (const item of readArticles(inputs.length ? inputs : ['-'], { published: opts.published })) {
    if (isProblem(item)) {
      skipped++;
      process.stderr.write(`${item.file}${item.line !== null ? `:${item.line}` : ''}: skipped: ${item.message}\n`);
      continue;
    }
    articles++;
    for (const e of coder.code(item)) {
      events++;
      buf += (opts.format === 'table' ? tableRow(e) : jsonl(e)) + '\n';
    }
    if (buf.length > 1 << 16) { if (!out.write(buf)) await new Promise((r) => out.once('drain', r)); buf = ''; }
  }
  if (buf) out.write(buf);
  process.stderr.write(`dyad code: ${articles} articles, ${events} events${skipped ? `, ${skipped} skipped` : ''}\n`);
  return skipped > 0 ? 3 : 0;
}
