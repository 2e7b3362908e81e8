/**
 * Dyad view: pick two actors; the time series of their events by quad class and mean Goldstein;
 * click a period to list its events. Beside it the top dyads of the selection, to pick from.
 */
import { h, plural, present } from '../dom.js';
import { get } from '../api.js';
import { filtersOf, go, withFilters, type Route } from '../route.js';
import { seriesChart, quadLegend } from '../chart.js';
import { eventTable, pager } from '../eventlist.js';
import { goldsteinColor } from '../colors.js';
import type { Ctx } from '../main.js';
import type { DyadStat, EventPage, Series, SeriesBucket } from '../types.js';

const CODE = /^[A-Z]{2,9}$/;

function pairName(code: string, name: string | null): string {
  return name && name !== code ? `${name} (${code})` : code;
}

function topDyadList(dyads: DyadStat[], route: Route, exact: boolean): HTMLElement {
  if (!dyads.length) return h('p', { class: 'muted' }, 'No pairs of different actors in this selection.');
  return h('ol', { class: 'top-dyads' }, ...dyads.map((d) => {
    const a = route.params.get('a');
    const b = route.params.get('b');
    const active = (a === d.a && b === d.b) || (a === d.b && b === d.a);
    const bar = h('span', { class: 'mini-gold', title: `mean Goldstein ${d.goldstein_mean}` });
    bar.style.setProperty('--gold', goldsteinColor(d.goldstein_mean));
    return h('li', { class: active ? 'active' : '' },
      h('a', { href: `#/dyads?${new URLSearchParams({ ...filtersOf(route.params), a: d.a, b: d.b, ...(exact ? { match: 'exact' } : {}) }).toString()}`, data: { pair: `${d.a}-${d.b}` } },
        h('span', { class: 'pair' }, `${d.a} – ${d.b}`), bar,
        h('span', { class: 'muted' }, ` ${plural(d.events, 'event')}`)),
      h('div', { class: 'muted small' }, [d.a_name, d.b_name].filter(Boolean).join(' – ')));
  }));
}

