/** Event table view (filters, sort, pages, downloads; rows open to their mentions) and the single-event view. */
import { h, plural } from '../dom.js';
import { exportUrl, get } from '../api.js';
import { filtersOf, go, type Route } from '../route.js';
import { eventDetailBlock, eventTable, pager, actorCell, typeChip, goldsteinCell } from '../eventlist.js';
import type { Ctx } from '../main.js';
import type { EventDetail, EventPage } from '../types.js';

const SORTS: [string, string][] = [['-date', 'newest first'], ['date', 'oldest first'], ['goldstein', 'most conflictual'], ['-goldstein', 'most cooperative'], ['-mentions', 'most reported']];
const PAGE = 50;

export async function renderEvents(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const p = route.params;
  const filters = filtersOf(p);
  // Parameters only links make (a dyad from the network view, a place from the map).
  for (const k of ['dyad', 'both', 'place', 'cameo']) { const v = p.get(k); if (v) filters[k] = v; }
  const sort = p.get('sort') ?? '-date';
  const offset = Number(p.get('offset') ?? 0) || 0;
  const page = await get<EventPage>('events', { ...filters, sort, offset, limit: PAGE });
  if (!ctx.current()) return;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(p);
    if (v) next.set(k, v); else next.delete(k);
    if (k !== 'offset') next.delete('offset');
    go('events', next);
  };
  const sortSel = h('select', { name: 'sort', on: { change: () => set('sort', sortSel.value) } },
    ...SORTS.map(([v, label]) => h('option', { value: v, selected: v === sort }, label)));
  const extra = ['dyad', 'place', 'cameo'].filter((k) => p.get(k)).map((k) =>
    h('span', { class: 'pill' }, `${k} ${p.get(k)}${k === 'dyad' && p.get('both') ? ' (either direction)' : ''} `,
      h('button', { type: 'button', class: 'link', title: `remove ${k}`, on: { click: () => { const n = new URLSearchParams(p); n.delete(k); if (k === 'dyad') n.delete('both'); n.delete('offset'); go('events', n); } } }, '×')));
  const toolbar = h('div', { class: 'toolbar' },
    h('strong', { id: 'event-count' }, plural(page.total, 'event')), ...extra,
    h('label', { class: 'inline' }, 'Sort ', sortSel),
    h('span', { class: 'downloads' }, 'Download: ',
      h('a', { href: exportUrl('csv', filters), download: 'dyad-events.csv' }, 'CSV'), ' · ',
      h('a', { href: exportUrl('jsonl', filters), download: 'dyad-events.jsonl' }, 'JSONL')),
    pager(page.total, page.offset, page.limit, (o) => set('offset', o ? String(o) : null)));
  const hint = !p.get('include_historical') ? h('p', { class: 'muted small' }, 'Background events (mentioned more than 30 days after they happened) are hidden; tick “Include background events” to see them.') : null;
  root.replaceChildren(h('section', { class: 'card' }, toolbar, hint,
    page.events.length ? eventTable(page.events) : h('p', { class: 'muted empty' }, 'No events match these filters.')));
}

export async function renderEvent(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const id = route.id ?? '';
  if (!/^\d+$/.test(id)) throw new Error(`not an event id: "${id}"`);
  const e = await get<EventDetail>(`events/${id}`);
  if (!ctx.current()) return;
  root.replaceChildren(h('section', { class: 'card' },
    h('h2', {}, `Event ${e.id}: `, actorCell(e.source), ' → ', actorCell(e.target), ' ', typeChip(e.plover.event, e.plover.mode)),
    h('p', { class: 'summary' }, `CAMEO ${e.cameo} · quad class ${e.quad_class} · Goldstein `, goldsteinCell(e.goldstein),
      ` · ${e.date ?? 'undated'}${e.date_precision ? ` (${e.date_precision})` : ''}${e.historical ? ' · background' : ''}`),
    eventDetailBlock(e),
    h('p', {}, h('a', { href: `#/events?${new URLSearchParams({ ...filtersOf(route.params) }).toString()}` }, '‹ All events'))));
}
