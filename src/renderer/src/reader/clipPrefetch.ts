/**
 * A clip's document asked for as the click that opens it happens, so the core reads it while React draws the
 * route change, instead of after the reader has mounted. The reader takes it once; one not taken soon (the
 * click led elsewhere) is dropped, so a later open never shows an old copy. A PDF clip's original starts
 * opening in pdf.js at the same time when the caller knows it is one (a library row), else as soon as its
 * document says so, before the reader has mounted (pdf/openDocuments.ts).
 */
import type { ClipSummary, ReaderDocument } from '@core/model';
import { markPdfOpen } from '../pdf/openTiming';

/** A read not taken by a reader within this long is not used. */
const FRESH_MS = 2000;
/** How long reading a PDF clip's document waits for its original's first part at most (see {@link prefetchClip}). */
const PDF_FIRST_MS = 250;

const asked = new Map<string, { doc: Promise<ReaderDocument>; at: number }>();

/**
 * Starts opening the original PDF of clip `id` (the reader and pdf.js load with it, on a first open); settles
 * once the file's first part has been read (or failed).
 */
function preparePdf(id: string, sha256: string): Promise<unknown> {
  markPdfOpen('asked');
  // The page reader's code, which a first open waits for too.
  void import('../pdf/PdfArticle').catch(() => undefined);
  return import('../pdf/openDocuments').then((m) => m.preparePdf(id, sha256)).catch(() => undefined);
}

/** Starts reading clip `id` for the reader about to open it; `pdf` when it is known to be a PDF clip. */
export function prefetchClip(id: string, pdf?: ClipSummary['pdfFile']): void {
  const now = performance.now();
  for (const [key, read] of asked) if (now - read.at > FRESH_MS) asked.delete(key);
  if (asked.has(id)) return;
  // A PDF's first part is asked for first: the core answers it in a few ms, then the clip's document (whose
  // first open checks its text, ~0.1 s for 300 pages), while pdf.js parses the file in its worker. Asked
  // together, the file would wait behind the document.
  const doc = pdf
    ? Promise.race([preparePdf(id, pdf.sha256), delay(PDF_FIRST_MS)]).then(() => window.gloss.getClipForReader(id))
    : window.gloss.getClipForReader(id);
  // A failed read is the reader's to report (it takes the same promise); none is left unhandled here.
  doc
    .then((d) => {
      if (!d.meta.pdf) return;
      markPdfOpen('clip-read');
      if (!pdf) void preparePdf(id, d.meta.pdf.sha256);
    })
    .catch(() => undefined);
  asked.set(id, { doc, at: now });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Clip `id`'s document: the read {@link prefetchClip} started, if fresh, else a new one. */
export function takeClip(id: string): Promise<ReaderDocument> {
  const read = asked.get(id);
  asked.delete(id);
  return read && performance.now() - read.at <= FRESH_MS ? read.doc : window.gloss.getClipForReader(id);
}

/** Drops every read not yet taken (a clip changed: a later open must read it again). */
export function forgetClipReads(): void {
  asked.clear();
}
