/**
 * The event table used by every view: one row per deduplicated event; clicking a row opens its
 * mentions (each report's sentence with the trigger marked, the rule, the date's source, why it
 * joined the event) with links to the article view.
 */
import { h, outLink, plural, type Child } from './dom.js';
import { get } from './api.js';
import { typeColor, goldsteinColor } from './colors.js';
import { hashOf } from './route.js';
import type { Actor, EventDetail, EventItem, MentionRecord } from './types.js';

export function actorCell(a: Actor | null): HTMLElement {
  if (!a) return h('span', { class: 'muted', title: 'no actor on this side' }, '—');
  const title = [a.name, a.country && a.country !== a.code ? `country ${a.country}` : null, a.sector ? `sector ${a.sector}` : null].filter(Boolean).join(' · ');
  return h('span', { class: 'actor', title: title || undefined }, a.code ?? '?', a.name ? h('span', { class: 'actor-name' }, ` ${a.name}`) : null);
}

export function typeChip(type: string | null, mode?: string | null): HTMLElement {
  const t = type ?? 'STATEMENT';
  const chip = h('span', { class: 'chip' }, t, mode ? h('span', { class: 'chip-mode' }, `/${mode}`) : null);
  chip.style.setProperty('--chip', typeColor(t));
  return chip;
}

export function goldsteinCell(g: number): HTMLElement {
  const el = h('span', { class: 'gold', title: `Goldstein ${g}` }, g > 0 ? `+${g}` : String(g));
  el.style.setProperty('--gold', goldsteinColor(g));
  return el;
}

function dateCell(e: EventItem): HTMLElement {
  return h('span', {}, e.date ?? h('span', { class: 'muted' }, 'undated'),
    e.historical ? h('span', { class: 'badge', title: 'every report mentions it as background (more than 30 days before publication)' }, 'background') : null);
}

function casualties(e: { killed: number | null; wounded: number | null }): string {
  const parts = [];
  if (e.killed !== null) parts.push(`${e.killed} killed`);
  if (e.wounded !== null) parts.push(`${e.wounded} wounded`);
  return parts.join(', ');
}

/** A sentence with the trigger words marked (at the given offset when it fits, else where the words first occur). */
export function sentenceWithTrigger(sentence: string, trigger: string, at: number | null = null): HTMLElement {
  const i = at !== null && sentence.slice(at, at + trigger.length) === trigger ? at : trigger ? sentence.indexOf(trigger) : -1;
  if (i < 0) return h('blockquote', { class: 'sentence' }, sentence);
  return h('blockquote', { class: 'sentence' }, sentence.slice(0, i), h('mark', { class: 'trigger-inline' }, trigger), sentence.slice(i + trigger.length));
}

export function mentionBlock(m: MentionRecord): HTMLElement {
  const c = m.event;
  const a = m.article;
  return h('div', { class: 'mention' },
    h('div', { class: 'mention-head' },
      h('a', { href: hashOf('article', {}, a.id), class: 'article-link' }, a.title || a.ext_id),
      h('span', { class: 'muted' }, ` · ${a.publisher || 'unknown publisher'} · ${a.published ?? 'undated'} · sentence ${c.sentence + 1}`),
      a.url ? h('span', {}, ' · ', outLink(a.url, 'source')) : null),
    sentenceWithTrigger(c.sentence_text, c.trigger.text, m.trigger_in_sentence),
    h('dl', { class: 'facts' },
      h('dt', {}, 'coded'), h('dd', {}, `${c.source?.code ?? '—'} → ${c.target?.code ?? '—'} · CAMEO ${c.cameo} · ${c.plover.event ?? 'statement'}`,
        c.negated ? ' · negated' : '', c.hypothetical ? ' · hypothetical' : ''),
      h('dt', {}, 'rule'), h('dd', { class: 'rule' }, c.rule),
      h('dt', {}, 'date'), h('dd', {}, c.date ? `${c.date} (${c.date_precision ?? '?'})` : 'none', c.date_basis ? h('span', { class: 'muted' }, ` from ${c.date_basis}`) : null,
        c.historical ? ' · background' : ''),
      c.location ? h('dt', {}, 'place') : null, c.location ? h('dd', {}, `${c.location.name}${c.location.country ? `, ${c.location.country}` : ''} (${c.location.precision}${c.location.basis ? `, from the ${c.location.basis}` : ''})`) : null,
      h('dt', {}, 'joined'), h('dd', { class: 'muted' }, m.note)));
}

