/**
 * The dyad time series as SVG: per bucket, cooperation stacked above a zero line and conflict below
 * it (the four CAMEO quad classes), and under it the mean Goldstein score (-10 to +10) as a line
 * with a dot per bucket. Every bucket has a full-height hit area: clicking it picks the bucket.
 */
import { svg, tip } from './dom.js';
import { QUAD_COLORS, QUAD_NAMES, goldsteinColor } from './colors.js';
import type { SeriesBucket } from './types.js';

export interface ChartOptions {
  width: number;
  interval: string;
  selected?: string | null;
  onPick(b: SeriesBucket): void;
}

const M = { left: 48, right: 16, top: 14 };
const BARS_H = 220;
const GAP = 34;
const GOLD_H = 120;
const AXIS_H = 40;

/** Round tick values for 0..max (at most ~4 steps). */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += Math.max(1, Math.round(step))) out.push(v);
  return out;
}

function label(period: string, interval: string): string {
  if (interval === 'month') return period;
  return period.slice(5);
}

export function seriesChart(buckets: SeriesBucket[], o: ChartOptions): SVGSVGElement {
  const width = Math.max(360, o.width);
  const innerW = width - M.left - M.right;
  const height = M.top + BARS_H + GAP + GOLD_H + AXIS_H;
  const n = Math.max(1, buckets.length);
  const band = innerW / n;
  const barW = Math.max(1, Math.min(48, band * 0.72));
  const x = (i: number) => M.left + band * i + band / 2;
  const coop = buckets.map((b) => b.by_quad[0] + b.by_quad[1]);
  const conf = buckets.map((b) => b.by_quad[2] + b.by_quad[3]);
  const max = Math.max(1, ...coop, ...conf);
  const zero = M.top + BARS_H / 2;
  const yCount = (v: number) => (v / max) * (BARS_H / 2);
  const goldTop = M.top + BARS_H + GAP;
  const yGold = (g: number) => goldTop + ((10 - g) / 20) * GOLD_H;

  const root = svg('svg', { class: 'series-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'events per period by quad class, and mean Goldstein score' });

  // Axes and grid.
  const grid = svg('g', { class: 'grid' });
  for (const t of ticks(max)) {
    for (const sign of t === 0 ? [1] : [1, -1]) {
      const y = zero - sign * yCount(t);
      grid.append(svg('line', { x1: M.left, x2: width - M.right, y1: y, y2: y, class: t === 0 ? 'zero' : '' }),
        svg('text', { x: M.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
    }
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    const y = yGold(g);
    grid.append(svg('line', { x1: M.left, x2: width - M.right, y1: y, y2: y, class: g === 0 ? 'zero' : '' }),
      svg('text', { x: M.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, g > 0 ? `+${g}` : String(g)));
  }
  grid.append(
    svg('text', { x: M.left, y: M.top - 2, class: 'panel-label' }, 'cooperation ↑ events ↓ conflict'),
    svg('text', { x: M.left, y: goldTop - 8, class: 'panel-label' }, 'mean Goldstein score (−10 conflict … +10 cooperation)'));
  root.append(grid);

  // Bars.
  const bars = svg('g', { class: 'bars' });
  buckets.forEach((b, i) => {
    let up = 0;
    let down = 0;
    for (const q of [0, 1, 2, 3]) {
      const v = b.by_quad[q];
      if (!v) continue;
      const hgt = yCount(v);
      const y = q < 2 ? zero - yCount(up) - hgt : zero + yCount(down);
      if (q < 2) up += v; else down += v;
      bars.append(svg('rect', { x: x(i) - barW / 2, y, width: barW, height: Math.max(0.5, hgt), fill: QUAD_COLORS[q], class: `quad q${q + 1}` },
        tip(`${b.period}: ${v} ${QUAD_NAMES[q]}`)));
    }
  });
  root.append(bars);

  // Goldstein line: segments between neighbouring buckets that both have events.
  const line = svg('g', { class: 'gold-line' });
  let d = '';
  buckets.forEach((b, i) => {
    if (b.goldstein_mean === null) return;
    const prev = i > 0 ? buckets[i - 1].goldstein_mean : null;
    d += `${prev === null ? 'M' : 'L'}${x(i).toFixed(1)},${yGold(b.goldstein_mean).toFixed(1)}`;
  });
  if (d) line.append(svg('path', { d, class: 'gold-path' }));
  buckets.forEach((b, i) => {
    if (b.goldstein_mean === null) return;
    line.append(svg('circle', { cx: x(i), cy: yGold(b.goldstein_mean), r: 4.5, fill: goldsteinColor(b.goldstein_mean), class: 'gold-dot', 'data-period': b.period },
      tip(`${b.period}: mean Goldstein ${b.goldstein_mean} over ${b.events} events`)));
  });
  root.append(line);

  // X axis labels: at most ~12, evenly spaced.
  const axis = svg('g', { class: 'x-axis' });
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(innerW / 80))));
  buckets.forEach((b, i) => {
    // Every `every`-th period, and the last one (then not the regular label just before it, which would overlap).
    if (i === n - 1 ? false : i % every !== 0 || n - 1 - i < every * 0.75) return;
    axis.append(svg('text', { x: x(i), y: goldTop + GOLD_H + 18, 'text-anchor': 'middle', class: 'tick' }, label(b.period, o.interval)));
  });
  if (buckets.length) {
    const first = buckets[0].period.slice(0, 4);
    const last = buckets[n - 1].period.slice(0, 4);
    axis.append(svg('text', { x: width - M.right, y: goldTop + GOLD_H + 34, 'text-anchor': 'end', class: 'tick muted' }, first === last ? first : `${first}–${last}`));
  }
  root.append(axis);

  // Hit areas (on top): one per bucket with events.
  const hits = svg('g', { class: 'hits' });
  buckets.forEach((b, i) => {
    if (!b.events) return;
    const r = svg('rect', {
      x: M.left + band * i, y: M.top, width: band, height: goldTop + GOLD_H - M.top,
      class: `bucket-hit${o.selected === b.period ? ' selected' : ''}`, 'data-period': b.period, tabindex: 0, role: 'button',
      'aria-label': `${b.period}: ${b.events} events`,
    }, tip(`${b.period} (${o.interval}${b.period !== b.start ? ` from ${b.start}` : ''}): ${b.events} events — ${b.by_quad.map((v, q) => `${v} ${QUAD_NAMES[q]}`).filter((s) => !s.startsWith('0 ')).join(', ')}; mean Goldstein ${b.goldstein_mean}. Click to list them.`));
    r.addEventListener('click', () => o.onPick(b));
    r.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') o.onPick(b); });
    hits.append(r);
  });
  root.append(hits);
  return root;
}

export function quadLegend(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'legend';
  QUAD_NAMES.forEach((name, q) => {
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.setProperty('--c', QUAD_COLORS[q]);
    const item = document.createElement('span');
    item.className = 'legend-item';
    item.append(sw, document.createTextNode(name));
    el.append(item);
  });
  const line = document.createElement('span');
  line.className = 'legend-item';
  const sw = document.createElement('span');
  sw.className = 'swatch line';
  line.append(sw, document.createTextNode('mean Goldstein'));
  el.append(line);
  return el;
}
