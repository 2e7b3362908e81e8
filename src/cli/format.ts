/** Output formats of `dyad code`: JSON Lines (the stable contract) and a table for terminals. */
import type { CodedEvent } from '../pipeline/types.js';

export type OutputFormat = 'jsonl' | 'table';

export function jsonl(e: CodedEvent): string {
  return JSON.stringify(e);
}

function cell(s: string, w: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > w ? t.slice(0, w - 1) + '…' : t.padEnd(w);
}

export const TABLE_HEADER = [cell('article', 22), cell('sent', 4), cell('cameo', 5), cell('plover', 9), cell('source', 12), cell('target', 12),
  cell('date', 10), cell('place', 14), cell('k/w', 7), cell('flags', 5), 'trigger'].join(' ');

/** "3/2" killed/wounded, "5000+/-" with a qualifier mark; blank when the text states none. */
function casualties(e: CodedEvent): string {
  if (e.killed === null && e.wounded === null) return '';
  const q = e.casualties_qualifier ? '~' : '';
  return `${e.killed ?? '-'}/${e.wounded ?? '-'}${q}`;
}

export function tableRow(e: CodedEvent): string {
  // N negated, H hypothetical (future, conditional, intended), B background (historical).
  const flags = (e.negated ? 'N' : '') + (e.hypothetical ? 'H' : '') + (e.historical ? 'B' : '');
  const place = e.location ? `${e.location.name}${e.location.country ? ' ' + e.location.country : ''}` : '';
  return [cell(e.article_id, 22), cell(String(e.sentence), 4), cell(e.cameo, 5), cell(e.plover.event ?? '-', 9),
    cell(e.source?.code || (e.source ? '?' : '-'), 12), cell(e.target?.code || (e.target ? '?' : '-'), 12),
    cell(e.date ?? '', 10), cell(place, 14), cell(casualties(e), 7), cell(flags, 5), e.trigger.text].join(' ');
}

/** The output lines of some events, each ending in a newline: the same bytes in the CLI and in workers. */
export function formatEvents(events: CodedEvent[], format: OutputFormat): string {
  let s = '';
  for (const e of events) s += (format === 'table' ? tableRow(e) : jsonl(e)) + '\n';
  return s;
}
