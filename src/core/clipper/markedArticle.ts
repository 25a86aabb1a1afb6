/**
 * The article a page marks as such: its one `<article>` element or `itemprop="articleBody"`. Readability
 * scores text density and can pick a newsletter box or cookie notice over a short article; when the page
 * itself says where the article is and Readability's choice misses its opening, the page is believed.
 */
import { looseText } from '../article/text';

/** Page furniture that may sit inside a marked article (share bars, related boxes, forms). */
const INNER_CHROME =
  'nav, aside, form, footer, [role="navigation"], [role="complementary"], [aria-hidden="true"], [hidden], button';

/** The HTML and opening text of the page's single marked article, or null when there is none (or several). */
export function markedArticle(doc: Document): { html: string; opening: string } | null {
  const byProp = Array.from(doc.querySelectorAll('[itemprop="articleBody"]'));
  const articles = Array.from(doc.querySelectorAll('article')).filter((a) => !a.parentElement?.closest('article'));
  const candidates = byProp.length === 1 ? byProp : articles.length === 1 ? articles : [];
  const el = candidates[0]?.cloneNode(true) as Element | undefined;
  if (!el) return null;
  for (const junk of Array.from(el.querySelectorAll(INNER_CHROME))) junk.remove();
  const first = Array.from(el.querySelectorAll('p, li, blockquote, pre, td'))
    .map((p) => looseText(p.textContent))
    .find((t) => t.length >= 40);
  return first ? { html: el.innerHTML, opening: first.slice(0, 60) } : null;
}

/** Whether `text` (e.g. what Readability kept) contains the marked article's opening. */
export function keepsOpening(text: string | null | undefined, marked: { opening: string }): boolean {
  return looseText(text).includes(marked.opening);
}

/**
 * A paper's abstract that the extracted `text` left out, as HTML to put in front of the article; null when
 * there is none or it is already there. Readability often scores the abstract box apart from the body,
 * and a paper without its abstract is not what a researcher clipped.
 */
export function missingAbstract(doc: Document, text: string | null | undefined): string | null {
  const box = doc.querySelector(
    '[role="doc-abstract"], section[class~="abstract" i], div[class~="abstract" i], section[id="abstract" i], div[id="abstract" i]',
  );
  const first =
    box &&
    Array.from(box.querySelectorAll('p'))
      .map((p) => looseText(p.textContent))
      .find((t) => t.length >= 40);
  return box && first && !looseText(text).includes(first.slice(0, 60)) ? box.innerHTML : null;
}
