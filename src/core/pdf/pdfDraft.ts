/**
 * A PDF file in, a clip draft out: the article text laid out page by page (repeated headers and footers
 * left out), an article HTML whose text is exactly that text, the original bytes with their SHA-256, and
 * the title, authors and bibliographic details the PDF states.
 */
import { createHash } from 'node:crypto';
import { joinPages, layoutPage, repeatedPageChrome, type PageLayout } from '../common/pdfLayout';
import type { ClipDraft } from '../model';
import { pdfArticleHtml } from './pdfArticleHtml';
import { pdfDetails } from './pdfMetadata';
import type { PdfReading } from './readPdf';

/** Where the PDF came from, for its title and address. */
export interface PdfSource {
  /** The address it was downloaded from (after redirects), if any. */
  url?: string | null;
  /** The file's name, a title of last resort. */
  fileName?: string | null;
  /** A title chosen by the person, over anything the PDF says. */
  title?: string | null;
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The first paragraph long enough to say what the document is about, shortened. */
function excerptOf(pages: readonly PageLayout[], title: string): string | null {
  for (const page of pages)
    for (const para of page.paragraphs) {
      const p = para.trim();
      if (p.length >= 120 && p !== title) return p.length > 300 ? `${p.slice(0, 297).trimEnd()}…` : p;
    }
  return null;
}

/** Builds the clip draft of a PDF from what pdf.js read of it (see the module comment). */
export function pdfDraft(bytes: Uint8Array, reading: PdfReading, source: PdfSource = {}): ClipDraft {
  const first = reading.pages.map((items) => layoutPage(items));
  const chrome = repeatedPageChrome(first.map((p) => p.lines));
  const pages = reading.pages.map((items, i) =>
    chrome[i]!.top || chrome[i]!.bottom ? layoutPage(items, chrome[i]) : first[i]!,
  );
  const { text, pageStarts } = joinPages(pages.map((p) => p.text));
  const html = pdfArticleHtml(pages);
  const details = pdfDetails(reading, { lines: first[0]?.lines ?? [], text: pages[0]?.text ?? '' });
  const fileTitle = source.fileName?.replace(/\.pdf$/i, '').trim() || null;
  const title = source.title?.trim() || details.title || fileTitle || 'Untitled PDF';
  return {
    title,
    byline: details.authors.length ? details.authors.join(', ') : null,
    site: details.biblio.containerTitle ?? hostOf(source.url),
    published: details.published,
    url: source.url ?? null,
    lang: null,
    excerpt: excerptOf(pages, title),
    origin: source.url ? 'url' : 'file',
    html,
    text,
    ...(Object.keys(details.biblio).length && { biblio: details.biblio }),
    pdf: {
      file: 'original.pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
      pages: pages.length,
      pageStarts,
      hasText: /[\p{L}\p{N}]/u.test(text),
    },
    pdfBytes: bytes,
  };
}
