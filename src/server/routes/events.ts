/** GET /api/events (filtered, paginated), GET /api/events/:id (one event with its mentions), GET /api/export (CSV or JSONL download). */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { eventRecord, type EventRow } from '../../store/records.js';
import { EVENT_CSV_HEADER, eventCsvLine } from '../../store/export/csv.js';
import { FILTER_PROPERTIES, ID_PARAMS, PAGE_PROPERTIES, querySchema } from '../schemas.js';
import { pickFilters, whereOf, type FilterQuery, type Where } from '../filters.js';
import { eventsPage, EVENT_SORTS, type EventSort } from '../queries.js';
import { notFound } from '../errors.js';
import { sentenceRange } from '../spans.js';
import type { EventWithMentions } from '../api-types.js';

export const DEFAULT_PAGE = 50;

type EventsQuery = FilterQuery & { limit?: number; offset?: number; sort?: EventSort };
type ExportQuery = FilterQuery & { format: 'csv' | 'jsonl'; limit?: number };

/** Event ids of a query in date order, then the rows in chunks: the connection is never left busy between chunks. */
async function* exportRows(store: Store, where: Where, limit: number | undefined, chunk = 500): AsyncGenerator<EventRow[]> {
  const ids = store.db.prepare(`SELECT id FROM events WHERE ${where.sql} ORDER BY day_lo IS NULL, day_lo, id${limit !== undefined ? ' LIMIT ?' : ''}`)
    .pluck().all(...where.params, ...(limit !== undefined ? [limit] : [])) as number[];
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const rows = store.db.prepare(`SELECT * FROM events WHERE id IN (${part.map(() => '?').join(',')})`).all(...part) as EventRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    // An event deleted between the two reads (a concurrent ingest) is skipped.
    yield part.map((id) => byId.get(id)).filter((r): r is EventRow => r !== undefined);
  }
}

export function eventRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: EventsQuery }>('/api/events', {
    schema: { querystring: querySchema({ ...FILTER_PROPERTIES, ...PAGE_PROPERTIES, sort: { type: 'string', enum: EVENT_SORTS } }) },
  }, async (req) => {
    const where = whereOf(pickFilters(req.query));
    return eventsPage(store.db, where, { limit: req.query.limit ?? DEFAULT_PAGE, offset: req.query.offset ?? 0, sort: req.query.sort ?? 'date' });
  });

  app.get<{ Params: { id: string } }>('/api/events/:id', { schema: { params: ID_PARAMS } }, async (req) => {
    const e = store.event(Number(req.params.id));
    if (!e) throw notFound(`no event ${req.params.id}`);
    // Where each mention's trigger sits in its sentence, so a page can mark the right words when they occur twice.
    const texts = new Map<number, string>();
    const textOf = store.db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
    const answer: EventWithMentions = {
      ...e,
      mention_list: e.mention_list.map((m) => {
        let text = texts.get(m.article.id);
        if (text === undefined) texts.set(m.article.id, text = (textOf.get(m.article.id) as string | undefined) ?? '');
        const r = sentenceRange(text, m.event);
        return { ...m, trigger_in_sentence: r && text.slice(m.event.trigger.start, m.event.trigger.end) === m.event.trigger.text ? m.event.trigger.start - r[0] : null };
      }),
    };
    return answer;
  });

  app.get<{ Querystring: ExportQuery }>('/api/export', {
    schema: { querystring: querySchema({ ...FILTER_PROPERTIES, format: { type: 'string', enum: ['csv', 'jsonl'] }, limit: { type: 'integer', minimum: 1 } }, ['format']) },
  }, async (req, reply) => {
    const where = whereOf(pickFilters(req.query));
    const csv = req.query.format === 'csv';
    const out = new PassThrough();
    const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
    (async () => {
      if (csv) await write(EVENT_CSV_HEADER);
      for await (const rows of exportRows(store, where, req.query.limit)) {
        if (out.destroyed) return;
        await write(rows.map((r) => (csv ? eventCsvLine(eventRecord(r)) : JSON.stringify(eventRecord(r)) + '\n')).join(''));
      }
      out.end();
    })().catch((e: Error) => out.destroy(e));
    return reply
      .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="dyad-events.${req.query.format}"`)
      .send(out);
  });
}
