/**
 * What the page itself marks: its one `<article>` element or `itemprop="articleBody"` (a candidate beside
 * Readability's choice, see candidates.ts), and a paper's abstract box, which Readability often scores apart
 * from the body.
 */
import { looseText } from '../article/text';
import { CHROME_SELECTOR } from './boilerplate';

/** A copy of the page's single marked article without the chrome inside it, or null when there is none (or several). */
export function markedArticle(doc: Document): Element | null {
  const byProp = Array.from(doc.querySelectorAll('[itemprop="articleBody"]'));
  const articles = Array.from(doc.getElementsByTagName('article')).filter((a) => !a.parentElement?.closest('article'));
  const candidates = byProp.length === 1 ? byProp : articles.length === 1 ? articles : [];
  const el = candidates[0]?.cloneNode(true) as Element | undefined;
  if (!el) return null;
  for (const junk of Array.from(el.querySelectorAll(CHROME_SELECTOR))) junk.remove();
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
  const box = Array.from(doc.getElementsByTagName('*')).find(isAbstractBox);
  const first =
    box &&
    Array.from(box.querySelectorAll('p'))
      .map((p) => looseText(p.textContent))
      .find((t) => t.length >= 40);
  return box && first ? { box: box.cloneNode(true) as Element, opening: first.slice(0, 60) } : null;
}
