/**
 * The clipper's front door: a URL, pasted text or a page's HTML in, a clean article draft out.
 */
import { GlossError } from '../errors';
import type { ClipDraft } from '../model';
import { extractArticle } from './extractInWorker';
import { checkPageUrl, fetchDocument, type FetchOptions } from './fetchPage';
import { readPdfDraft } from '../pdf/pdfInWorker';
import { startsAsPdf } from '../pdf/readPdf';
import { clipPastedText } from './pastedText';

export type { FetchOptions, FetchedPage } from './fetchPage';
export { fetchPage } from './fetchPage';
export { extractFromHtml } from './extractHtml';
export { extractArticle, useExtractionWorker, stopExtractionWorker, type ExtractionLimits } from './extractInWorker';
export { clipPastedText } from './pastedText';
export { sanitizeArticleHtml } from './sanitize';
export { localiseImages, type ImageOptions } from './images';

/** What a person is told when an address that should give a PDF gives a login or paywall page instead. */
export const PDF_NEEDS_LOGIN = 'This PDF needs your browser’s login; download it and drop the file into Gloss.';

/**
 * Fetches a web page and extracts its article; an address that answers with a PDF gives the PDF's draft
 * (its text, details and original bytes).
 *
 * @param url  an http(s) address
 * @param opts.title  use this title instead of the page's
 * @param opts.fetch  limits for the download (timeout, size, redirects, cancellation)
 * @param opts.pdfOnly  the address is a PDF's (the bookmarklet on a PDF viewer tab; also any address whose
 *   path ends in `.pdf`): anything else that comes back (a login or paywall page, 401/403) fails with
 *   {@link PDF_NEEDS_LOGIN}, never becomes a clip
 * @throws GlossError from {@link fetchDocument}, {@link extractArticle} or {@link readPdfDraft}
 */
export async function clipUrl(
  url: string,
  opts: { title?: string; fetch?: FetchOptions; pdfOnly?: boolean } = {},
): Promise<ClipDraft> {
  const pdfOnly = opts.pdfOnly || /\.pdf$/i.test(checkPageUrl(url).pathname);
  const page = await fetchDocument(url, opts.fetch).catch((error: unknown) => {
    const denied =
      error instanceof GlossError && error.code === 'http-status' && / answered 40[13] /.test(error.message);
    throw pdfOnly && denied ? new GlossError('unsupported-content', PDF_NEEDS_LOGIN, { cause: error }) : error;
  });
  if (pdfOnly && (page.kind !== 'pdf' || !startsAsPdf(page.bytes)))
    throw new GlossError('unsupported-content', PDF_NEEDS_LOGIN);
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