export async function renderDyads(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const p = route.params;
  const filters = filtersOf(p);
  delete filters.actor;
  let top = await get<{ level: string; dyads: DyadStat[] }>('dyads', { ...filters, limit: 12 });
  // No pairs of different countries (a store of domestic news): offer pairs of actor codes (SRBCOP - SRBCVL).
  if (!top.dyads.length) top = await get<{ level: string; dyads: DyadStat[] }>('dyads', { ...filters, level: 'code', limit: 12 });
  if (!ctx.current()) return;
  let a = p.get('a');
  let b = p.get('b');
  let match = p.get('match') === 'exact' ? 'exact' : 'prefix';
  if ((!a || !b) && top.dyads.length) {
    // Nothing picked yet: start with the most active pair (pairs of full codes are exact codes).
    a = top.dyads[0].a;
    b = top.dyads[0].b;
    if (top.level === 'code') match = 'exact';
    history.replaceState(null, '', `#/dyads?${new URLSearchParams({ ...filtersOf(p), a, b, ...(match === 'exact' ? { match } : {}) }).toString()}`);
  }
  const direction = p.get('direction') ?? 'both';
  const interval = p.get('interval') ?? 'auto';

  const inA = h('input', { name: 'a', type: 'text', value: a ?? '', list: 'actor-codes', placeholder: 'IRN' });
  const inB = h('input', { name: 'b', type: 'text', value: b ?? '', list: 'actor-codes', placeholder: 'AZE' });
  const dir = h('select', { name: 'direction' },
    h('option', { value: 'both', selected: direction === 'both' }, 'both ways'),
    h('option', { value: 'a_to_b', selected: direction === 'a_to_b' }, 'A → B'),
    h('option', { value: 'b_to_a', selected: direction === 'b_to_a' }, 'B → A'));
  const iv = h('select', { name: 'interval' }, ...['auto', 'day', 'week', 'month'].map((v) => h('option', { value: v, selected: interval === v }, v)));
  const exact = h('input', { type: 'checkbox', name: 'match', checked: match === 'exact' });
  const problem = h('p', { class: 'error', hidden: true });
  const form = h('form', { class: 'pair-form', on: { submit: (ev) => {
    ev.preventDefault();
    const na = inA.value.trim().toUpperCase();
    const nb = inB.value.trim().toUpperCase();
    if (!CODE.test(na) || !CODE.test(nb)) {
      problem.hidden = false;
      problem.textContent = 'Give two actor codes or code prefixes, e.g. IRN and AZE, or IRNGOV and AZEMIL.';
      return;
    }
    go('dyads', withFilters(p, { a: na, b: nb, direction: dir.value, interval: iv.value, match: exact.checked ? 'exact' : null }));
  } } },
  h('div', { class: 'pair-inputs' },
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Actor A'), inA),
    h('button', { type: 'button', class: 'swap', title: 'swap A and B', on: { click: () => { const t = inA.value; inA.value = inB.value; inB.value = t; } } }, '⇄'),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Actor B'), inB)),
  h('div', { class: 'pair-inputs' },
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Direction'), dir),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Interval'), iv)),
  h('label', { class: 'field check', title: 'off: codes are prefixes (IRN also means IRNGOV, IRNMIL...); on: exactly these codes' }, exact, h('span', {}, 'Exact codes only')),
  h('button', { type: 'submit', class: 'primary' }, 'Show'), problem);

  const side = h('aside', { class: 'side card' }, h('h2', {}, 'Dyad'), form, h('h3', {}, top.level === 'code' ? 'Most active pairs of actor codes' : 'Most active pairs'), topDyadList(top.dyads, route, top.level === 'code'));
  const mainCol = h('div', { class: 'main-col' });
  root.replaceChildren(h('div', { class: 'two-col' }, side, mainCol));

  if (!a || !b) {
    mainCol.append(h('section', { class: 'card' }, h('p', { class: 'muted' }, 'No events between two different actors in this selection. Widen the filters, or pick two actors.')));
    return;
  }
  const series = await get<Series>('dyad', { ...filters, a, b, direction, interval, match });
  if (!ctx.current()) return;
  const title = `${pairName(series.a, series.a_name)} ${direction === 'a_to_b' ? '→' : direction === 'b_to_a' ? '←' : '–'} ${pairName(series.b, series.b_name)}`;
  const card = h('section', { class: 'card chart-card' }, h('h2', { id: 'dyad-title' }, title));
  const facts = h('p', { class: 'summary' },
    `${plural(series.total, 'dated event')} in ${plural(series.buckets.filter((x) => x.events).length, series.interval)}`,
    series.buckets.length ? ` (${series.buckets[0].start} to ${series.buckets[series.buckets.length - 1].end}, by ${series.interval})` : '',
    series.undated ? ` · ${plural(series.undated, 'undated event')} not shown` : '');
  card.append(facts);
  if (series.historical_hidden > 0) {
    card.append(h('p', { class: 'notice' },
      `${plural(series.historical_hidden, 'background event')} of this pair ${series.historical_hidden === 1 ? 'is' : 'are'} hidden: reported more than 30 days after ${series.historical_hidden === 1 ? 'it' : 'they'} happened. `,
      h('button', { type: 'button', class: 'link', on: { click: () => go('dyads', { ...Object.fromEntries(p.entries()), a, b, match: match === 'exact' ? match : null, include_historical: 'true' }) } }, 'Include background events')));
  }
  const list = h('div', { class: 'bucket-events' });
  if (!series.buckets.length || series.total === 0) {
    card.append(h('p', { class: 'muted empty' }, `No dated events between ${series.a} and ${series.b} with these filters.`));
    mainCol.replaceChildren(card);
    return;
  }
  const chartBox = h('div', { class: 'chart-box' });
  card.append(quadLegend(), chartBox);
  let selected = p.get('period');
  const draw = () => {
    chartBox.replaceChildren(seriesChart(series.buckets, {
      width: chartBox.clientWidth || 800, interval: series.interval, selected,
      onPick: (bk) => { selected = bk.period; draw(); void showBucket(bk, 0); },
    }));
  };
  const showBucket = async (bk: SeriesBucket, offset: number) => {
    list.replaceChildren(h('p', { class: 'muted' }, 'Loading events…'));
    const page = await get<EventPage>('dyad/events', { ...filters, a, b, direction, match, interval: series.interval, period: bk.period, offset, limit: 50 });
    list.replaceChildren(...present(
      h('h3', { id: 'bucket-title' }, `Events of ${series.interval === 'month' ? bk.period : series.interval === 'week' ? `the week of ${bk.start}` : bk.period}`,
        h('span', { class: 'muted' }, ` · ${plural(page.total, 'event')} · mean Goldstein ${bk.goldstein_mean}`)),
      bk.imprecise ? h('p', { class: 'muted small' }, `${plural(bk.imprecise, 'event')} dated only to a ${series.interval === 'month' ? 'year' : 'month or year'}, counted at the start of that span.`) : null,
      eventTable(page.events),
      page.total > page.limit ? pager(page.total, page.offset, page.limit, (o) => void showBucket(bk, o)) : null));
  };
  mainCol.replaceChildren(card, h('section', { class: 'card' }, list));
  draw();
  const pre = selected ? series.buckets.find((x) => x.period === selected) : null;
  if (pre) await showBucket(pre, 0);
  else list.append(h('p', { class: 'muted' }, 'Click a period in the chart to list its events.'));
  let lastW = chartBox.clientWidth;
  const ro = new ResizeObserver(() => {
    if (!chartBox.isConnected) { ro.disconnect(); return; }
    if (Math.abs(chartBox.clientWidth - lastW) > 20) { lastW = chartBox.clientWidth; draw(); }
  });
  ro.observe(chartBox);
}
