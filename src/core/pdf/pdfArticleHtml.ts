/**
 * A PDF clip's article HTML: a `<section>` per page, a `<p>` per paragraph, built so that
 * `articleText(html)` is exactly the clip's text (the `\n` between paragraphs and pages are text nodes;
 * nothing else adds text). Because Gloss builds it from the text alone, opening a PDF clip can check that
 * its stored HTML and text agree by building the HTML again, instead of parsing it (0.1–0.3 s for 300 pages).
 */
import { joinPages, PAGE_SEPARATOR } from '../common/pdfLayout';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML of laid-out pages (a page's `text` is its `paragraphs` joined by `\n`, as pdfLayout makes them). */
export function pdfArticleHtml(pages: ReadonlyArray<{ text: string; paragraphs: readonly string[] }>): string {
  return pages
    .map(
      (page, i) =>
        `<section class="pdf-page" data-page="${i + 1}">` +
        (page.text ? page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') : '') +
        '</section>',
    )
    .join(PAGE_SEPARATOR);
}

/** Characters the HTML parser does not keep as they are in a text node: CR (made LF), NUL (dropped), lone surrogates. */
const CHANGED_BY_PARSING = /[\r\0]|\p{Cs}/u;

/**
 * `text` when `html` is exactly the HTML {@link pdfArticleHtml} builds from it (its pages cut at
 * `pageStarts`), which makes `text` its `articleText` without parsing it; null otherwise (parse it then).
 */
export function pdfTextIfBuiltFrom(html: string, text: string, pageStarts: readonly number[]): string | null {
  if (!pageStarts.length || pageStarts[0] !== 0 || CHANGED_BY_PARSING.test(text)) return null;
  const pages = pageStarts.map((start, i) =>
    text.slice(start, i + 1 < pageStarts.length ? pageStarts[i + 1]! - PAGE_SEPARATOR.length : text.length),
  );
  const joined = joinPages(pages);
  if (joined.text !== text || joined.pageStarts.some((at, i) => at !== pageStarts[i])) return null;
  return pdfArticleHtml(pages.map((page) => ({ text: page, paragraphs: page.split('\n') }))) === html ? text : null;
}
