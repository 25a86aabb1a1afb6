/**
 * One job at a time in a worker thread with a time budget and a memory cap, so a big, deep or hostile input
 * can neither block the event loop nor exhaust the process's memory: it fails with a clear error and the
 * next job gets a fresh worker. The page reader (clipper/extractInWorker.ts) and the PDF reader
 * (pdf/pdfInWorker.ts) each keep one; their worker files answer through {@link serveJobs} (serveJobs.ts).
 *
 * Where the worker comes from depends on how the core runs (docs/DESIGN.md, "Reading pages off the main
 * thread"): the desktop app names its bundled worker file with {@link BoundedWorker.use}; a bundle that
 * ships the worker beside its chunks (the built CLI) runs that; from source (tsx, vitest) the TypeScript
 * worker loads through tsx's require hook; anywhere else the job runs in-thread.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { GlossError, type GlossErrorCode } from '../errors';

/** How long and how much memory one job may take. */
export interface WorkerLimits {
  /** Time for one job, from when the worker picks it up. */
  timeoutMs: number;
  /** The worker's JavaScript heap cap in MB (V8 old generation). */
  memoryMb: number;
  /**
   * The worker's young generation in MB (V8's default otherwise, ~50 MB of resident memory): smaller for work
   * that makes much short-lived garbage in a long run, where a few more scavenges cost less than the memory.
   */
  youngMb?: number;
}

/** A worker's answers to a job: an acknowledgement when it starts it, then the draft or the error. */
export type WorkerReply<T> =
  { started: true } | { ok: true; draft: T } | { ok: false; code: GlossErrorCode; message: string };

/** The worker could not even start (its file cannot be loaded here). */
export class WorkerUnavailable extends Error {}

/** Where the worker's files are, relative to the module that keeps the {@link BoundedWorker}. */
export interface WorkerFiles {
  /** That module's `import.meta.url`. */
  base: string;
  /** The worker's TypeScript source beside it, e.g. `./extractWorker.ts`. */
  source: string;
  /** The built worker a bundle ships beside its chunks, e.g. `./extractWorker.js` (none: in-thread there). */
  bundled?: string;
}

/** How one job is named in its errors, and what to do where the worker cannot run. */
export interface JobHandling<Result> {
  /** The job's subject in messages: "The page at example.org", "This PDF". */
  subject: string;
  /** The worker's name in messages: "the page reader". */
  reader: string;
  /** What the job does, in "took too long to …": "read" (the default), "convert to Markdown". */
  verb?: string;
  /** What a failed job means, after "so": "it was not clipped" (the default). */
  outcome?: string;
  /** Does the job in this thread (where this runtime has no worker). */
  inThread: () => Result | Promise<Result>;
  /** What to do when the worker does not start (the default throws the {@link WorkerUnavailable}). */
  unavailable?: (error: WorkerUnavailable) => Result | Promise<Result>;
}

/** Bound on starting the worker itself (loading jsdom or pdf.js) on a busy machine. */
const STARTUP_MS = 120_000;

type WorkerSpec = { filename: string; options: WorkerOptions };

/** "50 ms", "30 s". */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** A worker thread that runs jobs of type `Job` into results of type `Result`, one at a time, within limits. */
export class BoundedWorker<Job, Result> {
  /** undefined: pick by runtime; null: always in-thread; a string: this worker file. */
  private configured: string | null | undefined;
  private current: { worker: Worker; memoryMb: number; youngMb?: number } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly files: WorkerFiles) {}

  /**
   * Names the worker file to run (the desktop app's bundled worker), `null` to run jobs in-thread, or
   * `undefined` to choose by runtime again. Stops the current worker so the next job uses the new choice.
   */
  use(file: string | null | undefined): void {
    this.configured = file;
    this.stop();
  }

  /** Stops the worker (it is restarted for the next job). Safe to call at any time. */
  stop(): void {
    void this.current?.worker.terminate();
    this.current = null;
  }

  /**
   * Runs `job` after the jobs submitted before it: on the worker within `limits`, or in-thread where this
   * runtime has no worker.
   *
   * @throws GlossError `extraction-failed` when the job takes too long or too much memory, or the worker
   *   fails (the message says which); the worker's own error replies as they are
   */
  submit(job: Job, limits: WorkerLimits, handling: JobHandling<Result>): Promise<Result> {
    const run = this.queue.then(async () => {
      const spec = this.spec();
      if (!spec) return handling.inThread();
      try {
        return await this.runOnWorker(spec, job, limits, handling);
      } catch (error) {
        if (!(error instanceof WorkerUnavailable) || !handling.unavailable) throw error;
        return handling.unavailable(error);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** How this runtime starts the worker, or null when it cannot (then jobs run in-thread). */
  private spec(): WorkerSpec | null {
    const { base, source, bundled } = this.files;
    if (this.configured === null) return null;
    if (this.configured) return { filename: this.configured, options: {} };
    if (!base.endsWith('.ts')) {
      const beside = bundled ? fileURLToPath(new URL(bundled, base)) : null;
      return beside && existsSync(beside) ? { filename: beside, options: {} } : null;
    }
    // From source: a CommonJS bootstrap registers tsx's require hook, then loads the TypeScript worker.
    try {
      const tsxHook = createRequire(base).resolve('tsx/cjs');
      const entry = fileURLToPath(new URL(source, base));
      return {
        filename: `require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(entry)});`,
        options: { eval: true },
      };
    } catch {
      return null;
    }
  }

  private start(spec: WorkerSpec, { memoryMb, youngMb }: WorkerLimits): Worker {
    if (this.current && this.current.memoryMb === memoryMb && this.current.youngMb === youngMb)
      return this.current.worker;
    this.stop();
    const resourceLimits = { maxOldGenerationSizeMb: memoryMb, ...(youngMb && { maxYoungGenerationSizeMb: youngMb }) };
    const worker = new Worker(spec.filename, { ...spec.options, resourceLimits });
    this.current = { worker, memoryMb, youngMb };
    return worker;
  }

  /** Runs one job on the worker; the worker is thrown away after any failure other than a clean error reply. */
  private runOnWorker(spec: WorkerSpec, job: Job, limits: WorkerLimits, handling: JobHandling<Result>) {
    const { subject, reader, verb = 'read', outcome = 'it was not clipped' } = handling;
    const worker = this.start(spec, limits);
    worker.ref();
    return new Promise<Result>((resolve, reject) => {
      const discard = (error: Error) => {
        cleanup();
        if (this.current?.worker === worker) this.current = null;
        void worker.terminate();
        reject(error);
      };
      const failed = (message: string, cause?: Error) =>
        discard(new GlossError('extraction-failed', message, cause && { cause }));
      const onTimeout = () =>
        failed(`${subject} took too long to ${verb} (over ${duration(limits.timeoutMs)}), so ${outcome}.`);
      let timer = setTimeout(onTimeout, STARTUP_MS);
      let started = false;
      const onMessage = (reply: WorkerReply<Result>) => {
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
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
          failed(`${subject} needed too much memory to ${verb} (over ${limits.memoryMb} MB), so ${outcome}.`);
        else if (!started) discard(new WorkerUnavailable(error.message, { cause: error }));
        else failed(`${subject} could not be read: ${error.message}`, error);
      };
      const onExit = (code: number) => failed(`${subject} could not be read: ${reader} stopped (exit code ${code}).`);
      function cleanup() {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }
}
