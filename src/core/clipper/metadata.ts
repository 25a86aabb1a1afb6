/**
 * A page's metadata, read with a fixed precedence: JSON-LD (written for search engines, usually
 * right) over OpenGraph/Twitter cards (written for sharing) over classic meta tags (citation_*,
 * Dublin Core, author/description). Readability's guesses come last, in extractHtml.
 */
import { toIsoDate } from './dates';
import { readJsonLdArticle } from './jsonLd';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  site: string | null;
  published: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  excerpt: string | null;
}

/** The content of the first `<meta>` whose name or property is one of `keys` (case-insensitive). */
function meta(doc: Document, ...keys: string[]): string | null {
  const wanted = keys.map((k) => k.toLowerCase());
  const tags = Array.from(doc.querySelectorAll('meta[content]'));
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

/** All values of a repeated meta tag, e.g. one `citation_author` per author. */
export function metaAll(doc: Document, key: string): string[] {
  return Array.from(doc.querySelectorAll('meta[content]'))
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

/** Reads title, byline, site, published date, canonical URL, language and description. */
export function readMetadata(doc: Document, pageUrl: string | null): PageMetadata {
  const ld = readJsonLdArticle(doc);
  const citationAuthors = metaAll(doc, 'citation_author');
  const canonicalLink = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null;
  const lang =
    doc.documentElement.getAttribute('lang')?.trim() ||
    ld?.inLanguage ||
    meta(doc, 'og:locale', 'dc.language', 'language');
  return {
    title: first(
      ld?.headline,
      meta(doc, 'og:title', 'twitter:title'),
      meta(doc, 'citation_title', 'dc.title', 'dcterms.title'),
    ),
    byline: first(
      ld?.author,
      personName(meta(doc, 'article:author')),
      personName(meta(doc, 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author')),
      citationAuthors.length ? citationAuthors.join(', ') : null,
    ),
    site: first(
      meta(doc, 'og:site_name'),
      ld?.publisher,
      meta(doc, 'application-name', 'citation_journal_title', 'dc.publisher'),
    ),
    published: toIsoDate(
      first(
        ld?.datePublished,
        meta(doc, 'article:published_time', 'og:published_time'),
        meta(
          doc,
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
        doc.querySelector('time[datetime][pubdate], article time[datetime]')?.getAttribute('datetime'),
      ),
    ),
    canonicalUrl: first(webUrl(canonicalLink, pageUrl), webUrl(meta(doc, 'og:url'), pageUrl), webUrl(ld?.url, pageUrl)),
    lang: lang ? lang.replace(/_/g, '-') : null,
    excerpt: first(
      ld?.description,
      meta(doc, 'og:description', 'twitter:description'),
      meta(doc, 'description', 'dc.description'),
    ),
  };
}
