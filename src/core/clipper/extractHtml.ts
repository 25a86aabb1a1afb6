/**
 * Extracting the article from a whole HTML page (the pipeline and why each stage exists: docs/DESIGN.md,
 * "Extracting the article"). The page is parsed once, in its own inert jsdom window (pageDocument.ts); the
 * metadata and the page's own article marks are read, the page furniture named by class/id is removed, then
 * Readability runs on that same document; the best candidate is cleaned block by block and sanitised. Every
 * heuristic stage falls back when it throws: only a page without any text fails the clip.
 */
import { Readability } from '@mozilla/readability';
import { elementsByTag } from '../article/dom';
import { articleTextAndOpening, looseText } from '../article/text';
import { GlossError } from '../errors';
import type { ClipDraft } from '../model';
import { cleanArticle } from './articleCleanup';
import { removeChrome, stripFurniture, unwrapEmbeddedPosts } from './boilerplate';
import { chooseCandidate, type Candidate } from './candidates';
import { toIsoDate } from './dates';
import { assertReadableDepth } from './depth';
import { jsonLdNodes, readJsonLdArticle } from './jsonLd';
import { detectLanguage } from './lang';
import { abstractBox, markedArticle } from './markedArticle';
import { readMetadata, webUrl, type PageMetadata } from './metadata';
import { readScholarlyBiblio } from './scholarly';
import { dropNoscript, dropScripts, parsePage } from './pageDocument';
import { tidyPageTitle } from './pageTitle';
import { sanitizeArticleHtml } from './sanitize';
import { unitsToHtml } from './textHtml';
import { splitUnits } from './textBlocks';

export interface ExtractOptions {
  /** The page's URL: the base for relative links and the fallback canonical URL. */
  url?: string | null;
  /** Use this title instead of the page's. */
  title?: string | null;
  origin?: 'url' | 'html' | 'file';
}

const NO_METADATA: PageMetadata = {
  title: null,
  byline: null,
  site: null,
  published: null,
  canonicalUrl: null,
  lang: null,
  excerpt: null,
};

function hostName(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') || null : null;
  } catch {
    return null;
  }
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/u, '') + '…';
}

/** Runs a heuristic stage; when it throws (a selector jsdom cannot parse, a degenerate page), uses `fallback`. */
function attempt<T>(stage: () => T, fallback: T): T {
  try {
    return stage();
  } catch {
    return fallback;
  }
}

type ReadabilityArticle = {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
  content?: Element | null;
};

/**
 * Extracts a clean article and its metadata from a page's HTML.
 *
 * @throws GlossError `extraction-failed` when the page has no article text at all
 */
export function extractFromHtml(html: string, opts: ExtractOptions = {}): ClipDraft {
  const pageUrl = webUrl(opts.url ?? null);
  assertReadableDepth(html, hostName(pageUrl));
  const page = parsePage(html);
  try {
    return extractFromDocument(page.document, page.window, pageUrl, opts);
  } finally {
    page.close();
  }
}

function extractFromDocument(doc: Document, window: object, pageUrl: string | null, opts: ExtractOptions): ClipDraft {
  assertReadableDepth(doc, hostName(pageUrl));
  // The page's own <base> decides how its relative links resolve, as in a browser.
  const baseHref = elementsByTag(doc, 'base')
    .find((el) => el.hasAttribute('href'))
    ?.getAttribute('href');
  const base = webUrl(baseHref, pageUrl) ?? pageUrl;
  // The JSON-LD blocks are parsed once, for the metadata, the bibliographic details and the reference text.
  const ldNodes = attempt(() => jsonLdNodes(doc), []);
  const ld = attempt(() => readJsonLdArticle(ldNodes), null);
  const meta = attempt(() => readMetadata(doc, pageUrl, ld), NO_METADATA);
  const biblio = attempt(() => readScholarlyBiblio(doc, ldNodes), null);
  const heading = attempt(() => doc.getElementsByTagName('h1')[0]?.textContent ?? null, null);
  const referenceBody = ld?.body ?? null;
  // Scripts and style sheets are never article text, but their source counts in every text length the
  // heuristics measure (an "Advert" label beside an ad script looked like a paragraph of prose).
  attempt(() => dropScripts(doc), undefined);
  const marked = attempt(() => markedArticle(doc), null);
  const abstract = attempt(() => abstractBox(doc), null);

  // Furniture named by class/id goes before any candidate is scored (the marked article keeps its ancestors).
  if (doc.body) attempt(() => unwrapEmbeddedPosts(doc.body), undefined);
  if (marked) attempt(() => unwrapEmbeddedPosts(marked), undefined);
  if (doc.body) attempt(() => stripFurniture(doc.body, []), undefined);
  if (marked) attempt(() => stripFurniture(marked, []), undefined);

  // Readability works on the page's document itself (it is not needed afterwards) and hands back its element.
  const article = attempt(
    () =>
      new Readability<Element>(doc, {
        charThreshold: 300,
        serializer: (el) => el as Element,
      }).parse() as ReadabilityArticle | null,
    null,
  );

  const pageTitle = (meta.title || article?.title?.trim() || doc.title.trim() || '').replace(/\s+/g, ' ');
  const site = meta.site ?? (article?.siteName?.trim() || null);
  const title =
    opts.title?.trim().replace(/\s+/g, ' ') ||
    (pageTitle && attempt(() => tidyPageTitle(pageTitle, site, hostName(pageUrl), heading), pageTitle));

  const candidates: Candidate[] = [];
  if (article?.content) candidates.push({ source: 'readability', root: article.content });
  if (marked) candidates.push({ source: 'marked', root: marked });
  const fromReference = referenceBody ? attempt(() => textCandidate(doc, referenceBody), null) : null;
  const reference = fromReference?.textContent ?? null;
  if (fromReference) candidates.push({ source: 'json-ld', root: fromReference });
  if (!article?.content && !marked && doc.body) {
    attempt(() => removeChrome(doc.body), undefined);
    candidates.push({ source: 'body', root: doc.body });
  }
  const chosen = attempt(() => chooseCandidate(candidates, reference), candidates[0] ?? null);
  const root = chosen?.root ?? doc.createElement('div');
  if (abstract && !looseText(root.textContent).includes(abstract.opening)) root.prepend(abstract.box);
  const byline = meta.byline ?? (article?.byline?.trim() || null);
  attempt(() => cleanArticle(root, title, byline, heading, meta.excerpt), undefined);
  dropNoscript(root);

  const content = sanitizeArticleHtml(root, base, window);
  const { text, firstParagraph } = articleTextAndOpening(content);
  const url = meta.canonicalUrl ?? pageUrl;
  if (text.trim() === '') {
    const where = hostName(url) ?? 'this page';
    throw new GlossError('extraction-failed', `Could not find any article text on ${where}.`);
  }

  return {
    title: title || heading?.replace(/\s+/g, ' ').trim() || shorten(text.trim().split('\n')[0] ?? '', 80) || 'Untitled',
    byline,
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
    ...(biblio && { biblio }),
  };
}

/**
 * The publisher's `articleBody` as article markup, in the page's document: its HTML when it is markup (some
 * publishers put the article's HTML there), else a paragraph per line of its text (entities decoded).
 */
function textCandidate(doc: Document, body: string): Element {
  const div = doc.createElement('div');
  if (/<(?:p|br|div|h[2-6])\b/i.test(body)) {
    div.innerHTML = body;
    return div;
  }
  const decoded = doc.createElement('textarea');
  decoded.innerHTML = body;
  div.innerHTML = unitsToHtml(splitUnits(decoded.value.replace(/\r\n?/g, '\n')));
  return div;
}
