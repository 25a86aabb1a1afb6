/**
 * A page's metadata, read with a fixed precedence: JSON-LD (written for search engines, usually
 * right) over OpenGraph/Twitter cards (written for sharing) over classic meta tags (citation_*,
 * Dublin Core, author/description). Readability's guesses come last, in extractHtml.
 */
import { closestTag, elementsByTag } from '../article/dom';
import { toIsoDate } from './dates';
import { readJsonLdArticle, type JsonLdArticle } from './jsonLd';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  site: string | null;
  published: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  excerpt: string | null;
}

/** The page's `<meta>` elements that have a `content` attribute, in document order. */
export function metaTags(doc: Document): Element[] {
  return elementsByTag(doc, 'meta').filter((tag) => tag.hasAttribute('content'));
}

/** The content of the first of `tags` whose name or property is one of `keys` (case-insensitive). */
function metaValue(tags: Element[], ...keys: string[]): string | null {
  const wanted = keys.map((k) => k.toLowerCase());
  for (const key of wanted) {
    for (const tag of tags) {
      const name = (
        tag.getAttribute('property') ??
        tag.getAttribute('name') ??
        tag.getAttribute('itemprop') ??
        ''
      ).toLowerCase();
      const content = tag.getAttribute('content')?.trim();
      if (name === key && content) return content;
    }
  }
  return null;
}

/**
 * All values of a repeated meta tag, e.g. one `citation_author` per author.
 *
 * @param source the page, or its `metaTags` when the caller reads several keys
 */
export function metaAll(source: Document | Element[], key: string): string[] {
  return (Array.isArray(source) ? source : metaTags(source))
    .filter((t) => (t.getAttribute('name') ?? t.getAttribute('property') ?? '').toLowerCase() === key)
    .map((t) => t.getAttribute('content')!.trim())
    .filter(Boolean);
}

/** `value` as an absolute http(s) URL, or null. */
export function webUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A person's name, not a profile URL or a Twitter handle. */
function personName(value: string | null): string | null {
  return value && !/^(https?:|@)/i.test(value) ? value : null;
}

function first<T>(...values: Array<T | null | undefined>): T | null {
  for (const v of values) if (v !== null && v !== undefined && v !== '') return v;
  return null;
}

/** The `href` of the page's first `<link rel="canonical">` (`rel` holds the word, any case). */
function canonicalHref(doc: Document): string | null {
  const link = elementsByTag(doc, 'link').find(
    (el) => el.hasAttribute('href') && /(?:^|\s)canonical(?:\s|$)/i.test(el.getAttribute('rel') ?? ''),
  );
  return link?.getAttribute('href') ?? null;
}

const ARTICLE: ReadonlySet<string> = new Set(['ARTICLE']);

/** The `datetime` of the first `<time>` marked `pubdate` or inside an `<article>`. */
function publishedTime(doc: Document): string | null {
  const time = elementsByTag(doc, 'time').find(
    (el) =>
      el.hasAttribute('datetime') &&
      (el.hasAttribute('pubdate') || (el.parentElement !== null && closestTag(el.parentElement, ARTICLE) !== null)),
  );
  return time?.getAttribute('datetime') ?? null;
}

/**
 * Reads title, byline, site, published date, canonical URL, language and description.
 *
 * @param ld the page's JSON-LD article when the caller has read it already (else it is read here)
 */
export function readMetadata(
  doc: Document,
  pageUrl: string | null,
  ld: JsonLdArticle | null = readJsonLdArticle(doc),
): PageMetadata {
  const tags = metaTags(doc);
  const meta = (...keys: string[]) => metaValue(tags, ...keys);
  const citationAuthors = metaAll(tags, 'citation_author');
  const canonicalLink = canonicalHref(doc);
  const lang =
    doc.documentElement.getAttribute('lang')?.trim() || ld?.inLanguage || meta('og:locale', 'dc.language', 'language');
  return {
    title: first(ld?.headline, meta('og:title', 'twitter:title'), meta('citation_title', 'dc.title', 'dcterms.title')),
    byline: first(
      ld?.author,
      personName(meta('article:author')),
      personName(meta('author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author')),
      citationAuthors.length ? citationAuthors.join(', ') : null,
    ),
    site: first(
      meta('og:site_name'),
      ld?.publisher,
      meta('application-name', 'citation_journal_title', 'dc.publisher'),
    ),
    published: toIsoDate(
      first(
        ld?.datePublished,
        meta('article:published_time', 'og:published_time'),
        meta(
          'citation_publication_date',
          'citation_date',
          'citation_online_date',
          'dc.date',
          'dcterms.date',
          'dc.date.issued',
          'dcterms.issued',
          'date',
          'pubdate',
          'publish-date',
          'parsely-pub-date',
          'sailthru.date',
        ),
        publishedTime(doc),
      ),
    ),
    canonicalUrl: first(webUrl(canonicalLink, pageUrl), webUrl(meta('og:url'), pageUrl), webUrl(ld?.url, pageUrl)),
    lang: lang ? lang.replace(/_/g, '-') : null,
    excerpt: first(
      ld?.description,
      meta('og:description', 'twitter:description'),
      meta('description', 'dc.description'),
    ),
  };
}
