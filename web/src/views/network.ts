/**
 * Actor network for a period (the From/To filters): who interacts with whom. Edge width grows with
 * the number of events, edge colour is their mean Goldstein score; click an edge for the pair.
 */
import { h, plural, svg, tip } from '../dom.js';
import { get } from '../api.js';
import { filtersOf, go, hashOf, withFilters, type Route } from '../route.js';
import { goldsteinColor, QUAD_NAMES } from '../colors.js';
import { forceLayout } from '../layout.js';
import type { Ctx } from '../main.js';
import type { DyadStat, Network } from '../types.js';

function goldLegend(): HTMLElement {
  const w = 220;
  const bar = svg('svg', { width: w + 20, height: 34, class: 'gold-legend', role: 'img', 'aria-label': 'edge colour: mean Goldstein from -10 to +10' });
  for (let i = 0; i <= 20; i++) {
    const g = -10 + i;
    bar.append(svg('rect', { x: 10 + (i * w) / 21, y: 2, width: w / 21 + 0.5, height: 12, fill: goldsteinColor(g) }));
  }
  bar.append(svg('text', { x: 10, y: 30, class: 'tick' }, '−10 conflict'), svg('text', { x: 10 + w / 2, y: 30, class: 'tick', 'text-anchor': 'middle' }, '0'),
    svg('text', { x: 10 + w, y: 30, class: 'tick', 'text-anchor': 'end' }, '+10 cooperation'));
  return h('div', { class: 'legend' }, h('span', { class: 'legend-item' }, 'Edge colour: mean Goldstein'), bar, h('span', { class: 'legend-item' }, 'width: number of events'));
}

function edgePanel(e: DyadStat, route: Route, level: string): HTMLElement {
  const dyad = `${e.a}:${e.b}`;
  return h('div', { class: 'edge-detail' },
    h('h3', { id: 'edge-title' }, `${e.a} – ${e.b}`, h('span', { class: 'muted' }, ` ${[e.a_name, e.b_name].filter(Boolean).join(' – ')}`)),
    h('p', {}, `${plural(e.events, 'event')}: ${e.a_to_b} ${e.a} → ${e.b}, ${e.b_to_a} ${e.b} → ${e.a}; mean Goldstein ${e.goldstein_mean}`),
    h('p', { class: 'muted' }, e.by_quad.map((v, q) => `${v} ${QUAD_NAMES[q]}`).join(' · ')),
    h('p', {},
      h('a', { href: hashOf('dyads', withFilters(route.params, { a: e.a, b: e.b, match: level === 'code' ? 'exact' : null })) }, 'Time series of this pair'), ' · ',
      h('a', { href: hashOf('events', withFilters(route.params, { dyad, both: 'true' })) }, 'List its events'),
      level === 'code' ? h('span', { class: 'muted small' }, ' (codes as prefixes: IRNGOV also matches IRNGOVxxx)') : null));
}

export async function renderNetwork(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const p = route.params;
  const filters = filtersOf(p);
  const level = p.get('level') === 'code' ? 'code' : 'country';
  const minEvents = Math.max(1, Number(p.get('min_events') ?? 1) || 1);
  const net = await get<Network>('network', { ...filters, level, min_events: minEvents, max_edges: 100 });
  if (!ctx.current()) return;
  const lv = h('select', { name: 'level', on: { change: () => go('network', { ...Object.fromEntries(p.entries()), level: lv.value }) } },
    h('option', { value: 'country', selected: level === 'country' }, 'countries and organisations'),
    h('option', { value: 'code', selected: level === 'code' }, 'actor codes (country + sector)'));
  const me = h('input', { name: 'min_events', type: 'number', min: '1', value: String(minEvents),
    on: { change: () => go('network', { ...Object.fromEntries(p.entries()), min_events: me.value }) } });
  const period = filters.from || filters.to ? `${filters.from ?? 'start'} to ${filters.to ?? 'end'}` : 'all dates (set From/To above for a period)';
  const panel = h('div', { class: 'side card' }, h('h2', {}, 'Network'),
    h('p', { class: 'summary', id: 'network-summary' }, `${plural(net.nodes.length, 'actor')}, ${plural(net.edges.length, 'pair')}`, net.more_edges ? ' (the most active pairs only)' : '', `; ${period}`),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Actors as'), lv),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Pairs with at least … events'), me),
    goldLegend(),
    h('div', { id: 'edge-panel' }, h('p', { class: 'muted' }, 'Click an edge to see the pair.')));
  const box = h('div', { class: 'network-box' });
  root.replaceChildren(h('div', { class: 'two-col' }, panel, h('section', { class: 'card main-col' }, box)));
  if (!net.edges.length) {
    box.append(h('p', { class: 'muted empty' }, 'No interactions between different actors in this selection.'));
    return;
  }
  const width = Math.max(480, box.clientWidth || 900);
  const height = Math.max(420, Math.min(760, Math.round(width * 0.7)));
  const index = new Map(net.nodes.map((n, i) => [n.id, i]));
  const pos = forceLayout(net.nodes.length, net.edges.map((e) => ({ a: index.get(e.a)!, b: index.get(e.b)!, weight: e.events })), width, height);
  const maxE = Math.max(1, ...net.edges.map((e) => e.events));
  const g = svg('svg', { class: 'network', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'actor network' });
  const edges = svg('g', { class: 'edges' });
  const edgeEls: SVGLineElement[] = [];
  for (const e of [...net.edges].sort((x, y) => x.events - y.events)) {
    const [p1, p2] = [pos[index.get(e.a)!], pos[index.get(e.b)!]];
    const line = svg('line', {
      x1: p1[0].toFixed(1), y1: p1[1].toFixed(1), x2: p2[0].toFixed(1), y2: p2[1].toFixed(1), class: 'edge', 'data-pair': `${e.a}-${e.b}`,
      stroke: goldsteinColor(e.goldstein_mean), 'stroke-width': (1.5 + 9 * Math.sqrt(e.events / maxE)).toFixed(1), tabindex: 0, role: 'button',
    }, tip(`${e.a} – ${e.b}: ${plural(e.events, 'event')}, mean Goldstein ${e.goldstein_mean}`));
    const pick = () => {
      for (const x of edgeEls) x.classList.remove('selected');
      line.classList.add('selected');
      panel.querySelector('#edge-panel')!.replaceChildren(edgePanel(e, route, level));
    };
    line.addEventListener('click', pick);
    line.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') pick(); });
    edgeEls.push(line);
    edges.append(line);
  }
  const nodes = svg('g', { class: 'nodes' });
  const maxN = Math.max(1, ...net.nodes.map((n) => n.events));
  net.nodes.forEach((n, i) => {
    const [x, y] = pos[i];
    const r = 6 + 10 * Math.sqrt(n.events / maxN);
    nodes.append(svg('g', { class: 'node', 'data-id': n.id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
      svg('circle', { r: r.toFixed(1) }),
      svg('text', { y: (-r - 5).toFixed(1), 'text-anchor': 'middle', class: 'node-label' }, n.id),
      tip(`${n.id}${n.name ? ` ${n.name}` : ''}: ${plural(n.events, 'event')} with the actors shown`)));
  });
  g.append(edges, nodes);
  box.append(g);
}
