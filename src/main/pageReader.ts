/// <reference types="electron-vite/node" />
/**
 * The desktop app reads pages in a worker thread (see core/clipper/extractInWorker.ts): electron-vite
 * bundles core/clipper/extractWorker.ts (and core/pdf/pdfWorker.ts for PDFs, core/export/markdownWorker.ts for
 * long Markdown exports) as a file of its own beside the main bundle and gives its path here.
 */
import { useExtractionWorker } from '../core/clipper/extractInWorker';
import extractWorkerFile from '../core/clipper/extractWorker?modulePath';
import { useMarkdownWorker } from '../core/export/markdownInWorker';
import markdownWorkerFile from '../core/export/markdownWorker?modulePath';
import { usePdfWorker } from '../core/pdf/pdfInWorker';
import pdfWorkerFile from '../core/pdf/pdfWorker?modulePath';

/**
 * Makes every clip in this process read its page (or PDF) in the bundled workers, and long exports convert
 * to Markdown in theirs. Call once at start-up.
 */
export function readPagesInWorker(): void {
  useExtractionWorker(extractWorkerFile);
  usePdfWorker(pdfWorkerFile);
  useMarkdownWorker(markdownWorkerFile);
}
