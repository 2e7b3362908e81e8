/**
 * `dyad actors [SEARCH]`: the people learned from the stored events (name, code, term, role), with
 * the overrides file applied; `--date` keeps the terms that cover a day, `--history NAME` shows the
 * sightings behind a person, `--format tsv` writes people.tsv lines (a start for an overrides file).
 */
import { openStore } from '../store/store.js';
import type { LearnedPerson } from '../store/people.js';
import { formatDay } from '../store/days.js';
import { Output } from './output.js';

export interface ActorsCliOptions {
  date?: string;
  format: 'table' | 'jsonl' | 'tsv';
  overrides?: string;
  history?: boolean;
}

function cell(s: string, w: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > w ? t.slice(0, w - 1) + '…' : t.padEnd(w);
}

const HEADER = [cell('name', 28), cell('code', 8), cell('from', 10), cell('to', 10), cell('role', 24), cell('seen', 5), 'origin'].join(' ');

function row(p: LearnedPerson): string {
  return [cell(p.name, 28), cell(p.code, 8), cell(p.from ?? '-', 10), cell(p.to ?? '-', 10), cell(p.role ?? '-', 24),
    cell(p.origin === 'learned' ? String(p.seen) : '-', 5), p.origin === 'learned' ? `learned, last seen ${p.last_seen}` : `override ${p.rule}`].join(' ');
}

export async function runActors(db: string, search: string | undefined, o: ActorsCliOptions): Promise<number> {
  const store = openStore(db, { readonly: true, overrides: o.overrides });
  try {
    const out = new Output();
    if (o.history) {
      if (!search) {
        process.stderr.write('dyad actors: --history needs a name\n');
        return 2;
      }
      const seen = store.sightings(search);
      for (const s of seen) await out.write(`${formatDay(s.day)}\t${s.code}\t${s.role ?? '-'}\t${s.name}\t${s.article}\n`);
      await out.flush();
      process.stderr.write(`dyad actors: ${seen.length} sighting${seen.length === 1 ? '' : 's'} of "${search}" (day, code, role, name, article)\n`);
      return 0;
    }
    const people = store.people({ search, date: o.date });
    if (o.format === 'table') await out.write(HEADER + '\n');
    if (o.format === 'tsv') await out.write('# name\tcode\tfrom\tto\trole\n');
    for (const p of people) {
      if (o.format === 'table') await out.write(row(p) + '\n');
      else if (o.format === 'tsv') await out.write([p.name, p.code, p.from ?? '', p.to ?? '', p.role ?? ''].join('\t') + '\n');
      else await out.write(JSON.stringify(p) + '\n');
    }
    await out.flush();
    process.stderr.write(`dyad actors: ${people.length} entr${people.length === 1 ? 'y' : 'ies'}${store.overridesPath ? ` (overrides: ${store.overridesPath})` : ''}\n`);
    return 0;
  } finally {
    store.close();
  }
}
