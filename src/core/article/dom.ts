/**
 * One shared, inert jsdom window for the core: no scripts run, no resources load.
 * Creating a JSDOM is costly (tens of ms), so parsing goes through the same window's DOMParser,
 * which uses the same spec-compliant HTML parser as `new JSDOM(html)`.
 *
 * Documents parsed here never run selector queries (`querySelector(All)`, `closest`, `matches`): jsdom gives a
 * document its own selector engine on the first query, and that engine's event listeners on the window keep
 * the document reachable for as long as the window lives (measured: about 17 MB kept per parsed article).
 * Walk them with `getElementsByTagName` and the helpers below instead.
 *
 * The helpers read an `HTMLCollection` by index only: in jsdom every other property read on a collection
 * (`length`, `item`, what `Array.from` and `for…of` use) first looks for an element of that name or id through
 * the whole collection, so `Array.from(root.getElementsByTagName('*'))` costs time in the square of the page's
 * size (half a second on a large page, against 3 ms read by index). They are also the extractor's fast path on
 * page documents: a tag or attribute check per element is a fraction of a selector query's cost.
 */
import { createRequire } from 'node:module';
import type { JSDOM } from 'jsdom';

let shared: JSDOM | null = null;

/** The heading elements' tag names, h1 to h6 (as `tagName` gives them in an HTML document). */
export const HEADINGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const;

/**
 * The shared jsdom window (created on first use). Never handed untrusted scripts. jsdom is required here,
 * on first use, not imported at the top: loading it costs over a second, and most CLI commands (`list`,
 * `search`) never parse HTML.
 */
export function sharedWindow(): JSDOM['window'] {
  if (!shared) {
    const { JSDOM: Jsdom } = createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JSDOM };
    shared = new Jsdom('<!doctype html><html><head></head><body></body></html>');
  }
  return shared.window;
}

/**
 * Parses `html` as the body of a fresh document, exactly as a browser would parse
 * `<!doctype html><body>` + html. The document is inert: scripts never run.
 */
export function parseBodyDocument(html: string): Document {
  const parser = new (sharedWindow().DOMParser)();
  return parser.parseFromString('<!doctype html><body>' + html, 'text/html');
}

/** Parses a whole HTML page (head and body) into an inert document. */
export function parseHtmlDocument(html: string): Document {
  const parser = new (sharedWindow().DOMParser)();
  return parser.parseFromString(html, 'text/html');
}

/** The elements of a live collection, read by index (see the module comment), as an array. */
export function collected(list: HTMLCollectionOf<Element> | HTMLCollection): Element[] {
  const out: Element[] = [];
  for (let i = 0; ; i++) {
    const el = list[i];
    if (!el) return out;
    out.push(el);
  }
}

/** The elements under `root` (not `root` itself) in document order, without a selector query. */
export function descendants(root: Element | Document): Element[] {
  return collected(root.getElementsByTagName('*'));
}

/** The elements under `root` with the tag name `tag` (any case), in document order. */
export function elementsByTag(root: Element | Document, tag: string): Element[] {
  return collected(root.getElementsByTagName(tag));
}

/** The elements under `root` with one of the (upper-case) tag names, in document order. */
export function elementsByTags(root: Element | Document, tags: ReadonlySet<string>): Element[] {
  return descendants(root).filter((el) => tags.has(el.tagName));
}

/** The first element under `root` with one of the (upper-case) tag names, in document order, or null. */
export function firstByTags(root: Element | Document, tags: ReadonlySet<string>): Element | null {
  const all = root.getElementsByTagName('*');
  for (let i = 0; ; i++) {
    const el = all[i];
    if (!el) return null;
    if (tags.has(el.tagName)) return el;
  }
}

/** The child elements of `el` (an `HTMLCollection` read by index). */
export function childElements(el: Element): Element[] {
  return collected(el.children);
}

/** Whether `el` has a descendant with one of the (upper-case) tag names, without a selector query. */
export function hasDescendant(el: Element, tags: Iterable<string>): boolean {
  for (const tag of tags) if (el.getElementsByTagName(tag.toLowerCase())[0]) return true;
  return false;
}

/** The nearest inclusive ancestor of `el` with one of the (upper-case) tag names, without a selector query. */
export function closestTag(el: Element, tags: ReadonlySet<string>): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (tags.has(e.tagName)) return e;
  return null;
}
