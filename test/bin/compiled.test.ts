// The CLI runs JavaScript compiled from src/ (bin/compiled.mjs): one .js per .ts, in a tree named by
// the sources' hash, and the TypeScript sources through tsx when DYAD_SOURCE=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function resolve(env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e',
    "const { sourceModule } = await import('./bin/compiled.mjs'); process.stdout.write(await sourceModule('cli/main.ts'));"],
  { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return fileURLToPath(r.stdout);
}

test('every source module has its compiled twin, in a tree named by the sources', () => {
  const main = resolve();
  assert.match(relative(ROOT, main), /^node_modules\/\.cache\/dyad\/js\/[0-9a-f]{16}\/src\/cli\/main\.js$/);
  const tree = join(main, '..', '..');
  for (const f of tsFiles(join(ROOT, 'src'))) {
    const js = join(tree, relative(join(ROOT, 'src'), f)).replace(/\.ts$/, '.js');
    assert.ok(existsSync(js), `no compiled ${relative(ROOT, js)}`);
  }
  // Same sources, same tree.
  assert.equal(resolve(), main);
});

test('DYAD_SOURCE=1 runs the TypeScript sources', () => {
  assert.equal(resolve({ DYAD_SOURCE: '1' }), join(ROOT, 'src', 'cli', 'main.ts'));
});

test('the compiled CLI codes with worker threads', () => {
  const input = JSON.stringify({ id: 'a1', published: '2021-09-01', text: 'Iran condemned Azerbaijan on Tuesday. Russia urged restraint.' }) + '\n';
  const run = (jobs: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'dyad.js'), 'code', '--jobs', jobs, '-'], { input, encoding: 'utf8' });
  const one = run('1');
  const two = run('2');
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.ok(one.stdout.includes('"cameo"'), one.stdout);
  assert.equal(two.stdout, one.stdout);
});
