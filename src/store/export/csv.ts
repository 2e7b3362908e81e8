/**
 * CSV (RFC 4180): comma-separated, fields with a comma, quote, CR or LF quoted, quotes doubled,
 * CRLF-free output (LF line ends, which every CSV reader accepts). The event columns flatten an
 * EventRecord; `dyad events --format csv` and `dyad export --format csv` write the same.
 */
import type { EventRecord } from '../records.js';

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** The columns of an event in CSV, in order, with how each is read from the record. */
export const EVENT_COLUMNS: [string, (e: EventRecord) => unknown][] = [
  ['id', (e) => e.id],
  ['date', (e) => e.date],
  ['date_precision', (e) => e.date_precision],
  ['date_basis', (e) => e.date_basis],
  ['historical', (e) => e.historical],
  ['source_code', (e) => e.source?.code],
  ['source_country', (e) => e.source?.country],
  ['source_sector', (e) => e.source?.sector],
  ['source_name', (e) => e.source?.name],
  ['target_code', (e) => e.target?.code],
  ['target_country', (e) => e.target?.country],
  ['target_sector', (e) => e.target?.sector],
  ['target_name', (e) => e.target?.name],
  ['cameo', (e) => e.cameo],
  ['cameo_base', (e) => e.cameo_base],
  ['cameo_root', (e) => e.cameo_root],
  ['quad_class', (e) => e.quad_class],
  ['goldstein', (e) => e.goldstein],
  ['plover_event', (e) => e.plover.event],
  ['plover_mode', (e) => e.plover.mode],
  ['plover_context', (e) => e.plover.context],
  ['location_name', (e) => e.location?.name],
  ['location_country', (e) => e.location?.country],
  ['location_admin1', (e) => e.location?.admin1],
  ['location_lat', (e) => e.location?.lat],
  ['location_lon', (e) => e.location?.lon],
  ['location_geonames_id', (e) => e.location?.geonames_id],
  ['location_precision', (e) => e.location?.precision],
  ['killed', (e) => e.killed],
  ['wounded', (e) => e.wounded],
  ['casualties_qualifier', (e) => e.casualties_qualifier],
  ['mentions', (e) => e.mentions],
  ['sources', (e) => e.sources],
  ['articles', (e) => e.articles],
  ['first_report', (e) => e.first_report],
  ['last_report', (e) => e.last_report],
  ['root_article', (e) => e.root.article],
  ['root_url', (e) => e.root.url],
];

export const EVENT_CSV_HEADER = csvLine(EVENT_COLUMNS.map(([name]) => name));

export function eventCsvLine(e: EventRecord): string {
  return csvLine(EVENT_COLUMNS.map(([, get]) => get(e)));
}