export function eventDetailBlock(e: EventDetail): HTMLElement {
  return h('div', { class: 'event-detail' },
    h('p', { class: 'summary' },
      `Event ${e.id}: ${plural(e.mentions, 'mention')} in ${plural(e.articles, 'article')} from ${plural(e.sources, 'source')}`,
      e.location ? ` · ${e.location.name}${e.location.country ? `, ${e.location.country}` : ''}` : '',
      casualties(e) ? ` · ${casualties(e)}${e.casualties_qualifier ? ` (${e.casualties_qualifier})` : ''}` : ''),
    ...e.mention_list.map(mentionBlock));
}

export interface TableOptions {
  /** Rows open to their mentions on click (default true). */
  expandable?: boolean;
  /** Open this event's row at once. */
  open?: number | null;
}

/** The table of a page of events. */
export function eventTable(events: EventItem[], o: TableOptions = {}): HTMLElement {
  const body = h('tbody');
  for (const e of events) {
    const row = h('tr', { class: 'event-row', data: { id: String(e.id) }, tabindex: 0 },
      h('td', { class: 'toggle', aria: { hidden: 'true' } }, o.expandable === false ? '' : '▸'),
      h('td', { class: 'nowrap' }, dateCell(e)),
      h('td', {}, actorCell(e.source)),
      h('td', {}, actorCell(e.target)),
      h('td', {}, typeChip(e.plover.event, e.plover.mode)),
      h('td', { class: 'num' }, e.cameo),
      h('td', { class: 'num' }, goldsteinCell(e.goldstein)),
      h('td', {}, e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ''}` : ''),
      h('td', {}, casualties(e)),
      h('td', { class: 'num', title: `${e.mentions} mentions, ${e.articles} articles, ${e.sources} sources` }, `${e.mentions}/${e.sources}`),
      h('td', { class: 'trigger-cell' }, e.trigger ?? ''));
    body.append(row);
    if (o.expandable === false) continue;
    let detail: HTMLTableRowElement | null = null;
    const toggle = async () => {
      if (detail) {
        detail.remove();
        detail = null;
        row.classList.remove('open');
        return;
      }
      row.classList.add('open');
      const cell = h('td', { colspan: 11 }, h('p', { class: 'muted' }, 'Loading mentions…'));
      detail = h('tr', { class: 'detail-row' }, cell);
      row.after(detail);
      try {
        const d = await get<EventDetail>(`events/${e.id}`);
        cell.replaceChildren(eventDetailBlock(d));
      } catch (err) {
        cell.replaceChildren(h('p', { class: 'error' }, (err as Error).message));
      }
    };
    row.addEventListener('click', (ev) => {
      if ((ev.target as HTMLElement).closest('a')) return;
      void toggle();
    });
    row.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); void toggle(); } });
    if (o.open === e.id) void toggle();
  }
  const head = h('thead', {}, h('tr', {},
    ...['', 'Date', 'Source', 'Target', 'Type', 'CAMEO', 'Goldstein', 'Place', 'Casualties', 'Reports', 'Trigger'].map((t) => h('th', {}, t))));
  return h('table', { class: 'events' }, head, body);
}

/** Pager: "1–50 of 120" with previous/next buttons. */
export function pager(total: number, offset: number, limit: number, goTo: (offset: number) => void): HTMLElement {
  const last = Math.min(total, offset + limit);
  return h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, on: { click: () => goTo(Math.max(0, offset - limit)) } }, '‹ Previous'),
    h('span', { class: 'pager-text' }, total === 0 ? 'no events' : `${(offset + 1).toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}`),
    h('button', { type: 'button', disabled: last >= total, on: { click: () => goTo(offset + limit) } }, 'Next ›'));
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}
