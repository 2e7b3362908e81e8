#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's test runner and the tsx loader (Node 20 has no --test globs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const filter = process.argv.slice(2);
const files = find('test').filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
if (files.length === 0) { console.error('no test files found'); process.exit(1); }
// The place cache is built once here, not by several test files at the same time.
const geo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-geo-cache.ts'], { stdio: 'inherit' });
if (geo.status !== 0) process.exit(geo.status ?? 1);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
