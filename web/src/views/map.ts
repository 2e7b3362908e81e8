/**
 * Map view: the world (world-atlas 1:110m countries, served with the page) in a Natural Earth
 * projection, countries shaded by the number of events located in them, and a dot per place
 * coloured by its most frequent event type and sized by its number of events. Click a dot to list
 * its events. Fits to the places by default.
 */
import { geoNaturalEarth1, geoPath, geoGraticule10, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { h, plural, present, svg, tip } from '../dom.js';
import { get } from '../api.js';
import { filtersOf, go, type Route } from '../route.js';
import { typeColor } from '../colors.js';
import { eventTable, pager } from '../eventlist.js';
import type { Ctx } from '../main.js';
import type { EventPage, Place, Places } from '../types.js';

let world: FeatureCollection<Geometry, Record<string, unknown>> | null = null;

async function loadWorld(): Promise<FeatureCollection<Geometry, Record<string, unknown>>> {
  if (world) return world;
  const r = await fetch('countries-110m.json');
  if (!r.ok) throw new Error(`cannot load the world map (countries-110m.json: ${r.status})`);
  const topo = (await r.json()) as Topology<{ countries: GeometryCollection<Record<string, unknown>> }>;
  world = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, Record<string, unknown>>;
  return world;
}

/** A box around the places, at least `min` degrees wide and high, as a GeoJSON polygon to fit the projection to. */
function boxAround(places: Place[], min = 16): GeoPermissibleObjects {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const p of places) { w = Math.min(w, p.lon); e = Math.max(e, p.lon); s = Math.min(s, p.lat); n = Math.max(n, p.lat); }
  const padX = Math.max((min - (e - w)) / 2, (e - w) * 0.15);
  const padY = Math.max((min - (n - s)) / 2, (n - s) * 0.15);
  [w, e] = [Math.max(-180, w - padX), Math.min(180, e + padX)];
  [s, n] = [Math.max(-85, s - padY), Math.min(85, n + padY)];
  // Clockwise ring, as d3-geo wants the outer ring of a small polygon (the other way round means "all but this box").
  return { type: 'Polygon', coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] };
}

