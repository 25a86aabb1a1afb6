/**
 * Reading a PDF (bytes → clip draft) in a worker thread with a time budget and a memory cap, like pages
 * (see clipper/extractInWorker.ts and docs/DESIGN.md, "PDF clips"): a huge or hostile PDF fails with a
 * clear error and the next one gets a fresh worker. The desktop app names its bundled worker file with
 * {@link usePdfWorker}; from source (tsx CLI, vitest) the worker loads pdfWorker.ts through tsx's require
 * hook; any other runtime reads in-thread.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '../clipper/extractInWorker';
import { GlossError, type GlossErrorCode } from '../errors';
import type { ClipDraft } from '../model';
import { pdfDraft, type PdfSource } from './pdfDraft';
import { readPdf } from './readPdf';

/** One PDF for the worker. */
export interface PdfJob {
  bytes: Uint8Array;
  source: PdfSource;
}

/** The worker's answers: an acknowledgement when it starts, then the draft (without its bytes) or the error. */
export type PdfReply =
  | { started: true }
  | { ok: true; draft: Omit<ClipDraft, 'pdfBytes'> }
  | { ok: false; code: GlossErrorCode; message: string };

/** Bound on starting the worker itself (loading pdf.js) on a busy machine. */
const STARTUP_MS = 120_000;

type WorkerSpec = { filename: string; options: WorkerOptions };

/** undefined: pick by runtime; null: in-thread; a string: this worker file. */
let configuredFile: string | null | undefined;
let current: { worker: Worker; memoryMb: number } | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Names the worker file (the desktop app's bundled pdfWorker), `null` for in-thread, `undefined` for the default. */
export function usePdfWorker(file: string | null | undefined): void {
  configuredFile = file;
  stopPdfWorker();
}

/** Stops the worker (it is restarted for the next PDF). */
export function stopPdfWorker(): void {
  void current?.worker.terminate();
  current = null;
}

function workerSpec(): WorkerSpec | null {
  if (configuredFile === null) return null;
  if (configuredFile) return { filename: configuredFile, options: {} };
  if (!import.meta.url.endsWith('.ts')) return null;
  try {
    const tsxHook = createRequire(import.meta.url).resolve('tsx/cjs');
    const entry = fileURLToPath(new URL('./pdfWorker.ts', import.meta.url));
    return {
      filename: `require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(entry)});`,
      options: { eval: true },
    };
  } catch {
    return null;
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function runOnWorker(spec: WorkerSpec, job: PdfJob, limits: ExtractionLimits): Promise<Omit<ClipDraft, 'pdfBytes'>> {
  if (!current || current.memoryMb !== limits.memoryMb) {
    stopPdfWorker();
    const worker = new Worker(spec.filename, {
      ...spec.options,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    current = { worker, memoryMb: limits.memoryMb };
  }
  const worker = current.worker;
  worker.ref();
  return new Promise((resolve, reject) => {
    let started = false;
    const fail = (error: Error) => {
      cleanup();
      if (current?.worker === worker) current = null;
      void worker.terminate();
      reject(error);
    };
    const onTimeout = () =>
      fail(
        new GlossError(
          'extraction-failed',
          `This PDF took too long to read (over ${seconds(limits.timeoutMs)}), so it was not clipped.`,
        ),
      );
    let timer = setTimeout(onTimeout, STARTUP_MS);
    const onMessage = (reply: PdfReply) => {
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
    const onError = (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new GlossError(
              'extraction-failed',
              `This PDF needed too much memory to read (over ${limits.memoryMb} MB), so it was not clipped.`,
            )
          : new GlossError(
              'extraction-failed',
              started
                ? `This PDF could not be read: ${error.message}`
                : `The PDF reader could not start: ${error.message}`,
              { cause: error },
            ),
      );
    const onExit = (code: number) =>
      fail(new GlossError('extraction-failed', `This PDF could not be read: the reader stopped (exit code ${code}).`));
    function cleanup() {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * Reads a PDF into a clip draft off the main thread, one PDF at a time, within `limits` (the same as pages
 * by default). The draft carries `bytes` as its `pdfBytes`.
 *
 * @throws GlossError `corrupt-file` (not a PDF, cut off, damaged), `unsupported-content` (password), or
 *   `extraction-failed` (too long, too much memory)
 */
export function readPdfDraft(
  bytes: Uint8Array,
  source: PdfSource = {},
  limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS,
): Promise<ClipDraft> {
  const run = queue.then(async () => {
    const spec = workerSpec();
    if (!spec) return pdfDraft(bytes, await readPdf(bytes), source);
    const draft = await runOnWorker(spec, { bytes, source }, limits);
    return { ...draft, pdfBytes: bytes };
  });
  queue = run.catch(() => undefined);
  return run;
}
