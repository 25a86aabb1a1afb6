/**
 * The Markdown converter's worker thread: turns one clip at a time into its Markdown file's text
 * ({@link clipMarkdown}) off the main thread, for long exports (see markdownInWorker.ts). Turndown's parse
 * leaves tens of kilobytes of garbage per clip; here it is collected against this thread's own small heap
 * instead of piling up to a limit V8 sets from the whole library's live heap.
 */
import { serveJobs } from '../worker/serveJobs';
import { clipMarkdown, type MarkdownSource } from './markdown';

serveJobs(
  'markdownWorker.ts',
  (document: MarkdownSource) => clipMarkdown(document),
  (message) => ({ code: 'extraction-failed', message: `Could not convert the clip to Markdown: ${message}` }),
);
