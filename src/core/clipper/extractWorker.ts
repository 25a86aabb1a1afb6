/**
 * The page reader's worker thread: runs {@link extractFromHtml} (jsdom, Readability, DOMPurify) on one
 * page at a time, off the main thread, so a huge or hostile page cannot freeze or crash the app. Started
 * and bounded (time, memory) by extractInWorker.ts; it answers each job with the draft or the error.
 */
import { serveJobs } from '../worker/serveJobs';
import { extractFromHtml } from './extractHtml';
import type { ExtractJob } from './extractInWorker';

serveJobs(
  'extractWorker.ts',
  (job: ExtractJob) => extractFromHtml(job.html, job.opts),
  (message) => ({ code: 'extraction-failed', message: `Could not read the page: ${message}` }),
);
