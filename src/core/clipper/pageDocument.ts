/**
 * Parsing a page once, as a browser with scripting on parses it, in its own inert jsdom window that is closed
 * when the clip is done.
 *
 * - Scripting on: a browser that runs the page's scripts treats `<noscript>` content as raw text ending at the
 *   first `</noscript`, even inside an attribute; jsdom's own page parse has scripting off and would read the
 *   same bytes as an element that swallows the rest of the page. The markup is parsed into a document made by
 *   `createHTMLDocument` (jsdom parses markup assigned there with scripting on).
 * - No style processing: that document has no browsing context, so jsdom does not parse its style sheets (a
 *   third of a page's parse time, and its CSS parser throws on some sheets, e.g. an unfinished `calc(`).
 * - Its own window: jsdom keeps each document that ran a selector query reachable from its window (the selector
 *   engine's event listeners) and tracks named elements per window, so pages parsed in one long-lived window
 *   would pile up in the extraction worker. Closing the page's window lets all of it go.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { descendants, elementsByTag } from '../article/dom';

const DROPPED: ReadonlySet<string> = new Set(['script', 'style', 'template']);

/** A parsed page, its window and how to release it. */
export interface PageDocument {
  document: Document;
  window: JSDOM['window'];
  /** Closes the page's window (its listeners, timers and documents go with it). Safe to call twice. */
  close(): void;
}

/** The attributes of the page's `<html>` start tag (fragment parsing keeps its children, not its attributes). */
function copyRootAttributes(html: string, doc: Document, window: JSDOM['window']): void {
  const tag = /<html\b[^>]*>/i.exec(html.slice(0, 100_000))?.[0];
  if (!tag) return;
  const parsed = new window.DOMParser().parseFromString(tag, 'text/html').documentElement;
  for (const attr of Array.from(parsed.attributes)) doc.documentElement.setAttribute(attr.name, attr.value);
}

/**
 * Parses `html` into an inert document (no script runs, nothing loads) of a fresh window; the caller closes it.
 * Relative addresses are not resolved by the document (its address is about:blank): the caller resolves them
 * against the page's URL and `<base href>`.
 */
export function parsePage(html: string): PageDocument {
  const dom = new JSDOM('', { virtualConsole: new VirtualConsole() });
  const window = dom.window;
  const document = window.document.implementation.createHTMLDocument('');
  document.documentElement.innerHTML = html;
  copyRootAttributes(html, document, window);
  return { document, window, close: () => window.close() };
}

/**
 * Removes the `<noscript>` elements under `root`. A scripting browser never shows them, and their raw text,
 * once serialised, would be read as markup by the scripting-off parsers that see the article next (the
 * sanitiser, and the reader's DOMParser), where a `</noscript>` inside an attribute swallows what follows.
 */
export function dropNoscript(root: Element): void {
  for (const el of elementsByTag(root, 'noscript')) el.remove();
}

/**
 * Removes the page's scripts (all but its JSON-LD, which Readability reads for metadata), style sheets and
 * templates: never article text, and their source would count in every text length the heuristics measure.
 */
export function dropScripts(doc: Document): void {
  for (const el of descendants(doc).filter((e) => DROPPED.has(e.localName))) {
    if (el.tagName !== 'SCRIPT' || !/^application\/ld\+json$/i.test(el.getAttribute('type')?.trim() ?? '')) el.remove();
  }
}
