/**
 * UI test harness: the built renderer (out/renderer) served over a real local HTTP server, opened in
 * Debian Chromium through playwright-core, with `window.gloss` bound to the real core service on a
 * temporary library folder. `window.gloss` is built in the page by the very `createApiClient` the
 * preload runs, and every call goes through `dispatchApiCall`, exactly as the main process serves IPC.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { GLOSS_METHODS } from '../../src/core/api';
import { createApiClient } from '../../src/core/apiClient';
import { dispatchApiCall } from '../../src/core/dispatch';
import type { GlossService } from '../../src/core/service';
import { createGlossService } from '../../src/core/service';
import { JobRunner } from '../../src/core/jobs/runner';
import { switchService } from '../../src/core/jobs/switchService';
import { answerAssetRequest, assetHttpResponse } from '../../src/core/library/assetRequest';
import { tempDir } from '../../src/core/library/testHelpers';
import { memorySettingsBackend } from '../../src/core/settings/backend';
import { REPO_ROOT } from './pageHelpers';

export {
  inPage,
  PAINTED,
  REPO_ROOT,
  SCREENSHOTS_DIR,
  SEED_SENTENCE,
  SEED_TITLE,
  SELECT_TEXT,
  seedArticlePath,
} from './pageHelpers';

export const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
export const VIEWPORT = { width: 1280, height: 800 };

/** The flags every UI test launches Debian Chromium with. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves `dir` read-only on 127.0.0.1 (random port); "/" is index.html; `/gloss-asset/<clip>/<file>` as the
 * desktop app's protocol (the clips' images, a PDF clip's `original.pdf` whole or by byte range).
 */
async function serveStatic(dir: string, libraryDir: () => string): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        if (pathname === '/favicon.ico') {
          // Chromium asks for one over http; the app itself (file:// in Electron) never does.
          res.writeHead(204).end();
          return;
        }
        const asset = /^\/gloss-asset\/([^/]+)\/([^/]+)$/.exec(pathname);
        if (asset) {
          const answer = assetHttpResponse(
            await answerAssetRequest(
              libraryDir(),
              req.method ?? 'GET',
              `gloss-asset://${asset[1]}/${asset[2]}`,
              req.headers.range,
            ),
          );
          return void res.writeHead(answer.status, answer.headers).end(answer.body);
        }
        const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
        if (file !== root && !file.startsWith(root + sep)) {
          res.writeHead(403).end();
          return;
        }
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(await readFile(file));
      } catch {
        res.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/**
 * An answer as one JSON string when JSON carries it unchanged (plain objects, arrays, strings, finite numbers,
 * booleans, null), else as it is. Playwright's binding serialises an object value by value, which costs more
 * than the core's answer for a page of search results (~10 ms a call, far more under load); a string crosses
 * whole. Dates, typed arrays, non-finite numbers and `undefined` in arrays keep Playwright's own serialisation,
 * as Electron's structured clone would carry them.
 */
function asJsonWhenSafe(value: unknown): unknown {
  let safe = true;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, given: unknown) {
    if (!safe) return undefined;
    const v = this[key]; // before toJSON (a Date or Buffer would arrive here already turned into JSON)
    if (typeof v === 'number' && !Number.isFinite(v)) safe = false;
    else if (v === undefined && Array.isArray(this)) safe = false;
    else if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') safe = false;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) safe = false;
    }
    return given;
  });
  return safe ? text : value;
}

/** The script that gives the page its `window.gloss`, built from the preload's own client code. */
export function glossInitScript(): string {
  return `window.gloss = (${createApiClient.toString()})(${JSON.stringify(GLOSS_METHODS)}, (m, a) => window.__glossInvoke(m, a).then((r) => (typeof r === 'string' ? JSON.parse(r) : r)));`;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  /** The service currently bound to the page (replaced by restart()). */
  service(): GlossService;
  libraryDir: string;
  url: string;
  /** Console errors, uncaught page errors, failed requests: anything here fails the test. */
  errors: string[];
  /** Closes the service, opens a new one on the same folder and reloads the page (on the library unless `keepView`). */
  restart(options?: { keepView?: boolean }): Promise<void>;
  /** Navigates to the app and waits until it has rendered. */
  open(): Promise<void>;
  /** Throws if the page reported any error so far. */
  assertNoErrors(): void;
  /** Answers the next native file dialogs with these paths, in order (`null`: the person cancels). */
  answerDialogs(...paths: Array<string | null>): void;
  close(): Promise<void>;
}

