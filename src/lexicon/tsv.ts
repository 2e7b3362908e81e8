/** Reads dyad's tab-separated data files: `#` comments, blank lines skipped, errors name file:line. */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export class LexiconError extends Error {
  constructor(public file: string, public line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'LexiconError';
  }
}

export interface TsvRow {
  /** Columns, trimmed. */
  cols: string[];
  /** 1-based line number in the file. */
  line: number;
  /** File name relative to the data directory, for rule references. */
  file: string;
}

/** The package's own data/ directory. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');

export function readTsv(path: string, minCols: number, maxCols = minCols, label = basename(path)): TsvRow[] {
  const text = readFileSync(path, 'utf8');
  const rows: TsvRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cols = raw.split('\t').map((c) => c.trim());
    while (cols.length > minCols && cols[cols.length - 1] === '') cols.pop();
    if (cols.length < minCols || cols.length > maxCols) {
      throw new LexiconError(label, i + 1, `expected ${minCols === maxCols ? minCols : `${minCols}-${maxCols}`} tab-separated columns, found ${cols.length}`);
    }
    rows.push({ cols, line: i + 1, file: label });
  }
  return rows;
}
