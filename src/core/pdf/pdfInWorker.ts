/**
 * Reading a PDF (bytes → clip draft) in a worker thread with a time budget and a memory cap, like pages
 * (worker/boundedWorker.ts and docs/DESIGN.md, "PDF clips"): a huge or hostile PDF fails with a clear error
 * and the next one gets a fresh worker. The desktop app names its bundled worker file with
 * {@link usePdfWorker}; from source (tsx CLI, vitest) the worker loads pdfWorker.ts through tsx's require
 * hook; any other runtime reads in-thread.
 */
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '../clipper/extractInWorker';
import { GlossError } from '../errors';
import type { ClipDraft } from '../model';
import { BoundedWorker } from '../worker/boundedWorker';
import { pdfDraft, type PdfSource } from './pdfDraft';
import { readPdf } from './readPdf';

/** One PDF for the worker. */
export interface PdfJob {
  bytes: Uint8Array;
  source: PdfSource;
}

/** The worker answers with the draft without its bytes (the caller holds them). */
const pdfReader = new BoundedWorker<PdfJob, Omit<ClipDraft, 'pdfBytes'>>({
  base: import.meta.url,
  source: './pdfWorker.ts',
});

/** Names the worker file (the desktop app's bundled pdfWorker), `null` for in-thread, `undefined` for the default. */
export function usePdfWorker(file: string | null | undefined): void {
  pdfReader.use(file);
}

/** Stops the worker (it is restarted for the next PDF). */
export function stopPdfWorker(): void {
  pdfReader.stop();
}

/**
 * Reads a PDF into a clip draft off the main thread, one PDF at a time, within `limits` (the same as pages
 * by default). The draft carries `bytes` as its `pdfBytes`.
 *
 * @throws GlossError `corrupt-file` (not a PDF, cut off, damaged), `unsupported-content` (password), or
 *   `extraction-failed` (too long, too much memory)
 */
export async function readPdfDraft(
  bytes: Uint8Array,
  source: PdfSource = {},
  limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS,
): Promise<ClipDraft> {
  const draft = await pdfReader.submit({ bytes, source }, limits, {
    subject: 'This PDF',
    reader: 'the PDF reader',
    inThread: async () => pdfDraft(bytes, await readPdf(bytes), source),
    unavailable: (error) => {
      throw new GlossError('extraction-failed', `The PDF reader could not start: ${error.message}`, { cause: error });
    },
  });
  return { ...draft, pdfBytes: bytes };
}
