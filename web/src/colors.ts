/** Colours: PLOVER event types, CAMEO quad classes and the Goldstein scale (-10 conflict ... +10 cooperation). */

/** Cooperative types in greens and blues, conflictual ones in oranges, reds and purples. */
export const TYPE_COLORS: Record<string, string> = {
  AGREE: '#1b9e77',
  CONSULT: '#4daf4a',
  SUPPORT: '#8cc63f',
  CONCEDE: '#66c2a5',
  COOPERATE: '#1f78b4',
  AID: '#6baed6',
  RETREAT: '#a6cee3',
  REQUEST: '#7570b3',
  ACCUSE: '#f0a030',
  REJECT: '#e78ac3',
  THREATEN: '#d95f02',
  PROTEST: '#9e4fa5',
  SANCTION: '#8c6d31',
  MOBILIZE: '#e6ab02',
  COERCE: '#e7298a',
  ASSAULT: '#c51b1b',
  STATEMENT: '#999999',
};

export function typeColor(type: string | null): string {
  return TYPE_COLORS[type ?? 'STATEMENT'] ?? '#666666';
}

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#9fd49a', '#2e8b3e', '#f5a25d', '#c0392b'];

function mix(a: string, b: string, t: number): string {
  const p = (s: string, i: number) => parseInt(s.slice(1 + 2 * i, 3 + 2 * i), 16);
  const c = [0, 1, 2].map((i) => Math.round(p(a, i) + (p(b, i) - p(a, i)) * t).toString(16).padStart(2, '0'));
  return `#${c.join('')}`;
}

const NEG = '#b2182b';
const MID = '#c8c8c8';
const POS = '#2166ac';

/** Diverging red (-10) - grey (0) - blue (+10). */
export function goldsteinColor(g: number | null): string {
  if (g === null || Number.isNaN(g)) return MID;
  const t = Math.max(-1, Math.min(1, g / 10));
  return t < 0 ? mix(MID, NEG, -t) : mix(MID, POS, t);
}
