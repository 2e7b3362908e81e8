/**
 * `dyad events`: query the deduplicated events of a store (table, JSONL or CSV), and
 * `dyad events show ID`: one event with its mentions, their sentences and why they were merged.
 */
import { openStore, type Store } from '../store/store.js';
import type { EventFilter } from '../store/query.js';
import type { EventDetail, EventRecord } from '../store/records.js';
import { EVENT_CSV_HEADER, eventCsvLine } from '../store/export/csv.js';
import { Output } from './output.js';

export type EventsFormat = 'table' | 'jsonl' | 'csv';

function cell(s: string, w: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > w ? t.slice(0, w - 1) + '…' : t.padEnd(w);
}

const actor = (a: EventRecord['source']) => (a ? a.code || (a.sector ? `?${a.sector}` : '?') : '-');

export const EVENTS_TABLE_HEADER = [cell('id', 7), cell('date', 11), cell('source', 10), cell('target', 10), cell('cameo', 5), cell('plover', 9),
  cell('ment', 4), cell('src', 3), cell('art', 3), cell('place', 16), 'trigger'].join(' ');

function tableRow(e: EventRecord, trigger: string): string {
  return [cell(String(e.id), 7), cell((e.date ?? '-') + (e.historical ? '*' : ''), 11), cell(actor(e.source), 10), cell(actor(e.target), 10),
    cell(e.cameo, 5), cell(e.plover.event ?? '-', 9), cell(String(e.mentions), 4), cell(String(e.sources), 3), cell(String(e.articles), 3),
    cell(e.location ? e.location.name : '-', 16), trigger].join(' ');
}

/** The trigger words of an event's root mention (for the table). */
function rootTrigger(store: Store): (e: EventRecord) => string {
  const q = store.db.prepare("SELECT json_extract(record, '$.trigger.text') FROM mentions m JOIN events e ON e.root_mention = m.id WHERE e.id = ?").pluck();
  return (e) => (q.get(e.id) as string | null) ?? '';
}

export async function runEvents(db: string, filter: EventFilter, format: EventsFormat): Promise<number> {
  const store = openStore(db, { readonly: true });
  try {
    const out = new Output();
    const trigger = format === 'table' ? rootTrigger(store) : null;
    if (format === 'table') await out.write(EVENTS_TABLE_HEADER + '\n');
    if (format === 'csv') await out.write(EVENT_CSV_HEADER);
    let n = 0;
    for (const e of store.events(filter)) {
      n++;
      await out.write(format === 'table' ? tableRow(e, trigger!(e)) + '\n' : format === 'csv' ? eventCsvLine(e) : JSON.stringify(e) + '\n', 1);
    }
    await out.flush();
    process.stderr.write(`dyad events: ${n} event${n === 1 ? '' : 's'}${format === 'table' && n ? ' (* = background: historical)' : ''}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function describe(e: EventDetail): string {
  const side = (a: EventRecord['source']) => (a ? `${a.code || '?'}${a.name ? ` (${a.name})` : ''}` : 'none');
  const lines = [
    `event ${e.id}: ${side(e.source)} -> ${side(e.target)}`,
    `  CAMEO ${e.cameo} (root ${e.cameo_root}, quad class ${e.quad_class}, Goldstein ${e.goldstein}); PLOVER ${e.plover.event ?? '-'}${e.plover.mode ? `/${e.plover.mode}` : ''}`,
    `  date ${e.date ?? 'unknown'}${e.date_precision ? ` (${e.date_precision}${e.date_basis === 'published' ? ', publication day' : ''})` : ''}${e.historical ? ', background (historical) in every report' : ''}`,
    `  place ${e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ''} (${e.location.precision})` : 'not named'}` +
      (e.killed !== null || e.wounded !== null ? `; killed ${e.killed ?? '-'}, wounded ${e.wounded ?? '-'}${e.casualties_qualifier ? ` (${e.casualties_qualifier})` : ''}` : ''),
    `  ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${e.articles} article${e.articles === 1 ? '' : 's'} from ${e.sources} source${e.sources === 1 ? '' : 's'}; reported ${e.first_report ?? '?'}${e.last_report && e.last_report !== e.first_report ? ` to ${e.last_report}` : ''}`,
    '',
    'mentions:',
  ];
  for (const m of e.mention_list) {
    const c = m.event;
    const a = m.article;
    lines.push(`  #${m.id} ${a.ext_id} (${a.publisher || 'unknown publisher'}, ${a.published ?? 'undated'}), sentence ${c.sentence}: ${c.source?.code || '-'} -> ${c.target?.code || '-'} ${c.cameo}, date ${c.date ?? '-'}${c.historical ? ' (historical)' : ''}`);
    lines.push(`    "${c.sentence_text.replace(/\s+/g, ' ')}"`);
    lines.push(`    trigger "${c.trigger.text}" by ${c.rule}`);
    lines.push(`    why: ${m.note}`);
  }
  return lines.join('\n') + '\n';
}

export async function runEventShow(db: string, id: string, json: boolean): Promise<number> {
  if (!/^\d+$/.test(id)) {
    process.stderr.write(`dyad events show: expected an event id (a whole number), got "${id}"\n`);
    return 2;
  }
  const store = openStore(db, { readonly: true });
  try {
    const e = store.event(Number(id));
    if (!e) {
      process.stderr.write(`dyad events show: no event ${id} in ${db}\n`);
      return 1;
    }
    const out = new Output();
    await out.write(json ? JSON.stringify(e) + '\n' : describe(e));
    await out.flush();
    return 0;
  } finally {
    store.close();
  }
}
