/** data/lexicon/modality.tsv: how a future or obligatory act changes the CAMEO code (intent, threat, demand). */
import { join } from 'node:path';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from './tsv.js';
import type { CameoTable } from '../ontology/cameo.js';

export type ModalKind = 'future' | 'obligation' | 'refusal';

export interface ModalityTable {
  /** The code an act of `code` becomes under the modality, or null when it stays hypothetical. */
  transform(kind: ModalKind, code: string): string | null;
}

export function loadModality(cameo: CameoTable, dataDir = DEFAULT_DATA_DIR): ModalityTable {
  const rows = readTsv(join(dataDir, 'lexicon', 'modality.tsv'), 3, 3, 'modality.tsv');
  const table = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const [kind, prefix, to] = r.cols;
    if (kind !== 'future' && kind !== 'obligation' && kind !== 'refusal') throw new LexiconError(r.file, r.line, `modality must be future, obligation or refusal, got "${kind}"`);
    // "=" keeps the act's own code (the modality only makes it an event that happened).
    if (to !== '=' && !cameo.has(to)) throw new LexiconError(r.file, r.line, `unknown CAMEO code "${to}"`);
    if (!/^\d{2,4}$/.test(prefix)) throw new LexiconError(r.file, r.line, `bad CAMEO prefix "${prefix}"`);
    const m = table.get(kind) ?? new Map<string, string>();
    m.set(prefix, to);
    table.set(kind, m);
  }
  return {
    transform(kind, code) {
      const m = table.get(kind);
      if (!m) return null;
      for (let n = code.length; n >= 2; n--) {
        const to = m.get(code.slice(0, n));
        if (to) return to === '=' ? code : to;
      }
      return null;
    },
  };
}
