/**
 * Reading a page (HTML string → clean article) in a worker thread with a time budget and a memory cap,
 * so a big, deep or hostile page can neither block the app's event loop nor exhaust its memory: it fails
 * with a clear error and the next page gets a fresh worker.
 *
 * Where the worker comes from depends on how the core runs (see docs/DESIGN.md, "Reading pages off the
 * main thread"): the desktop app's main process names its bundled worker file with
 * {@link useExtractionWorker}; the built CLI ships extractWorker.js beside its chunks; from source (tsx,
 * vitest) the worker loads extractWorker.ts through tsx's require hook; anywhere else, or when the worker cannot start, the page is read in-thread as before.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { GlossError, type GlossErrorCode } from '../errors';
import type { ClipDraft } from '../model';
import { extractFromHtml, type ExtractOptions } from './extractHtml';

/** One page for the worker. */
export interface ExtractJob {
  html: string;
  opts: ExtractOptions;
}

/** The worker's answers: an acknowledgement when it starts a job, then the draft or the error. */
export type ExtractReply =
  { started: true } | { ok: true; draft: ClipDraft } | { ok: false; code: GlossErrorCode; message: string };

/** How long and how much memory reading one page may take. */
export interface ExtractionLimits {
  /** Time to read one page, from when the worker picks it up. Default 30 s. */
  timeoutMs: number;
  /** The worker's JavaScript heap cap in MB (V8 old generation). Default 1536 MB. */
  memoryMb: number;
}

/** The limits used when a caller gives none. */
export const DEFAULT_EXTRACTION_LIMITS: Readonly<ExtractionLimits> = { timeoutMs: 30_000, memoryMb: 1536 };

/** Bound on starting the worker itself (loading jsdom), on a busy machine. */
const STARTUP_MS = 120_000;

type WorkerSpec = { filename: string; options: WorkerOptions };

/** The worker could not even start (its file cannot be loaded here): the page is read in-thread instead. */
class WorkerUnavailable extends Error {}

/** undefined: pick by runtime; null: always in-thread; a string: this worker file. */
let configuredFile: string | null | undefined;
let current: { worker: Worker; memoryMb: number } | null = null;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Names the worker file to run (the desktop app passes its bundled `extractWorker` here), `null` to read
 * pages in-thread, or `undefined` to choose by runtime again. Stops the current worker so the next page
 * uses the new choice.
 */
export function useExtractionWorker(file: string | null | undefined): void {
  configuredFile = file;
  stopExtractionWorker();
}

/** Stops the worker (it is restarted on the next page). Safe to call at any time. */
export function stopExtractionWorker(): void {
  void current?.worker.terminate();
  current = null;
}

/** How this runtime starts the worker, or null when it cannot (then pages are read in-thread). */
function workerSpec(): WorkerSpec | null {
  if (configuredFile === null) return null;
  if (configuredFile) return { filename: configuredFile, options: {} };
  if (!import.meta.url.endsWith('.ts')) {
    // A bundle that ships the worker beside its chunks (the built CLI, out/cli/extractWorker.js).
    const beside = fileURLToPath(new URL('./extractWorker.js', import.meta.url));
    return existsSync(beside) ? { filename: beside, options: {} } : null;
  }
  // From source: a CommonJS bootstrap registers tsx's require hook, then loads the TypeScript worker.
  try {
    const tsxHook = createRequire(import.meta.url).resolve('tsx/cjs');
    const entry = fileURLToPath(new URL('./extractWorker.ts', import.meta.url));
    return {
      filename: `require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(entry)});`,
      options: { eval: true },
    };
  } catch {
    return null;
  }
}

/** "The page at example.org", or "The page" when it has no web address. */
function thePage(url: string | null | undefined): string {
  try {
    const host = url ? new URL(url).hostname.replace(/^www\./, '') : '';
    return host ? `The page at ${host}` : 'The page';
  } catch {
    return 'The page';
  }
}

function startWorker(spec: WorkerSpec, memoryMb: number): Worker {
  if (current && current.memoryMb === memoryMb) return current.worker;
  stopExtractionWorker();
  const worker = new Worker(spec.filename, { ...spec.options, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  current = { worker, memoryMb };
  return worker;
}

/** Runs one job on the worker; the worker is thrown away after any failure other than a clean error reply. */
function runOnWorker(spec: WorkerSpec, job: ExtractJob, limits: ExtractionLimits): Promise<ClipDraft> {
  const worker = startWorker(spec, limits.memoryMb);
  const page = thePage(job.opts.url);
  worker.ref();
  return new Promise<ClipDraft>((resolve, reject) => {
    const discard = (error: Error) => {
      cleanup();
      if (current?.worker === worker) current = null;
      void worker.terminate();
      reject(error);
    };
    const onTimeout = () =>
      discard(
        new GlossError(
          'extraction-failed',
          `${page} took too long to read (over ${limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} s`}), so it was not clipped.`,
        ),
      );
    let timer = setTimeout(onTimeout, STARTUP_MS);
    let started = false;
    const onMessage = (reply: ExtractReply) => {
      if ('started' in reply) {
        started = true;
        clearTimeout(timer);
        timer = setTimeout(onTimeout, limits.timeoutMs);
        return;
      }
      cleanup();
      worker.unref();
      if (reply.ok) resolve(reply.draft);
      else reject(new GlossError(reply.code, reply.message));
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        discard(
          new GlossError(
            'extraction-failed',
            `${page} needed too much memory to read (over ${limits.memoryMb} MB), so it was not clipped.`,
          ),
        );
      } else if (!started) {
        discard(new WorkerUnavailable(error.message, { cause: error }));
      } else {
        discard(new GlossError('extraction-failed', `${page} could not be read: ${error.message}`, { cause: error }));
      }
    };
    const onExit = (code: number) =>
      discard(
        new GlossError('extraction-failed', `${page} could not be read: the page reader stopped (exit code ${code}).`),
      );
    function cleanup() {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * Extracts the article from a page's HTML off the main thread (see {@link extractFromHtml} for what it
 * does). Pages are read one at a time; each gets `limits.timeoutMs` once the worker starts it.
 *
 * @throws GlossError `extraction-failed` when the page has no article text, or takes too long or too much
 *   memory to read (the message says which)
 */
export function extractArticle(
  html: string,
  opts: ExtractOptions = {},
  limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS,
): Promise<ClipDraft> {
  const run = queue.then(async () => {
    const spec = workerSpec();
    if (!spec) return extractFromHtml(html, opts);
    try {
      return await runOnWorker(spec, { html, opts }, limits);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      // Clipping must keep working where the worker cannot load: read in-thread from now on, and say why once.
      console.warn(
        `Gloss: the page reader's worker could not start (${error.message}); reading pages on the main thread.`,
      );
      configuredFile = null;
      return extractFromHtml(html, opts);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
