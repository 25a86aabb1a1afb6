/**
 * The clipper's front door: a URL, pasted text or a page's HTML in, a clean article draft out.
 */
import type { ClipDraft } from '../model';
import { extractArticle } from './extractInWorker';
import { fetchDocument, type FetchOptions } from './fetchPage';
import { readPdfDraft } from '../pdf/pdfInWorker';
import { clipPastedText } from './pastedText';

export type { FetchOptions, FetchedPage } from './fetchPage';
export { fetchPage } from './fetchPage';
export { extractFromHtml } from './extractHtml';
export { extractArticle, useExtractionWorker, stopExtractionWorker, type ExtractionLimits } from './extractInWorker';
export { clipPastedText } from './pastedText';
export { sanitizeArticleHtml } from './sanitize';
export { localiseImages, type ImageOptions } from './images';

/**
 * Fetches a web page and extracts its article; an address that answers with a PDF gives the PDF's draft
 * (its text, details and original bytes).
 *
 * @param url  an http(s) address
 * @param opts.title  use this title instead of the page's
 * @param opts.fetch  limits for the download (timeout, size, redirects, cancellation)
 * @throws GlossError from {@link fetchDocument}, {@link extractArticle} or {@link readPdfDraft}
 */
export async function clipUrl(url: string, opts: { title?: string; fetch?: FetchOptions } = {}): Promise<ClipDraft> {
  const page = await fetchDocument(url, opts.fetch);
  if (page.kind === 'pdf') return readPdfDraft(page.bytes, { url: page.url, title: opts.title ?? null });
  return extractArticle(page.html, { url: page.url, title: opts.title ?? null, origin: 'url' });
}

/**
 * Turns text copied from a page into an article (see {@link clipPastedText}).
 *
 * @throws GlossError `empty-input` for empty text
 */
export function clipText(text: string, opts: { title?: string | null; url?: string | null } = {}): ClipDraft {
  return clipPastedText(text, opts);
}

/**
 * Extracts the article from a page's HTML (e.g. saved or dropped into the app), off the main thread.
 *
 * @throws GlossError `extraction-failed` when there is no article text, or the page takes too long or too
 *   much memory to read
 */
export function clipHtml(html: string, opts: { url?: string | null; title?: string | null } = {}): Promise<ClipDraft> {
  return extractArticle(html, { ...opts, origin: 'html' });
}
