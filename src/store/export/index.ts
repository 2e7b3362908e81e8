/** `dyad export` and the library's export: events of a store, filtered, in one of four formats, streamed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../paths.js';
import type { Store } from '../store.js';
import type { EventFilter } from '../query.js';
import { eventRecord } from '../records.js';
import { EVENT_CSV_HEADER, eventCsvLine } from './csv.js';
import { gdeltHeader, gdeltLine } from './gdelt.js';
import { ploverRecord } from './plover.js';
import { geoCodes } from './geo-codes.js';

export type ExportFormat = 'jsonl' | 'csv' | 'gdelt' | 'plover';
export const EXPORT_FORMATS: ExportFormat[] = ['jsonl', 'csv', 'gdelt', 'plover'];

export interface ExportOptions {
  /** gdelt: write the column names as a first line (GDELT's own files have none). */
  header?: boolean;
}

export interface ExportResult {
  events: number;
  /** Events with no record in the format (plover: statements). */
  left_out: number;
}

function coderName(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `dyad ${pkg.version}`;
}

/** Writes the events matching `filter` through `write` (awaited, so a slow stream bounds memory). */
export async function exportEvents(store: Store, format: ExportFormat, filter: EventFilter, write: (chunk: string) => void | Promise<void>, opts: ExportOptions = {}): Promise<ExportResult> {
  const r: ExportResult = { events: 0, left_out: 0 };
  let buf = '';
  const out = async (s: string) => {
    buf += s;
    if (buf.length >= 1 << 16) { await write(buf); buf = ''; }
  };
  if (format === 'csv') await out(EVENT_CSV_HEADER);
  if (format === 'gdelt' && opts.header) await out(gdeltHeader());
  const g = format === 'gdelt' ? geoCodes() : null;
  const coder = format === 'plover' ? coderName() : '';
  for (const row of store.iterateEventRows(filter)) {
    if (format === 'gdelt') await out(gdeltLine(row, g!));
    else {
      const e = eventRecord(row);
      if (format === 'jsonl') await out(JSON.stringify(e) + '\n');
      else if (format === 'csv') await out(eventCsvLine(e));
      else {
        const p = ploverRecord(e, coder);
        if (!p) { r.left_out++; continue; }
        await out(JSON.stringify(p) + '\n');
      }
    }
    r.events++;
  }
  if (buf) await write(buf);
  return r;
}
