/**
 * Force-directed layout (Fruchterman-Reingold) for the actor network: nodes repel each other, edges
 * pull their ends together (more with more events), a weak pull to the centre keeps parts of the
 * graph on screen. Starts from a circle in a fixed order, so the same data draws the same picture.
 */

export interface LayoutEdge {
  a: number;
  b: number;
  weight: number;
}

const GRAVITY = 0.35;

export function forceLayout(n: number, edges: LayoutEdge[], width: number, height: number, iterations = 300): [number, number][] {
  if (n === 0) return [];
  const pos: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    pos.push([Math.cos(t) * 0.4, Math.sin(t) * 0.4]);
  }
  if (n === 1) return [[width / 2, height / 2]];
  const k = Math.sqrt(1 / n) * 0.9;
  let temp = 0.1;
  const disp: [number, number][] = pos.map(() => [0, 0]);
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  for (let it = 0; it < iterations; it++) {
    for (const d of disp) { d[0] = 0; d[1] = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i][0] - pos[j][0];
        let dy = pos[i][1] - pos[j][1];
        let dist = Math.hypot(dx, dy);
        if (dist < 1e-6) { dx = 1e-3 * (i - j); dy = 1e-3; dist = Math.hypot(dx, dy); }
        const f = (k * k) / dist;
        disp[i][0] += (dx / dist) * f; disp[i][1] += (dy / dist) * f;
        disp[j][0] -= (dx / dist) * f; disp[j][1] -= (dy / dist) * f;
      }
    }
    for (const e of edges) {
      const dx = pos[e.a][0] - pos[e.b][0];
      const dy = pos[e.a][1] - pos[e.b][1];
      const dist = Math.max(1e-6, Math.hypot(dx, dy));
      const f = ((dist * dist) / k) * (0.6 + 0.4 * Math.log1p(e.weight) / Math.log1p(maxW));
      disp[e.a][0] -= (dx / dist) * f; disp[e.a][1] -= (dy / dist) * f;
      disp[e.b][0] += (dx / dist) * f; disp[e.b][1] += (dy / dist) * f;
    }
    for (let i = 0; i < n; i++) {
      // Pull to the centre, growing with the distance: separate groups stay near the middle.
      const dc = Math.hypot(pos[i][0], pos[i][1]);
      disp[i][0] -= pos[i][0] * GRAVITY * (1 + 2 * dc);
      disp[i][1] -= pos[i][1] * GRAVITY * (1 + 2 * dc);
      const len = Math.max(1e-9, Math.hypot(disp[i][0], disp[i][1]));
      const step = Math.min(len, temp);
      pos[i][0] += (disp[i][0] / len) * step;
      pos[i][1] += (disp[i][1] / len) * step;
    }
    temp *= 0.985;
  }
  // Scale into the box with margins.
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const m = 60;
  const sx = (width - 2 * m) / Math.max(1e-9, x1 - x0);
  const sy = (height - 2 * m) / Math.max(1e-9, y1 - y0);
  const s = Math.min(sx, sy);
  const ox = (width - s * (x1 - x0)) / 2;
  const oy = (height - s * (y1 - y0)) / 2;
  return pos.map(([x, y]) => [ox + (x - x0) * s, oy + (y - y0) * s]);
}
