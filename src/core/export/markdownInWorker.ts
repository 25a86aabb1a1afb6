/**
 * Converting clips to Markdown in a worker thread with a small heap, for exports of many clips. Converting
 * in the main thread, turndown's parse garbage (~30 KB of old-generation objects a clip) piles up until V8
 * collects it near a limit it sets from the main heap's live size (the whole library's catalogue and search
 * index): a 10k export peaked at 515–619 MB resident that way. In the worker the same garbage is collected
 * against a heap of a few megabytes, so an export's peak stays near the service's own size whatever the
 * number of clips (docs/DESIGN.md, "Exporting a large library").
 *
 * The worker file comes from where the core runs, as for the page reader (worker/boundedWorker.ts): the desktop
 * app names its bundled file with {@link useMarkdownWorker}, a bundle that ships `markdownWorker.js` beside its
 * chunks (the CLI) runs that, tsx and vitest load the TypeScript; anywhere else clips are converted in-thread.
 */
import type { ClipDocument } from '../model';
import { BoundedWorker, type WorkerLimits } from '../worker/boundedWorker';
import { clipMarkdown, type MarkdownSource } from './markdown';

/**
 * Time and heap for one clip: far above any real article (turndown takes milliseconds and a few MB). An 8 MB
 * young generation: the worker's heap stays ~26 MB over a 10k export instead of ~52 MB.
 */
export const MARKDOWN_LIMITS: Readonly<WorkerLimits> = { timeoutMs: 60_000, memoryMb: 256, youngMb: 8 };

const converter = new BoundedWorker<MarkdownSource, string>({
  base: import.meta.url,
  source: './markdownWorker.ts',
  bundled: './markdownWorker.js',
});

/**
 * Names the worker file to run (the desktop app's bundled `markdownWorker`), `null` to convert in-thread, or
 * `undefined` to choose by runtime again.
 */
export function useMarkdownWorker(file: string | null | undefined): void {
  converter.use(file);
}

/** Exports converting in the worker now. */
let holders = 0;

/**
 * Marks the worker in use by one export; the function returned says the export is done, and stops the worker
 * when no other export still uses it (its heap and turndown go back to the system; the next export starts it).
 */
export function holdMarkdownWorker(): () => void {
  holders++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holders === 0) converter.stop();
  };
}

/**
 * {@link clipMarkdown} in the worker thread (the same text, byte for byte), one clip at a time in the order
 * asked; in-thread where the worker cannot run.
 *
 * @throws GlossError `extraction-failed` when the clip takes too long or too much memory to convert
 */
export function clipMarkdownInWorker(document: ClipDocument): Promise<string> {
  // The clip's text stays here: the file is made without it, and each string sent is copied.
  const { meta, html, highlights } = document;
  return converter.submit({ meta, html, highlights }, MARKDOWN_LIMITS, {
    subject: `The clip “${document.meta.title}”`,
    reader: 'the Markdown converter',
    verb: 'convert to Markdown',
    outcome: 'it was left out of the export',
    inThread: () => clipMarkdown(document),
    unavailable: (error) => {
      // An export must work where the worker cannot load: convert in-thread from now on, and say why once.
      console.warn(`Gloss: the Markdown converter's worker could not start (${error.message}); converting in-thread.`);
      converter.use(null);
      return clipMarkdown(document);
    },
  });
}
