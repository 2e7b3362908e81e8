/**
 * Browser test harness: a dyad server on 127.0.0.1 (any free port) over a test database, the
 * dashboard built into a temporary directory, and a headless Chromium page (Debian's
 * /usr/bin/chromium or DYAD_CHROMIUM, driven by playwright-core) that may reach nothing but that
 * server. Screenshots go to tmp/screenshots/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/store.js';
import { buildServer } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import type { TestDb } from '../server/helpers.js';

export const CHROMIUM = process.env.DYAD_CHROMIUM ?? '/usr/bin/chromium';

/** false, or why the browser tests cannot run here (node:test's `skip` option). */
export const SKIP: false | string = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: install it (scripts/ci-browser-setup.sh) or set DYAD_CHROMIUM`;
if (SKIP) process.stderr.write(`test/browser: skipped: ${SKIP}\n`);

export const SHOTS = join(process.cwd(), 'tmp', 'screenshots');

export interface Harness {
  base: string;
  page: Page;
  /** Requests the page tried to send anywhere but the test server (refused). */
  outside: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Opens a view (a URL fragment) and waits until it has rendered its data. */
  open(hash: string): Promise<void>;
  /** Clicks something that changes the view and waits for the new render. */
  clickAndWait(selector: string): Promise<void>;
  shot(name: string): Promise<void>;
  /** GET from the test server's API. */
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function startHarness(db: TestDb): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
  const { buildWeb } = (await import(pathToFileURL(join(process.cwd(), 'scripts', 'build-web.mjs')).href)) as
    { buildWeb(o: { outDir: string }): Promise<{ outDir: string }> };
  const web = await buildWeb({ outDir: join(dir, 'web') });
  const store: Store = openStore(db.path, { readonly: true });
  const app: FastifyInstance = await buildServer({ store, webDir: web.outDir });
  const base = await listen(app, '127.0.0.1', 0);
  mkdirSync(SHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const gen = () => page.evaluate(() => Number(document.getElementById('view')?.dataset.gen ?? 0)).catch(() => 0);
  const rendered = (g: number) => page.waitForFunction((before) => {
    const v = document.getElementById('view');
    return v?.dataset.ready === 'true' && Number(v.dataset.gen) > before;
  }, g, { timeout: 15_000 });
  return {
    base, page, outside, errors,
    async open(hash) {
      const g = await gen();
      if (page.url().startsWith(base)) {
        // The same fragment again fires no hashchange: ask for the render the page does on one.
        await page.evaluate((h) => { if (location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange')); else location.hash = h; }, hash);
      }
      else await page.goto(base + hash);
      await rendered(g);
    },
    async clickAndWait(selector) {
      const g = await gen();
      await page.click(selector);
      await rendered(g);
    },
    async shot(name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async api<T>(path: string) {
      const r = await fetch(`${base}api/${path}`);
      return (await r.json()) as T;
    },
    async close() {
      await browser.close();
      await app.close();
      store.close();
      db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
