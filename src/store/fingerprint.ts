/**
 * What an article was coded with: a hash of the lexicons and ontology the coder loads (data/lexicon,
 * data/ontology) plus the coding options. Stored per article, so `dyad recode --changed` can find
 * the articles coded before a lexicon edit.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_DATA_DIR } from '../lexicon/tsv.js';

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

export function coderFingerprint(opts: { statements: boolean; dataDir?: string }): string {
  const dataDir = opts.dataDir ?? DEFAULT_DATA_DIR;
  const h = createHash('sha256');
  for (const sub of ['lexicon', 'ontology']) {
    for (const f of files(join(dataDir, sub))) {
      h.update(relative(dataDir, f)).update('\0').update(readFileSync(f)).update('\0');
    }
  }
  return `lexicon:${h.digest('hex').slice(0, 16)}${opts.statements ? '+statements' : ''}`;
}
