/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof bin/dyad.js code ...`): self time per function,
 * self time per file, and inclusive time of dyad's own functions.
 * Usage: node --import tsx bench/cpuprofile.ts FILE.cpuprofile [--top N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
if (positionals.length !== 1) { process.stderr.write('usage: bench/cpuprofile.ts FILE.cpuprofile [--top N]\n'); process.exit(2); }
const top = Number(values.top);
const p = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile;

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function file(url: string): string {
  if (!url) return '(native / vm)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 13).split('/').slice(0, 1).join('/') + ' (' + url.slice(nm + 13).split('/').slice(1).join('/') + ')';
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '');
}
// Modules loaded through tsx report line 0 (their code is transpiled), so only real lines are shown.
const fnKey = (f: CallFrame) => `${f.functionName || '(anonymous)'}  ${file(f.url)}${f.lineNumber > 0 ? `:${f.lineNumber + 1}` : ''}`;
const isDyad = (url: string) => url.includes('/src/') && !url.includes('/node_modules/');

const self = new Map<string, number>();
const perFile = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = p.timeDeltas[i] ?? 0;
  const node = byId.get(p.samples[i]);
  if (!node) continue;
  total += dt;
  const k = fnKey(node.callFrame);
  self.set(k, (self.get(k) ?? 0) + dt);
  const f = node.callFrame.url ? file(node.callFrame.url) : node.callFrame.functionName;
  perFile.set(f, (perFile.get(f) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const cf = byId.get(id)!.callFrame;
    if (!isDyad(cf.url)) continue;
    const key = fnKey(cf);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
}

function print(title: string, m: Map<string, number>, n: number): void {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
}
console.log(`total sampled: ${(total / 1e6).toFixed(2)} s`);
print('self time by function', self, top);
print('self time by file', perFile, top);
print('inclusive time of dyad functions (src/)', inclusive, top);
