/**
 * Runs dyad from JavaScript compiled from src/, not through the tsx loader.
 *
 * tsx transpiles each module on load and keeps its loader (esbuild and a hooks thread) in every
 * thread that imports TypeScript: about 35 MB in the main thread and in every coding worker, and
 * part of start-up. The CLI instead compiles src/ once with esbuild (no bundling: one .js per .ts,
 * same tree) into node_modules/.cache/dyad/js/<hash of the sources>/src/ and imports that. A changed
 * source gives a new hash and a new tree, so a tree is never rewritten while another process reads
 * it; trees of older sources are removed a day later, when a new one is written.
 *
 * DYAD_SOURCE=1 runs the TypeScript sources through tsx instead (for debugging with source paths).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'dyad', 'js');
/** Bump when the way sources are compiled changes. */
const FORMAT = 1;

function sourceFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

function hashOf(files) {
  const h = createHash('sha1');
  h.update(`format ${FORMAT}\n`);
  for (const f of files) {
    h.update(relative(SRC, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

async function build(files, target) {
  const esbuild = await import('esbuild');
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files,
    outbase: SRC,
    outdir: join(tmp, 'src'),
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
  try {
    renameSync(tmp, target);
  } catch (e) {
    // Another process wrote the same tree first: theirs is identical.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(target)) throw e;
  }
  // Trees of earlier sources, and any left half-written by a killed process, once a day has passed
  // (a long ingest started before an edit may still be loading modules from its tree).
  const old = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    try {
      if (p !== target && statSync(p).mtimeMs < old) rmSync(p, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/** URL of the module `rel` (a path under src/, written with .ts) to import: compiled when possible. */
export async function sourceModule(rel) {
  if (process.env.DYAD_SOURCE === '1') return useTsx(rel);
  const files = sourceFiles(SRC);
  const target = join(CACHE, hashOf(files));
  if (!existsSync(join(target, 'package.json'))) {
    mkdirSync(CACHE, { recursive: true });
    try {
      await build(files, target);
    } catch (e) {
      process.stderr.write(`dyad: could not compile src/ (${e.message.split('\n')[0]}); running the sources through tsx\n`);
      return useTsx(rel);
    }
  }
  return pathToFileURL(join(target, 'src', rel.replace(/\.ts$/, '.js'))).href;
}

async function useTsx(rel) {
  const { register } = await import('tsx/esm/api');
  register();
  return pathToFileURL(join(SRC, rel)).href;
}
