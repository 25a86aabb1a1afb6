/**
 * Reading a PDF's text and metadata with Mozilla's pdf.js (legacy build, for Node), as hostile input:
 * no script evaluation, no XFA, no system fonts, fonts and CMaps only from the pdfjs-dist package, and
 * nothing else fetched. Annotations, attachments and actions are never read, so nothing is launched.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GlossError } from '../errors';
import type { PdfTextItem } from '../common/pdfLayout';

/** What pdf.js gave for one document: each page's text items, and its metadata. */
export interface PdfReading {
  pages: PdfTextItem[][];
  /** The document information dictionary's text fields (Title, Author, Subject, Keywords…). */
  info: Record<string, string>;
  /** XMP fields Gloss reads (dc:title, dc:creator, prism:doi…), when the document has XMP. */
  xmp: Record<string, string | string[]>;
}

type PdfJs = typeof PdfJsModule;
let loaded: Promise<PdfJs> | null = null;

/** Loads pdf.js once, with its worker code in this thread (the caller is a worker thread already). */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // Registers `globalThis.pdfjsWorker`, which pdf.js then runs in-thread instead of spawning a worker.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** The pdfjs-dist folder holding `name` (standard fonts, CMaps), as pdf.js wants it under Node. */
function packageFolder(name: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return path.join(root, name) + path.sep;
}

/** The XMP fields read for metadata. */
const XMP_FIELDS = ['dc:title', 'dc:creator', 'dc:description', 'prism:doi', 'prism:publicationname', 'pdfx:doi'];

/** Whether `bytes` start as a PDF does: `%PDF-` within the first 1 KB, as pdf.js allows. */
export function startsAsPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** A PDF ends with `%%EOF` (a reader tolerates up to 1 KB of trailing bytes); a cut-off download does not. */
function looksComplete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return tail.includes('%%EOF');
}

/** A one-line reason for a pdf.js failure to open a document. */
function openError(error: unknown): GlossError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException')
    return new GlossError(
      'unsupported-content',
      'This PDF is protected by a password, so Gloss cannot read it. Save an unprotected copy and clip that.',
    );
  const detail = error instanceof Error ? error.message : String(error);
  return new GlossError('corrupt-file', `This file is not a readable PDF (${detail.slice(0, 160)}).`, { cause: error });
}

/**
 * Reads every page's text items and the document's metadata.
 *
 * @param bytes  the PDF file (not modified: pdf.js gets a copy)
 * @throws GlossError `corrupt-file` for a file that is not a PDF, is cut off or cannot be parsed;
 *   `unsupported-content` for a password-protected PDF
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  if (!startsAsPdf(bytes)) throw new GlossError('corrupt-file', 'This file is not a PDF (it does not start as one).');
  if (!looksComplete(bytes))
    throw new GlossError(
      'corrupt-file',
      'This PDF is cut off (it does not end as a PDF must), probably an unfinished download. Download it again.',
    );
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    docBaseUrl: pathToFileURL('/').href,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
  try {
    const pages: PdfTextItem[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.filter((item): item is PdfTextItem & typeof item => 'str' in item));
      page.cleanup();
    }
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const textInfo: Record<string, string> = {};
    for (const [key, value] of Object.entries(info as Record<string, unknown>))
      if (typeof value === 'string' && value.trim()) textInfo[key] = value.trim();
    const xmp: Record<string, string | string[]> = {};
    for (const field of XMP_FIELDS) {
      const value: unknown = metadata?.get(field);
      if (typeof value === 'string' && value.trim()) xmp[field] = value.trim();
      else if (Array.isArray(value) && value.length) xmp[field] = value.map(String);
    }
    return { pages, info: textInfo, xmp };
  } catch (error) {
    throw new GlossError(
      'corrupt-file',
      `This PDF is damaged and could not be read (${error instanceof Error ? error.message.slice(0, 160) : String(error)}).`,
      { cause: error },
    );
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
