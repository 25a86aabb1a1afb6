/**
 * A small job runner: long work runs in the background with progress, can be cancelled through an
 * AbortSignal, and leaves its outcome or its error for the app to pick up (the renderer polls
 * `listJobs`; the API has no push events). At most one job of a kind runs at a time, and an
 * exclusive job (moving the library) runs alone.
 */
import { randomUUID } from 'node:crypto';
import { GlossError, toErrorInfo } from '../errors';
import type { JobInfo, JobKind, JobOutcome, JobProgress } from './types';

/** What the work of a job gets: the signal to stop at, and a way to report progress. */
export interface JobContext {
  signal: AbortSignal;
  progress(update: Partial<JobProgress>): void;
  /** Past the point of no return (e.g. switching to the moved library): cancel is refused from now on. */
  commit(): void;
}

export type JobWork = (context: JobContext) => Promise<JobOutcome>;

/** Finished jobs kept for the app to show (the oldest are forgotten first). */
const KEEP_FINISHED = 20;

interface Entry {
  info: JobInfo;
  controller: AbortController;
  finished: Promise<JobInfo>;
  exclusive: boolean;
  committed: boolean;
}

export class JobRunner {
  private readonly jobs = new Map<string, Entry>();

  /**
   * Starts `work` as a job and returns at once. The work should check `signal` between steps and leave
   * nothing half-done when it stops; it may return a partial outcome after a cancel (the job is then
   * `cancelled` with that outcome).
   *
   * @throws GlossError `invalid-input` when a job of the same kind (or an exclusive job) is running
   */
  start(kind: JobKind, title: string, work: JobWork, options: { exclusive?: boolean } = {}): JobInfo {
    const running = [...this.jobs.values()].filter((e) => e.info.state === 'running');
    const blocking = running.find((e) => e.exclusive || e.info.kind === kind || options.exclusive);
    if (blocking) {
      throw new GlossError(
        'invalid-input',
        `“${blocking.info.title}” is still running; wait for it to finish or cancel it first.`,
      );
    }
    const controller = new AbortController();
    const info: JobInfo = {
      id: randomUUID().replace(/-/g, '').slice(0, 16),
      kind,
      title,
      state: 'running',
      progress: { done: 0, total: 0, label: '' },
      cancelling: false,
      outcome: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const entry: Entry = {
      info,
      controller,
      finished: Promise.resolve(info),
      exclusive: options.exclusive ?? false,
      committed: false,
    };
    const context: JobContext = {
      signal: controller.signal,
      progress: (update) => {
        if (info.state === 'running') info.progress = { ...info.progress, ...update };
      },
      commit: () => {
        entry.committed = true;
      },
    };
    const finish = (state: JobInfo['state'], outcome: JobOutcome | null, error: unknown) => {
      info.state = state;
      info.outcome = outcome;
      info.error = error === null ? null : toErrorInfo(error);
      info.cancelling = false;
      info.finishedAt = new Date().toISOString();
      this.forgetOld();
      return this.snapshot(info);
    };
    // The work starts on the next turn, so the caller has the job's id before any progress.
    const finished = Promise.resolve()
      .then(() => work(context))
      .then(
        (outcome) => finish(controller.signal.aborted ? 'cancelled' : 'done', outcome, null),
        (error: unknown) =>
          controller.signal.aborted ? finish('cancelled', null, null) : finish('failed', null, error),
      );
    entry.finished = finished;
    this.jobs.set(info.id, entry);
    return this.snapshot(info);
  }

  /** Every job still running and the recent finished ones, newest first. */
  list(): JobInfo[] {
    return [...this.jobs.values()].map((e) => this.snapshot(e.info)).reverse();
  }

  /** Asks a running job to stop; it ends as `cancelled` once its work has stopped cleanly. */
  cancel(id: string): JobInfo {
    const entry = this.get(id);
    if (entry.info.state === 'running' && !entry.controller.signal.aborted && !entry.committed) {
      entry.info.cancelling = true;
      entry.controller.abort(new GlossError('invalid-input', 'Cancelled.'));
    }
    return this.snapshot(entry.info);
  }

  /** Forgets a finished job (the app has shown its outcome); a running job must be cancelled first. */
  dismiss(id: string): void {
    const entry = this.get(id);
    if (entry.info.state === 'running')
      throw new GlossError('invalid-input', `“${entry.info.title}” is still running.`);
    this.jobs.delete(id);
  }

  /** Resolves with the job as it finished (for the CLI and tests). */
  wait(id: string): Promise<JobInfo> {
    return this.get(id).finished;
  }

  /** Whether any job is running. */
  busy(): boolean {
    return [...this.jobs.values()].some((e) => e.info.state === 'running');
  }

  /** Cancels every running job and waits for them to stop (closing the app). */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((e) => e.info.state === 'running');
    for (const entry of running) this.cancel(entry.info.id);
    await Promise.all(running.map((e) => e.finished));
  }

  private get(id: string): Entry {
    const entry = this.jobs.get(id);
    if (!entry) throw new GlossError('not-found', `No job with id "${id}".`);
    return entry;
  }

  private snapshot(info: JobInfo): JobInfo {
    return structuredClone(info);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((e) => e.info.state !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(entry.info.id);
  }
}