function shade(t: number): string {
  // Light grey-blue to a stronger blue-grey by share of events.
  const a = [238, 241, 245];
  const b = [140, 165, 196];
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * t)).join(',')})`;
}

export async function renderMap(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const p = route.params;
  const filters = filtersOf(p);
  const [data, geo] = await Promise.all([get<Places>('places', filters), loadWorld()]);
  if (!ctx.current()) return;
  const fit = p.get('fit') !== 'world' && data.places.length > 0;

  const mapBox = h('div', { class: 'map-box' });
  const panel = h('div', { class: 'place-events' });
  const types = new Map<string, number>();
  for (const pl of data.places) for (const [t, n] of Object.entries(pl.by_type)) types.set(t, (types.get(t) ?? 0) + n);
  const legend = h('div', { class: 'legend' }, ...[...types.entries()].sort((x, y) => y[1] - x[1]).map(([t, n]) => {
    const sw = h('span', { class: 'swatch dot' });
    sw.style.setProperty('--c', typeColor(t));
    return h('span', { class: 'legend-item' }, sw, `${t} (${n})`);
  }), data.places.some((p) => p.precision === 'country' || p.precision === 'region')
    ? h('span', { class: 'legend-item muted' }, h('span', { class: 'swatch dot ring' }), 'a whole country or region')
    : null);
  const summary = h('p', { class: 'summary', id: 'map-summary' },
    `${plural(data.total, 'event')}: ${plural(data.located, 'event')} at ${plural(data.places.length, 'place')}`,
    data.unlocated ? `, ${data.unlocated.toLocaleString('en')} with no place named` : '',
    data.total - data.located - data.unlocated > 0 ? `, ${(data.total - data.located - data.unlocated).toLocaleString('en')} with a place but no coordinates` : '');
  const view = h('div', { class: 'toolbar' }, summary,
    h('button', { type: 'button', disabled: !data.places.length || fit, on: { click: () => { const n = new URLSearchParams(p); n.delete('fit'); go('map', n); } } }, 'Fit to events'),
    h('button', { type: 'button', disabled: !fit, on: { click: () => { const n = new URLSearchParams(p); n.set('fit', 'world'); go('map', n); } } }, 'Whole world'));
  root.replaceChildren(h('section', { class: 'card' }, view, legend, mapBox),
    h('section', { class: 'card' }, panel));
  if (!data.places.length) {
    panel.append(h('p', { class: 'muted empty' }, data.total
      ? 'None of these events has a place with coordinates yet.'
      : 'No events match these filters.'));
  } else {
    panel.append(h('p', { class: 'muted' }, 'Click a place on the map to list its events.'));
  }

  const width = Math.max(480, mapBox.clientWidth || 900);
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1();
  projection.fitExtent([[10, 10], [width - 10, height - 10]], fit ? boxAround(data.places) : { type: 'Sphere' });
  const path = geoPath(projection);
  const counts = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric!, c]));
  const maxCount = Math.max(1, ...data.countries.map((c) => c.events));

  const map = svg('svg', { class: 'world', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'map of event places' });
  map.append(svg('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }), svg('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  const land = svg('g', { class: 'countries' });
  for (const f of geo.features) {
    const c = counts.get(String(f.id));
    const name = (f.properties?.name as string | undefined) ?? String(f.id);
    const el = svg('path', { d: path(f) ?? '', class: c ? 'country has-events' : 'country', 'data-id': String(f.id) },
      tip(c ? `${c.name ?? name}: ${plural(c.events, 'event')} located here` : name));
    // A style property (not the fill attribute, which the stylesheet's .country rule would override).
    if (c) el.style.fill = shade(0.25 + 0.75 * (c.events / maxCount));
    land.append(el);
  }
  map.append(land);

  const showPlace = async (pl: Place, offset: number) => {
    for (const d of map.querySelectorAll('.place.selected')) d.classList.remove('selected');
    map.querySelector(`.place[data-name="${CSS.escape(pl.name)}"]`)?.classList.add('selected');
    panel.replaceChildren(h('p', { class: 'muted' }, 'Loading events…'));
    const page = await get<EventPage>('events', { ...filters, place: pl.name, country: filters.country ?? pl.country ?? undefined, sort: '-date', offset, limit: 50 });
    panel.replaceChildren(...present(
      h('h3', { id: 'place-title' }, `${pl.name}${pl.admin1 ? `, ${pl.admin1}` : ''}${pl.country ? ` (${pl.country})` : ''}`,
        h('span', { class: 'muted' }, ` · ${plural(page.total, 'event')} · ${pl.precision ?? ''} · ${pl.lat.toFixed(2)}, ${pl.lon.toFixed(2)}`)),
      eventTable(page.events),
      page.total > page.limit ? pager(page.total, page.offset, page.limit, (o) => void showPlace(pl, o)) : null));
  };

  const dots = svg('g', { class: 'places' });
  const labels = svg('g', { class: 'place-labels' });
  // Big places first so small ones stay clickable on top.
  const sorted = [...data.places].sort((x, y) => y.events - x.events);
  // Labels for the biggest places, each only where it overlaps no label or dot already placed.
  const taken: [number, number, number, number][] = [];
  const free = (b: [number, number, number, number]) => taken.every((t) => b[2] < t[0] || b[0] > t[2] || b[3] < t[1] || b[1] > t[3]);
  for (const pl of sorted) {
    const xy = projection([pl.lon, pl.lat]);
    if (!xy) continue;
    const r = 4 + 3 * Math.sqrt(pl.events);
    taken.push([xy[0] - r, xy[1] - r, xy[0] + r, xy[1] + r]);
  }
  let labelled = 0;
  sorted.forEach((pl) => {
    const xy = projection([pl.lon, pl.lat]);
    if (!xy) return;
    const r = 4 + 3 * Math.sqrt(pl.events);
    // A whole country or region is drawn as a ring at its centre: the event is somewhere in it.
    const vague = pl.precision === 'country' || pl.precision === 'region';
    const dot = svg('circle', {
      cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), fill: typeColor(pl.top_type),
      class: vague ? 'place vague' : 'place', 'data-name': pl.name, tabindex: 0, role: 'button',
    },
      tip(`${pl.name}${pl.country ? ` (${pl.country})` : ''}: ${plural(pl.events, 'event')} — ${Object.entries(pl.by_type).map(([t, n]) => `${t} ${n}`).join(', ')}`));
    if (vague) dot.style.setProperty('--c', typeColor(pl.top_type));
    dot.addEventListener('click', () => void showPlace(pl, 0));
    dot.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') void showPlace(pl, 0); });
    dots.append(dot);
    if (labelled >= 15) return;
    const box: [number, number, number, number] = [xy[0] + r + 2, xy[1] - 8, xy[0] + r + 4 + 7.2 * pl.name.length, xy[1] + 8];
    // Its own dot is in `taken`; the box starts right of it.
    if (!free(box)) return;
    taken.push(box);
    labelled++;
    labels.append(svg('text', { x: (xy[0] + r + 3).toFixed(1), y: (xy[1] + 4).toFixed(1), class: 'place-label' }, pl.name));
  });
  map.append(dots, labels);
  mapBox.append(map);
  const pick = p.get('place');
  const pre = pick ? data.places.find((x) => x.name === pick) : null;
  if (pre) await showPlace(pre, 0);
}
