/**
 * What the page itself marks: its one `<article>` element or `itemprop="articleBody"` (a candidate beside
 * Readability's choice, see candidates.ts), and a paper's abstract box, which Readability often scores apart
 * from the body.
 */
import { closestTag, descendants, elementsByTag } from '../article/dom';
import { looseText } from '../article/text';
import { removeChrome } from './boilerplate';

const ARTICLE: ReadonlySet<string> = new Set(['ARTICLE']);

/** A copy of the page's single marked article without the chrome inside it, or null when there is none (or several). */
export function markedArticle(doc: Document): Element | null {
  const all = descendants(doc);
  const byProp = all.filter((el) => el.getAttribute('itemprop') === 'articleBody');
  const articles = all.filter(
    (el) => el.tagName === 'ARTICLE' && !(el.parentElement && closestTag(el.parentElement, ARTICLE)),
  );
  const candidates = byProp.length === 1 ? byProp : articles.length === 1 ? articles : [];
  const el = candidates[0]?.cloneNode(true) as Element | undefined;
  if (!el) return null;
  removeChrome(el);
  return el;
}

/** `[role=doc-abstract]`, or a section/div whose class has the word or whose id is "abstract" (any case). */
function isAbstractBox(el: Element): boolean {
  if (el.getAttribute('role') === 'doc-abstract') return true;
  if (el.tagName !== 'SECTION' && el.tagName !== 'DIV') return false;
  const id = el.getAttribute('id')?.toLowerCase();
  return id === 'abstract' || (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/).includes('abstract');
}

/** A copy of the page's abstract box and its opening, or null when it has none. */
export function abstractBox(doc: Document): { box: Element; opening: string } | null {
  const box = descendants(doc).find(isAbstractBox);
  const first =
    box &&
    elementsByTag(box, 'p')
      .map((p) => looseText(p.textContent))
      .find((t) => t.length >= 40);
  return box && first ? { box: box.cloneNode(true) as Element, opening: first.slice(0, 60) } : null;
}
