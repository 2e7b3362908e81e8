/** The CAMEO code table with Goldstein scores, quad classes and the PLOVER 2.0 mapping (data/ontology/cameo.tsv). */
import { join } from 'node:path';
import { readTsv, DEFAULT_DATA_DIR } from '../lexicon/tsv.js';

export interface CameoCode {
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  name: string;
  plover: string | null;
  ploverMode: string | null;
  ploverContext: string | null;
}

export type CameoTable = Map<string, CameoCode>;

export function loadCameo(dataDir = DEFAULT_DATA_DIR): CameoTable {
  const rows = readTsv(join(dataDir, 'ontology', 'cameo.tsv'), 5, 8, 'ontology/cameo.tsv');
  const table: CameoTable = new Map();
  for (const r of rows) {
    const [code, root, quad, gold, name, ev = '', mode = '', ctx = ''] = r.cols;
    table.set(code, {
      code, root, name,
      quadClass: Number(quad),
      goldstein: Number(gold),
      plover: ev || null,
      ploverMode: mode || null,
      ploverContext: ctx || null,
    });
  }
  return table;
}
