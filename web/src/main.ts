/**
 * The dashboard: a filter bar shared by all views, tabs, and one view at a time rendered into <main>
 * from the URL fragment (so every state has a link and the back button works).
 */
import { h, plural } from './dom.js';
import { get } from './api.js';
import { FILTER_KEYS, go, parseHash, type Route, type View } from './route.js';
import type { Actors, Meta } from './types.js';
import { renderDyads } from './views/dyads.js';
import { renderMap } from './views/map.js';
import { renderEvents, renderEvent } from './views/events.js';
import { renderNetwork } from './views/network.js';
import { renderArticles, renderArticle } from './views/articles.js';

export interface Ctx {
  meta: Meta;
  /** Set to false when another render starts: views stop writing to the page. */
  current(): boolean;
}

type Renderer = (root: HTMLElement, route: Route, ctx: Ctx) => Promise<void>;

const RENDER: Record<View, Renderer> = {
  dyads: renderDyads, map: renderMap, events: renderEvents, network: renderNetwork,
  articles: renderArticles, article: renderArticle, event: renderEvent,
};

const TABS: [View, string][] = [['dyads', 'Dyads'], ['map', 'Map'], ['events', 'Events'], ['network', 'Network'], ['articles', 'Articles']];

/** Which tab a view belongs to (an article is under Articles, an event under Events). */
const TAB_OF: Record<View, View> = { dyads: 'dyads', map: 'map', events: 'events', network: 'network', articles: 'articles', article: 'articles', event: 'events' };

let meta: Meta;
let generation = 0;

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field', title: hint }, h('span', { class: 'field-label' }, label), input);
}

function filterBar(route: Route): HTMLElement {
  const p = route.params;
  const actor = h('input', { name: 'actor', type: 'text', value: p.get('actor') ?? '', placeholder: 'code or name', list: 'actor-codes' });
  const type = h('select', { name: 'type' }, h('option', { value: '' }, 'any type'),
    ...meta.types.map((t) => h('option', { value: t.type, selected: p.get('type') === t.type }, `${t.type} (${t.events})`)));
  const country = h('input', { name: 'country', type: 'text', value: p.get('country') ?? '', placeholder: 'ISO3, e.g. AZE' });
  const from = h('input', { name: 'from', type: 'date', value: p.get('from') ?? '' });
  const to = h('input', { name: 'to', type: 'date', value: p.get('to') ?? '' });
  const hist = h('input', { name: 'include_historical', type: 'checkbox', checked: p.get('include_historical') === 'true' });
  if (route.view === 'dyads') {
    actor.disabled = true;
    actor.title = 'the dyad view picks its two actors below';
  }
  const form = h('form', { id: 'filters', class: 'filters', on: {
    submit: (ev) => {
      ev.preventDefault();
      const next = new URLSearchParams(route.params);
      const values: Record<string, string> = {
        actor: actor.value.trim(), type: type.value, country: country.value.trim().toUpperCase(), from: from.value, to: to.value,
        include_historical: hist.checked ? 'true' : '',
      };
      for (const k of FILTER_KEYS) {
        if (values[k]) next.set(k, values[k]);
        else next.delete(k);
      }
      next.delete('offset');
      go(route.view, next, route.id ?? undefined);
    },
  } },
  field('Actor', actor, 'either side: a code or code prefix (IRN, IRNGOV, UNO) or part of a name'),
  field('Event type', type),
  field('Place country', country, 'events located in this country (ISO 3166 alpha-3)'),
  field('From', from),
  field('To', to),
  h('label', { class: 'field check', title: 'events more than 30 days before the reports that mention them' }, hist, h('span', {}, 'Include background events')),
  h('div', { class: 'filter-buttons' },
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    h('button', { type: 'button', on: { click: () => {
      const next = new URLSearchParams(route.params);
      for (const k of FILTER_KEYS) next.delete(k);
      next.delete('offset');
      go(route.view, next, route.id ?? undefined);
    } } }, 'Clear')));
  return form;
}

function tabs(route: Route): HTMLElement {
  const keep = new URLSearchParams();
  for (const k of FILTER_KEYS) { const v = route.params.get(k); if (v) keep.set(k, v); }
  const q = keep.toString();
  return h('nav', { class: 'tabs', aria: { label: 'views' } }, ...TABS.map(([v, label]) =>
    h('a', { href: `#/${v}${q ? `?${q}` : ''}`, class: TAB_OF[route.view] === v ? 'tab active' : 'tab', aria: TAB_OF[route.view] === v ? { current: 'page' } : undefined }, label)));
}

async function render(): Promise<void> {
  const route = parseHash();
  const mine = ++generation;
  const nav = document.getElementById('nav')!;
  const bar = document.getElementById('filterbar')!;
  const root = document.getElementById('view')!;
  nav.replaceChildren(tabs(route));
  bar.replaceChildren(filterBar(route));
  root.replaceChildren(h('p', { class: 'muted loading' }, 'Loading…'));
  root.dataset.view = route.view;
  root.removeAttribute('data-ready');
  try {
    await RENDER[route.view](root, route, { meta, current: () => mine === generation });
  } catch (e) {
    if (mine === generation) root.replaceChildren(h('p', { class: 'error' }, (e as Error).message));
  }
  // Tests and readers of the page wait for this: the view has its data on screen.
  if (mine === generation) {
    root.dataset.gen = String(mine);
    root.dataset.ready = 'true';
  }
}

async function start(): Promise<void> {
  meta = await get<Meta>('meta');
  const info = document.getElementById('store-info')!;
  info.replaceChildren(`${meta.database} · ${plural(meta.counts.events, 'event')} · ${plural(meta.counts.articles, 'article')}`,
    meta.first_day ? ` · ${meta.first_day} to ${meta.last_day}` : '');
  // Actor codes for the pickers (background events too, so every actor of the store is offered).
  get<Actors>('actors', { include_historical: true, limit: 1000 }).then((a) => {
    const list = document.getElementById('actor-codes')!;
    const seen = new Set<string>();
    for (const c of a.countries) {
      seen.add(c.code);
      list.append(h('option', { value: c.code }, `${c.name ?? c.code} · ${plural(c.events, 'event')}`));
    }
    for (const c of a.codes) {
      if (seen.has(c.code)) continue;
      list.append(h('option', { value: c.code }, `${[c.country_name, c.names[0]].filter(Boolean).join(' · ') || c.code} · ${plural(c.events, 'event')}`));
    }
  }).catch(() => { /* the pickers still take typed codes */ });
  window.addEventListener('hashchange', () => { void render(); });
  await render();
}

start().catch((e: Error) => {
  document.getElementById('view')!.replaceChildren(h('p', { class: 'error' }, `Cannot reach the dyad API: ${e.message}`));
});
