/**
 * The page reader's worker thread: runs {@link extractFromHtml} (jsdom, Readability, DOMPurify) on one
 * page at a time, off the main thread, so a huge or hostile page cannot freeze or crash the app. Started
 * and bounded (time, memory) by extractInWorker.ts; it answers each job with the draft or the error.
 */
import { parentPort } from 'node:worker_threads';
import { GlossError } from '../errors';
import { extractFromHtml } from './extractHtml';
import type { ExtractJob, ExtractReply } from './extractInWorker';

const port = parentPort;
if (!port) throw new Error('extractWorker.ts runs only as a worker thread.');

port.on('message', (job: ExtractJob) => {
  port.postMessage({ started: true } satisfies ExtractReply);
  let reply: ExtractReply;
  try {
    reply = { ok: true, draft: extractFromHtml(job.html, job.opts) };
  } catch (error) {
    reply =
      error instanceof GlossError
        ? { ok: false, code: error.code, message: error.message }
        : {
            ok: false,
            code: 'extraction-failed',
            message: `Could not read the page: ${(error as Error)?.message ?? String(error)}`,
          };
  }
  port.postMessage(reply);
});
