/** `dyad export --format jsonl|csv|gdelt|plover`: the store's events, filtered like `dyad events`, to stdout or a file. */
import { createWriteStream, renameSync, unlinkSync } from 'node:fs';
import { openStore } from '../store/store.js';
import type { EventFilter } from '../store/query.js';
import { exportEvents, type ExportFormat } from '../store/export/index.js';

export interface ExportCliOptions {
  format: ExportFormat;
  out?: string;
  header?: boolean;
}

function writer(stream: NodeJS.WritableStream): (s: string) => Promise<void> {
  return (s) => (stream.write(s) ? Promise.resolve() : new Promise((r) => stream.once('drain', () => r())));
}

export async function runExport(db: string, filter: EventFilter, o: ExportCliOptions): Promise<number> {
  const store = openStore(db, { readonly: true });
  try {
    let result;
    if (o.out) {
      // Written next to the target and renamed at the end: a failed export leaves no half file.
      const tmp = `${o.out}.partial-${process.pid}`;
      const stream = createWriteStream(tmp);
      const failed = new Promise<never>((_, reject) => stream.once('error', reject));
      try {
        result = await Promise.race([exportEvents(store, o.format, filter, writer(stream), { header: o.header }), failed]);
        await Promise.race([new Promise<void>((r) => stream.end(() => r())), failed]);
        renameSync(tmp, o.out);
      } catch (e) {
        stream.destroy();
        try { unlinkSync(tmp); } catch { /* already gone */ }
        throw e;
      }
    } else {
      result = await exportEvents(store, o.format, filter, writer(process.stdout), { header: o.header });
    }
    process.stderr.write(`dyad export: ${result.events} event${result.events === 1 ? '' : 's'} as ${o.format}${o.out ? ` to ${o.out}` : ''}` +
      `${result.left_out ? `; ${result.left_out} statements (CAMEO 01) have no PLOVER type and were left out` : ''}\n`);
    return 0;
  } finally {
    store.close();
  }
}
