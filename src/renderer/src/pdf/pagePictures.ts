/**
 * Drawing a PDF page into an off-screen canvas, and page one drawn ahead: while the clip's text is still on
 * its way and the reader has not mounted, page one of a document being opened is drawn at the zoom the
 * reader will start at (fit width in the column width last seen) and its text read, so the page view only
 * has to copy the picture in. What is drawn ahead is taken once; a reader at another zoom draws anew.
 */
import { markPdfOpen } from './openTiming';
import { AnnotationMode, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';

/** A page's text items as pdf.js reads them. */
export type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

/** The largest zoom the reader allows (and so the largest fit-width zoom). */
export const MAX_SCALE = 5;

/** The zoom at which a page `pageWidth` wide (at scale 1) fills a column `columnWidth` wide. */
export function fitScale(columnWidth: number, pageWidth: number): number {
  return Math.min(MAX_SCALE, columnWidth / pageWidth);
}

/** A picture being drawn: its canvas once done, and a way to stop it. */
export interface PagePicture {
  canvas: Promise<HTMLCanvasElement>;
  cancel(): void;
}

/** Draws `page` at `scale` into a new off-screen canvas (at the screen's pixel ratio, no annotations). */
export function drawPage(page: PDFPageProxy, scale: number): PagePicture {
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const task: RenderTask = page.render({
    canvas,
    viewport,
    annotationMode: AnnotationMode.DISABLE,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  });
  return { canvas: task.promise.then(() => canvas), cancel: () => task.cancel() };
}

interface Ahead {
  scale: number;
  picture: PagePicture | null;
  text: Promise<TextContent> | null;
}

const ahead = new WeakMap<PDFDocumentProxy, Ahead>();
let lastColumnWidth = 0;

/** The column width last seen (0 before any reader measured one): what page one is drawn ahead for. */
export function rememberedColumnWidth(): number {
  return lastColumnWidth;
}

/** The reader's column is `width` wide (remembered for drawing the next PDF's page one ahead). */
export function rememberColumnWidth(width: number): void {
  if (width > 0) lastColumnWidth = width;
}

/** Starts drawing page one of `doc` and reading its text, for a reader about to open (once per document). */
export async function drawFirstPageAhead(doc: PDFDocumentProxy): Promise<void> {
  if (ahead.has(doc) || lastColumnWidth === 0) return;
  const page = await doc.getPage(1);
  if (ahead.has(doc)) return;
  const scale = fitScale(lastColumnWidth, page.getViewport({ scale: 1 }).width);
  const entry: Ahead = { scale, picture: drawPage(page, scale), text: page.getTextContent() };
  entry.picture!.canvas.then(() => markPdfOpen('drawn-ahead')).catch(() => undefined);
  entry.text!.catch(() => undefined);
  ahead.set(doc, entry);
}

/** Page `index` of `doc` drawn ahead at `scale`, if it was (taken: a second call gets null). */
export function takePictureAhead(doc: PDFDocumentProxy, index: number, scale: number): PagePicture | null {
  const entry = index === 0 ? ahead.get(doc) : undefined;
  if (!entry?.picture || entry.scale !== scale) return null;
  const { picture } = entry;
  entry.picture = null;
  return picture;
}

/** Page `index`'s text content read ahead, if it was (taken: a second call gets null). */
export function takeTextAhead(doc: PDFDocumentProxy, index: number): Promise<TextContent> | null {
  const entry = index === 0 ? ahead.get(doc) : undefined;
  const text = entry?.text ?? null;
  if (entry) entry.text = null;
  return text;
}

/** Drops what was drawn ahead for `doc` and not taken (its reader closed). */
export function dropAhead(doc: PDFDocumentProxy): void {
  const entry = ahead.get(doc);
  entry?.picture?.cancel();
  ahead.delete(doc);
}
