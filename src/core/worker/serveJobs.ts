/**
 * The worker side of a `BoundedWorker` (boundedWorker.ts): acknowledges each job as it picks it up
 * (the time budget starts then), then answers with the draft or the error.
 */
import { parentPort } from 'node:worker_threads';
import { GlossError, type GlossErrorCode } from '../errors';
import type { WorkerReply } from './boundedWorker';

/**
 * Answers every job the thread is sent with `work(job)`. A GlossError is passed on as it is; any other
 * error is worded by `otherError`. Throws when not run as a worker thread (`name` says which file).
 */
export function serveJobs<Job, Draft>(
  name: string,
  work: (job: Job) => Draft | Promise<Draft>,
  otherError: (message: string) => { code: GlossErrorCode; message: string },
): void {
  const port = parentPort;
  if (!port) throw new Error(`${name} runs only as a worker thread.`);
  const answer = (reply: WorkerReply<Draft>) => port.postMessage(reply);
  port.on('message', (job: Job) => {
    answer({ started: true });
    void Promise.resolve()
      .then(() => work(job))
      .then(
        (draft) => answer({ ok: true, draft }),
        (error: unknown) =>
          answer(
            error instanceof GlossError
              ? { ok: false, code: error.code, message: error.message }
              : { ok: false, ...otherError((error as Error)?.message ?? String(error)) },
          ),
      );
  });
}
