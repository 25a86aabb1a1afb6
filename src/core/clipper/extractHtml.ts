/**
 * Extracting the article from a whole HTML page: metadata first (see metadata.ts), then
 * Readability on a copy of the page, then the sanitiser. Parsing uses jsdom without running
 * scripts or loading anything, so a hostile page is only ever data.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseBodyDocument } from '../article/dom';
import { articleText, looseText } from '../article/text';
import { GlossError } from '../errors';
import type { ClipDraft } from '../model';
import { toIsoDate } from './dates';
import { assertReadableDepth } from './depth';
import { detectLanguage } from './lang';
import { readMetadata, webUrl } from './metadata';
import { keepsOpening, markedArticle, missingAbstract } from './markedArticle';
import { pruneChrome } from './pageChrome';
import { tidyPageTitle } from './pageTitle';
import { sanitizeArticleHtml } from './sanitize';

export interface ExtractOptions {
  /** The page's URL: the base for relative links and the fallback canonical URL. */
  url?: string | null;
  /** Use this title instead of the page's. */
  title?: string | null;
  origin?: 'url' | 'html' | 'file';
}

/** Page furniture removed before falling back to the whole body. */
const CHROME =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';

/** Readability found an article worth keeping: some real text, not a cookie banner. */
const MIN_ARTICLE_CHARS = 140;

function hostName(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') || null : null;
  } catch {
    return null;
  }
}

/** Removes a leading heading that repeats the title (the reader shows the title itself). */
function dropRepeatedTitle(html: string, title: string): string {
  const doc = parseBodyDocument(html);
  const heading = doc.body.querySelector('h1, h2');
  const firstText = Array.from(doc.body.querySelectorAll('p, li, blockquote, pre, td')).find(
    (el) => looseText(el.textContent) !== '',
  );
  const headingComesFirst = heading && (!firstText || heading.compareDocumentPosition(firstText) & 4);
  if (heading && headingComesFirst && looseText(heading.textContent) === looseText(title)) heading.remove();
  return doc.body.innerHTML;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/u, '') + '…';
}

/**
 * Extracts a clean article and its metadata from a page's HTML.
 *
 * @throws GlossError `extraction-failed` when the page has no article text at all
 */
export function extractFromHtml(html: string, opts: ExtractOptions = {}): ClipDraft {
  const pageUrl = webUrl(opts.url ?? null);
  // jsdom's defaults: scripts are not run and subresources are not fetched. A bare virtual
  // console keeps the page's broken CSS and similar complaints out of the app's output.
  const virtualConsole = new VirtualConsole();
  assertReadableDepth(html, hostName(pageUrl));
  const dom = new JSDOM(html, pageUrl ? { url: pageUrl, virtualConsole } : { virtualConsole });
  const doc = dom.window.document;
  assertReadableDepth(doc, hostName(pageUrl));
  // The page's own <base> decides how its relative links resolve, as in a browser.
  const base = webUrl(doc.baseURI) ?? pageUrl;
  const meta = readMetadata(doc, pageUrl);

  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 300 }).parse();
  } catch {
    article = null; // Readability throws on some degenerate documents; the fallback handles them.
  }

  const pageTitle = (meta.title || article?.title?.trim() || doc.title.trim() || '').replace(/\s+/g, ' ');
  const site = meta.site ?? (article?.siteName?.trim() || null);
  const heading = doc.querySelector('h1')?.textContent ?? null;
  const title =
    opts.title?.trim().replace(/\s+/g, ' ') ||
    (pageTitle && tidyPageTitle(pageTitle, site, hostName(pageUrl), heading));
  let content: string;
  const marked = markedArticle(doc);
  if (
    article?.content &&
    looseText(article.textContent).length >= MIN_ARTICLE_CHARS &&
    (!marked || keepsOpening(article.textContent, marked))
  ) {
    const abstract = missingAbstract(doc, article.textContent);
    content = sanitizeArticleHtml(pruneChrome(dropRepeatedTitle((abstract ?? '') + article.content, title)), base);
  } else if (marked) {
    content = sanitizeArticleHtml(pruneChrome(dropRepeatedTitle(marked.html, title)), base);
  } else {
    for (const el of Array.from(doc.body?.querySelectorAll(CHROME) ?? [])) el.remove();
    content = sanitizeArticleHtml(pruneChrome(dropRepeatedTitle(doc.body?.innerHTML ?? '', title)), base);
  }
  const text = articleText(content);
  const url = meta.canonicalUrl ?? pageUrl;
  if (text.trim() === '') {
    const where = hostName(url) ?? 'this page';
    throw new GlossError('extraction-failed', `Could not find any article text on ${where}.`);
  }
  const firstParagraph = parseBodyDocument(content).body.querySelector('p')?.textContent?.trim() ?? '';

  return {
    title: title || shorten(text.trim().split('\n')[0] ?? '', 80) || 'Untitled',
    byline: meta.byline ?? (article?.byline?.trim() || null),
    site: site ?? hostName(pageUrl ?? url),
    published: meta.published ?? toIsoDate(article?.publishedTime),
    url,
    lang: meta.lang ?? (article?.lang || null) ?? detectLanguage(text),
    // The clean article's first paragraph before Readability's excerpt, which can be the byline line.
    excerpt:
      meta.excerpt ?? (firstParagraph ? shorten(firstParagraph, 200) : null) ?? (article?.excerpt?.trim() || null),
    origin: opts.origin ?? 'html',
    html: content,
    text,
  };
}
