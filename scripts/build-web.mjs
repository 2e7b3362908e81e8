#!/usr/bin/env node
/**
 * Builds the dashboard (web/) into dist-web/: web/src/main.ts bundled by esbuild into app.js (with
 * d3-geo and topojson-client), index.html and style.css copied, and the world-atlas 1:110m countries
 * TopoJSON copied next to them so the page needs no network. The output is written to a temporary
 * directory and renamed into place, so a server never sees half a build.
 *
 *   node scripts/build-web.mjs [--dev]     (--dev: not minified, with a source map)
 *
 * `dyad serve` and scripts/start.mjs call ensureWebBuild(): build when dist-web/ is missing or older
 * than any file under web/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIR = join(ROOT, 'web');
export const OUT_DIR = join(ROOT, 'dist-web');
const STAMP = '.built';

function newestMtime(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return t;
}

/** 'missing', 'stale' (a source under web/ is newer than the build) or 'fresh'. */
export function webBuildState(outDir = OUT_DIR) {
  const stamp = join(outDir, STAMP);
  if (!existsSync(stamp) || !existsSync(join(outDir, 'index.html'))) return 'missing';
  return newestMtime(WEB_DIR) > statSync(stamp).mtimeMs ? 'stale' : 'fresh';
}

/** Builds into outDir; returns the files written with their sizes and the time taken. */
export async function buildWeb({ outDir = OUT_DIR, dev = false } = {}) {
  const t0 = performance.now();
  const { build } = await import('esbuild');
  const tmp = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    await build({
      entryPoints: [join(WEB_DIR, 'src', 'main.ts')],
      outfile: join(tmp, 'app.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome109', 'firefox115', 'safari16'],
      minify: !dev,
      sourcemap: dev ? 'linked' : false,
      legalComments: 'linked',
      logLevel: 'silent',
    });
    cpSync(join(WEB_DIR, 'index.html'), join(tmp, 'index.html'));
    cpSync(join(WEB_DIR, 'style.css'), join(tmp, 'style.css'));
    cpSync(join(WEB_DIR, 'favicon.svg'), join(tmp, 'favicon.svg'));
    const require = createRequire(import.meta.url);
    cpSync(require.resolve('world-atlas/countries-110m.json'), join(tmp, 'countries-110m.json'));
    writeFileSync(join(tmp, STAMP), `${new Date().toISOString()}\n`);
    const files = readdirSync(tmp).filter((f) => f !== STAMP).sort().map((name) => ({ name, bytes: statSync(join(tmp, name)).size }));
    rmSync(outDir, { recursive: true, force: true });
    try {
      renameSync(tmp, outDir);
    } catch (e) {
      // Another process finished the same build first: theirs is as good as ours.
      if (!existsSync(join(outDir, STAMP))) throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
    return { outDir, files, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Builds when missing or stale; returns the directory to serve. Without esbuild (a production install) a stale build is served as it is. */
export async function ensureWebBuild({ outDir = OUT_DIR, log = () => {} } = {}) {
  const state = webBuildState(outDir);
  if (state === 'fresh') return outDir;
  try {
    await import('esbuild');
  } catch {
    if (state === 'stale') {
      log('dashboard: web/ changed since the last build, but esbuild is not installed; serving the old build');
      return outDir;
    }
    throw new Error('the dashboard is not built and esbuild is not installed: install the dev dependencies (npm ci) and run npm run build');
  }
  const r = await buildWeb({ outDir });
  log(`dashboard: built ${r.files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(0)} kB`).join(', ')} in ${r.ms} ms`);
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dev = process.argv.includes('--dev');
  buildWeb({ dev }).then((r) => {
    for (const f of r.files) process.stdout.write(`${f.name.padEnd(24)} ${String(f.bytes).padStart(9)} bytes\n`);
    process.stdout.write(`dashboard built in ${r.ms} ms: ${r.outDir}\n`);
  }, (e) => {
    process.stderr.write(`build-web: ${e.message}\n`);
    process.exit(1);
  });
}

