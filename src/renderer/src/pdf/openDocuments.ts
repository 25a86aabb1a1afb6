/**
 * The PDF documents the window has open in pdf.js, by clip and file hash, so that opening a PDF clip can
 * start as its row is clicked (in parallel with reading the clip's text, see reader/clipPrefetch.ts) and
 * so that going back to a PDF just read does not read and parse its file again. A document the reader is
 * not showing stays open only while it is among the last few left (and small enough); older ones are
 * destroyed, which gives their memory in pdf.js's worker back.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { markPdfOpen } from './openTiming';
import { dropAhead, drawFirstPageAhead } from './pagePictures';
import { openClipPdf } from './pdfjs';

/** Documents kept open while no reader shows them: at most this many… */
const IDLE_KEPT = 2;
/** …holding at most this many bytes of PDF together. */
const IDLE_BYTES = 64 * 1024 * 1024;

interface OpenDocument {
  doc: Promise<PDFDocumentProxy>;
  /** Settles once the file's first part has been read (or failed), with the file's size. */
  read: Promise<number | undefined>;
  /** Readers showing it. */
  users: number;
  /** The file's size once known (0 until then). */
  bytes: number;
  /** The open document and its first page's size (at zoom 1), once both are known. */
  ready: OpenedPdf | null;
}

/** An open document and the size of its first page at zoom 1. */
export interface OpenedPdf {
  doc: PDFDocumentProxy;
  first: { width: number; height: number };
}

/** By `clipId/sha256`, oldest use first. */
const documents = new Map<string, OpenDocument>();

function keyOf(clipId: string, sha256: string): string {
  return `${clipId}/${sha256}`;
}

/** Destroys documents no reader shows beyond the newest {@link IDLE_KEPT} (and {@link IDLE_BYTES}). */
function trimIdle(): void {
  const idle = [...documents].filter(([, d]) => d.users === 0).reverse();
  let kept = 0;
  let bytes = 0;
  for (const [key, d] of idle) {
    bytes += d.bytes;
    if (++kept <= IDLE_KEPT && bytes <= IDLE_BYTES) continue;
    documents.delete(key);
    void d.doc.then((doc) => doc.destroy()).catch(() => undefined);
  }
}

/** The open (or opening) document of clip `clipId`'s original with hash `sha256`, moved to the newest place. */
function documentFor(clipId: string, sha256: string): OpenDocument {
  const key = keyOf(clipId, sha256);
  let found = documents.get(key);
  if (found) {
    documents.delete(key);
  } else {
    const { doc, read } = openClipPdf(clipId);
    const entry: OpenDocument = { doc, read, users: 0, bytes: 0, ready: null };
    found = entry;
    void read.then((size) => (entry.bytes = size ?? 0));
    doc.then(
      async (d) => {
        // The first page is what the reader asks for first: pdf.js keeps it once read.
        const { width, height } = (await d.getPage(1)).getViewport({ scale: 1 });
        entry.ready = { doc: d, first: { width, height } };
        markPdfOpen('first-page-read');
        trimIdle();
      },
      // A failed open is forgotten, so the next reader tries again (and reports its own error).
      () => documents.get(key) === entry && documents.delete(key),
    );
  }
  documents.set(key, found);
  return found;
}

/**
 * Starts opening clip `clipId`'s original PDF (hash `sha256`) for a reader about to show it; settles once the
 * file's first part has been read (at once for a document already open).
 */
export function preparePdf(clipId: string, sha256: string): Promise<unknown> {
  const entry = documentFor(clipId, sha256);
  // Page one is drawn while the clip's text is on its way (pagePictures.ts).
  entry.doc.then(drawFirstPageAhead).catch(() => undefined);
  trimIdle();
  return entry.read;
}

/**
 * Clip `clipId`'s original PDF (hash `sha256`) if it is open already, with its first page's size, so a reader
 * mounting now can start with its pages sized and the document set (no render of every page box again).
 */
export function openedPdf(clipId: string, sha256: string): OpenedPdf | null {
  return documents.get(keyOf(clipId, sha256))?.ready ?? null;
}

/**
 * Clip `clipId`'s original PDF (hash `sha256`) for a reader: the document opened by {@link preparePdf} or
 * an earlier reader if there is one, else a new one. Call `release` when the reader no longer shows it.
 */
export function takePdf(clipId: string, sha256: string): { doc: Promise<PDFDocumentProxy>; release(): void } {
  const entry = documentFor(clipId, sha256);
  entry.users++;
  let released = false;
  return {
    doc: entry.doc,
    release() {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users > 0) return trimIdle();
      void entry.doc
        .then((d) => {
          dropAhead(d);
          return d.cleanup();
        })
        .catch(() => undefined);
      trimIdle();
    },
  };
}