/**
 * `firstRun`: start as a new install (the welcome screen); otherwise the welcome screen counts as seen.
 * Settings live in memory and survive restart(), as the desktop app's settings file would.
 * `libraryDir`: open this library (kept on close) instead of a new empty one (benchmarks on generated libraries).
 */
export async function startHarness(
  options: {
    colorScheme?: 'light' | 'dark';
    firstRun?: boolean;
    bypassCSP?: boolean;
    images?: boolean;
    libraryDir?: string;
  } = {},
): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR} is missing): run \`npx electron-vite build\` first.`);
  }
  const libraryDir = options.libraryDir ?? (await tempDir('e2e-lib'));
  // Chromium's profile: removed with the test's other folders, or on close (benchmarks, outside vitest).
  const userDataDir = await tempDir('e2e-chromium');
  const settings = memorySettingsBackend(options.firstRun ? undefined : { firstRunDone: true });
  // Downloading clips' images is opt-in here, so tests with remote pictures never touch the network.
  const images = options.images ? {} : undefined;
  // The desktop app's native dialogs answer with the paths a test prepared (answerDialogs); moving or
  // opening a library switches the service as the main process does.
  const dialogAnswers: Array<string | null> = [];
  const jobs = new JobRunner();
  const openService = (dir: string): Promise<GlossService> =>
    createGlossService({
      libraryDir: dir,
      settings,
      images,
      jobs,
      choosePath: async (request) => {
        if (!dialogAnswers.length)
          throw new Error(`The test prepared no answer for the dialog “${request.title ?? request.mode}”.`);
        return dialogAnswers.shift()!;
      },
      switchLibrary: async (to) => void (await switchService(service, to, openService, (next) => (service = next))),
    });
  let service = await openService(libraryDir);
  const { server, url } = await serveStatic(RENDERER_DIR, () => service.libraryPath);

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    // Only for tests that must prove the sanitisers hold without the page's Content-Security-Policy.
    bypassCSP: options.bypassCSP ?? false,
  });
  const errors: string[] = [];
  await context.exposeBinding('__glossInvoke', async (_source, method: unknown, args: unknown) =>
    asJsonWhenSafe(await dispatchApiCall(service, method, args)),
  );
  await context.addInitScript({ content: glossInitScript() });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));

  async function open(): Promise<void> {
    await page.goto(url);
    const bound = await page.evaluate(`typeof window.gloss?.listClips === 'function'`);
    if (!bound) {
      throw new Error(
        'window.gloss was not defined by the init script: createApiClient must stay self-contained (no helpers or imports injected by the transform).',
      );
    }
    await page.locator('.app').waitFor();
  }

  return {
    page,
    context,
    service: () => service,
    libraryDir,
    url,
    errors,
    open,
    async restart({ keepView = false } = {}) {
      await service.close();
      // Tests resume from the library unless they check that the last view comes back.
      if (!keepView) await settings.write({ ...(settings.read() as object), lastView: { name: 'library' } });
      service = await openService(service.libraryPath);
      await page.reload();
      await page.locator('.app').waitFor();
    },
    answerDialogs(...paths) {
      dialogAnswers.push(...paths);
    },
    assertNoErrors() {
      if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
    async close() {
      await context.close().catch(() => undefined);
      await new Promise((ok) => server.close(() => ok(undefined)));
      await jobs.stopAll();
      await service.close().catch(() => undefined);
      if (!options.libraryDir) await rm(libraryDir, { recursive: true, force: true });
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts one harness (one Chromium) before the enclosing describe's tests, opens the app, and closes it after
 * them. Returns a getter for the tests: `const h = useHarness();` then `h().page`.
 */
export function useHarness(options?: Parameters<typeof startHarness>[0]): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
    await harness.open();
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('The harness did not start (see the beforeAll error).');
    return harness;
  };
}
