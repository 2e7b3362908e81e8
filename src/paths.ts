/**
 * Where the project's files are. Modules run from src/ (tsx) or from the compiled tree under
 * node_modules/.cache/dyad/js (bin/compiled.mjs), so paths are found from the project root, not
 * from a module's own location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'dyad') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`dyad: no package.json named "dyad" above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The folder holding dyad's package.json, data/, examples/ and web/. */
export const PROJECT_ROOT = findRoot();
