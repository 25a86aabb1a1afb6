/**
 * Reading a page (HTML string → clean article) in a worker thread with a time budget and a memory cap
 * (worker/boundedWorker.ts), so a big, deep or hostile page can neither block the app's event loop nor
 * exhaust its memory: it fails with a clear error and the next page gets a fresh worker.
 *
 * The desktop app's main process names its bundled worker file with {@link useExtractionWorker}; the built
 * CLI ships extractWorker.js beside its chunks; from source (tsx, vitest) the worker loads extractWorker.ts
 * through tsx's require hook; anywhere else, or when the worker cannot start, the page is read in-thread.
 */
import type { ClipDraft } from '../model';
import { BoundedWorker, type WorkerLimits } from '../worker/boundedWorker';
import type { ExtractOptions } from './extractHtml';

/** One page for the worker. */
export interface ExtractJob {
  html: string;
  opts: ExtractOptions;
}

/** How long (default 30 s, from when the worker picks the page up) and how much memory (default 1536 MB) reading one page may take. */
export type ExtractionLimits = WorkerLimits;

/** The limits used when a caller gives none. */
export const DEFAULT_EXTRACTION_LIMITS: Readonly<ExtractionLimits> = { timeoutMs: 30_000, memoryMb: 1536 };

const pageReader = new BoundedWorker<ExtractJob, ClipDraft>({
  base: import.meta.url,
  source: './extractWorker.ts',
  bundled: './extractWorker.js',
});

/**
 * Names the worker file to run (the desktop app passes its bundled `extractWorker` here), `null` to read
 * pages in-thread, or `undefined` to choose by runtime again. Stops the current worker so the next page
 * uses the new choice.
 */
export function useExtractionWorker(file: string | null | undefined): void {
  pageReader.use(file);
}

/** Stops the worker (it is restarted on the next page). Safe to call at any time. */
export function stopExtractionWorker(): void {
  pageReader.stop();
}

/**
 * Reads the page in this thread. The extractor (jsdom, Readability, DOMPurify: ~40 MB of heap and 1,000 modules)
 * is loaded on first use, not with this module: the service imports this file, and most of its users (a list,
 * an export, the CLI's other commands) never read a page in-thread.
 */
async function extractHere(html: string, opts: ExtractOptions): Promise<ClipDraft> {
  const { extractFromHtml } = await import('./extractHtml');
  return extractFromHtml(html, opts);
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

/**
 * Extracts the article from a page's HTML off the main thread (see `extractFromHtml` in extractHtml.ts for what it
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
  return pageReader.submit({ html, opts }, limits, {
    subject: thePage(opts.url),
    reader: 'the page reader',
    inThread: () => extractHere(html, opts),
    unavailable: (error) => {
      // Clipping must keep working where the worker cannot load: read in-thread from now on, and say why once.
      console.warn(
        `Gloss: the page reader's worker could not start (${error.message}); reading pages on the main thread.`,
      );
      pageReader.use(null);
      return extractHere(html, opts);
    },
  });
}
