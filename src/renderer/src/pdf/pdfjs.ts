/**
 * pdf.js in the renderer, set up for hostile files: its worker is a file of the app's own bundle (no CDN,
 * no blob), PDF JavaScript and XFA are off, `eval` is never used, no font is loaded by the browser (glyphs
 * are drawn as paths) and the standard fonts and CMaps come from the bundle (scripts/pdfjsDataPlugin.ts),
 * read through a data factory that never fetches anything. The options are the core's (core/pdf/readPdf.ts),
 * so the text items the renderer gets are the ones the stored text was made from.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { cMaps, standardFonts } from 'virtual:pdfjs-data';
import { base64Bytes } from './base64';
import { markPdfOpen } from './openTiming';
import { PDF_RANGE_CHUNK, pdfSource } from './pdfRanges';

/** Fonts and CMaps already decoded, by kind and name (every document asks again; decoding once is enough). */
const decoded = new Map<string, Promise<Uint8Array>>();

/** Answers pdf.js's requests for standard fonts and CMaps from the bundle (anything else is refused). */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const table = kind === 'standardFontDataUrl' ? standardFonts : kind === 'cMapUrl' ? cMaps : null;
    const load = table && Object.hasOwn(table, filename) ? table[filename] : undefined;
    if (!load) throw new Error(`Gloss does not load “${filename}” for PDFs.`);
    const key = `${kind}/${filename}`;
    let bytes = decoded.get(key);
    if (!bytes) {
      bytes = load().then((module) => base64Bytes(module.default));
      bytes.catch(() => decoded.delete(key));
      decoded.set(key, bytes);
    }
    // pdf.js may hand the buffer on to its worker (detaching it): each document gets its own copy.
    return (await bytes).slice();
  }
}

let port: Worker | null = null;

/** The one pdf.js worker of the window (a module of the bundle), started on first use. */
function startBundledWorker(): void {
  port ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  GlobalWorkerOptions.workerPort = port;
}

/**
 * Opens the original PDF of clip `clipId`, read by byte range (pdfRanges.ts; the core serves it only while
 * its SHA-256 is the clipped one), reading no more of it than pdf.js asks for. `read` settles once the
 * file's first part has arrived, with the file's size (undefined when it could not be read); `doc` is the
 * open document.
 */
export function openClipPdf(clipId: string): {
  read: Promise<number | undefined>;
  doc: Promise<PDFDocumentProxy>;
} {
  let task: PDFDocumentLoadingTask | undefined;
  const source = pdfSource(clipId, () => void task?.destroy());
  const doc = source.then(async ({ size: _size, ...found }) => {
    markPdfOpen('bytes');
    startBundledWorker();
    task = getDocument({
      ...found,
      rangeChunkSize: PDF_RANGE_CHUNK,
      isEvalSupported: false,
      enableXfa: false,
      useSystemFonts: false,
      disableFontFace: true,
      useWorkerFetch: false,
      useWasm: false,
      stopAtErrors: false,
      cMapPacked: true,
      // The factory reads from the bundle; the URLs only have to be set for pdf.js to ask it.
      cMapUrl: 'bundled:cmaps/',
      standardFontDataUrl: 'bundled:standard_fonts/',
      BinaryDataFactory: BundledDataFactory,
      disableAutoFetch: true,
      disableStream: true,
    });
    const opened = await task.promise;
    markPdfOpen('opened');
    return opened;
  });
  return { read: source.then((found) => found.size).catch(() => undefined), doc };
}
