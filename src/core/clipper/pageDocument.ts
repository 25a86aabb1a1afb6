/**
 * Parsing a page once, in its own inert jsdom window. The window is closed when the clip is done, so nothing
 * of one page outlives it: jsdom keeps each document that ran a selector query reachable from its window (the
 * selector engine's event listeners) and tracks named elements per window, so documents parsed in a shared
 * window would pile up in a long-lived extraction worker.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/** A parsed page and how to release it. */
export interface PageDocument {
  document: Document;
  /** Closes the page's window (its listeners, timers and documents go with it). Safe to call twice. */
  close(): void;
}

/**
 * Parses `html` as a browser with scripting on would (jsdom's defaults: no script runs, nothing loads), with
 * `url` as the document's address so `<base href>` and relative links resolve as in the browser. When jsdom
 * itself throws on the page (its CSS parser rejects some style sheets, e.g. an unfinished `calc(` in a
 * `<style>`), the page is parsed again without style processing: the article does not need its style sheets.
 */
export function parsePage(html: string, url: string | null): PageDocument {
  const virtualConsole = new VirtualConsole();
  let dom: JSDOM;
  let document: Document;
  try {
    dom = new JSDOM(html, url ? { url, virtualConsole } : { virtualConsole });
    document = dom.window.document;
  } catch {
    dom = new JSDOM('', url ? { url, virtualConsole } : { virtualConsole });
    // DOMParser documents have no browsing context, so jsdom does not parse their style sheets.
    document = new dom.window.DOMParser().parseFromString(html, 'text/html');
    // That parse has scripting off: <noscript> content became markup a scripting browser never shows.
    for (const el of Array.from(document.getElementsByTagName('noscript'))) el.remove();
  }
  neutraliseNoscript(document);
  return { document, close: () => dom.window.close() };
}

/**
 * Removes `<noscript>` elements whose raw text contains `</noscript`. With scripting on (the browser, and this
 * parse) a noscript's content is raw text ending at the first `</noscript`, even inside an attribute; the
 * sanitiser and the renderer re-parse serialised HTML with scripting off, where the same bytes open an
 * element that swallows the rest of the article. Such a noscript shows nothing in a browser, so it goes.
 */
export function neutraliseNoscript(doc: Document): void {
  for (const el of Array.from(doc.getElementsByTagName('noscript'))) {
    if (/<\/noscript/i.test(el.textContent ?? '')) el.remove();
  }
}
