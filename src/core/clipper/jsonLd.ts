/**
 * Reading schema.org JSON-LD, the most deliberate metadata a page publishes: publishers write it
 * for search engines, so its author and dates are usually the ones printed on the page.
 */
import { elementsByTag } from '../article/dom';

export interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
  description: string | null;
  inLanguage: string | null;
  /** The article's full text as the publisher gave it (`articleBody`), if any. */
  body: string | null;
}

/** A JSON-LD object. */
export type Json = Record<string, unknown>;

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$|^Review$|^LiveBlogPosting$|^SocialMediaPosting$/;

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') {
    const obj = value as Json;
    return asText(obj['name'] ?? obj['@id'] ?? obj['url']);
  }
  return null;
}

/** Authors may be a string, a Person, or a list of either; all names are kept, in order. */
function authorNames(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Json)['name'] : null))
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '' && !/^https?:/i.test(n))
    .map((n) => n.trim());
  return names.length ? Array.from(new Set(names)).join(', ') : null;
}

/** The `@type` names of a JSON-LD node. */
export function typesOf(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every object in the JSON-LD blocks, including those nested in arrays and `@graph`. */
function flatten(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (value && typeof value === 'object') {
    const obj = value as Json;
    out.push(obj);
    if (obj['@graph']) flatten(obj['@graph'], out);
  }
}

/** Every object of the document's JSON-LD blocks (nested ones and `@graph` members too). Broken JSON is skipped. */
export function jsonLdNodes(doc: Document): Json[] {
  const nodes: Json[] = [];
  const scripts = elementsByTag(doc, 'script').filter(
    (el) => el.getAttribute('type')?.toLowerCase() === 'application/ld+json',
  );
  for (const script of scripts) {
    try {
      flatten(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // Pages often ship invalid JSON-LD (trailing commas, HTML entities); it is only a hint.
    }
  }
  return nodes;
}

/**
 * The first Article-like JSON-LD object in the document, or null. Broken JSON is skipped.
 *
 * @param source the page, or its `jsonLdNodes` when the caller has read them already
 */
export function readJsonLdArticle(source: Document | Json[]): JsonLdArticle | null {
  const nodes = Array.isArray(source) ? source : jsonLdNodes(source);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
  if (!article) return null;
  const page = article['mainEntityOfPage'];
  return {
    headline: asText(article['headline'] ?? article['name']),
    author: authorNames(article['author'] ?? article['creator']),
    datePublished: asText(article['datePublished'] ?? article['dateCreated']),
    publisher: asText(article['publisher']),
    url: asText(article['url']) ?? (typeof page === 'string' ? page : asText(page)),
    description: asText(article['description']),
    inLanguage: asText(article['inLanguage']),
    body: typeof article['articleBody'] === 'string' ? article['articleBody'].trim() || null : null,
  };
}
